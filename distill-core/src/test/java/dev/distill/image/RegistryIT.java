package dev.distill.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distill.DistillException;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import dev.distill.image.registry.Credentials;
import dev.distill.image.registry.ImageReference;
import dev.distill.image.registry.RawManifest;
import dev.distill.image.registry.RegistryClient;
import dev.distill.progress.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push to and pull from Debian's docker-registry on 127.0.0.1: anonymous, HTTP basic (htpasswd with
 * a bcrypt line made by Bouncy Castle) and bearer tokens (the registry's token auth with a JWT
 * issuer run by the test).
 */
class RegistryIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER = "distill";
  private static final String PASSWORD = "s3cret-for-tests";
  private static final List<String> NAMES = List.of("it-anon", "it-basic", "it-token");

  @TempDir static Path work;
  private static String anonAddr;
  private static String basicAddr;
  private static String tokenAddr;
  private static TokenServer tokenServer;

  @BeforeAll
  static void startRegistries() throws Exception {
    for (String n : NAMES) {
      ProcessRunner.run(ProcessRunner.script("start-registry.sh"), "--stop", "--name", n).ok();
    }
    anonAddr = start("--name", "it-anon");
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    Path htpasswd = work.resolve("htpasswd");
    Files.writeString(
        htpasswd,
        USER + ":" + OpenBSDBCrypt.generate("2a", PASSWORD.toCharArray(), salt, 4) + "\n");
    basicAddr = start("--name", "it-basic", "--htpasswd", htpasswd.toString());
    tokenServer = new TokenServer(work, USER, PASSWORD);
    tokenAddr =
        start(
            "--name",
            "it-token",
            "--token-realm",
            tokenServer.realm(),
            "--token-service",
            TokenServer.SERVICE,
            "--token-issuer",
            TokenServer.ISSUER,
            "--token-certs",
            tokenServer.certPem().toString());
  }

  private static String start(String... args) {
    List<String> cmd =
        new java.util.ArrayList<>(List.of(ProcessRunner.script("start-registry.sh")));
    cmd.addAll(List.of(args));
    String addr = ProcessRunner.run(cmd).ok().stdout().trim();
    assertThat(addr).startsWith("127.0.0.1:");
    return addr;
  }

  @AfterAll
  static void stopRegistries() throws Exception {
    for (String n : NAMES) {
      ProcessRunner.run(ProcessRunner.script("start-registry.sh"), "--stop", "--name", n);
    }
    if (tokenServer != null) {
      tokenServer.close();
    }
  }

  /** An image with a 200 kB incompressible file, so a small chunk size forces chunked upload. */
  private static Image bigImage(Platform platform) {
    byte[] noise = new byte[200_000];
    new Random(42).nextBytes(noise);
    RootFs fs =
        TestImages.sampleFs().toBuilder()
            .put(FsEntry.file("usr/lib/noise.bin", 0644, 0, 0, noise, "test"))
            .build();
    return Image.of(
        TestImages.sampleImage(platform).config(),
        List.of(ReproducibleTar.layer(fs, TestImages.MTIME)));
  }

  @Test
  void anonymousPushAndPullByDigestRoundTrip() throws Exception {
    Image image = TestImages.sampleImage(Platform.LINUX_AMD64);
    ImageReference ref = ImageReference.parse(anonAddr + "/distill/sample:1.0");
    RegistryClient client = new RegistryClient(Credentials.ANONYMOUS);
    client.ping(ref);
    Digest pushed = client.push(ImageSet.of(image), ref);
    assertThat(pushed).isEqualTo(image.digest());
    // pushing again finds every blob present and changes nothing
    assertThat(client.blobExists(ref, image.layers().get(0).digest())).isTrue();
    assertThat(client.push(ImageSet.of(image), ref)).isEqualTo(pushed);

    ImageReference byDigest = ref.withDigest(pushed);
    RawManifest manifest = client.fetchManifest(byDigest);
    assertThat(manifest.bytes()).isEqualTo(image.manifestBlob());
    assertThat(manifest.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
    assertThat(client.fetchBlob(byDigest, image.layers().get(0).descriptor()))
        .isEqualTo(image.layers().get(0).bytes());
    ReadImage back = client.read(byDigest, ImageReader.Options.defaults());
    assertThat(back.manifestDigest()).isEqualTo(pushed);
    assertThat(back.config()).isEqualTo(image.config());
    assertThat(back.rootFs().entries())
        .extracting(FsEntry::path)
        .containsExactlyElementsOf(
            TestImages.sampleFs().entries().stream().map(FsEntry::path).toList());

    // skopeo, an independent client, sees the same digest under the tag
    JsonNode info =
        JSON.readTree(
            ProcessRunner.run("skopeo", "inspect", "--tls-verify=false", "docker://" + ref)
                .ok()
                .stdout());
    assertThat(info.path("Digest").asText()).isEqualTo(pushed.toString());
  }

  @Test
  void multiArchPushWithChunkedUploadsRoundTrips() {
    ImageSet set = ImageSet.of(bigImage(Platform.LINUX_AMD64), bigImage(Platform.LINUX_ARM64));
    ImageReference ref = ImageReference.parse(anonAddr + "/distill/multi:2.0");
    RegistryClient client =
        new RegistryClient(
            Credentials.ANONYMOUS, ProgressListener.NONE, 64 * 1024, Duration.ofSeconds(30));
    Digest pushed = client.push(set, ref);
    assertThat(pushed).isEqualTo(set.digest());
    RawManifest index = client.fetchManifest(ref);
    assertThat(index.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
    assertThat(index.bytes()).isEqualTo(set.indexBlob());
    ReadImage arm =
        client.read(
            ref.withDigest(pushed),
            ImageReader.Options.defaults().withPlatform(Platform.LINUX_ARM64));
    assertThat(arm.manifestDigest()).isEqualTo(set.images().get(1).digest());
    assertThat(arm.rootFs().get("usr/lib/noise.bin").orElseThrow().size()).isEqualTo(200_000);
  }

  @Test
  void basicAuthPushWorksAndBadCredentialsAreClear() {
    Image image = TestImages.sampleImage(Platform.LINUX_AMD64);
    ImageReference ref = ImageReference.parse(basicAddr + "/distill/private:1");
    Digest pushed =
        new RegistryClient(Credentials.basic(USER, PASSWORD)).push(ImageSet.of(image), ref);
    assertThat(pushed).isEqualTo(image.digest());
    assertThat(
            new RegistryClient(Credentials.basic(USER, PASSWORD))
                .read(ref.withDigest(pushed), ImageReader.Options.defaults())
                .config())
        .isEqualTo(image.config());

    assertThatThrownBy(
            () ->
                new RegistryClient(Credentials.basic(USER, "wrong")).push(ImageSet.of(image), ref))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("rejected the credentials of user distill")
        .hasMessageContaining(basicAddr);
    assertThatThrownBy(() -> new RegistryClient(Credentials.ANONYMOUS).fetchManifest(ref))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("requires a user name and password");
  }

  @Test
  void bearerTokenPushAndPull() {
    Image image = TestImages.sampleImage(Platform.LINUX_AMD64);
    ImageReference ref = ImageReference.parse(tokenAddr + "/distill/tokened:1");
    int before = tokenServer.tokensIssued.get();
    RegistryClient client = new RegistryClient(Credentials.basic(USER, PASSWORD));
    Digest pushed = client.push(ImageSet.of(image), ref);
    assertThat(pushed).isEqualTo(image.digest());
    assertThat(tokenServer.tokensIssued.get()).isGreaterThan(before);
    ReadImage back =
        new RegistryClient(Credentials.basic(USER, PASSWORD))
            .read(ref.withDigest(pushed), ImageReader.Options.defaults());
    assertThat(back.config()).isEqualTo(image.config());

    assertThatThrownBy(
            () -> new RegistryClient(Credentials.basic(USER, "wrong")).fetchManifest(ref))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("token server")
        .hasMessageContaining("rejected user distill");
  }

  @Test
  void dockerPullsAndRunsWhatWasPushed() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        ImageWriter.hostPlatform().equals(Platform.LINUX_AMD64),
        "the hand-made test program is x86-64 only");
    ProcessRunner.run(ProcessRunner.script("start-docker.sh")).ok();
    Image hello = TestImages.helloImage();
    ImageReference ref = ImageReference.parse(anonAddr + "/distill/hello:run");
    Digest pushed = new RegistryClient(Credentials.ANONYMOUS).push(ImageSet.of(hello), ref);
    String pinned = ref.withDigest(pushed).toString();
    try {
      ProcessRunner.run("docker", "pull", pinned).ok();
      ProcessRunner.Result run =
          ProcessRunner.run("docker", "run", "--rm", "--network", "host", "--read-only", pinned)
              .ok();
      assertThat(run.stdout()).isEqualTo("hello from distill\n");
    } finally {
      ProcessRunner.run("docker", "rmi", "-f", pinned);
    }
  }

  @Test
  void missingImagesAndDownRegistriesAreClearErrors() {
    RegistryClient client = new RegistryClient(Credentials.ANONYMOUS);
    assertThatThrownBy(
            () -> client.fetchManifest(ImageReference.parse(anonAddr + "/distill/nothing:here")))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("was not found");
    assertThatThrownBy(() -> client.ping(ImageReference.parse("127.0.0.1:1/x/y:z")))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("cannot reach registry 127.0.0.1:1");
  }
}
