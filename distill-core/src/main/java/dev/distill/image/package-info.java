/**
 * Images without a daemon: the OCI model ({@link dev.distill.image.Digest}, {@link
 * dev.distill.image.Descriptor}, {@link dev.distill.image.Platform}, {@link
 * dev.distill.image.ImageConfig}, {@link dev.distill.image.Manifest}, {@link
 * dev.distill.image.ImageIndex}) with canonical JSON; {@link dev.distill.image.ReproducibleTar}
 * turns a {@link dev.distill.fs.RootFs} into a bit-reproducible gzip layer; {@link
 * dev.distill.image.Image} and {@link dev.distill.image.ImageSet} assemble config, manifest and
 * index; {@link dev.distill.image.ImageWriter} writes them to an {@link
 * dev.distill.image.ImageOutput} (OCI layout, docker-archive, registry) or loads them into Docker;
 * {@link dev.distill.image.ImageReader} reads any OCI layout or docker-archive back into a
 * flattened tree.
 */
package dev.distill.image;
