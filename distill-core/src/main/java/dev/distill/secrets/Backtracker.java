package dev.distill.secrets;

import com.google.re2j.Pattern;
import java.util.Arrays;

/**
 * Finds the match RE2J would find, and its groups, by depth-first search over RE2J's own compiled
 * program instead of RE2J's NFA simulation. The search tries start positions left to right and, at
 * each alternation, the branch RE2J prefers first, so the first match it reaches is RE2J's
 * leftmost-first match with the same captures. A visited set of (instruction, position) pairs makes
 * each pair explored at most once, so time stays linear in the text times the program size, like
 * RE2J's; the set's size bounds which inputs it takes ({@link #fits}). RE2J pays for every live
 * thread at every character, copying capture arrays; on gitleaks' generic rule (hundreds of
 * counted-repetition instructions) that is hundreds of microseconds a line, this a few.
 */
final class Backtracker {
  /**
   * The visited set's largest size in bits (instructions times positions): 512 KiB, enough for a
   * rule's windows and small fragments; larger inputs go to RE2J, whose memory does not grow with
   * the text.
   */
  static final long MAX_VISITED_BITS = 4L << 20;

  private final RegexProgram prog;
  // Per rune instruction, which ASCII characters it accepts (two 64-bit masks); RE2J decides the
  // rest.
  private final long[] asciiLow;
  private final long[] asciiHigh;
  private final ThreadLocal<Search> searches;

  private Backtracker(RegexProgram prog) {
    this.prog = prog;
    this.asciiLow = new long[prog.size];
    this.asciiHigh = new long[prog.size];
    for (int pc = 0; pc < prog.size; pc++) {
      if (prog.kind[pc] == RegexProgram.RUNE) {
        for (int c = 0; c < 128; c++) {
          if (prog.matches(pc, c)) {
            if (c < 64) {
              asciiLow[pc] |= 1L << c;
            } else {
              asciiHigh[pc] |= 1L << (c - 64);
            }
          }
        }
      }
    }
    this.searches = ThreadLocal.withInitial(Search::new);
  }

  /** The backtracker for {@code pattern}, or null when RE2J's program cannot be read. */
  static Backtracker of(Pattern pattern) {
    RegexProgram p = RegexProgram.read(pattern);
    return p == null ? null : new Backtracker(p);
  }

  /** Whether a search over {@code length} characters fits the visited set's bound. */
  boolean fits(int length) {
    return (long) prog.size * (length + 2L) <= MAX_VISITED_BITS;
  }

  /**
   * As RE2J's unanchored {@code RE2.match(input, pos, end, UNANCHORED, groups, ncap / 2)} on {@code
   * text}: the capture slots of the first match starting at or after {@code pos} in {@code text[0,
   * end)} (slot 0 and 1 the match's start and end, then each group's, -1 when unset), or null when
   * there is none. Call only when {@link #fits}{@code (end - pos)}.
   */
  int[] match(String text, int pos, int end, int ncap) {
    return match(text, pos, end, ncap, end);
  }

  /**
   * As {@link #match(String, int, int, int)}, for matches starting at or before {@code lastStart}.
   */
  int[] match(String text, int pos, int end, int ncap, int lastStart) {
    if (pos > end || pos > lastStart) {
      return null;
    }
    Search s = searches.get();
    s.reset(text, pos, end, ncap);
    for (int start = pos; ; ) {
      if (s.tryFrom(start)) {
        return Arrays.copyOf(s.cap, ncap);
      }
      if (start >= end || start >= lastStart) {
        return null;
      }
      start += Character.charCount(Character.codePointAt(text, start));
      if (start > end) {
        // RE2J steps past the end only when a surrogate pair straddles it; it then tries
        // once more at that position, with nothing left to read.
        return s.tryFrom(start) ? Arrays.copyOf(s.cap, ncap) : null;
      }
    }
  }

  /** One thread's reusable search state. */
  private final class Search {
    int[] visited = new int[64];
    int[] stackPc = new int[64]; // an instruction to try, or -1 - slot to restore a capture
    int[] stackVal = new int[64]; // its position, or the capture's value to restore
    int[] cap = new int[2];
    String text;
    int first;
    int end;
    int width;
    int ncap;

