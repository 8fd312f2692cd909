package dev.distill.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A finished, compressed image layer held in memory: its descriptor (digest and size of the
 * compressed blob), its diff_id (digest of the uncompressed tar) and the blob bytes.
 */
public final class Layer {
  private final Descriptor descriptor;
  private final Digest diffId;
  private final long uncompressedSize;
  private final byte[] blob;

  public Layer(Descriptor descriptor, Digest diffId, long uncompressedSize, byte[] blob) {
    this(descriptor, diffId, uncompressedSize, blob.clone(), true);
  }

  private Layer(
      Descriptor descriptor, Digest diffId, long uncompressedSize, byte[] blob, boolean check) {
    this.descriptor = Objects.requireNonNull(descriptor);
    this.diffId = Objects.requireNonNull(diffId);
    this.uncompressedSize = uncompressedSize;
    this.blob = blob;
    if (descriptor.size() != blob.length || (check && !descriptor.digest().matches(blob))) {
      throw new IllegalArgumentException("layer blob does not match its descriptor");
    }
  }

  /**
   * A layer of a blob just made and hashed in this package, taken without a copy or a second hash;
   * the caller hands the array over and keeps no reference to it.
   */
  static Layer ofOwnBlob(Descriptor descriptor, Digest diffId, long uncompressedSize, byte[] blob) {
    return new Layer(descriptor, diffId, uncompressedSize, blob, false);
  }

  public Descriptor descriptor() {
    return descriptor;
  }

  public Digest digest() {
    return descriptor.digest();
  }

  public Digest diffId() {
    return diffId;
  }

  /** Size of the compressed blob in bytes. */
  public long size() {
    return descriptor.size();
  }

  public long uncompressedSize() {
    return uncompressedSize;
  }

  public InputStream openStream() {
    return new ByteArrayInputStream(blob);
  }

  public void writeTo(OutputStream out) throws IOException {
    out.write(blob);
  }

  /** A copy of the compressed bytes. */
  public byte[] bytes() {
    return blob.clone();
  }
}
