package dev.distill.image.registry;

import dev.distill.image.Descriptor;
import dev.distill.image.Digest;

/** A manifest or index exactly as a registry served it: media type, bytes and their digest. */
public record RawManifest(String mediaType, byte[] bytes, Digest digest) {
  public RawManifest {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public Descriptor descriptor() {
    return Descriptor.of(mediaType, digest, bytes.length);
  }
}
