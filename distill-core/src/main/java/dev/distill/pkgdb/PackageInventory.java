package dev.distill.pkgdb;

import java.util.List;
import java.util.Optional;

/**
 * What a target holds: its OS release (when known), the installed packages sorted by name and
 * architecture, and where the package records came from.
 */
public record PackageInventory(
    String target, Optional<OsRelease> os, List<InstalledPackage> packages, String database) {
  public PackageInventory {
    packages = List.copyOf(packages);
  }
}
