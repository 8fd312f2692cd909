package dev.distill.secrets;

import java.util.Arrays;

/**
 * The first look at a chunk, straight from its bytes when they are all ASCII, in one pass: every
 * keyword occurrence (as {@link KeywordMatcher#findAll}), where each base64 run of at least {@value
 * Decoder#MIN_BASE64} chars starts (what {@link Decoder} looks for), where its lines end and
 * whether it has a '%' (which may start percent-encoding). ASCII bytes are the text's chars one for
 * one, so positions carry over.
 *
 * <p>Why: each of these looks at every char of every file; one pass over bytes spares the repeated
 * passes and the per-char work of {@code String.charAt}. The chunk is cut into {@value #CHAINS}
 * parts walked in step, so the automaton's table loads overlap instead of waiting on each other.
 * Newlines and '%' are two more keywords of the automaton walked ({@link
 * KeywordMatcher#withMarkers()}), so finding them costs nothing per char.
 *
 * @param occurrences as {@link KeywordMatcher#findAll}: keyword index in the high 32 bits, end of
 *     the occurrence in the low 32 bits, in text order
 * @param base64Starts where each maximal run of at least {@value Decoder#MIN_BASE64} base64 chars
 *     starts, ascending
 * @param newlines the position of each '\n', ascending
 * @param hasPercent whether the text has a '%'
 */
record AsciiPrescan(long[] occurrences, int[] base64Starts, int[] newlines, boolean hasPercent) {
  private static final int CHAINS = 4;

  /** Chunks shorter than this are walked in one part. */
  private static final int MIN_PART = 1024;

  private static final int MIN_RUN = Decoder.MIN_BASE64;

  /**
   * Per byte b, at b + 128 (as in {@link KeywordMatcher#byteTable()}): -1 if base64 can contain it,
   * else 0: a run's length goes on or resets.
   */
  private static final int[] BASE64_MASK = new int[256];

  static {
    for (char c = 0; c < 128; c++) {
      BASE64_MASK[c + 128] = Decoder.isBase64Char(c) ? -1 : 0;
    }
  }

  /** Each worker thread's work space, reused from chunk to chunk. */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /**
   * Scans {@code bytes[0, length)}; null when any byte is not ASCII or the keywords have no {@link
   * KeywordMatcher#byteTable()} (the caller then searches the text itself).
   */
  static AsciiPrescan of(KeywordMatcher searched, byte[] bytes, int length) {
    KeywordMatcher keywords = searched.withMarkers();
    if (keywords.byteTable() == null) {
      return null; // too many keywords for a table per byte
    }
    int chains = length < CHAINS * MIN_PART ? 1 : CHAINS;
    int part = length / chains;
    // Every part is at most the last one long: it takes the remainder too.
    Scratch s = SCRATCH.get().prepare(length - (chains - 1) * part + 1, searched, keywords);
    s.part = part;
    for (int k = 0; k < chains; k++) {
      s.start(k, keywords, bytes, k * part);
    }
    if (chains > 1) {
      inStep(keywords, bytes, part, s);
    }
    s.walk(chains - 1, keywords, bytes, (chains - 1) * part + (chains == 1 ? 0 : part), length);
    if (s.nonAscii) {
      return null;
    }
    return new AsciiPrescan(
        s.occurrences(chains), s.runStarts(chains), s.newlines(chains), s.percent);
  }

