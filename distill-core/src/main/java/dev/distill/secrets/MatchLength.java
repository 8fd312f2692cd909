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
  private final boolean countSize;
  private final boolean dotAll;
  private int pos;

  private MatchLength(String re, boolean countNewlines) {
    this(re, countNewlines, false);
  }

  private MatchLength(String re, boolean countNewlines, boolean countSize) {
    this.re = re;
    this.countNewlines = countNewlines;
    this.countSize = countSize;
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

  /**
   * About how many instructions the compiled program has once counted repetitions are expanded
   * ({@code (?:a{1,100}){1,100}} is 10,000): matching costs text length times this.
   */
  static int programSize(String regex) {
    try {
      MatchLength m = new MatchLength(regex, false, true);
      int n = m.alternation();
      return m.pos == regex.length() && n < CAP ? n : UNBOUNDED;
    } catch (RuntimeException e) {
      return UNBOUNDED;
    }
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

  private long zeroWidth() {
    return countSize ? 1 : 0;
  }

  private int alternation() {
    long max = sequence();
    while (pos < re.length() && re.charAt(pos) == '|') {
      pos++;
      long next = sequence();
      max = countSize ? Math.min(CAP, max + next) : Math.max(max, next);
    }
    return (int) max;
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
        atom = countSize ? atom + 1 : Math.min(CAP, atom * mult);
      } else if (c == '?') {
        pos++;
        if (countSize) {
          atom++;
        }
      } else if (c == '{' && pos + 1 < re.length() && Character.isDigit(re.charAt(pos + 1))) {
        int close = re.indexOf('}', pos);
        String body = re.substring(pos + 1, close);
        pos = close + 1;
        int comma = body.indexOf(',');
        long max;
        if (comma < 0) {
          max = Long.parseLong(body);
        } else if (comma == body.length() - 1) {
          max = countSize ? Long.parseLong(body.substring(0, comma)) + 1 : CAP;
        } else {
          max = Long.parseLong(body.substring(comma + 1));
        }
        atom = atom == 0 && !countSize ? 0 : Math.min(CAP, Math.max(1, atom) * Math.max(1, max));
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
          return zeroWidth();
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
        return zeroWidth();
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
