package dev.distill.debian.repo;

import dev.distill.DistillException;
import dev.distill.debian.ControlStanza;
import dev.distill.debian.version.DebianVersion;
import dev.distill.debian.version.Relation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One binary package as listed in a suite's Packages index: identity, relations, download location
 * and checksum, and the raw stanza (later written into dpkg status records).
 *
 * @param suite the suite whose index listed it, e.g. {@code bookworm-security}
 * @param mirror the base URI of the archive the {@code filename} is relative to
 */
public record BinaryPackage(
    String name,
    DebianVersion version,
    String architecture,
    MultiArch multiArch,
    String sourceName,
    DebianVersion sourceVersion,
    List<List<Relation>> depends,
    List<List<Relation>> preDepends,
    List<Relation> provides,
    boolean essential,
    String priority,
    String filename,
    long size,
    String sha256,
    String suite,
    URI mirror,
    ControlStanza stanza) {

  public BinaryPackage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(multiArch, "multiArch");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(sourceVersion, "sourceVersion");
    depends = List.copyOf(depends);
    preDepends = List.copyOf(preDepends);
    provides = List.copyOf(provides);
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(mirror, "mirror");
    Objects.requireNonNull(stanza, "stanza");
  }

  /**
   * Builds a package from one stanza of a Packages index; {@code source} names the index in error
   * messages.
   */
  public static BinaryPackage fromStanza(
      ControlStanza stanza, String suite, URI mirror, String source) {
    String where = source + " line " + stanza.line();
    String name = required(stanza, "Package", where);
    String context = where + " (" + name + ")";
    try {
      DebianVersion version = DebianVersion.parse(required(stanza, "Version", context));
      String[] src = parseSource(stanza.get("Source", ""), name, version);
      List<Relation> provides = new ArrayList<>();
      for (List<Relation> group : Relation.parseField(stanza.get("Provides", ""))) {
        provides.addAll(group);
      }
      String sizeText = required(stanza, "Size", context);
      long size;
      try {
        size = Long.parseLong(sizeText.strip());
      } catch (NumberFormatException e) {
        throw new DistillException(context + ": invalid Size '" + sizeText + "'");
      }
      String sha256 = required(stanza, "SHA256", context).strip();
      if (!isLowerHex64(sha256)) {
        throw new DistillException(context + ": invalid SHA256 '" + sha256 + "'");
      }
      return new BinaryPackage(
          name,
          version,
          required(stanza, "Architecture", context).strip(),
          MultiArch.parse(stanza.get("Multi-Arch", ""), context),
          src[0],
          src[1] == null ? version : DebianVersion.parse(src[1]),
          Relation.parseField(stanza.get("Depends", "")),
          Relation.parseField(stanza.get("Pre-Depends", "")),
          provides,
          "yes".equalsIgnoreCase(stanza.get("Essential", "no").strip()),
          stanza.get("Priority", "optional").strip(),
          required(stanza, "Filename", context).strip(),
          size,
          sha256,
          suite,
          mirror,
          stanza);
    } catch (DistillException e) {
      if (e.getMessage().startsWith(where)) {
        throw e;
      }
      throw new DistillException(context + ": " + e.getMessage(), e);
    }
  }

  /** The URI the .deb is downloadable from. */
  public URI downloadUri() {
    String base = mirror.toString();
    return URI.create(base.endsWith("/") ? base + filename : base + "/" + filename);
  }

  /** {@code name=version} for messages. */
  public String id() {
    return name + "=" + version;
  }

  /** Source name and, when given in parentheses, its version (else null). */
  private static String[] parseSource(String field, String name, DebianVersion version) {
    String s = field.strip();
    if (s.isEmpty()) {
      return new String[] {name, null};
    }
    int paren = s.indexOf('(');
    if (paren < 0) {
      return new String[] {s, null};
    }
    int close = s.indexOf(')', paren);
    String v = s.substring(paren + 1, close < 0 ? s.length() : close).strip();
    return new String[] {s.substring(0, paren).strip(), v.isEmpty() ? null : v};
  }

  private static boolean isLowerHex64(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static String required(ControlStanza stanza, String field, String context) {
    String v = stanza.get(field).orElse(null);
    if (v == null || v.isBlank()) {
      throw new DistillException(context + ": required field " + field + " is missing");
    }
    return v;
  }
}
