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

  private RegexProgram(int start, int[] kind, int[] out, int[] arg, Object[] insts) {
    this.size = kind.length;
    this.start = start;
    this.kind = kind;
    this.out = out;
    this.arg = arg;
    this.insts = insts;
  }

  static RegexProgram read(Pattern pattern) {
    Internals re2j = Internals.INSTANCE;
    if (re2j == null) {
      return null; // another RE2J layout: the pattern alone is still correct
    }
    try {
      Object re2 = re2j.re2Of.invoke(pattern);
      Object prog = re2j.prog.get(re2);
      Object[] all = (Object[]) re2j.inst.get(prog);
      int n = re2j.instSize.getInt(prog);
      int start = re2j.start.getInt(prog);
      int[] kind = new int[n];
      int[] out = new int[n];
      int[] arg = new int[n];
      Object[] insts = new Object[n];
      for (int pc = 0; pc < n; pc++) {
        Object inst = all[pc];
        insts[pc] = inst;
        int op = re2j.op.getInt(inst);
        out[pc] = re2j.out.getInt(inst);
        arg[pc] = re2j.arg.getInt(inst);
        if (op == re2j.alt || op == re2j.altMatch) {
          kind[pc] = SPLIT;
        } else if (op == re2j.capture) {
          kind[pc] = CAPTURE;
        } else if (op == re2j.nop) {
          kind[pc] = SKIP;
        } else if (op == re2j.emptyWidth) {
          kind[pc] = EMPTY;
        } else if (op == re2j.match) {
          kind[pc] = MATCH;
        } else if (op == re2j.fail) {
          kind[pc] = FAIL;
        } else if (op == re2j.rune) {
          kind[pc] = RUNE; // matched through RE2J itself: folding and ranges stay exact
        } else if (op == re2j.rune1) {
          kind[pc] = RUNE;
          insts[pc] = Integer.valueOf(((int[]) re2j.runes.get(inst))[0]);
        } else if (op == re2j.runeAny || op == re2j.runeAnyNotNl) {
          kind[pc] = RUNE;
          insts[pc] = Boolean.valueOf(op == re2j.runeAny);
        } else {
          return null; // an instruction we do not know
        }
      }
      return new RegexProgram(start, kind, out, arg, insts);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // another RE2J layout: the pattern alone is still correct
    }
  }

  /**
   * RE2J's members and constants, looked up once for every program. One handle for {@code
   * matchRune}, not one per program: the JVM specialises a handle called often into a class of its
   * own (~13 classes spun and compiled at the start of a scan when each program had its handle).
   */
  private static final class Internals {
    /** Null when RE2J's layout is not the one read here. */
    static final Internals INSTANCE = load();

    // In a static final field of its own, so the JIT treats the handle as a constant.
    static final MethodHandle MATCH_RUNE = INSTANCE == null ? null : INSTANCE.matchRune;

    final Method re2Of;
    final Field prog;
    final Field inst;
    final Field instSize;
    final Field start;
    final Field op;
    final Field out;
    final Field arg;
    final Field runes;
    final MethodHandle matchRune;
    final int alt;
    final int altMatch;
    final int capture;
    final int emptyWidth;
    final int fail;
    final int match;
    final int nop;
    final int rune;
    final int rune1;
    final int runeAny;
    final int runeAnyNotNl;

    private Internals() throws ReflectiveOperationException {
      re2Of = Pattern.class.getDeclaredMethod("re2");
      re2Of.setAccessible(true);
      Class<?> re2Class = re2Of.getReturnType();
      prog = field(re2Class, "prog");
      Class<?> progClass = prog.getType();
      inst = field(progClass, "inst");
      instSize = field(progClass, "instSize");
      start = field(progClass, "start");
      Class<?> instClass = inst.getType().getComponentType();
      op = field(instClass, "op");
      out = field(instClass, "out");
      arg = field(instClass, "arg");
      runes = field(instClass, "runes");
      Method matchRuneM = instClass.getDeclaredMethod("matchRune", int.class);
      matchRuneM.setAccessible(true);
      matchRune =
          MethodHandles.lookup()
              .unreflect(matchRuneM)
              .asType(MethodType.methodType(boolean.class, Object.class, int.class));
      alt = constant(instClass, "ALT");
      altMatch = constant(instClass, "ALT_MATCH");
      capture = constant(instClass, "CAPTURE");
      emptyWidth = constant(instClass, "EMPTY_WIDTH");
      fail = constant(instClass, "FAIL");
      match = constant(instClass, "MATCH");
      nop = constant(instClass, "NOP");
      rune = constant(instClass, "RUNE");
      rune1 = constant(instClass, "RUNE1");
      runeAny = constant(instClass, "RUNE_ANY");
      runeAnyNotNl = constant(instClass, "RUNE_ANY_NOT_NL");
    }

    private static Internals load() {
      try {
        Class<?> utils = Class.forName("com.google.re2j.Utils");
        if (constant(utils, "EMPTY_BEGIN_LINE") != BEGIN_LINE
            || constant(utils, "EMPTY_END_LINE") != END_LINE
            || constant(utils, "EMPTY_BEGIN_TEXT") != BEGIN_TEXT
            || constant(utils, "EMPTY_END_TEXT") != END_TEXT
            || constant(utils, "EMPTY_WORD_BOUNDARY") != WORD_BOUNDARY
            || constant(utils, "EMPTY_NO_WORD_BOUNDARY") != NO_WORD_BOUNDARY) {
          return null;
        }
        return new Internals();
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        return null;
      }
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
      return (boolean) Internals.MATCH_RUNE.invokeExact(inst, rune);
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