  /**
   * Walks the four parts {@code [k * part, (k + 1) * part)} together, through the automaton over
   * bytes: a byte that is not ASCII ends there like a keyword ({@link KeywordMatcher#byteTable()}),
   * so no byte is tested for it.
   */
  private static void inStep(KeywordMatcher keywords, byte[] b, int part, Scratch s) {
    int[] next = keywords.byteTable();
    int[] mask = BASE64_MASK;
    int p1 = part;
    int p2 = 2 * part;
    int p3 = 3 * part;
    int r0 = s.row[0];
    int r1 = s.row[1];
    int r2 = s.row[2];
    int r3 = s.row[3];
    int q0 = s.run[0];
    int q1 = s.run[1];
    int q2 = s.run[2];
    int q3 = s.run[3];
    for (int i = 0; i < part; i++) {
      int c0 = b[i] + 128;
      int c1 = b[p1 + i] + 128;
      int c2 = b[p2 + i] + 128;
      int c3 = b[p3 + i] + 128;
      int t0 = next[r0 + c0];
      int t1 = next[r1 + c1];
      int t2 = next[r2 + c2];
      int t3 = next[r3 + c3];
      q0 = (q0 + 1) & mask[c0];
      q1 = (q1 + 1) & mask[c1];
      q2 = (q2 + 1) & mask[c2];
      q3 = (q3 + 1) & mask[c3];
      // Runs reaching the threshold and keywords (newlines mostly) ending are rare: one test for
      // the four parts, and the work out of line, so the loop keeps few values live (the client
      // compiler spills the rest to memory, every char). The product is zero when a length is
      // MIN_RUN, and rarely when it wraps to zero (runsAt checks each length): the client compiler
      // turns four comparisons into a branch each (prescan 2.48 -> 2.35 ns/byte).
      if ((q0 - MIN_RUN) * (q1 - MIN_RUN) * (q2 - MIN_RUN) * (q3 - MIN_RUN) == 0) {
        s.runsAt(i, q0, q1, q2, q3);
      }
      r0 = t0;
      r1 = t1;
      r2 = t2;
      r3 = t3;
      if ((t0 | t1 | t2 | t3) < 0) {
        if (t0 < 0) {
          r0 = s.ended(0, keywords, ~t0, i);
        }
        if (t1 < 0) {
          r1 = s.ended(1, keywords, ~t1, p1 + i);
        }
        if (t2 < 0) {
          r2 = s.ended(2, keywords, ~t2, p2 + i);
        }
        if (t3 < 0) {
          r3 = s.ended(3, keywords, ~t3, p3 + i);
        }
      }
    }
    s.row[3] = r3;
    s.run[3] = q3;
  }

  /**
   * Per part: the row of the automaton over bytes, the current base64 run's length, and what it
   * found. Part {@code k}'s run starts fill {@code starts[k * capacity, startEnd[k])}.
   */
  private static final class Scratch {
    int capacity;
    int[] starts = new int[0];
    final int[] startEnd = new int[CHAINS];
    final int[] row = new int[CHAINS];
    final int[] run = new int[CHAINS];
    final long[][] found = new long[CHAINS][16];
    final int[] foundCount = new int[CHAINS];
    int[] newlineAt = new int[0];
    final int[] newlineEnd = new int[CHAINS];
    // The table entry a '\n' leads to: the same from every state unless a keyword has a '\n'
    // inside, which takes the general way.
    int newlineEntry;
    boolean percent;
    boolean nonAscii; // a byte of 0x80 or more was read
    // Which keywords of the walked automaton are the searched ones, '\n' and '%'.
    int searchedCount;
    int newlineKeyword;
    int percentKeyword;

    /** Room for parts of up to {@code capacity} chars. */
    Scratch prepare(int capacity, KeywordMatcher searched, KeywordMatcher walked) {
      if (this.capacity < capacity) {
        this.capacity = capacity;
        starts = new int[CHAINS * (capacity / MIN_RUN + 2)];
        newlineAt = new int[CHAINS * capacity];
      }
      newlineEntry = walked.byteTable()['\n' + 128];
      percent = false;
      nonAscii = false;
      searchedCount = searched.keywords().size();
      newlineKeyword = walked.keywords().indexOf("\n");
      percentKeyword = walked.keywords().indexOf("%");
      return this;
    }

    /**
     * Starts part {@code k} at {@code from}: the automaton is put in the state, and the run length
     * set to what a walk from the start would have there, by reading the longest keyword's length
     * before it.
     */
    void start(int k, KeywordMatcher keywords, byte[] bytes, int from) {
      int[] next = keywords.byteTable();
      int r = 0;
      for (int i = Math.max(0, from - keywords.longest()); i < from; i++) {
        int t = next[r + bytes[i] + 128];
        r = t >= 0 ? t : ~t;
      }
      row[k] = r;
      int q = 0;
      // A run that reached the threshold before `from` was recorded there: start above it.
      while (q < MIN_RUN && from - q > 0 && BASE64_MASK[bytes[from - q - 1] + 128] != 0) {
        q++;
      }
      run[k] = q;
      startEnd[k] = k * (capacity / MIN_RUN + 2);
      foundCount[k] = 0;
      newlineEnd[k] = k * capacity;
    }

