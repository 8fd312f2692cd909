package dev.distill.secrets;

/**
 * The longest text (in chars) a regex can match, or {@link #UNBOUNDED}: lets a rule with keywords
 * run only in windows around the keyword occurrences instead of over a whole fragment. A small
 * parser of RE2 syntax; anything it does not understand counts as unbounded, which is always safe.
 */
final class MatchLength {
  static final int UNBOUNDED = Integer.MAX_VALUE;
  private static final int CAP = 1 << 20;

  private final String re;
  private final boolean countNewlines;
  private final boolean dotAll;
  private int pos;

  private MatchLength(String re, boolean countNewlines) {
    this.re = re;
    this.countNewlines = countNewlines;
    this.dotAll = re.contains("(?s") || re.matches("(?s).*\\(\\?[a-zA-Z]*s.*");
  }

  /** The longest match in chars. */
  static int of(String regex) {
    return analyse(regex, false);
  }

  /** The most newlines a match can contain. */
  static int newlines(String regex) {
    return analyse(regex, true);
  }

  private static int analyse(String regex, boolean countNewlines) {
    try {
      MatchLength m = new MatchLength(regex, countNewlines);
      int n = m.alternation();
      return m.pos == regex.length() && n < CAP ? n : UNBOUNDED;
    } catch (RuntimeException e) {
      return UNBOUNDED;
    }
  }

  /** In newline mode, whether a one-char atom can match a newline; in length mode 1. */
  private long one(boolean newline) {
    return countNewlines ? (newline ? 1 : 0) : 1;
  }

  private int alternation() {
    int max = sequence();
    while (pos < re.length() && re.charAt(pos) == '|') {
      pos++;
      max = Math.max(max, sequence());
    }
    return max;
  }

  private int sequence() {
    long total = 0;
    while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
      long atom = atom();
      atom = quantified(atom);
      total = Math.min(CAP, total + atom);
    }
    return (int) total;
  }

  private long quantified(long atom) {
    while (pos < re.length()) {
      char c = re.charAt(pos);
      long mult;
      if (c == '*' || c == '+') {
        pos++;
        mult = atom == 0 ? 0 : CAP;
        atom = Math.min(CAP, atom * mult);
      } else if (c == '?') {
        pos++;
      } else if (c == '{' && pos + 1 < re.length() && Character.isDigit(re.charAt(pos + 1))) {
        int close = re.indexOf('}', pos);
        String body = re.substring(pos + 1, close);
        pos = close + 1;
        int comma = body.indexOf(',');
        long max;
        if (comma < 0) {
          max = Long.parseLong(body);
        } else if (comma == body.length() - 1) {
          max = CAP;
        } else {
          max = Long.parseLong(body.substring(comma + 1));
        }
        atom = atom == 0 ? 0 : Math.min(CAP, atom * max);
      } else {
        break;
      }
      if (pos < re.length() && re.charAt(pos) == '?') {
        pos++; // lazy
      }
    }
    return atom;
  }

  private long atom() {
    char c = re.charAt(pos);
    switch (c) {
      case '(' -> {
        pos++;
        if (re.startsWith("?", pos)) {
          // (?flags) or (?flags:...) or (?P<name>...)
          int p = pos + 1;
          if (re.startsWith("P<", p) || re.startsWith("<", p)) {
            pos = re.indexOf('>', p) + 1;
          } else {
            while (p < re.length() && re.charAt(p) != ':' && re.charAt(p) != ')') {
              p++;
            }
            if (re.charAt(p) == ')') {
              pos = p + 1;
              return 0; // a flag group
            }
            pos = p + 1;
          }
        }
        int inner = alternation();
        expect(')');
        return inner;
      }
      case '[' -> {
        int start = pos;
        skipClass();
        String cls = re.substring(start, pos);
        boolean names =
            cls.contains("\\s")
                || cls.contains("\\n")
                || cls.contains("\\W")
                || cls.contains("\\D")
                || cls.contains("\\x0a")
                || cls.contains("\\x0A")
                || cls.contains("[:space:]");
        boolean negated = cls.startsWith("[^");
        return one(negated != names || (negated && names && cls.contains("\\S")));
      }
      case '\\' -> {
        char n = re.charAt(pos + 1);
        pos += 2;
        if ("bBAzZ".indexOf(n) >= 0) {
          return 0;
        }
        boolean newline = n == 'n' || n == 's' || n == 'W' || n == 'D' || n == 'v' || n == 'x';
        if (n == 'p' || n == 'P') {
          if (re.charAt(pos) == '{') {
            pos = re.indexOf('}', pos) + 1;
          } else {
            pos++;
          }
        } else if (n == 'x') {
          if (re.charAt(pos) == '{') {
            pos = re.indexOf('}', pos) + 1;
          } else {
            pos += 2;
          }
        } else if (n == 'Q') {
          int end = re.indexOf("\\E", pos);
          int len = (end < 0 ? re.length() : end) - pos;
          pos = end < 0 ? re.length() : end + 2;
          return countNewlines ? 0 : len;
        }
        return one(newline);
      }
      case '^', '$' -> {
        pos++;
        return 0;
      }
      default -> {
        pos++;
        return one(c == '\n' || (c == '.' && dotAll));
      }
    }
  }

  private void skipClass() {
    pos++; // '['
    if (pos < re.length() && re.charAt(pos) == '^') {
      pos++;
    }
    if (pos < re.length() && re.charAt(pos) == ']') {
      pos++;
    }
    while (re.charAt(pos) != ']') {
      if (re.charAt(pos) == '\\') {
        pos += 2;
      } else if (re.startsWith("[:", pos)) {
        pos = re.indexOf(":]", pos) + 2;
      } else {
        pos++;
      }
    }
    pos++;
  }

  private void expect(char c) {
    if (re.charAt(pos) != c) {
      throw new IllegalArgumentException("expected " + c);
    }
    pos++;
  }
}
