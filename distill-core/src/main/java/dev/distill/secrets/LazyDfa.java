package dev.distill.secrets;

import com.google.re2j.Pattern;
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
  static final int AT_BEGIN = 0;
  static final int AFTER_NEWLINE = 1;
  static final int AFTER_WORD = 2;
  static final int AFTER_OTHER = 3;

  private final RegexProgram prog;
  private final ThreadLocal<Cache> caches = ThreadLocal.withInitial(Cache::new);

  private LazyDfa(RegexProgram prog) {
    this.prog = prog;
  }

  private static final LazyDfa UNREADABLE = new LazyDfa(null);

  /** DFAs of patterns tested through {@link #matches}; weak, so a dropped config is freed. */
  private static final Map<Pattern, LazyDfa> SHARED =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** Each thread's view of {@link #SHARED}, looked up without taking its lock. */
  private static final ThreadLocal<Map<Pattern, LazyDfa>> LOCAL =
      ThreadLocal.withInitial(WeakHashMap::new);

  /**
   * Whether {@code pattern} matches somewhere in {@code text}: {@code
   * pattern.matcher(text).find()}, through a DFA kept for the pattern.
   */
  static boolean matches(Pattern pattern, String text) {
    Map<Pattern, LazyDfa> local = LOCAL.get();
    LazyDfa dfa = local.get(pattern);
    if (dfa == null) {
      dfa = SHARED.get(pattern);
      if (dfa == null) {
        LazyDfa built = of(pattern);
        dfa = built == null ? UNREADABLE : built;
        SHARED.put(pattern, dfa);
      }
      local.put(pattern, dfa);
    }
    return dfa == UNREADABLE ? pattern.matcher(text).find() : dfa.find(text);
  }

  /** The DFA for {@code pattern}, or null when RE2J's program cannot be read. */
  static LazyDfa of(Pattern pattern) {
    RegexProgram p = RegexProgram.read(pattern);
    return p == null ? null : new LazyDfa(p);
  }

  /** Whether the pattern matches somewhere in {@code text} (as {@code matcher(text).find()}). */
  boolean find(String text) {
    return find(text, 0, text.length(), -1);
  }

  /**
   * Whether the pattern matches in {@code text[start, end)} as if that were the whole text, except
   * that {@code before} is the character before {@code start} (-1 for none): as RE2J's {@code
   * matcher(text.subSequence(0, end)).find(start)}, with {@code before} = {@code text[start - 1]}.
   */
  boolean find(String text, int start, int end, int before) {
    Cache cache = caches.get();
    int state = cache.initial(before < 0 ? AT_BEGIN : contextAfter(before));
    int i = start;
    int[] rows = cache.rows; // read once: the client compiler does not lift it out of the loop
    while (i < end) {
      char c = text.charAt(i);
      int next = c < ASCII ? rows[state * ASCII + c] : 0;
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
      rows = cache.rows; // a step may have added states
      i += Character.charCount(rune);
    }
    return cache.matchesAtEnd(state);
  }

  /** Per-thread states: the pending instructions after each, its context, and ASCII rows. */
  private final class Cache {
    final Map<Key, Integer> ids = new HashMap<>();
    int[][] pending = new int[16][];
    int[] contexts = new int[16];
    // Per state, a row per ASCII char (state * 128 + char): 0 unknown, -1 match, else next state +
    // 1; one flat table, so a step is one load.
    int[] rows = new int[16 * ASCII];
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
      if (count == pending.length) {
        int size = count * 2;
        pending = Arrays.copyOf(pending, size);
        contexts = Arrays.copyOf(contexts, size);
        rows = Arrays.copyOf(rows, size * ASCII);
        endMatch = Arrays.copyOf(endMatch, size);
      }
      int n = count++;
      ids.put(k, n);
      pending[n] = pcs;
      contexts[n] = context;
      Arrays.fill(rows, n * ASCII, (n + 1) * ASCII, 0); // a reset leaves old rows behind
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
        rows[state * ASCII + rune] = next == MATCHED ? -1 : next + 1;
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
          case RegexProgram.MATCH:
            return -1;
          case RegexProgram.SPLIT:
            top = push(prog.out[pc], gen, top);
            top = push(prog.arg[pc], gen, top);
            break;
          case RegexProgram.EMPTY:
            if ((prog.arg[pc] & ~flags) == 0) {
              top = push(prog.out[pc], gen, top);
            }
            break;
          case RegexProgram.SKIP:
          case RegexProgram.CAPTURE:
            top = push(prog.out[pc], gen, top);
            break;
          case RegexProgram.RUNE:
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
    return RegexProgram.isWordRune(rune) ? AFTER_WORD : AFTER_OTHER;
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
}
