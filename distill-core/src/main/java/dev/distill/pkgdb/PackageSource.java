package dev.distill.pkgdb;

/**
 * Anything that can list its installed packages: a root filesystem directory now; OCI layouts,
 * docker archives and registry images implement it in the image package.
 */
public interface PackageSource {

  /** A short description for messages and reports. */
  String describe();

  /** The root filesystem, for audit checks and licence lookups. */
  FileTree files();

  /** Reads the packages and the OS release, with file digests (what an SBOM needs). */
  default PackageInventory inventory() {
    return inventory(true);
  }

  /** Reads the packages and the OS release; a scan can skip hashing files. */
  default PackageInventory inventory(boolean fileDigests) {
    return DpkgDatabase.read(files(), fileDigests);
  }

  /** A source over an unpacked root filesystem directory. */
  static PackageSource ofDirectory(java.nio.file.Path dir) {
    DirectoryFileTree tree = new DirectoryFileTree(dir);
    return new PackageSource() {
      @Override
      public String describe() {
        return tree.describe();
      }

      @Override
      public FileTree files() {
        return tree;
      }
    };
  }
}
