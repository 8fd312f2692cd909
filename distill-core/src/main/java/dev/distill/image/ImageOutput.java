package dev.distill.image;

import dev.distill.DistillException;
import dev.distill.image.registry.ImageReference;
import java.nio.file.Path;

/**
 * Where {@code distill build --output} writes: {@code oci:DIR[:REF]} (OCI image layout, REF the ref
 * name annotation), {@code docker-archive:FILE} (for {@code docker load}) or {@code registry:REF}
 * (push, e.g. {@code registry:127.0.0.1:5000/distill/nginx:1.27}).
 */
public sealed interface ImageOutput {

  record OciLayout(Path dir, String refName) implements ImageOutput {}

  record DockerArchive(Path file) implements ImageOutput {}

  record Registry(ImageReference reference) implements ImageOutput {}

  static ImageOutput parse(String spec) {
    if (spec.startsWith("oci:")) {
      String rest = spec.substring(4);
      String ref = null;
      int colon = rest.lastIndexOf(':');
      if (colon > 0 && rest.indexOf('/', colon) < 0 && colon < rest.length() - 1) {
        ref = rest.substring(colon + 1);
        rest = rest.substring(0, colon);
      }
      requireNonEmpty(rest, spec);
      return new OciLayout(Path.of(rest), ref);
    }
    if (spec.startsWith("docker-archive:")) {
      String rest = spec.substring("docker-archive:".length());
      requireNonEmpty(rest, spec);
      return new DockerArchive(Path.of(rest));
    }
    if (spec.startsWith("registry:")) {
      String rest = spec.substring("registry:".length());
      requireNonEmpty(rest, spec);
      return new Registry(ImageReference.parse(rest));
    }
    throw new DistillException(
        "unknown output '"
            + spec
            + "': use oci:DIR[:REF], docker-archive:FILE or registry:HOST[:PORT]/NAME[:TAG]");
  }

  private static void requireNonEmpty(String rest, String spec) {
    if (rest.isEmpty()) {
      throw new DistillException("output '" + spec + "' names no location");
    }
  }
}
