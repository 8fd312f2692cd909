package dev.distill.secrets;

import com.google.re2j.Pattern;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Answers one question about an RE2J pattern, fast: does it match anywhere in a text? RE2J only
 * simulates the NFA, paying for every live thread at every character; this builds the equivalent
 * DFA lazily, one state per set of live instructions, from the pattern's own compiled program (read
 * once, reflectively, so syntax, case folding and classes are exactly RE2J's). A cached ASCII
 * transition is one array load. Each thread has its own bounded state cache; when it fills it is
 * dropped and rebuilt, so time stays linear in the text and memory bounded whatever the input.
 * {@link #of} returns null when the program cannot be read (another RE2J version): callers then use
 * the pattern alone, which is always correct.
 */
final class LazyDfa {
  private static final int ASCII = 128;
  private static final int MAX_STATES = 8192;
  private static final int MATCHED = -1;

  // Position context before a character: what the previous character was.
  private static final int AT_BEGIN = 0;
  private static final int AFTER_NEWLINE = 1;
  private static final int AFTER_WORD = 2;
  private static final int AFTER_OTHER = 3;

  private final Program prog;
  private final ThreadLocal<Cache> caches = ThreadLocal.withInitial(Cache::new);

  private LazyDfa(Program prog) {
    this.prog = prog;
  }

  private static final LazyDfa UNREADABLE = new LazyDfa(null);

  /** DFAs of patterns tested through {@link #matches}; weak, so a dropped config is freed. */
  private static final Map<Pattern, LazyDfa> SHARED =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * Whether {@code pattern} matches somewhere in {@code text}: {@code
   * pattern.matcher(text).find()}, through a DFA kept for the pattern.
   */
  static boolean matches(Pattern pattern, CharSequence text) {
    LazyDfa dfa = SHARED.get(pattern);
    if (dfa == null) {
      LazyDfa built = of(pattern);
      dfa = built == null ? UNREADABLE : built;
      SHARED.put(pattern, dfa);
    }
    return dfa == UNREADABLE ? pattern.matcher(text).find() : dfa.find(text);
  }

  /** The DFA for {@code pattern}, or null when RE2J's program cannot be read. */
  static LazyDfa of(Pattern pattern) {
    Program p = Program.read(pattern);
    return p == null ? null : new LazyDfa(p);
  }

  /** Whether the pattern matches somewhere in {@code text} (as {@code matcher(text).find()}). */
  boolean find(CharSequence text) {
    return find(text, 0, text.length(), -1);
  }

  /**
   * Whether the pattern matches in {@code text[start, end)} as if that were the whole text, except
   * that {@code before} is the character before {@code start} (-1 for none): as RE2J's {@code
   * matcher(text.subSequence(0, end)).find(start)}, with {@code before} = {@code text[start - 1]}.
   */
  boolean find(CharSequence text, int start, int end, int before) {
    Cache cache = caches.get();
    int state = cache.initial(before < 0 ? AT_BEGIN : contextAfter(before));
    int i = start;
    while (i < end) {
      char c = text.charAt(i);
      int next = c < ASCII ? cache.rows[state][c] : 0;
      if (next > 0) {
        state = next - 1; // the hot path: a cached ASCII transition
        i++;
        continue;
      }
      if (next < 0) {
        return true; // a cached transition into a match
      }
      int rune = c;
      if (Character.isHighSurrogate(c)
          && i + 1 < end
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        rune = Character.toCodePoint(c, text.charAt(i + 1));
      }
      state = cache.step(state, rune);
      if (state == MATCHED) {
        return true;
      }
      i += Character.charCount(rune);
    }
    return cache.matchesAtEnd(state);
  }

  /** Per-thread states: the pending instructions after each, its context, and ASCII rows. */
  private final class Cache {
    final Map<Key, Integer> ids = new HashMap<>();
    int[][] pending = new int[16][];
    int[] contexts = new int[16];
    int[][] rows = new int[16][]; // per ASCII char: 0 unknown, -1 match, else next state + 1
    byte[] endMatch = new byte[16]; // 0 unknown, 1 no, 2 yes
    int count;
    int epoch; // bumped when the cache is dropped
    final int[] marks = new int[prog.size];
    int generation;
    final int[] stack = new int[prog.size];
    final int[] closure = new int[prog.size];

    final int[] initials = {-1, -1, -1, -1}; // per context, in the current epoch

    int initial(int context) {
      int id = initials[context];
      if (id < 0) {
        id = intern(context, new int[0]);
        initials[context] = id;
      }
      return id;
    }

    int intern(int context, int[] pcs) {
      Key k = new Key(context, pcs);
      Integer id = ids.get(k);
      if (id != null) {
        return id;
      }
      if (count >= MAX_STATES) {
        ids.clear();
        count = 0;
        epoch++;
        Arrays.fill(initials, -1);
      }
      if (count == rows.length) {
        int size = count * 2;
        pending = Arrays.copyOf(pending, size);
        contexts = Arrays.copyOf(contexts, size);
        rows = Arrays.copyOf(rows, size);
        endMatch = Arrays.copyOf(endMatch, size);
      }
      int n = count++;
      ids.put(k, n);
      pending[n] = pcs;
      contexts[n] = context;
      rows[n] = new int[ASCII];
      endMatch[n] = 0;
      return n;
    }

    /**
     * The state after {@code rune} from {@code state}, or {@link #MATCHED}, computed (the cache
     * missed or the rune is not ASCII) and, for ASCII, cached. Kept out of {@link #find}'s loop so
     * that loop stays small for the JIT.
     */
    int step(int state, int rune) {
      int epoch = this.epoch;
      int next = transition(state, rune);
      if (rune < ASCII && epoch == this.epoch) {
        // not after a reset: then state names another set
        rows[state][rune] = next == MATCHED ? -1 : next + 1;
      }
      return next;
    }

    /** The state after {@code rune} from {@code state}, or {@link #MATCHED}. */
    int transition(int state, int rune) {
      int reached = close(state, prog.emptyContext(contexts[state], rune));
      if (reached < 0) {
        return MATCHED;
      }
      int[] next = new int[reached];
      int n = 0;
      int gen = ++generation;
      for (int j = 0; j < reached; j++) {
        int pc = closure[j];
        if (prog.matches(pc, rune)) {
          int out = prog.out[pc];
          if (marks[out] != gen) {
            marks[out] = gen;
            next[n++] = out;
          }
        }
      }
      int[] pcs = Arrays.copyOf(next, n);
      Arrays.sort(pcs);
      return intern(contextAfter(rune), pcs);
    }

    boolean matchesAtEnd(int state) {
      if (endMatch[state] == 0) {
        endMatch[state] = close(state, prog.emptyContext(contexts[state], -1)) < 0 ? (byte) 2 : 1;
      }
      return endMatch[state] == 2;
    }

    /**
     * Follows empty transitions from the state's pending instructions and the start (the search is
     * unanchored) under {@code flags}; fills {@link #closure} with the rune instructions reached
     * and returns their count, or -1 when a match instruction is reached. Order does not matter:
     * only whether a match exists is asked.
     */
    int close(int state, int flags) {
      int gen = ++generation;
      int top = 0;
      int reached = 0;
      top = push(prog.start, gen, top);
      for (int pc : pending[state]) {
        top = push(pc, gen, top);
      }
      while (top > 0) {
        int pc = stack[--top];
        switch (prog.kind[pc]) {
          case Program.MATCH:
            return -1;
          case Program.SPLIT:
            top = push(prog.out[pc], gen, top);
            top = push(prog.arg[pc], gen, top);
            break;
          case Program.EMPTY:
            if ((prog.arg[pc] & ~flags) == 0) {
              top = push(prog.out[pc], gen, top);
            }
            break;
          case Program.SKIP:
            top = push(prog.out[pc], gen, top);
            break;
          case Program.RUNE:
            closure[reached++] = pc;
            break;
          default: // fail
            break;
        }
      }
      return reached;
    }

    /** Pushes {@code pc} unless already reached in this closure: each at most once. */
    private int push(int pc, int gen, int top) {
      if (marks[pc] == gen) {
        return top;
      }
      marks[pc] = gen;
      stack[top] = pc;
      return top + 1;
    }
  }

  private static int contextAfter(int rune) {
    if (rune == '\n') {
      return AFTER_NEWLINE;
    }
    return Program.isWordRune(rune) ? AFTER_WORD : AFTER_OTHER;
  }

  private record Key(int context, int[] pcs) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.context == context && Arrays.equals(k.pcs, pcs);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(pcs) + context;
    }
  }

  /** RE2J's compiled program, copied into plain arrays. */
  private static final class Program {
    static final int FAIL = 0;
    static final int MATCH = 1;
    static final int SPLIT = 2;
    static final int EMPTY = 3;
    static final int SKIP = 4;
    static final int RUNE = 5;

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

    private Program(
        int start, int[] kind, int[] out, int[] arg, Object[] insts, MethodHandle matchRune) {
      this.size = kind.length;
      this.start = start;
      this.kind = kind;
      this.out = out;
      this.arg = arg;
      this.insts = insts;
      this.matchRune = matchRune;
    }

    static Program read(Pattern pattern) {
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
          } else if (op == capture || op == nop) {
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
        return new Program(start, kind, out, arg, insts, matchRune);
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
      if (before == AT_BEGIN) {
        op |= BEGIN_TEXT | BEGIN_LINE;
      }
      if (before == AFTER_NEWLINE) {
        op |= BEGIN_LINE;
      }
      if (rune < 0) {
        op |= END_TEXT | END_LINE;
      }
      if (rune == '\n') {
        op |= END_LINE;
      }
      boolean wordBefore = before == AFTER_WORD;
      op |= wordBefore != isWordRune(rune) ? WORD_BOUNDARY : NO_WORD_BOUNDARY;
      return op;
    }

    static boolean isWordRune(int r) {
      return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') || r == '_';
    }
  }
}
