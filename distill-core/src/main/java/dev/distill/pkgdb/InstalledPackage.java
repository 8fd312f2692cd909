package dev.distill.pkgdb;

import dev.distill.DistillException;
import dev.distill.debian.ControlStanza;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A binary package recorded as installed in a dpkg database, with the source package it was built
 * from (which is what the security tracker keys on), licences found in its machine-readable
 * copyright file, and the files it shipped (empty when the database does not list them).
 */
public record InstalledPackage(
    String name,
    String version,
    String architecture,
    String sourceName,
    String sourceVersion,
    List<String> licenses,
    List<PackageFile> files,
    ControlStanza stanza) {

  private static final Pattern SOURCE = Pattern.compile("^(\\S+)(?:\\s*\\(([^)\\s]+)\\))?$");

  public InstalledPackage {
    licenses = List.copyOf(licenses);
    files = List.copyOf(files);
  }

  /**
   * Reads the identity fields of a status stanza. {@code Source: libcap2 (1:2.66-4+deb12u3)} gives
   * the source version of a binNMU; a bare {@code Source: name} means the same version as the
   * binary.
   */
  public static InstalledPackage fromStanza(ControlStanza s, String origin) {
    String name = s.get("Package").orElse("").strip();
    String version = s.get("Version").orElse("").strip();
    if (name.isEmpty() || version.isEmpty()) {
      throw new DistillException(
          origin
              + " line "
              + s.line()
              + ": a package record needs Package and Version fields; the dpkg database is"
              + " damaged");
    }
    String arch = s.get("Architecture").orElse("").strip();
    String sourceName = name;
    String sourceVersion = version;
    String source = s.get("Source").orElse("").strip();
    if (!source.isEmpty()) {
      Matcher m = SOURCE.matcher(source);
      if (!m.matches()) {
        throw new DistillException(
            origin + " line " + s.line() + ": cannot read Source field '" + source + "'");
      }
      sourceName = m.group(1);
      if (m.group(2) != null) {
        sourceVersion = m.group(2);
      }
    }
    return new InstalledPackage(
        name, version, arch, sourceName, sourceVersion, List.of(), List.of(), s);
  }

  /** A copy with licences and files filled in. */
  public InstalledPackage with(List<String> licenses, List<PackageFile> files) {
    return new InstalledPackage(
        name, version, architecture, sourceName, sourceVersion, licenses, files, stanza);
  }

  /** True when the database lists files and some of them are missing from the root filesystem. */
  public boolean isPartial() {
    return files.stream().anyMatch(f -> !f.present());
  }
}
