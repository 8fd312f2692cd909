package dev.distill.build;

import dev.distill.debian.ControlStanza;
import dev.distill.fs.EntryType;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import dev.distill.pkgdb.CopyrightLicenses;
import dev.distill.pkgdb.InstalledPackage;
import dev.distill.pkgdb.PackageFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exact package set of a build as the SBOM describes it — not a rescan of the image: each
 * package's control stanza from its .deb, its DEP-5 licences, and every file its md5sums list,
 * marked present (with its SHA-256) when the ELF closure and keep rules kept it, absent otherwise.
 */
final class BuiltPackages {
  private BuiltPackages() {}

  static List<InstalledPackage> of(
      List<String> names, PackageUnion union, RootFs packagesTree, RootFs image) {
    List<InstalledPackage> out = new ArrayList<>();
    for (String name : names) {
      ControlStanza control = union.controls().get(name);
      if (control == null) {
        continue;
      }
      List<PackageFile> files = new ArrayList<>();
      for (Map.Entry<String, String> f : union.md5sums().getOrDefault(name, Map.of()).entrySet()) {
        Optional<FsEntry> kept = image.resolve(f.getKey()).filter(e -> e.type() == EntryType.FILE);
        files.add(
            new PackageFile(
                "/" + f.getKey(),
                f.getValue(),
                kept.isPresent(),
                Optional.empty(),
                kept.map(e -> sha256(e.fileContent()))));
      }
      List<String> licenses =
          packagesTree
              .resolve("usr/share/doc/" + name + "/copyright")
              .filter(e -> e.type() == EntryType.FILE)
              .map(e -> CopyrightLicenses.parse(new String(e.content(), StandardCharsets.UTF_8)))
              .orElse(List.of());
      out.add(InstalledPackage.fromStanza(control, "build").with(licenses, files));
    }
    return out;
  }

  private static String sha256(dev.distill.fs.FileContent data) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      data.updateDigest(md);
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
