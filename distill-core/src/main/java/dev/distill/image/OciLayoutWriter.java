package dev.distill.image;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distill.DistillException;
import dev.distill.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an OCI image layout directory ({@code oci-layout}, {@code index.json}, {@code
 * blobs/sha256/…}). With one platform, index.json points at its manifest; with several it points at
 * an image index blob listing each platform's manifest. The directory is built beside the target
 * and renamed into place.
 */
public final class OciLayoutWriter {
  private OciLayoutWriter() {}

  /**
   * Writes {@code images} to {@code dir}; {@code refName} (e.g. {@code latest}, may be null) goes
   * into the {@code org.opencontainers.image.ref.name} annotation. Returns the top descriptor as
   * listed in index.json.
   */
  public static Descriptor write(Path dir, ImageSet images, String refName) {
    Descriptor top = images.topDescriptor();
    Descriptor listed =
        refName == null || refName.isEmpty()
            ? top
            : top.withAnnotation(MediaTypes.REF_NAME_ANNOTATION, refName);
    if (Files.exists(dir) && !isReplaceable(dir)) {
      throw new DistillException(
          dir + " exists and is not an OCI image layout; choose an empty or new directory");
    }
    try {
      AtomicFiles.writeDirectory(
          dir,
          tmp -> {
            Path blobs = Files.createDirectories(tmp.resolve("blobs").resolve("sha256"));
            for (Image image : images.images()) {
              for (Layer layer : image.layers()) {
                Path p = blobs.resolve(layer.digest().hex());
                if (!Files.exists(p)) {
                  try (OutputStream out = Files.newOutputStream(p)) {
                    layer.writeTo(out);
                  }
                }
              }
              Files.write(
                  blobs.resolve(image.configDescriptor().digest().hex()), image.configBlob());
              Files.write(blobs.resolve(image.digest().hex()), image.manifestBlob());
            }
            if (images.isMultiPlatform()) {
              Files.write(blobs.resolve(top.digest().hex()), images.indexBlob());
            }
            ObjectNode layout = CanonicalJson.object();
            layout.put("imageLayoutVersion", "1.0.0");
            Files.write(tmp.resolve("oci-layout"), CanonicalJson.bytes(layout));
            Files.write(tmp.resolve("index.json"), ImageIndex.oci(List.of(listed)).toBytes());
          },
          OciLayoutWriter::isReplaceable);
    } catch (IOException e) {
      throw new DistillException("cannot write " + dir + ": " + e.getMessage(), e);
    }
    return listed;
  }

  /** An existing OCI layout, or an empty directory, may be replaced. */
  private static boolean isReplaceable(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    if (Files.exists(dir.resolve("oci-layout"))) {
      return true;
    }
    try (var list = Files.list(dir)) {
      return list.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }
}
