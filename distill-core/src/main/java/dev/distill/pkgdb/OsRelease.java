package dev.distill.pkgdb;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The distribution of a root filesystem, from {@code /etc/os-release} (or {@code
 * /usr/lib/os-release}): id, version and release codename.
 */
public record OsRelease(String id, String versionId, String codename, String prettyName) {

  private static final Map<String, String> DEBIAN_CODENAMES =
      Map.of(
          "9",
          "stretch",
          "10",
          "buster",
          "11",
          "bullseye",
          "12",
          "bookworm",
          "13",
          "trixie",
          "14",
          "forky");

  /** Reads the release of {@code tree}, or empty when it has no os-release file. */
  public static Optional<OsRelease> read(FileTree tree) {
    Optional<byte[]> bytes = tree.read("/etc/os-release");
    if (bytes.isEmpty()) {
      bytes = tree.read("/usr/lib/os-release");
    }
    return bytes.map(b -> parse(new String(b, StandardCharsets.UTF_8)));
  }

  /** Parses os-release text ({@code KEY=value}, optionally quoted). */
  public static OsRelease parse(String text) {
    Map<String, String> kv = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      int eq = l.indexOf('=');
      if (l.isEmpty() || l.startsWith("#") || eq <= 0) {
        continue;
      }
      String v = l.substring(eq + 1).strip();
      if (v.length() >= 2
          && (v.charAt(0) == '"' || v.charAt(0) == '\'')
          && v.charAt(v.length() - 1) == v.charAt(0)) {
        v = v.substring(1, v.length() - 1);
      }
      kv.put(l.substring(0, eq), v.replace("\\\"", "\""));
    }
    String id = kv.getOrDefault("ID", "linux").toLowerCase(Locale.ROOT);
    String versionId = kv.getOrDefault("VERSION_ID", "");
    String codename = kv.getOrDefault("VERSION_CODENAME", "");
    if (codename.isEmpty() && id.equals("debian")) {
      codename = DEBIAN_CODENAMES.getOrDefault(versionId.split("\\.")[0], "");
    }
    return new OsRelease(id, versionId, codename, kv.getOrDefault("PRETTY_NAME", id));
  }

  /** The Debian release codename used by the security tracker ({@code bookworm}), or empty. */
  public Optional<String> debianCodename() {
    if (!codename.isEmpty()) {
      return Optional.of(codename);
    }
    return Optional.ofNullable(DEBIAN_CODENAMES.get(versionId.split("\\.")[0]));
  }

  /** The major version number ({@code 12}), for purl {@code distro=debian-12} qualifiers. */
  public String majorVersion() {
    if (!versionId.isEmpty()) {
      return versionId.split("\\.")[0];
    }
    return DEBIAN_CODENAMES.entrySet().stream()
        .filter(e -> e.getValue().equals(codename))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("");
  }
}
