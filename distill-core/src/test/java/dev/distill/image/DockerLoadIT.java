package dev.distill.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.distill.fs.FsEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Docker engine loads distill's docker-archive, and distill reads docker's own save. */
class DockerLoadIT {
  private static final String TAG = "distill-it/image-load:test";
  @TempDir Path tmp;

  @BeforeAll
  static void engine() {
    ProcessRunner.run(ProcessRunner.script("start-docker.sh")).ok();
  }

  @AfterEach
  void removeImage() {
    ProcessRunner.run("docker", "rmi", "-f", TAG);
  }

  @Test
  void dockerLoadAcceptsTheArchiveAndDockerSaveReadsBack() {
    Image image = TestImages.sampleImage(Platform.LINUX_AMD64);
    Path archive = tmp.resolve("image.tar");
    DockerArchiveWriter.write(archive, image, List.of(TAG));
    String out = new DockerLoader().load(archive);
    assertThat(out).contains(TAG);
    String id =
        ProcessRunner.run("docker", "image", "inspect", "--format", "{{.Id}}", TAG)
            .ok()
            .stdout()
            .trim();
    assertThat(id).isEqualTo(image.imageId().toString());
    String user =
        ProcessRunner.run("docker", "image", "inspect", "--format", "{{.Config.User}}", TAG)
            .ok()
            .stdout()
            .trim();
    assertThat(user).isEqualTo("65532:65532");

    // docker's own save format (one directory per layer, uncompressed) reads back the same tree
    Path saved = tmp.resolve("saved.tar");
    ProcessRunner.run("docker", "save", "-o", saved.toString(), TAG).ok();
    ReadImage back = ImageReader.read(saved, ImageReader.Options.defaults().withRefName(TAG));
    assertThat(back.config().diffIds()).isEqualTo(image.config().diffIds());
    assertThat(back.rootFs().entries())
        .extracting(FsEntry::path)
        .containsExactlyElementsOf(
            TestImages.sampleFs().entries().stream().map(FsEntry::path).toList());
    assertThat(back.rootFs().get("usr/bin/su-helper").orElseThrow().mode()).isEqualTo(04755);
  }

  @Test
  void theLoadedImageRunsLockedDown() {
    assumeTrue(
        ImageWriter.hostPlatform().equals(Platform.LINUX_AMD64),
        "the hand-made test program is x86-64 only");
    new DockerLoader().load(TestImages.helloImage(), List.of(TAG));
    ProcessRunner.Result run =
        ProcessRunner.run(
                "docker",
                "run",
                "--rm",
                "--network",
                "host",
                "--read-only",
                "--cap-drop",
                "ALL",
                "--security-opt",
                "no-new-privileges",
                TAG)
            .ok();
    assertThat(run.stdout()).isEqualTo("hello from distill\n");
    ProcessRunner.Result noShell =
        ProcessRunner.run(
            "docker",
            "run",
            "--rm",
            "--network",
            "host",
            "--entrypoint",
            "/bin/sh",
            TAG,
            "-c",
            "id");
    assertThat(noShell.exitCode()).isNotZero();
  }

  @Test
  void loadingImageObjectsGoesThroughATemporaryArchive() {
    Image image = TestImages.sampleImage(Platform.LINUX_AMD64);
    new DockerLoader().load(image, List.of(TAG));
    String id =
        ProcessRunner.run("docker", "image", "inspect", "--format", "{{.Id}}", TAG)
            .ok()
            .stdout()
            .trim();
    assertThat(id).isEqualTo(image.imageId().toString());
  }
}
