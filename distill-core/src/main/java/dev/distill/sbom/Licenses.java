package dev.distill.sbom;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps DEP-5 licence short names (as Debian copyright files write them) to SPDX identifiers. Names
 * without a known SPDX id become {@code LicenseRef-} references.
 */
final class Licenses {
  private static final Map<String, String> SPDX =
      Map.ofEntries(
          Map.entry("gpl-2", "GPL-2.0-only"),
          Map.entry("gpl-2+", "GPL-2.0-or-later"),
          Map.entry("gpl-3", "GPL-3.0-only"),
          Map.entry("gpl-3+", "GPL-3.0-or-later"),
          Map.entry("lgpl-2", "LGPL-2.0-only"),
          Map.entry("lgpl-2+", "LGPL-2.0-or-later"),
          Map.entry("lgpl-2.1", "LGPL-2.1-only"),
          Map.entry("lgpl-2.1+", "LGPL-2.1-or-later"),
          Map.entry("lgpl-3", "LGPL-3.0-only"),
          Map.entry("lgpl-3+", "LGPL-3.0-or-later"),
          Map.entry("apache-2.0", "Apache-2.0"),
          Map.entry("expat", "MIT"),
          Map.entry("mit", "MIT"),
          Map.entry("bsd-2-clause", "BSD-2-Clause"),
          Map.entry("bsd-3-clause", "BSD-3-Clause"),
          Map.entry("bsd-4-clause", "BSD-4-Clause"),
          Map.entry("isc", "ISC"),
          Map.entry("zlib", "Zlib"),
          Map.entry("mpl-2.0", "MPL-2.0"),
          Map.entry("artistic", "Artistic-1.0-Perl"),
          Map.entry("public-domain", "LicenseRef-public-domain"),
          Map.entry("cc0-1.0", "CC0-1.0"),
          Map.entry("openssl", "OpenSSL"),
          Map.entry("curl", "curl"),
          Map.entry("gfdl-1.3", "GFDL-1.3-only"),
          Map.entry("gfdl-1.3+", "GFDL-1.3-or-later"));

  private Licenses() {}

  /** The SPDX id for a DEP-5 short name, if it is a listed SPDX licence. */
  static Optional<String> spdxId(String dep5) {
    String id = SPDX.get(dep5.strip().toLowerCase(Locale.ROOT));
    return id == null || id.startsWith("LicenseRef-") ? Optional.empty() : Optional.of(id);
  }

  /** An SPDX licence reference for any DEP-5 name: a listed id, else {@code LicenseRef-…}. */
  static String spdxRef(String dep5) {
    String id = SPDX.get(dep5.strip().toLowerCase(Locale.ROOT));
    if (id != null) {
      return id;
    }
    return "LicenseRef-" + dep5.strip().replaceAll("[^A-Za-z0-9.-]", "-");
  }

  /**
   * A licence expression over the names of one package, joined by {@code AND}: DEP-5 lists the
   * licences of different files, all of which apply to the package.
   */
  static String expression(List<String> dep5Names) {
    if (dep5Names.isEmpty()) {
      return "NOASSERTION";
    }
    List<String> ids =
        dep5Names.stream()
            .map(Licenses::splitExpression)
            .flatMap(List::stream)
            .distinct()
            .sorted()
            .toList();
    return String.join(" AND ", ids);
  }

  /** A DEP-5 {@code License:} value may itself be {@code GPL-2+ or BSD-3-clause}. */
  private static List<String> splitExpression(String value) {
    return java.util.Arrays.stream(value.split("\\s+(?i:or|and)\\s+|,\\s*"))
        .filter(s -> !s.isBlank())
        .map(Licenses::spdxRef)
        .toList();
  }
}
