package dev.distill.rootfs;

import dev.distill.DistillException;
import java.util.regex.Pattern;

/**
 * A glob over root filesystem paths: {@code *} and {@code ?} stay within one path component, {@code
 * **} spans any number of components, and {@code dir/**} also matches {@code dir} itself. A leading
 * '/' is ignored.
 */
public final class PathGlob {
  private final String glob;
  private final Pattern pattern;

  private PathGlob(String glob, Pattern pattern) {
    this.glob = glob;
    this.pattern = pattern;
  }

  public static PathGlob of(String glob) {
    String g = glob.strip();
    while (g.startsWith("/")) {
      g = g.substring(1);
    }
    if (g.isEmpty()) {
      throw new DistillException("empty path glob '" + glob + "'");
    }
    StringBuilder re = new StringBuilder();
    int i = 0;
    while (i < g.length()) {
      char c = g.charAt(i);
      if (g.startsWith("/**", i) && i + 3 == g.length()) {
        re.append("(/.*)?");
        i += 3;
      } else if (g.startsWith("**/", i) && (i == 0 || g.charAt(i - 1) == '/')) {
        re.append("(.*/)?");
        i += 3;
      } else if (g.startsWith("**", i)) {
        re.append(".*");
        i += 2;
      } else if (c == '*') {
        re.append("[^/]*");
        i++;
      } else if (c == '?') {
        re.append("[^/]");
        i++;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return new PathGlob(glob, Pattern.compile(re.toString()));
  }

  /** Whether the glob holds a wildcard at all (otherwise it names one path). */
  public static boolean isGlob(String s) {
    return s.contains("*") || s.contains("?");
  }

  /** Whether the normalised relative {@code path} matches. */
  public boolean matches(String path) {
    return pattern.matcher(path).matches();
  }

  @Override
  public String toString() {
    return glob;
  }
}