    /** Walks part {@code k} on over {@code [from, to)}. */
    void walk(int k, KeywordMatcher keywords, byte[] bytes, int from, int to) {
      int[] next = keywords.byteTable();
      int[] mask = BASE64_MASK;
      int[] st = starts;
      int r = row[k];
      int q = run[k];
      int s = startEnd[k];
      for (int i = from; i < to; i++) {
        int c = bytes[i] + 128;
        int t = next[r + c];
        q = (q + 1) & mask[c];
        if (q == MIN_RUN) {
          st[s++] = i + 1 - MIN_RUN;
        }
        r = t;
        if (t < 0) {
          r = ~t;
          if (t == newlineEntry) {
            newlineAt[newlineEnd[k]++] = i;
          } else {
            ended(k, keywords, r, i);
          }
        }
      }
      row[k] = r;
      run[k] = q;
      startEnd[k] = s;
    }

    int part; // each part's length when walked in step

    /** Records the run starts of the parts whose run just reached the threshold at {@code i}. */
    void runsAt(int i, int q0, int q1, int q2, int q3) {
      if (q0 == MIN_RUN) {
        starts[startEnd[0]++] = i + 1 - MIN_RUN;
      }
      if (q1 == MIN_RUN) {
        starts[startEnd[1]++] = part + i + 1 - MIN_RUN;
      }
      if (q2 == MIN_RUN) {
        starts[startEnd[2]++] = 2 * part + i + 1 - MIN_RUN;
      }
      if (q3 == MIN_RUN) {
        starts[startEnd[3]++] = 3 * part + i + 1 - MIN_RUN;
      }
    }

    /** What ends at {@code at} in part {@code k}'s automaton {@code row}; returns the row. */
    int ended(int k, KeywordMatcher keywords, int row, int at) {
      if (row == 0) {
        nonAscii = true; // no keyword ends at the start row: a byte of 0x80 or more led there
      } else if (~row == newlineEntry) {
        newlineAt[newlineEnd[k]++] = at;
      } else {
        keywordsEnd(k, keywords, row, at + 1);
      }
      return row;
    }

    /** Records the keywords ending at {@code end} in the automaton's {@code row}. */
    void keywordsEnd(int k, KeywordMatcher keywords, int row, int end) {
      for (int kw : keywords.keywordsAtByteRow(row)) {
        if (kw < searchedCount) {
          if (foundCount[k] == found[k].length) {
            found[k] = Arrays.copyOf(found[k], foundCount[k] * 2);
          }
          found[k][foundCount[k]++] = ((long) kw << 32) | end;
        }
        if (kw == newlineKeyword) {
          newlineAt[newlineEnd[k]++] = end - 1;
        }
        if (kw == percentKeyword) {
          percent = true;
        }
      }
    }

    long[] occurrences(int chains) {
      int total = 0;
      for (int k = 0; k < chains; k++) {
        total += foundCount[k];
      }
      long[] all = new long[total];
      int at = 0;
      for (int k = 0; k < chains; k++) {
        System.arraycopy(found[k], 0, all, at, foundCount[k]);
        at += foundCount[k];
      }
      return all;
    }

    int[] newlines(int chains) {
      return collect(newlineAt, newlineEnd, capacity, chains);
    }

    int[] runStarts(int chains) {
      return collect(starts, startEnd, capacity / MIN_RUN + 2, chains);
    }

    /** The parts' slices {@code values[k * slice, ends[k])}, in part order. */
    private static int[] collect(int[] values, int[] ends, int slice, int chains) {
      int total = 0;
      for (int k = 0; k < chains; k++) {
        total += ends[k] - k * slice;
      }
      int[] all = new int[total];
      int at = 0;
      for (int k = 0; k < chains; k++) {
        int n = ends[k] - k * slice;
        System.arraycopy(values, k * slice, all, at, n);
        at += n;
      }
      return all;
    }
  }
}
