package dev.distill.assure;

import dev.distill.DistillException;
import dev.distill.image.Digest;
import dev.distill.image.ImageReader;
import dev.distill.image.ReadImage;
import dev.distill.image.registry.Credentials;
import dev.distill.image.registry.ImageReference;
import dev.distill.image.registry.RegistryClient;
import dev.distill.pkgdb.FileEntry;
import dev.distill.pkgdb.FileTree;
import dev.distill.pkgdb.PackageSource;
import dev.distill.pkgdb.RootFsFileTree;
import dev.distill.vuln.audit.AuditTarget;
import dev.distill.vuln.audit.ImageConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code distill scan}, {@code sbom} and {@code inspect} point at, as Trivy accepts it: an OCI
 * layout directory, a {@code docker save} / docker-archive tar, a registry reference ({@code
 * registry:HOST/NAME:TAG} or {@code HOST:PORT/NAME@sha256:…}), or an unpacked root filesystem
 * directory. {@code compressedBytes} is the sum of the compressed layer sizes of an image (0 for a
 * directory or uncompressed layers).
 */
public record ScanTarget(
    String name,
    PackageSource packages,
    AuditTarget audit,
    Optional<Digest> digest,
    long compressedBytes) {

  /** Sum of the sizes of the regular files in the target's file system. */
  public long fileBytes() {
    return regularFiles().mapToLong(FileEntry::size).sum();
  }

  /** Number of regular files in the target's file system. */
  public int fileCount() {
    return (int) regularFiles().count();
  }

  private Stream<FileEntry> regularFiles() {
    return packages.files().entries().stream().filter(e -> e.type() == FileEntry.Type.FILE);
  }

  /** Opens {@code target}; registry pulls use {@code credentials}. */
  public static ScanTarget open(String target, Credentials credentials) {
    Path path = Path.of(target);
    if (Files.isDirectory(path) && !Files.isRegularFile(path.resolve("oci-layout"))) {
      PackageSource source = PackageSource.ofDirectory(path);
      return new ScanTarget(
          target, source, AuditTarget.rootfs(source.files()), Optional.empty(), 0);
    }
    return fromImage(readImage(target, credentials));
  }

  /**
   * Reads an image target — OCI layout dir, docker-archive / {@code docker save} tar, or registry
   * reference ({@code registry:} prefix optional) — into memory.
   */
  public static ReadImage readImage(String target, Credentials credentials) {
    if (target.startsWith("registry:")) {
      return pull(target.substring("registry:".length()), credentials);
    }
    Path path = Path.of(target);
    if (Files.exists(path)) {
      return ImageReader.read(path, ImageReader.Options.defaults());
    }
    if (target.contains("/") && (target.contains(":") || target.contains("@"))) {
      return pull(target, credentials);
    }
    throw new DistillException(
        "'"
            + target
            + "' is not a directory, an image archive, or a registry reference;"
            + " give an OCI layout dir, a docker-archive tar, a root filesystem dir,"
            + " or registry:HOST/NAME:TAG");
  }

  private static ReadImage pull(String reference, Credentials credentials) {
    return new RegistryClient(credentials)
        .read(ImageReference.parse(reference), ImageReader.Options.defaults());
  }

  /** A target over an image already read into memory. */
  public static ScanTarget fromImage(ReadImage image) {
    FileTree tree = new RootFsFileTree(image.rootFs(), image.source());
    PackageSource source =
        new PackageSource() {
          @Override
          public String describe() {
            return image.source();
          }

          @Override
          public FileTree files() {
            return tree;
          }
        };
    dev.distill.image.ImageConfig c = image.config();
    ImageConfig config =
        new ImageConfig(
            c.user() == null ? "" : c.user(),
            c.env(),
            c.labels(),
            c.history().stream()
                .map(h -> new ImageConfig.HistoryEntry(h.createdBy(), h.comment()))
                .toList(),
            Optional.empty(),
            List.of());
    return new ScanTarget(
        image.source(),
        source,
        AuditTarget.image(image.source(), tree, config),
        Optional.ofNullable(image.manifestDigest()),
        image.compressedSize());
  }
}
