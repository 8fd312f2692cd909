package dev.distill.image;

import java.util.ArrayList;
import java.util.List;

/**
 * One platform image ready to write: its config (with the layers' diff_ids filled in), layers, and
 * the canonical config and manifest blobs with their descriptors.
 */
public final class Image {
  private final ImageConfig config;
  private final List<Layer> layers;
  private final byte[] configBlob;
  private final Descriptor configDescriptor;
  private final Manifest manifest;
  private final byte[] manifestBlob;
  private final Descriptor manifestDescriptor;

  private Image(ImageConfig config, List<Layer> layers) {
    this.config = config;
    this.layers = List.copyOf(layers);
    this.configBlob = config.toBytes();
    this.configDescriptor = Descriptor.ofBytes(MediaTypes.OCI_CONFIG, configBlob);
    this.manifest =
        Manifest.oci(configDescriptor, this.layers.stream().map(Layer::descriptor).toList());
    this.manifestBlob = manifest.toBytes();
    this.manifestDescriptor =
        Descriptor.ofBytes(MediaTypes.OCI_MANIFEST, manifestBlob).withPlatform(config.platform());
  }

  /**
   * An image of {@code layers} (bottom first) with {@code config}; the config's diff_ids are set
   * from the layers and, when the config has no history, one history entry per layer is added.
   */
  public static Image of(ImageConfig config, List<Layer> layers) {
    ImageConfig.Builder b = config.toBuilder().diffIds(layers.stream().map(Layer::diffId).toList());
    if (config.history().isEmpty()) {
      List<History> history = new ArrayList<>();
      for (int i = 0; i < layers.size(); i++) {
        history.add(new History(config.created(), "distill", null, false));
      }
      b.history(history);
    }
    return new Image(b.build(), layers);
  }

  public ImageConfig config() {
    return config;
  }

  public Platform platform() {
    return config.platform();
  }

  public List<Layer> layers() {
    return layers;
  }

  public byte[] configBlob() {
    return configBlob.clone();
  }

  public Descriptor configDescriptor() {
    return configDescriptor;
  }

  public Manifest manifest() {
    return manifest;
  }

  public byte[] manifestBlob() {
    return manifestBlob.clone();
  }

  /** The manifest's descriptor, with the platform set (as an index lists it). */
  public Descriptor manifestDescriptor() {
    return manifestDescriptor;
  }

  /** The image digest: the digest of the manifest. */
  public Digest digest() {
    return manifestDescriptor.digest();
  }

  /** The image ID docker shows: the digest of the config. */
  public Digest imageId() {
    return configDescriptor.digest();
  }
}
