package dev.distill.secrets;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.List;

/**
 * Compiles gitleaks' Go (RE2) regexes with RE2J. The two dialects are almost the same; where RE2J
 * rejects Go syntax, the expression is adapted and a note says so.
 */
final class GoRegex {
  private GoRegex() {}

  /**
   * Compiles {@code expr}; on failure tries the known Go-to-RE2J adaptations, adding a note when
   * one was needed, and throws {@link PatternSyntaxException} when none works.
   */
  static Pattern compile(String expr, String what, List<String> notes) {
    try {
      return Pattern.compile(expr);
    } catch (PatternSyntaxException first) {
      String adapted = adapt(expr);
      if (!adapted.equals(expr)) {
        try {
          Pattern p = Pattern.compile(adapted);
          notes.add(what + ": adapted Go regex syntax for RE2J (" + first.getDescription() + ")");
          return p;
        } catch (PatternSyntaxException ignored) {
          // fall through to the original error, which names the original expression
        }
      }
      throw first;
    }
  }

  /**
   * As {@link #compile}, but only checks the syntax now: the result compiles on first use ({@link
   * RuleRegex}).
   */
  static RuleRegex parse(String expr, String what, List<String> notes) {
    try {
      return RuleRegex.parse(expr);
    } catch (PatternSyntaxException first) {
      String adapted = adapt(expr);
      if (!adapted.equals(expr)) {
        try {
          RuleRegex r = RuleRegex.parse(adapted);
          notes.add(what + ": adapted Go regex syntax for RE2J (" + first.getDescription() + ")");
          return r;
        } catch (PatternSyntaxException ignored) {
          // fall through to the original error, which names the original expression
        }
      }
      throw first;
    }
  }

  /** Rewrites Go-only spellings: {@code \z} outside a class to {@code $} with no multi-line. */
  static String adapt(String expr) {
    StringBuilder out = new StringBuilder(expr.length());
    boolean inClass = false;
    for (int i = 0; i < expr.length(); i++) {
      char c = expr.charAt(i);
      if (c == '\\' && i + 1 < expr.length()) {
        char n = expr.charAt(i + 1);
        if (!inClass && n == 'z') {
          out.append("(?-m:$)");
        } else if (n == 'Z' && !inClass) {
          out.append("(?-m:$)");
        } else {
          out.append(c).append(n);
        }
        i++;
        continue;
      }
      if (c == '[' && !inClass) {
        inClass = true;
        out.append(c);
        // a ']' right after '[' or '[^' is literal
        if (i + 1 < expr.length() && expr.charAt(i + 1) == '^') {
          out.append('^');
          i++;
        }
        if (i + 1 < expr.length() && expr.charAt(i + 1) == ']') {
          out.append(']');
          i++;
        }
        continue;
      }
      if (c == ']' && inClass) {
        inClass = false;
      }
      out.append(c);
    }
    return out.toString();
  }
}
