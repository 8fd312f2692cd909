package dev.distill.image;

import dev.distill.fs.RootFs;
import java.util.List;

/**
 * An image read back into memory: where it came from, its manifest digest (null for a
 * docker-archive, which has no manifest blob), config, layers, the flattened file listing (after
 * whiteouts) and the flattened tree as a {@link RootFs}. Entries of the RootFs carry the origin
 * {@code layer:N}; file content is kept only for paths the reader was asked to keep.
 */
public record ReadImage(
    String source,
    Digest manifestDigest,
    ImageConfig config,
    List<LayerSummary> layers,
    List<ImageFile> files,
    RootFs rootFs) {

  public ReadImage {
    layers = List.copyOf(layers);
    files = List.copyOf(files);
  }

  /** Sum of the compressed layer sizes (0 for uncompressed layers of a docker-archive). */
  public long compressedSize() {
    return layers.stream().mapToLong(l -> l.descriptor().size()).sum();
  }

  /** Sum of the sizes of the regular files in the flattened tree. */
  public long fileBytes() {
    return files.stream().mapToLong(ImageFile::size).sum();
  }
}
