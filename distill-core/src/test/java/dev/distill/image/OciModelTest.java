package dev.distill.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OciModelTest {
  private static final Digest D1 = Digest.parse("sha256:" + "a".repeat(64));

  @Test
  void digestParsesAndRejectsBadValues() {
    assertThat(D1.algorithm()).isEqualTo("sha256");
    assertThat(D1.toString()).isEqualTo("sha256:" + "a".repeat(64));
    assertThat(Digest.sha256("abc".getBytes(StandardCharsets.US_ASCII)).toString())
        .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    for (String bad :
        List.of("sha256:" + "A".repeat(64), "sha256:abc", "md5:" + "a".repeat(32), "nocolon", "")) {
      assertThatThrownBy(() -> Digest.parse(bad))
          .isInstanceOf(DistillException.class)
          .hasMessageContaining("invalid digest");
    }
    assertThat(Digest.isValid("sha512:" + "0".repeat(128))).isTrue();
  }

  @Test
  void platformsFromDebianArchitectures() {
    assertThat(Platform.forDebianArch("amd64").toString()).isEqualTo("linux/amd64");
    assertThat(Platform.forDebianArch("arm64").toString()).isEqualTo("linux/arm64/v8");
    assertThat(Platform.forDebianArch("armhf").toString()).isEqualTo("linux/arm/v7");
    assertThat(Platform.parse("linux/arm64").matches(Platform.LINUX_ARM64)).isTrue();
    assertThat(Platform.LINUX_AMD64.matches(Platform.LINUX_ARM64)).isFalse();
    assertThatThrownBy(() -> Platform.forDebianArch("vax"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("vax");
  }

  @Test
  void configJsonIsCanonical() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("z", "last");
    labels.put("a", "first");
    ImageConfig config =
        ImageConfig.builder(Platform.LINUX_ARM64)
            .created(Instant.parse("2026-01-01T00:00:00Z"))
            .user("65532")
            .entrypoint(List.of("/usr/sbin/nginx"))
            .cmd(List.of("-g", "daemon off;"))
            .env(List.of("PATH=/usr/bin", "SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"))
            .exposedPorts(Set.of("8080", "53/udp"))
            .workingDir("/")
            .labels(labels)
            .stopSignal("SIGQUIT")
            .volumes(Set.of("/data"))
            .history(
                List.of(new History(Instant.parse("2026-01-01T00:00:00Z"), "distill", null, false)))
            .diffIds(List.of(D1))
            .build();
    String json = new String(config.toBytes(), StandardCharsets.UTF_8);
    assertThat(json)
        .isEqualTo(
            "{\"created\":\"2026-01-01T00:00:00Z\",\"architecture\":\"arm64\",\"variant\":\"v8\","
                + "\"os\":\"linux\",\"config\":{\"User\":\"65532\","
                + "\"ExposedPorts\":{\"53/udp\":{},\"8080/tcp\":{}},"
                + "\"Env\":[\"PATH=/usr/bin\",\"SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt\"],"
                + "\"Entrypoint\":[\"/usr/sbin/nginx\"],\"Cmd\":[\"-g\",\"daemon off;\"],"
                + "\"Volumes\":{\"/data\":{}},\"WorkingDir\":\"/\","
                + "\"Labels\":{\"a\":\"first\",\"z\":\"last\"},\"StopSignal\":\"SIGQUIT\"},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:"
                + "a".repeat(64)
                + "\"]},\"history\":[{\"created\":\"2026-01-01T00:00:00Z\",\"created_by\":\"distill\"}]}");
    ImageConfig back = ImageConfig.fromJson(config.toBytes(), "test");
    assertThat(back).isEqualTo(config);
    assertThat(back.toBytes()).isEqualTo(config.toBytes());
    assertThat(back.envValue("SSL_CERT_FILE")).isEqualTo("/etc/ssl/certs/ca-certificates.crt");
  }

  @Test
  void manifestAndIndexRoundTripAndKeepFieldOrder() {
    Descriptor config = Descriptor.of(MediaTypes.OCI_CONFIG, D1, 10);
    Descriptor layer = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, D1, 20);
    Manifest m = Manifest.oci(config, List.of(layer));
    assertThat(new String(m.toBytes(), StandardCharsets.UTF_8))
        .startsWith(
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
                + "\"digest\":\"sha256:");
    assertThat(Manifest.fromJson(m.toBytes(), "m")).isEqualTo(m);
    Descriptor listed =
        Descriptor.ofBytes(MediaTypes.OCI_MANIFEST, m.toBytes())
            .withPlatform(Platform.LINUX_ARM64)
            .withAnnotation(MediaTypes.REF_NAME_ANNOTATION, "latest");
    ImageIndex index = ImageIndex.oci(List.of(listed));
    String json = new String(index.toBytes(), StandardCharsets.UTF_8);
    assertThat(json)
        .contains(
            "\"annotations\":{\"org.opencontainers.image.ref.name\":\"latest\"},"
                + "\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\"}");
    assertThat(ImageIndex.fromJson(index.toBytes(), "i")).isEqualTo(index);
  }

  @Test
  void badDocumentsGiveClearErrors() {
    assertThatThrownBy(() -> Manifest.fromJson("{".getBytes(StandardCharsets.UTF_8), "manifest X"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("manifest X is not valid JSON");
    assertThatThrownBy(
            () ->
                Manifest.fromJson(
                    "{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8), "manifest Y"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("not a schema 2");
  }

  @Test
  void imageDerivesDiffIdsHistoryAndStableDigests() {
    Image a = TestImages.sampleImage(Platform.LINUX_AMD64);
    Image b = TestImages.sampleImage(Platform.LINUX_AMD64);
    assertThat(a.config().diffIds()).containsExactly(a.layers().get(0).diffId());
    assertThat(a.config().history()).hasSize(1);
    assertThat(a.digest()).isEqualTo(b.digest());
    assertThat(a.manifestBlob()).isEqualTo(b.manifestBlob());
    assertThat(a.digest()).isEqualTo(Digest.sha256(a.manifestBlob()));
    assertThat(a.imageId()).isEqualTo(Digest.sha256(a.configBlob()));
    assertThat(TestImages.sampleImage(Platform.LINUX_ARM64).digest()).isNotEqualTo(a.digest());
  }
}
