package dev.distill.pkgdb;

import dev.distill.DistillException;
import dev.distill.debian.ControlFile;
import dev.distill.debian.ControlStanza;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads the installed packages of a root filesystem: the full dpkg database ({@code
 * /var/lib/dpkg/status}, only {@code install ok installed} records) and the distroless layout
 * ({@code /var/lib/dpkg/status.d/<pkg>}, one stanza per file, {@code *.md5sums} beside it).
 */
public final class DpkgDatabase {
  static final String STATUS = "/var/lib/dpkg/status";
  static final String STATUS_D = "/var/lib/dpkg/status.d";
  static final String INFO = "/var/lib/dpkg/info";

  private DpkgDatabase() {}

  /** Reads the packages and OS release of {@code tree}, with file digests (for SBOMs). */
  public static PackageInventory read(FileTree tree) {
    return read(tree, true);
  }

  /**
   * Reads the packages and OS release of {@code tree}; an empty list when it has no database.
   * Without {@code fileDigests} only the presence of each listed file is checked, which is all a
   * vulnerability scan needs.
   */
  public static PackageInventory read(FileTree tree, boolean fileDigests) {
    List<InstalledPackage> out = new ArrayList<>();
    List<String> databases = new ArrayList<>();
    Optional<byte[]> status = tree.read(STATUS);
    if (status.isPresent()) {
      databases.add(STATUS);
      for (ControlStanza s : parse(status.get(), tree.describe() + STATUS)) {
        if (s.get("Package").isEmpty()) {
          continue;
        }
        String st = s.get("Status", "install ok installed").strip();
        if (!st.equals("install ok installed")) {
          continue;
        }
        InstalledPackage p = InstalledPackage.fromStanza(s, tree.describe() + STATUS);
        List<PackageFile> files = files(tree, infoMd5sums(tree, p), fileDigests);
        out.add(p.with(licenses(tree, p.name()), files));
      }
    }
    List<String> names = tree.list(STATUS_D);
    if (!names.isEmpty()) {
      databases.add(STATUS_D);
    }
    for (String name : names) {
      if (name.endsWith(".md5sums") || name.startsWith(".")) {
        continue;
      }
      String path = STATUS_D + "/" + name;
      Optional<byte[]> bytes = tree.read(path);
      if (bytes.isEmpty()) {
        continue;
      }
      for (ControlStanza s : parse(bytes.get(), tree.describe() + path)) {
        InstalledPackage p = InstalledPackage.fromStanza(s, tree.describe() + path);
        Optional<byte[]> md5 = tree.read(STATUS_D + "/" + name + ".md5sums");
        out.add(p.with(licenses(tree, p.name()), files(tree, md5, fileDigests)));
      }
    }
    out.sort(
        Comparator.comparing(InstalledPackage::name)
            .thenComparing(InstalledPackage::architecture)
            .thenComparing(InstalledPackage::version));
    return new PackageInventory(
        tree.describe(), OsRelease.read(tree), dedupe(out), String.join(", ", databases));
  }

  /** A package listed both in status and status.d counts once. */
  private static List<InstalledPackage> dedupe(List<InstalledPackage> sorted) {
    List<InstalledPackage> out = new ArrayList<>();
    for (InstalledPackage p : sorted) {
      InstalledPackage last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null
          && last.name().equals(p.name())
          && last.architecture().equals(p.architecture())
          && last.version().equals(p.version())) {
        continue;
      }
      out.add(p);
    }
    return out;
  }

  private static List<ControlStanza> parse(byte[] bytes, String origin) {
    return ControlFile.parse(new String(bytes, StandardCharsets.UTF_8), origin);
  }

  private static Optional<byte[]> infoMd5sums(FileTree tree, InstalledPackage p) {
    Optional<byte[]> b = tree.read(INFO + "/" + p.name() + ":" + p.architecture() + ".md5sums");
    return b.isPresent() ? b : tree.read(INFO + "/" + p.name() + ".md5sums");
  }

  private static List<String> licenses(FileTree tree, String pkg) {
    return tree.read("/usr/share/doc/" + pkg + "/copyright")
        .map(b -> CopyrightLicenses.parse(new String(b, StandardCharsets.UTF_8)))
        .orElse(List.of());
  }

  /** Lines of {@code <md5> <path>}; the path is relative to the root. */
  private static List<PackageFile> files(FileTree tree, Optional<byte[]> md5sums, boolean digests) {
    if (md5sums.isEmpty()) {
      return List.of();
    }
    List<PackageFile> out = new ArrayList<>();
    for (String line : new String(md5sums.get(), StandardCharsets.UTF_8).split("\n")) {
      String l = line.strip();
      int sp = l.indexOf(' ');
      if (l.isEmpty() || sp <= 0) {
        continue;
      }
      String md5 = l.substring(0, sp);
      String path = "/" + l.substring(sp).strip().replaceFirst("^/", "");
      if (!digests) {
        boolean present = tree.exists(path);
        out.add(new PackageFile(path, md5, present, Optional.empty(), Optional.empty()));
        continue;
      }
      Optional<byte[]> content = tree.read(path);
      out.add(
          new PackageFile(
              path,
              md5,
              content.isPresent(),
              content.map(b -> digest("SHA-1", b)),
              content.map(b -> digest("SHA-256", b))));
    }
    out.sort(Comparator.comparing(PackageFile::path));
    return out;
  }

  static String digest(String algorithm, byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new DistillException(algorithm + " is not available in this Java runtime", e);
    }
  }
}
