package dev.distill.debian.version;

import dev.distill.DistillException;
import java.util.Objects;

/**
 * A Debian package version {@code [epoch:]upstream[-revision]} with dpkg's exact ordering: epochs
 * numerically, then upstream and revision by dpkg's verrevcmp, where {@code ~} sorts before
 * everything (even the end of the string), letters before non-letters, and digit runs numerically.
 */
public final class DebianVersion implements Comparable<DebianVersion> {
  private final long epoch;
  private final String upstream;
  private final String revision;

  private DebianVersion(long epoch, String upstream, String revision) {
    this.epoch = epoch;
    this.upstream = upstream;
    this.revision = revision;
  }

  /**
   * Parses a version as dpkg does; throws {@link DistillException} naming the problem for an
   * invalid one.
   */
  public static DebianVersion parse(String text) {
    if (text == null) {
      throw new DistillException("Invalid Debian version: it is missing");
    }
    String s = text.strip();
    if (s.isEmpty()) {
      throw new DistillException("Invalid Debian version '" + text + "': it is empty");
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        throw new DistillException("Invalid Debian version '" + text + "': it contains a space");
      }
    }
    long epoch = 0;
    String rest = s;
    int colon = s.indexOf(':');
    if (colon >= 0) {
      epoch = parseEpoch(s.substring(0, colon), text);
      rest = s.substring(colon + 1);
      if (rest.isEmpty()) {
        throw new DistillException(
            "Invalid Debian version '" + text + "': nothing follows the epoch's colon");
      }
    }
    String upstream = rest;
    String revision = "";
    int hyphen = rest.lastIndexOf('-');
    if (hyphen >= 0) {
      upstream = rest.substring(0, hyphen);
      revision = rest.substring(hyphen + 1);
      if (revision.isEmpty()) {
        throw new DistillException("Invalid Debian version '" + text + "': the revision is empty");
      }
    }
    if (upstream.isEmpty()) {
      throw new DistillException(
          "Invalid Debian version '" + text + "': the upstream version is empty");
    }
    if (!Character.isDigit(upstream.charAt(0))) {
      throw new DistillException(
          "Invalid Debian version '" + text + "': the upstream version must start with a digit");
    }
    for (int i = 0; i < upstream.length(); i++) {
      char c = upstream.charAt(i);
      if (!(isAsciiAlnum(c) || ".-+~:".indexOf(c) >= 0)) {
        throw new DistillException(
            "Invalid Debian version '" + text + "': '" + c + "' is not allowed in the version");
      }
    }
    for (int i = 0; i < revision.length(); i++) {
      char c = revision.charAt(i);
      if (!(isAsciiAlnum(c) || ".+~".indexOf(c) >= 0)) {
        throw new DistillException(
            "Invalid Debian version '" + text + "': '" + c + "' is not allowed in the revision");
      }
    }
    return new DebianVersion(epoch, upstream, revision);
  }

  /**
   * Reads the epoch as dpkg does (C {@code strtol}): an optional sign, then digits; negative or
   * above {@code INT_MAX} is an error. dpkg accepts "+1" and "-0", so this does too.
   */
  private static long parseEpoch(String epochText, String text) {
    int i = 0;
    boolean negative = false;
    if (!epochText.isEmpty() && (epochText.charAt(0) == '+' || epochText.charAt(0) == '-')) {
      negative = epochText.charAt(0) == '-';
      i = 1;
    }
    if (i == epochText.length() || !isDigit(epochText.charAt(i))) {
      throw new DistillException("Invalid Debian version '" + text + "': the epoch is empty");
    }
    long value = 0;
    for (; i < epochText.length(); i++) {
      char c = epochText.charAt(i);
      if (!isDigit(c)) {
        throw new DistillException(
            "Invalid Debian version '" + text + "': the epoch must be a number");
      }
      value = Math.min(value * 10 + (c - '0'), (long) Integer.MAX_VALUE + 1);
    }
    if (negative && value != 0) {
      throw new DistillException("Invalid Debian version '" + text + "': the epoch is negative");
    }
    if (value > Integer.MAX_VALUE) {
      throw new DistillException("Invalid Debian version '" + text + "': the epoch is too big");
    }
    return value;
  }

  /** Compares two version strings with dpkg's ordering. */
  public static int compare(String a, String b) {
    return parse(a).compareTo(parse(b));
  }

  public long epoch() {
    return epoch;
  }

  public String upstream() {
    return upstream;
  }

  /** The Debian revision, or the empty string when the version has none. */
  public String revision() {
    return revision;
  }

  @Override
  public int compareTo(DebianVersion other) {
    int c = Long.compare(epoch, other.epoch);
    if (c != 0) {
      return c;
    }
    c = verrevcmp(upstream, other.upstream);
    if (c != 0) {
      return c;
    }
    return verrevcmp(revision, other.revision);
  }

  /** dpkg's character weight for the non-digit parts: ~ lowest, end of string, letters, others. */
  private static int order(char c) {
    if (Character.isDigit(c)) {
      return 0;
    }
    if (isAsciiLetter(c)) {
      return c;
    }
    if (c == '~') {
      return -1;
    }
    return c + 256;
  }

  private static int verrevcmp(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      int firstDiff = 0;
      while ((i < a.length() && !isDigit(a.charAt(i)))
          || (j < b.length() && !isDigit(b.charAt(j)))) {
        int ac = i < a.length() ? order(a.charAt(i)) : 0;
        int bc = j < b.length() ? order(b.charAt(j)) : 0;
        if (ac != bc) {
          return ac - bc;
        }
        i++;
        j++;
      }
      while (i < a.length() && a.charAt(i) == '0') {
        i++;
      }
      while (j < b.length() && b.charAt(j) == '0') {
        j++;
      }
      while (i < a.length() && isDigit(a.charAt(i)) && j < b.length() && isDigit(b.charAt(j))) {
        if (firstDiff == 0) {
          firstDiff = a.charAt(i) - b.charAt(j);
        }
        i++;
        j++;
      }
      if (i < a.length() && isDigit(a.charAt(i))) {
        return 1;
      }
      if (j < b.length() && isDigit(b.charAt(j))) {
        return -1;
      }
      if (firstDiff != 0) {
        return firstDiff;
      }
    }
    return 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiAlnum(char c) {
    return isDigit(c) || isAsciiLetter(c);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DebianVersion v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    // Equal versions may differ in text ("1.0" = "1.00" = "1." and "1" = "1-0"), so hash a
    // canonical form in which exactly the dpkg-equal versions agree.
    return Objects.hash(epoch, canonical(upstream), canonical(revision));
  }

  /**
   * verrevcmp compares a string as a sequence of (non-digit run, number) pairs, padding the shorter
   * with ("", 0): render the numbers without leading zeros and drop the trailing pads.
   */
  static String canonical(String part) {
    StringBuilder out = new StringBuilder();
    int keep = 0;
    int i = 0;
    while (i < part.length()) {
      int start = i;
      while (i < part.length() && !isDigit(part.charAt(i))) {
        i++;
      }
      String letters = part.substring(start, i);
      while (i < part.length() && part.charAt(i) == '0') {
        i++;
      }
      int digits = i;
      while (i < part.length() && isDigit(part.charAt(i))) {
        i++;
      }
      String number = digits == i ? "0" : part.substring(digits, i);
      out.append(letters).append(number).append('|');
      if (!letters.isEmpty() || !number.equals("0")) {
        keep = out.length();
      }
    }
    return out.substring(0, keep);
  }

  @Override
  public String toString() {
    String base = epoch == 0 ? upstream : epoch + ":" + upstream;
    return revision.isEmpty() ? base : base + "-" + revision;
  }
}
