package dev.distill.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** skopeo and umoci, as independent OCI implementations, accept what distill writes. */
class OciToolsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @BeforeAll
  static void tools() {
    ProcessRunner.run(ProcessRunner.script("ensure-oci-tools.sh")).ok();
  }

  @Test
  void skopeoInspectsTheOciLayout() throws IOException {
    Image image = TestImages.sampleImage(Platform.LINUX_AMD64);
    Path dir = tmp.resolve("layout");
    OciLayoutWriter.write(dir, ImageSet.of(image), "1.0");
    JsonNode info =
        JSON.readTree(ProcessRunner.run("skopeo", "inspect", "oci:" + dir + ":1.0").ok().stdout());
    assertThat(info.path("Digest").asText()).isEqualTo(image.digest().toString());
    assertThat(info.path("Architecture").asText()).isEqualTo("amd64");
    assertThat(info.path("Layers").get(0).asText())
        .isEqualTo(image.layers().get(0).digest().toString());
    JsonNode config =
        JSON.readTree(
            ProcessRunner.run("skopeo", "inspect", "--config", "oci:" + dir + ":1.0")
                .ok()
                .stdout());
    assertThat(config.path("config").path("User").asText()).isEqualTo("65532:65532");
    assertThat(config.path("rootfs").path("diff_ids").get(0).asText())
        .isEqualTo(image.layers().get(0).diffId().toString());
    // skopeo copies it (verifying every blob) into a docker-archive, which distill reads back
    Path archive = tmp.resolve("via-skopeo.tar");
    ProcessRunner.run(
            "skopeo", "copy", "oci:" + dir + ":1.0", "docker-archive:" + archive + ":sample:1")
        .ok();
    ReadImage back = ImageReader.read(archive, ImageReader.Options.defaults());
    assertThat(back.config().diffIds()).isEqualTo(image.config().diffIds());
    assertThat(back.files()).extracting(ImageFile::path).contains("usr/bin/su-helper");
  }

  @Test
  void skopeoInspectsTheDockerArchive() throws IOException {
    Image image = TestImages.sampleImage(Platform.LINUX_AMD64);
    Path archive = tmp.resolve("image.tar");
    DockerArchiveWriter.write(archive, image, List.of("distill/sample:1"));
    JsonNode info =
        JSON.readTree(
            ProcessRunner.run("skopeo", "inspect", "docker-archive:" + archive).ok().stdout());
    // skopeo names docker-archive layers by their uncompressed digest, the diff_id
    assertThat(info.path("Layers").get(0).asText())
        .isEqualTo(image.layers().get(0).diffId().toString());
    assertThat(info.path("Architecture").asText()).isEqualTo("amd64");
    Path layout = tmp.resolve("from-archive");
    ProcessRunner.run("skopeo", "copy", "docker-archive:" + archive, "oci:" + layout + ":x").ok();
    assertThat(ImageReader.read(layout, ImageReader.Options.defaults()).config().diffIds())
        .isEqualTo(image.config().diffIds());
  }

  @Test
  void skopeoReadsTheMultiArchLayoutPerPlatform() throws IOException {
    ImageSet set =
        ImageSet.of(
            TestImages.sampleImage(Platform.LINUX_AMD64),
            TestImages.sampleImage(Platform.LINUX_ARM64));
    Path dir = tmp.resolve("multi");
    OciLayoutWriter.write(dir, set, "multi");
    JsonNode raw =
        JSON.readTree(
            ProcessRunner.run("skopeo", "inspect", "--raw", "oci:" + dir + ":multi").ok().stdout());
    assertThat(raw.path("mediaType").asText()).isEqualTo(MediaTypes.OCI_INDEX);
    assertThat(raw.path("manifests")).hasSize(2);
    JsonNode arm =
        JSON.readTree(
            ProcessRunner.run(
                    "skopeo", "--override-arch", "arm64", "inspect", "oci:" + dir + ":multi")
                .ok()
                .stdout());
    // skopeo reports the digest of what the name points at (the index) and the arm64 image's data
    assertThat(arm.path("Digest").asText()).isEqualTo(set.digest().toString());
    assertThat(arm.path("Architecture").asText()).isEqualTo("arm64");
    JsonNode armConfig =
        JSON.readTree(
            ProcessRunner.run(
                    "skopeo",
                    "--override-arch",
                    "arm64",
                    "inspect",
                    "--config",
                    "oci:" + dir + ":multi")
                .ok()
                .stdout());
    assertThat(armConfig.path("variant").asText()).isEqualTo("v8");
    Path copy = tmp.resolve("copy");
    ProcessRunner.run("skopeo", "copy", "--all", "oci:" + dir + ":multi", "oci:" + copy + ":multi")
        .ok();
    assertThat(
            ImageReader.read(
                    copy, ImageReader.Options.defaults().withPlatform(Platform.LINUX_ARM64))
                .config())
        .isEqualTo(set.images().get(1).config());
  }

  @Test
  void umociUnpacksTheLayoutWithModesAndLinks() throws IOException {
    Image image = TestImages.sampleImage(Platform.LINUX_AMD64);
    Path dir = tmp.resolve("layout");
    OciLayoutWriter.write(dir, ImageSet.of(image), "latest");
    String stat =
        ProcessRunner.run("umoci", "stat", "--json", "--image", dir + ":latest").ok().stdout();
    assertThat(JSON.readTree(stat).path("history")).hasSize(1);
    Path bundle = tmp.resolve("bundle");
    ProcessRunner.run(
            "umoci", "unpack", "--rootless", "--image", dir + ":latest", bundle.toString())
        .ok();
    Path rootfs = bundle.resolve("rootfs");
    assertThat(Files.readString(rootfs.resolve("etc/passwd"))).startsWith("root:x:0:0");
    assertThat(Files.readSymbolicLink(rootfs.resolve("bin")).toString()).isEqualTo("usr/bin");
    assertThat(Files.readString(rootfs.resolve("usr/bin/app"))).isEqualTo("#!fake-elf\n");
    assertThat(Files.getAttribute(rootfs.resolve("usr/bin/app"), "unix:ino"))
        .isEqualTo(Files.getAttribute(rootfs.resolve("usr/bin/aa-hard"), "unix:ino"));
    assertThat(Files.getPosixFilePermissions(rootfs.resolve("usr/bin/app")))
        .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    assertThat((int) Files.getAttribute(rootfs.resolve("tmp"), "unix:mode") & 07777)
        .isEqualTo(01777);
    assertThat(Files.readString(rootfs.resolve(TestImages.VERY_LONG_NAME))).isEqualTo("pax\n");
    assertThat(Files.readString(rootfs.resolve(TestImages.LONG_FILE))).isEqualTo("long\n");
    JsonNode config = JSON.readTree(Files.readAllBytes(bundle.resolve("config.json")));
    assertThat(config.path("process").path("args"))
        .extracting(JsonNode::asText)
        .containsExactly("/usr/bin/app", "--serve");
    assertThat(Set.of(List.of(config.path("process").path("cwd").asText())))
        .containsExactly(List.of("/home/nonroot"));
  }
}
