package dev.distill.image;

import dev.distill.DistillException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The images of one build, one per platform. With one image its manifest is the top-level artifact;
 * with several an OCI index (multi-arch) lists their manifests.
 */
public record ImageSet(List<Image> images) {

  public ImageSet {
    images = List.copyOf(images);
    if (images.isEmpty()) {
      throw new DistillException("no image to write: give at least one architecture");
    }
    Set<String> seen = new HashSet<>();
    for (Image i : images) {
      if (!seen.add(i.platform().toString())) {
        throw new DistillException("two images for platform " + i.platform());
      }
    }
  }

  public static ImageSet of(Image... images) {
    return new ImageSet(List.of(images));
  }

  public boolean isMultiPlatform() {
    return images.size() > 1;
  }

  /** The index over all platform manifests (sorted as given). */
  public ImageIndex index() {
    return ImageIndex.oci(images.stream().map(Image::manifestDescriptor).toList());
  }

  public byte[] indexBlob() {
    return index().toBytes();
  }

  /**
   * The descriptor of the top-level artifact: the single manifest, or the index when there are
   * several platforms (without a platform field).
   */
  public Descriptor topDescriptor() {
    if (!isMultiPlatform()) {
      return images.get(0).manifestDescriptor();
    }
    return Descriptor.ofBytes(MediaTypes.OCI_INDEX, indexBlob());
  }

  /** The bytes of the top-level artifact (manifest or index). */
  public byte[] topBlob() {
    return isMultiPlatform() ? indexBlob() : images.get(0).manifestBlob();
  }

  /** The digest a registry reports for this build (manifest or index). */
  public Digest digest() {
    return topDescriptor().digest();
  }

  /** The image for {@code platform}, or a clear error listing what there is. */
  public Image forPlatform(Platform platform) {
    return images.stream()
        .filter(i -> i.platform().matches(platform))
        .findFirst()
        .orElseThrow(
            () ->
                new DistillException(
                    "no image for platform "
                        + platform
                        + "; this build has "
                        + images.stream().map(i -> i.platform().toString()).toList()));
  }
}
