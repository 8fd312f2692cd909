package dev.distill.image;

import dev.distill.DistillException;
import dev.distill.image.registry.Credentials;
import dev.distill.image.registry.RegistryClient;
import dev.distill.progress.ProgressListener;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Writes a built {@link ImageSet} to an {@link ImageOutput} or loads it into the local engine: the
 * one entry point {@code distill build} needs.
 */
public final class ImageWriter {
  private final Credentials credentials;
  private final ProgressListener progress;

  public ImageWriter(Credentials credentials, ProgressListener progress) {
    this.credentials = credentials == null ? Credentials.ANONYMOUS : credentials;
    this.progress = progress == null ? ProgressListener.NONE : progress;
  }

  /** What was written: the digest of the top-level artifact and a description of where. */
  public record Written(Digest digest, String location) {}

  /**
   * Writes {@code images}; {@code name} (e.g. {@code distill/nginx:latest}) is the docker tag of a
   * docker-archive and the default OCI ref name (its tag part).
   */
  public Written write(ImageSet images, ImageOutput output, String name) {
    if (output instanceof ImageOutput.OciLayout oci) {
      String ref = oci.refName() != null ? oci.refName() : tagOf(name);
      Descriptor top = OciLayoutWriter.write(oci.dir(), images, ref);
      progress.note("wrote OCI layout " + oci.dir() + (ref == null ? "" : " (" + ref + ")"));
      return new Written(top.digest(), "oci:" + oci.dir() + (ref == null ? "" : ":" + ref));
    }
    if (output instanceof ImageOutput.DockerArchive archive) {
      Image image = singleForDocker(images);
      DockerArchiveWriter.write(archive.file(), image, List.of(name));
      progress.note("wrote docker-archive " + archive.file() + " (" + image.platform() + ")");
      return new Written(image.digest(), "docker-archive:" + archive.file());
    }
    ImageOutput.Registry registry = (ImageOutput.Registry) output;
    RegistryClient client =
        new RegistryClient(
            credentials, progress, RegistryClient.DEFAULT_CHUNK_SIZE, Duration.ofSeconds(120));
    Digest digest = client.push(images, registry.reference());
    return new Written(digest, registry.reference().withDigest(digest).toString());
  }

  /** Loads the image for this machine's platform into the local Docker engine as {@code name}. */
  public Written load(ImageSet images, String name) {
    Image image = singleForDocker(images);
    String out = new DockerLoader().load(image, List.of(name));
    progress.note(out);
    return new Written(image.digest(), "docker:" + DockerArchiveWriter.withTag(name));
  }

  /** A docker-archive holds one platform: the only one, or the one matching this machine. */
  static Image singleForDocker(ImageSet images) {
    if (!images.isMultiPlatform()) {
      return images.images().get(0);
    }
    Platform host = hostPlatform();
    try {
      return images.forPlatform(host);
    } catch (DistillException e) {
      throw new DistillException(
          "a docker-archive or --load holds one platform and none of this build's matches this"
              + " machine ("
              + host
              + "); build with a single --arch or use --output oci:DIR");
    }
  }

  /** The OCI platform of the running JVM. */
  public static Platform hostPlatform() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "amd64", "x86_64" -> Platform.LINUX_AMD64;
      case "aarch64", "arm64" -> Platform.LINUX_ARM64;
      case "ppc64le" -> new Platform("linux", "ppc64le", null);
      case "s390x" -> new Platform("linux", "s390x", null);
      case "riscv64" -> new Platform("linux", "riscv64", null);
      default -> new Platform("linux", arch, null);
    };
  }

  private static String tagOf(String name) {
    if (name == null) {
      return null;
    }
    String tagged = DockerArchiveWriter.withTag(name);
    return tagged.substring(tagged.lastIndexOf(':') + 1);
  }
}
