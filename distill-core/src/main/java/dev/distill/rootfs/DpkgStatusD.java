package dev.distill.rootfs;

import dev.distill.DistillException;
import dev.distill.debian.ControlStanza;
import dev.distill.fs.EntryType;
import dev.distill.fs.FileContent;
import dev.distill.fs.FsEntry;
import dev.distill.fs.FsPaths;
import dev.distill.fs.LinkTrail;
import dev.distill.fs.RootFs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The distroless package database: for every package that contributed at least one non-directory
 * entry, {@code var/lib/dpkg/status.d/<pkg>} holds its control stanza with {@code Status: install
 * ok installed} after the Package field, and {@code var/lib/dpkg/status.d/<pkg>.md5sums} lists the
 * md5sums of the package's regular files that the image actually keeps (the package's own md5sums
 * lines where it has one, else computed). This is the layout distroless images use and that Trivy,
 * Grype and distill's own scanner read.
 */
public final class DpkgStatusD implements RootFsStep {
  public static final String DIR = "var/lib/dpkg/status.d";
  private static final String STATUS = "install ok installed";

  private final Map<String, ControlStanza> controls;
  private final Map<String, Map<String, String>> md5sums;

  /**
   * @param controls package name -> its control stanza (from the .deb's control file)
   * @param md5sums package name -> (relative path -> md5 hex), from the .deb's md5sums; a package
   *     missing here gets md5sums computed from the kept content
   */
  public DpkgStatusD(
      Map<String, ControlStanza> controls, Map<String, Map<String, String>> md5sums) {
    this.controls = Map.copyOf(controls);
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    // Keep each package's own line order: Map.copyOf's order changes from one JVM to the next,
    // which made the md5sums files (and so the image digest) differ between runs.
    md5sums.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    this.md5sums = copy;
  }

  /**
   * Parses a .deb md5sums member ({@code <md5> <path>} per line, path without leading '/') into
   * path -> md5, keeping the file's order.
   */
  public static Map<String, String> parseMd5sums(String text, String source) {
    Map<String, String> out = new LinkedHashMap<>();
    int lineNo = 0;
    for (String line : text.split("\n")) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      if (line.length() < 35 || !line.substring(0, 32).matches("[0-9a-fA-F]{32}")) {
        throw new DistillException(
            source + " line " + lineNo + ": expected '<32 hex digits>  <path>'");
      }
      String path = line.substring(32).stripLeading();
      if (path.startsWith("*")) {
        path = path.substring(1);
      }
      out.put(FsPaths.normalise(path), line.substring(0, 32).toLowerCase(java.util.Locale.ROOT));
    }
    return out;
  }

  @Override
  public void applyTo(RootFs.Builder builder) {
    RootFs current = builder.build();
    for (String pkg : PackageFiles.contributingPackages(current)) {
      ControlStanza control = controls.get(pkg);
      if (control == null) {
        throw new DistillException(
            "package "
                + pkg
                + " contributed files but no control data was given for it;"
                + " every package of the image needs its control stanza");
      }
      if (!pkg.matches("[a-z0-9][a-z0-9+.-]+")) {
        throw new DistillException("package name '" + pkg + "' is not a valid Debian package name");
      }
      builder.put(
          FsEntry.file(
              DIR + "/" + pkg,
              0644,
              0,
              0,
              statusText(control).getBytes(StandardCharsets.UTF_8),
              "distill"));
      String sums = md5sumsText(current, pkg);
      if (!sums.isEmpty()) {
        builder.put(
            FsEntry.file(
                DIR + "/" + pkg + ".md5sums",
                0644,
                0,
                0,
                sums.getBytes(StandardCharsets.UTF_8),
                "distill"));
      }
    }
  }

  /** The control stanza with Status right after Package (any old Status is replaced). */
  static String statusText(ControlStanza control) {
    Map<String, String> fields = new LinkedHashMap<>();
    boolean placed = false;
    for (Map.Entry<String, String> f : control.fields().entrySet()) {
      if (f.getKey().equalsIgnoreCase("Status")) {
        continue;
      }
      fields.put(f.getKey(), f.getValue());
      if (f.getKey().equalsIgnoreCase("Package")) {
        fields.put("Status", STATUS);
        placed = true;
      }
    }
    if (!placed) {
      throw new DistillException(
          "control stanza at line " + control.line() + " has no Package field");
    }
    return new ControlStanza(fields, control.line()).render();
  }

  private String md5sumsText(RootFs fs, String pkg) {
    StringBuilder out = new StringBuilder();
    Map<String, String> known = md5sums.get(pkg);
    if (known != null) {
      for (Map.Entry<String, String> line : known.entrySet()) {
        // The package's own path may lie behind a usrmerge link (lib/... -> usr/lib/...); the line
        // keeps the package's spelling, as dpkg does on a merged system.
        Optional<FsEntry> kept = LinkTrail.walk(fs, line.getKey()).flatMap(t -> fs.get(t.target()));
        if (kept.isPresent() && isRegular(kept.get()) && kept.get().origin().equals(pkg)) {
          out.append(line.getValue()).append("  ").append(line.getKey()).append('\n');
        }
      }
      return out.toString();
    }
    List<FsEntry> files =
        fs.entries().stream().filter(e -> e.origin().equals(pkg) && isRegular(e)).toList();
    for (FsEntry e : files) {
      out.append(md5(PackageFiles.dataEntry(fs, e).fileContent()))
          .append("  ")
          .append(e.path())
          .append('\n');
    }
    return out.toString();
  }

  private static boolean isRegular(FsEntry e) {
    return e.type() == EntryType.FILE || e.type() == EntryType.HARDLINK;
  }

  private static String md5(FileContent data) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      data.updateDigest(md);
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every Java runtime", e);
    }
  }
}
