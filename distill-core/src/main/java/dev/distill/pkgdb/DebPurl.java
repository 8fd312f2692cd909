package dev.distill.pkgdb;

import java.nio.charset.StandardCharsets;

/**
 * Package URLs for Debian packages: {@code pkg:deb/debian/<name>@<version>?arch=<arch>&distro=
 * debian-12}, with the version percent-encoded as the purl spec asks ({@code :} → {@code %3A}).
 */
public final class DebPurl {
  private DebPurl() {}

  /** The purl of {@code p}; {@code distroMajor} ({@code 12}) may be empty. */
  public static String of(InstalledPackage p, String distroMajor) {
    StringBuilder s =
        new StringBuilder("pkg:deb/debian/")
            .append(encode(p.name()))
            .append('@')
            .append(encode(p.version()));
    String sep = "?";
    if (!p.architecture().isEmpty()) {
      s.append(sep).append("arch=").append(encode(p.architecture()));
      sep = "&";
    }
    if (!distroMajor.isEmpty()) {
      s.append(sep).append("distro=debian-").append(encode(distroMajor));
    }
    return s.toString();
  }

  /** Percent-encodes everything but the purl spec's unreserved characters. */
  public static String encode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '-'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** Decodes percent escapes (for comparing purls written by other tools). */
  public static String decode(String s) {
    return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
