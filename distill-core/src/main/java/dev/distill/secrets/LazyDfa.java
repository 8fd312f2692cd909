package dev.distill.secrets;

import com.google.re2j.Pattern;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private static final int DEAD = -2; // an anchored state with no instruction left

  // Cached row entries other than "next state + 1".
  private static final int MATCH_ENTRY = -1;
  private static final int DEAD_ENTRY = -2;

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
    return find(text, start, end, before, end);
  }

  /**
   * As {@link #find(String, int, int, int)}, for matches that start at or before {@code lastStart}
   * only. Past it no new match is begun, so the walk stops as soon as every match begun has failed
   * (a rule's match around a keyword: a few chars after the keyword instead of the rest of the
   * window).
   */
  boolean find(String text, int start, int end, int before, int lastStart) {
    return search(text, start, end, before, lastStart) == FOUND;
  }

  /** {@link #search}: a match was found. */
  static final int FOUND = 1;

  /** {@link #search}: none, and every match begun had failed before the end. */
  static final int NONE = 0;

  /** {@link #search}: none, but a match begun was still alive at the end. */
  static final int ALIVE = 2;

  /**
   * As {@link #find(String, int, int, int, int)}: {@link #FOUND}, else {@link #ALIVE} when a match
   * begun by {@code lastStart} was still alive at {@code end} (so a longer window might hold one),
   * else {@link #NONE}.
   */
  int search(String text, int start, int end, int before, int lastStart) {
    Cache cache = caches.get();
    int state = cache.initial(before < 0 ? AT_BEGIN : contextAfter(before));
    int i = start;
    int[] rows = cache.rows; // read once: the client compiler does not lift it out of the loop
    int unanchoredEnd = (int) Math.min(end, lastStart + 1L);
    while (i < unanchoredEnd) {
      char c = text.charAt(i);
      int next = c < ASCII ? rows[state * ASCII + c] : 0;
      if (next > 0) {
        state = next - 1; // the hot path: a cached ASCII transition
        i++;
        continue;
      }
      if (next < 0) {
        return FOUND; // a cached transition into a match
      }
      int rune = rune(text, i, end, c);
      state = cache.step(state, rune);
      if (state == MATCHED) {
        return FOUND;
      }
      rows = cache.rows; // a step may have added states
      i += Character.charCount(rune);
    }
    if (i < end) {
      state = cache.anchored(state);
      if (state == DEAD) {
        return NONE;
      }
      rows = cache.rows;
    }
    while (i < end) {
      char c = text.charAt(i);
      int next = c < ASCII ? rows[state * ASCII + c] : 0;
      if (next > 0) {
        state = next - 1;
        i++;
        continue;
      }
      if (next == MATCH_ENTRY) {
        return FOUND;
      }
      if (next == DEAD_ENTRY) {
        return NONE; // every match begun has failed, and no other may begin
      }
      int rune = rune(text, i, end, c);
      state = cache.step(state, rune);
      if (state == MATCHED) {
        return FOUND;
      }
      if (state == DEAD) {
        return NONE;
      }
      rows = cache.rows;
      i += Character.charCount(rune);
    }
    if (cache.matchesAtEnd(state)) {
      return FOUND;
    }
    return i >= unanchoredEnd && cache.hasThreads(state) ? ALIVE : NONE;
  }

  /** The code point at {@code i}, whose first char is {@code c}. */
  private static int rune(String text, int i, int end, char c) {
    if (Character.isHighSurrogate(c)
        && i + 1 < end
        && Character.isLowSurrogate(text.charAt(i + 1))) {
      return Character.toCodePoint(c, text.charAt(i + 1));
    }
    return c;
  }

  /**
   * Beyond this many (instructions, keyword prefix) pairs {@link #everyMatchStartsWithOneOf} gives
   * up.
   */
  private static final int MAX_PREFIX_STATES = 10_000;

  /**
   * Whether every match of the pattern in ASCII text begins with one of {@code keywords} (lower
   * case; text letters in either case, as {@link KeywordMatcher} finds them). Decided on the
   * program, walked anchored char by char beside the keywords' prefixes, with every empty-width
   * assertion taken as passing (more paths than real, so a yes is sure): no path may match before
   * it has spelled a whole keyword, nor spell what begins no keyword. False when unsure.
   */
  boolean everyMatchStartsWithOneOf(List<String> keywords) {
    Set<String> words = new HashSet<>();
    Set<String> prefixes = new HashSet<>();
    for (String k : keywords) {
      if (!k.isEmpty() && k.chars().allMatch(c -> c < ASCII)) {
        words.add(k);
        for (int n = 1; n <= k.length(); n++) {
          prefixes.add(k.substring(0, n));
        }
      }
    }
    int[] first = anchoredClosure(new int[] {prog.start}, 1);
    if (first == null) {
      return false; // the empty string matches
    }
    // A path: the keyword prefix spelled so far and the instructions still alive.
    record Path(String spelled, int[] pcs) {}
    Set<String> seen = new HashSet<>();
    ArrayDeque<Path> queue = new ArrayDeque<>();
    queue.add(new Path("", first));
    while (!queue.isEmpty()) {
      Path path = queue.poll();
      for (int c = 0; c < ASCII; c++) {
        int[] next = new int[path.pcs().length];
        int n = 0;
        for (int pc : path.pcs()) {
          if (prog.matches(pc, c)) {
            next[n++] = prog.out[pc];
          }
        }
        if (n == 0) {
          continue;
        }
        char lower = (char) (c >= 'A' && c <= 'Z' ? c + 32 : c);
        String longer = path.spelled() + lower;
        if (words.contains(longer)) {
          continue; // this path begins with a keyword, whatever follows
        }
        if (!prefixes.contains(longer)) {
          return false;
        }
        int[] closed = anchoredClosure(Arrays.copyOf(next, n), n);
        if (closed == null) {
          return false; // a match that is only part of a keyword
        }
        if (closed.length > 0 && seen.add(longer + ' ' + Arrays.toString(closed))) {
          if (seen.size() > MAX_PREFIX_STATES) {
            return false;
          }
          queue.add(new Path(longer, closed));
        }
      }
    }
    return true;
  }

  /**
   * The rune instructions reached from {@code pcs[0, n)} by empty transitions, every assertion
   * passing, sorted; null when a match instruction is reached.
   */
  private int[] anchoredClosure(int[] pcs, int n) {
    boolean[] reached = new boolean[prog.size];
    ArrayDeque<Integer> stack = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      stack.push(pcs[i]);
    }
    int[] runes = new int[prog.size];
    int count = 0;
    while (!stack.isEmpty()) {
      int pc = stack.pop();
      if (reached[pc]) {
        continue;
      }
      reached[pc] = true;
      switch (prog.kind[pc]) {
        case RegexProgram.MATCH:
          return null;
        case RegexProgram.SPLIT:
          stack.push(prog.out[pc]);
          stack.push(prog.arg[pc]);
          break;
        case RegexProgram.EMPTY:
        case RegexProgram.SKIP:
        case RegexProgram.CAPTURE:
          stack.push(prog.out[pc]);
          break;
        case RegexProgram.RUNE:
          runes[count++] = pc;
          break;
        default: // fail
          break;
      }
    }
    int[] out = Arrays.copyOf(runes, count);
    Arrays.sort(out);
    return out;
  }

  /** Per-thread states: the pending instructions after each, its context, and ASCII rows. */
  private final class Cache {
    final Map<Key, Integer> ids = new HashMap<>();
    int[][] pending = new int[16][];
    int[] contexts = new int[16];
    // Per state, a row per ASCII char (state * 128 + char): 0 unknown, -1 match, -2 dead, else
    // next state + 1; one flat table, so a step is one load.
    int[] rows = new int[16 * ASCII];
    byte[] endMatch = new byte[16]; // 0 unknown, 1 no, 2 yes
    // Whether a state begins no new match (past the last start allowed), and each unanchored
    // state's anchored twin (the same instructions) plus one, 0 unknown.
    boolean[] anchored = new boolean[16];
    int[] twins = new int[16];
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
        id = intern(context, new int[0], false);
        initials[context] = id;
      }
      return id;
    }

    /**
     * The state with {@code state}'s instructions that begins no new match, or {@link #DEAD} when
     * it has none.
     */
    int anchored(int state) {
      if (anchored[state]) {
        return state;
      }
      if (pending[state].length == 0) {
        return DEAD;
      }
      int twin = twins[state] - 1;
      if (twin < 0) {
        int epoch = this.epoch;
        twin = intern(contexts[state], pending[state], true);
        if (epoch == this.epoch) {
          twins[state] = twin + 1;
        }
      }
      return twin;
    }

    int intern(int context, int[] pcs, boolean anchoredState) {
      Key k = new Key(context, pcs, anchoredState);
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
        anchored = Arrays.copyOf(anchored, size);
        twins = Arrays.copyOf(twins, size);
      }
      int n = count++;
      ids.put(k, n);
      pending[n] = pcs;
      contexts[n] = context;
      Arrays.fill(rows, n * ASCII, (n + 1) * ASCII, 0); // a reset leaves old rows behind
      endMatch[n] = 0;
      anchored[n] = anchoredState;
      twins[n] = 0;
      return n;
    }

    /**
     * The state after {@code rune} from {@code state}, {@link #MATCHED} or {@link #DEAD}, computed
     * (the cache missed or the rune is not ASCII) and, for ASCII, cached. Kept out of {@link
     * #find}'s loop so that loop stays small for the JIT.
     */
    int step(int state, int rune) {
      int epoch = this.epoch;
      int next = transition(state, rune);
      if (rune < ASCII && epoch == this.epoch) {
        // not after a reset: then state names another set
        rows[state * ASCII + rune] =
            next == MATCHED ? MATCH_ENTRY : next == DEAD ? DEAD_ENTRY : next + 1;
      }
      return next;
    }

    /** The state after {@code rune} from {@code state}, {@link #MATCHED} or {@link #DEAD}. */
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
      if (n == 0 && anchored[state]) {
        return DEAD;
      }
      int[] pcs = Arrays.copyOf(next, n);
      Arrays.sort(pcs);
      return intern(contextAfter(rune), pcs, anchored[state]);
    }

    /** Whether the state has a match begun and not yet failed. */
    boolean hasThreads(int state) {
      return pending[state].length > 0;
    }

    boolean matchesAtEnd(int state) {
      if (endMatch[state] == 0) {
        endMatch[state] = close(state, prog.emptyContext(contexts[state], -1)) < 0 ? (byte) 2 : 1;
      }
      return endMatch[state] == 2;
    }

    /**
     * Follows empty transitions from the state's pending instructions and, unless the state is
     * anchored, the start (a match may begin here) under {@code flags}; fills {@link #closure} with
     * the rune instructions reached and returns their count, or -1 when a match instruction is
     * reached. Order does not matter: only whether a match exists is asked.
     */
    int close(int state, int flags) {
      int gen = ++generation;
      int top = 0;
      int reached = 0;
      if (!anchored[state]) {
        top = push(prog.start, gen, top);
      }
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

  private record Key(int context, int[] pcs, boolean anchored) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.context == context
          && k.anchored == anchored
          && Arrays.equals(k.pcs, pcs);
    }

    @Override
    public int hashCode() {
      return 62 * Arrays.hashCode(pcs) + 2 * context + (anchored ? 1 : 0);
    }
  }
}