    void reset(String text, int pos, int end, int ncap) {
      this.text = text;
      this.first = pos;
      this.end = end;
      this.ncap = ncap;
      this.width = end - pos + 2; // positions first .. end + 1 (see match)
      int words = (int) (((long) prog.size * width + 31) >>> 5);
      if (visited.length < words) {
        visited = new int[Math.max(words, visited.length * 2)];
      } else {
        Arrays.fill(visited, 0, words, 0);
      }
      if (cap.length < Math.max(2, ncap)) {
        cap = new int[Math.max(2, ncap)];
      }
    }

    /** Whether a match starts at {@code start}; if so {@link #cap} holds its slots. */
    boolean tryFrom(int start) {
      Arrays.fill(cap, -1);
      cap[0] = start;
      int top = push(0, prog.start, start);
      int[] kind = prog.kind;
      int[] out = prog.out;
      int[] arg = prog.arg;
      while (top > 0) {
        top--;
        int pc = stackPc[top];
        int p = stackVal[top];
        if (pc < 0) {
          cap[-1 - pc] = p;
          continue;
        }
        thread:
        while (true) {
          int bit = pc * width + (p - first);
          int word = visited[bit >>> 5];
          int mask = 1 << bit;
          if ((word & mask) != 0) {
            break;
          }
          visited[bit >>> 5] = word | mask;
          switch (kind[pc]) {
            case RegexProgram.MATCH:
              cap[1] = p;
              return true;
            case RegexProgram.SPLIT:
              top = push(top, arg[pc], p);
              pc = out[pc];
              break;
            case RegexProgram.SKIP:
              pc = out[pc];
              break;
            case RegexProgram.CAPTURE:
              {
                int slot = arg[pc];
                if (slot < ncap) {
                  top = push(top, -1 - slot, cap[slot]);
                  cap[slot] = p;
                }
                pc = out[pc];
                break;
              }
            case RegexProgram.EMPTY:
              if ((arg[pc] & ~flags(p)) != 0) {
                break thread;
              }
              pc = out[pc];
              break;
            case RegexProgram.RUNE:
              {
                if (p >= end) {
                  break thread;
                }
                char c = text.charAt(p);
                if (c < 128) {
                  long m = c < 64 ? asciiLow[pc] >>> c : asciiHigh[pc] >>> (c - 64);
                  if ((m & 1) == 0) {
                    break thread;
                  }
                  p++;
                } else {
                  int r = Character.codePointAt(text, p);
                  if (!prog.matches(pc, r)) {
                    break thread;
                  }
                  p += Character.charCount(r);
                }
                pc = out[pc];
                break;
              }
            default: // fail
              break thread;
          }
        }
      }
      return false;
    }

    private int push(int top, int pc, int val) {
      if (top == stackPc.length) {
        stackPc = Arrays.copyOf(stackPc, top * 2);
        stackVal = Arrays.copyOf(stackVal, top * 2);
      }
      stackPc[top] = pc;
      stackVal[top] = val;
      return top + 1;
    }

    /**
     * RE2J's empty-width flags at {@code p}: from the characters around it, where nothing is read
     * at or past {@code end}, except at the first position, where RE2J looks at the whole text.
     */
    private int flags(int p) {
      int before;
      int after;
      if (p == first) {
        before = p == 0 ? -1 : p <= text.length() ? Character.codePointBefore(text, p) : -1;
        after =
            p == 0
                ? (end > 0 ? Character.codePointAt(text, 0) : -1)
                : p < text.length() ? Character.codePointAt(text, p) : -1;
      } else {
        before = Character.codePointBefore(text, p);
        after = p < end ? Character.codePointAt(text, p) : -1;
      }
      return emptyOpContext(before, after);
    }
  }

  /** RE2J's {@code Utils.emptyOpContext}: the empty-width flags between two runes (-1: none). */
  static int emptyOpContext(int before, int after) {
    int op = 0;
    if (before < 0) {
      op |= RegexProgram.BEGIN_TEXT | RegexProgram.BEGIN_LINE;
    }
    if (before == '\n') {
      op |= RegexProgram.BEGIN_LINE;
    }
    if (after < 0) {
      op |= RegexProgram.END_TEXT | RegexProgram.END_LINE;
    }
    if (after == '\n') {
      op |= RegexProgram.END_LINE;
    }
    boolean wordBefore = RegexProgram.isWordRune(before);
    op |=
        wordBefore != RegexProgram.isWordRune(after)
            ? RegexProgram.WORD_BOUNDARY
            : RegexProgram.NO_WORD_BOUNDARY;
    return op;
  }
}
