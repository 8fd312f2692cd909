package dev.distill.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.image.registry.Credentials;
import dev.distill.progress.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageOutputTest {
  @TempDir Path tmp;

  @Test
  void parsesOutputSpecs() {
    assertThat(ImageOutput.parse("oci:out/nginx"))
        .isEqualTo(new ImageOutput.OciLayout(Path.of("out/nginx"), null));
    assertThat(ImageOutput.parse("oci:/tmp/x:1.27"))
        .isEqualTo(new ImageOutput.OciLayout(Path.of("/tmp/x"), "1.27"));
    assertThat(ImageOutput.parse("docker-archive:nginx.tar"))
        .isEqualTo(new ImageOutput.DockerArchive(Path.of("nginx.tar")));
    ImageOutput.Registry r =
        (ImageOutput.Registry) ImageOutput.parse("registry:127.0.0.1:5000/distill/nginx:1");
    assertThat(r.reference().registry()).isEqualTo("127.0.0.1:5000");
    assertThatThrownBy(() -> ImageOutput.parse("tarball:x"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("oci:DIR");
    assertThatThrownBy(() -> ImageOutput.parse("oci:"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("names no location");
  }

  @Test
  void writesLayoutAndArchiveThroughOneEntryPoint() {
    ImageWriter writer = new ImageWriter(Credentials.ANONYMOUS, ProgressListener.NONE);
    ImageSet set = ImageSet.of(TestImages.sampleImage(Platform.LINUX_AMD64));
    ImageWriter.Written oci =
        writer.write(set, ImageOutput.parse("oci:" + tmp.resolve("o")), "distill/sample:2");
    assertThat(oci.digest()).isEqualTo(set.digest());
    assertThat(
            ImageReader.read(tmp.resolve("o"), ImageReader.Options.defaults().withRefName("2"))
                .manifestDigest())
        .isEqualTo(set.digest());
    writer.write(
        set, ImageOutput.parse("docker-archive:" + tmp.resolve("a.tar")), "distill/sample");
    assertThat(Files.exists(tmp.resolve("a.tar"))).isTrue();
    assertThat(
            ImageReader.read(
                    tmp.resolve("a.tar"),
                    ImageReader.Options.defaults().withRefName("distill/sample:latest"))
                .config())
        .isEqualTo(set.images().get(0).config());
  }

  @Test
  void dockerOutputsPickTheHostPlatformFromAMultiArchBuild() {
    Image amd = TestImages.sampleImage(Platform.LINUX_AMD64);
    Image arm = TestImages.sampleImage(Platform.LINUX_ARM64);
    Image chosen = ImageWriter.singleForDocker(ImageSet.of(amd, arm));
    assertThat(chosen.platform().matches(ImageWriter.hostPlatform())).isTrue();
    Image other = ImageWriter.hostPlatform().matches(Platform.LINUX_AMD64) ? arm : amd;
    assertThatThrownBy(
            () ->
                ImageWriter.singleForDocker(
                    ImageSet.of(
                        other, TestImages.sampleImage(new Platform("linux", "s390x", null)))))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("holds one platform");
  }
}
