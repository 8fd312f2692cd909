package dev.distill.secrets;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A cheaper regex that finds a match in a text exactly when a rule's regex does, used to skip the
 * rule's own (slow) search where it cannot match. Gitleaks' semi-generic rules start with an
 * optional run such as {@code [\w.-]{0,50}?}: RE2J's NFA keeps up to fifty threads alive for it on
 * every identifier, though it never decides whether a match exists (taking it zero times always
 * works). The probe is the regex without that leading run, with the same flags. Only the existence
 * of a match is meaningful; positions and groups come from the rule's regex.
 */
final class MatchProbe {
  private MatchProbe() {}

  /**
   * The probe for {@code rule}, or null when the regex does not start with an optional
   * one-character run (then there is nothing cheaper to run).
   */
  static Pattern of(Pattern rule) {
    String probe = strippedLead(rule.pattern());
    if (probe == null) {
      return null;
    }
    try {
      return Pattern.compile(probe, rule.flags());
    } catch (PatternSyntaxException e) {
      return null; // not understood: the rule's regex alone is always correct
    }
  }

  /**
   * {@code regex} without its leading optional run (a class, a class escape or {@code .} repeated
   * {@code *}, {@code ?} or {@code {0,n}}, lazy or greedy), keeping leading flag groups; null when
   * there is no such run. Removing it keeps the language of "texts with a match": any match
   * contains a match of the rest, and the rest alone is a match of the whole (run taken zero
   * times).
   */
  static String strippedLead(String regex) {
    int pos = 0;
    while (regex.startsWith("(?", pos)) {
      int close = regex.indexOf(')', pos);
      if (close < 0 || !regex.substring(pos + 2, close).matches("[imsU-]+")) {
        return null;
      }
      pos = close + 1;
    }
    String flags = regex.substring(0, pos);
    int atomEnd = oneCharAtomEnd(regex, pos);
    if (atomEnd < 0) {
      return null;
    }
    int end = optionalQuantifierEnd(regex, atomEnd);
    if (end < 0) {
      return null;
    }
    if (end < regex.length() && regex.charAt(end) == '?') {
      end++; // lazy
    }
    String rest = regex.substring(end);
    if (rest.isEmpty()
        || regex.contains("\\Q")
        || "*+?{".indexOf(rest.charAt(0)) >= 0
        || hasTopLevelBar(rest)) {
      return null;
    }
    return flags + rest;
  }

  /** The end of a one-character atom at {@code pos}: a class, a class escape or dot; else -1. */
  private static int oneCharAtomEnd(String re, int pos) {
    if (pos >= re.length()) {
      return -1;
    }
    char c = re.charAt(pos);
    if (c == '.') {
      return pos + 1;
    }
    if (c == '\\' && pos + 1 < re.length() && "wWsSdD".indexOf(re.charAt(pos + 1)) >= 0) {
      return pos + 2;
    }
    if (c != '[') {
      return -1;
    }
    int p = pos + 1;
    if (p < re.length() && re.charAt(p) == '^') {
      p++;
    }
    if (p < re.length() && re.charAt(p) == ']') {
      p++;
    }
    while (p < re.length() && re.charAt(p) != ']') {
      if (re.charAt(p) == '\\') {
        p += 2;
      } else if (re.startsWith("[:", p)) {
        int close = re.indexOf(":]", p);
        if (close < 0) {
          return -1;
        }
        p = close + 2;
      } else if (re.charAt(p) == '[') {
        return -1; // not RE2 syntax we know
      } else {
        p++;
      }
    }
    return p < re.length() ? p + 1 : -1;
  }

  /** The end of a quantifier allowing zero repetitions at {@code pos}; else -1. */
  private static int optionalQuantifierEnd(String re, int pos) {
    if (pos >= re.length()) {
      return -1;
    }
    char c = re.charAt(pos);
    if (c == '*' || c == '?') {
      return pos + 1;
    }
    if (c == '{') {
      int close = re.indexOf('}', pos);
      if (close > 0 && re.substring(pos + 1, close).matches("0(,[0-9]*)?")) {
        return close + 1;
      }
    }
    return -1;
  }

  /** Whether {@code re} has a {@code |} outside groups and classes (kept simple: then no probe). */
  private static boolean hasTopLevelBar(String re) {
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < re.length(); i++) {
      char c = re.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        if (c == ']') {
          inClass = false;
        } else if (re.startsWith("[:", i)) {
          int close = re.indexOf(":]", i);
          if (close < 0) {
            return true;
          }
          i = close + 1;
        }
      } else if (c == '[') {
        inClass = true;
        if (re.startsWith("^]", i + 1)) {
          i += 2;
        } else if (re.startsWith("]", i + 1)) {
          i++;
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return true;
      }
    }
    return false;
  }
}
