package dev.distill.secrets;

import com.google.re2j.Pattern;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * RE2J's compiled program for a pattern, copied into plain arrays (read once, reflectively, so
 * syntax, case folding and classes are exactly RE2J's). {@link #read} returns null when the program
 * cannot be read (another RE2J version): callers then use the pattern alone.
 */
final class RegexProgram {
  static final int FAIL = 0;
  static final int MATCH = 1;
  static final int SPLIT = 2;
  static final int EMPTY = 3;
  static final int SKIP = 4;
  static final int RUNE = 5;
  static final int CAPTURE = 6; // a SKIP that records the position in a capture slot (arg)

  // RE2J's empty-width flags (Utils.EMPTY_*), as in Go's regexp/syntax.
  static final int BEGIN_LINE = 1;
  static final int END_LINE = 2;
  static final int BEGIN_TEXT = 4;
  static final int END_TEXT = 8;
  static final int WORD_BOUNDARY = 16;
  static final int NO_WORD_BOUNDARY = 32;

  final int size;
  final int start;
  final int[] kind;
  final int[] out;
  final int[] arg;
  final Object[] insts;
  final MethodHandle matchRune;

  private RegexProgram(
      int start, int[] kind, int[] out, int[] arg, Object[] insts, MethodHandle matchRune) {
    this.size = kind.length;
    this.start = start;
    this.kind = kind;
    this.out = out;
    this.arg = arg;
    this.insts = insts;
    this.matchRune = matchRune;
  }

  static RegexProgram read(Pattern pattern) {
    try {
      Method re2Of = Pattern.class.getDeclaredMethod("re2");
      re2Of.setAccessible(true);
      Object re2 = re2Of.invoke(pattern);
      Object prog = field(re2.getClass(), "prog").get(re2);
      Class<?> progClass = prog.getClass();
      Object[] all = (Object[]) field(progClass, "inst").get(prog);
      int n = (Integer) field(progClass, "instSize").get(prog);
      int start = (Integer) field(progClass, "start").get(prog);
      Class<?> instClass = all.getClass().getComponentType();
      Field opF = field(instClass, "op");
      Field outF = field(instClass, "out");
      Field argF = field(instClass, "arg");
      Field runesF = field(instClass, "runes");
      Method matchRuneM = instClass.getDeclaredMethod("matchRune", int.class);
      matchRuneM.setAccessible(true);
      MethodHandle matchRune =
          MethodHandles.lookup()
              .unreflect(matchRuneM)
              .asType(MethodType.methodType(boolean.class, Object.class, int.class));
      int alt = constant(instClass, "ALT");
      int altMatch = constant(instClass, "ALT_MATCH");
      int capture = constant(instClass, "CAPTURE");
      int emptyWidth = constant(instClass, "EMPTY_WIDTH");
      int fail = constant(instClass, "FAIL");
      int match = constant(instClass, "MATCH");
      int nop = constant(instClass, "NOP");
      int rune = constant(instClass, "RUNE");
      int rune1 = constant(instClass, "RUNE1");
      int runeAny = constant(instClass, "RUNE_ANY");
      int runeAnyNotNl = constant(instClass, "RUNE_ANY_NOT_NL");
      Class<?> utils = Class.forName("com.google.re2j.Utils");
      if (constant(utils, "EMPTY_BEGIN_LINE") != BEGIN_LINE
          || constant(utils, "EMPTY_END_LINE") != END_LINE
          || constant(utils, "EMPTY_BEGIN_TEXT") != BEGIN_TEXT
          || constant(utils, "EMPTY_END_TEXT") != END_TEXT
          || constant(utils, "EMPTY_WORD_BOUNDARY") != WORD_BOUNDARY
          || constant(utils, "EMPTY_NO_WORD_BOUNDARY") != NO_WORD_BOUNDARY) {
        return null;
      }
      int[] kind = new int[n];
      int[] out = new int[n];
      int[] arg = new int[n];
      Object[] insts = new Object[n];
      for (int pc = 0; pc < n; pc++) {
        Object inst = all[pc];
        insts[pc] = inst;
        int op = opF.getInt(inst);
        out[pc] = outF.getInt(inst);
        arg[pc] = argF.getInt(inst);
        if (op == alt || op == altMatch) {
          kind[pc] = SPLIT;
        } else if (op == capture) {
          kind[pc] = CAPTURE;
        } else if (op == nop) {
          kind[pc] = SKIP;
        } else if (op == emptyWidth) {
          kind[pc] = EMPTY;
        } else if (op == match) {
          kind[pc] = MATCH;
        } else if (op == fail) {
          kind[pc] = FAIL;
        } else if (op == rune) {
          kind[pc] = RUNE; // matched through RE2J itself: folding and ranges stay exact
        } else if (op == rune1) {
          kind[pc] = RUNE;
          insts[pc] = Integer.valueOf(((int[]) runesF.get(inst))[0]);
        } else if (op == runeAny || op == runeAnyNotNl) {
          kind[pc] = RUNE;
          insts[pc] = Boolean.valueOf(op == runeAny);
        } else {
          return null; // an instruction we do not know
        }
      }
      return new RegexProgram(start, kind, out, arg, insts, matchRune);
    } catch (Throwable e) {
      return null; // another RE2J layout: the pattern alone is still correct
    }
  }

  private static Field field(Class<?> c, String name) throws NoSuchFieldException {
    Field f = c.getDeclaredField(name);
    f.setAccessible(true);
    return f;
  }

  private static int constant(Class<?> c, String name) throws ReflectiveOperationException {
    return field(c, name).getInt(null);
  }

  /** Whether rune instruction {@code pc} accepts {@code rune}; only on a cache miss. */
  boolean matches(int pc, int rune) {
    Object inst = insts[pc];
    if (inst instanceof Integer only) {
      return rune == only;
    }
    if (inst instanceof Boolean any) {
      return any || rune != '\n';
    }
    try {
      return (boolean) matchRune.invokeExact(inst, rune);
    } catch (Throwable e) {
      throw new IllegalStateException("RE2J rune match failed", e);
    }
  }

  /** RE2J's {@code Utils.emptyOpContext} for the position before {@code rune} (-1: end). */
  int emptyContext(int before, int rune) {
    int op = 0;
    if (before == LazyDfa.AT_BEGIN) {
      op |= BEGIN_TEXT | BEGIN_LINE;
    }
    if (before == LazyDfa.AFTER_NEWLINE) {
      op |= BEGIN_LINE;
    }
    if (rune < 0) {
      op |= END_TEXT | END_LINE;
    }
    if (rune == '\n') {
      op |= END_LINE;
    }
    boolean wordBefore = before == LazyDfa.AFTER_WORD;
    op |= wordBefore != isWordRune(rune) ? WORD_BOUNDARY : NO_WORD_BOUNDARY;
    return op;
  }

  static boolean isWordRune(int r) {
    return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') || r == '_';
  }
}
