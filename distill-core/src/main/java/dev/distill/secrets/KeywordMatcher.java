package dev.distill.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Aho-Corasick automaton over a fixed keyword set, matching case-insensitively. One pass over the
 * text reports which keywords occur anywhere in it; ASCII transitions are a dense table, other
 * characters use a map.
 */
public final class KeywordMatcher {
  private static final int ASCII = 128;

  private final List<String> keywords;
  private final List<Map<Character, Integer>> otherNext; // non-ASCII goto (trie edges only)
  private final int[] fail;
  private final int[][] outputLists; // keywords ending at each state, including via fail links
  // The ASCII DFA for the hot loop, over character classes: a class per character some keyword
  // contains (both cases alike) and class 0 for all others, so a state's row is a few cache lines
  // rather than 128 entries. Indexed by state * classes + class, holding the next state times
  // classes, bit-inverted (negative) when that state ends a keyword.
  private final byte[] classOf = new byte[ASCII];
  private final int classes;
  private final int[] foldedNext;
  private final int longest; // the longest keyword's length
  private final dev.distill.Lazy<KeywordMatcher> withMarkers =
      dev.distill.Lazy.of(
          () -> {
            List<String> more = new ArrayList<>(keywords());
            more.add("\n");
            more.add("%");
            return new KeywordMatcher(more);
          });
  private final dev.distill.Lazy<int[]> byteTable = dev.distill.Lazy.of(this::widenToBytes);

  /** Builds the automaton; keywords are lower-cased, empty ones ignored. */
  public KeywordMatcher(List<String> words) {
    // Built before the first file is scanned (and for stopword lists of a thousand words), so
    // built with little work and memory: the character classes first, then the trie over classes
    // in one flat table, each state's DFA row copied from its fail state's row and then given its
    // own edges (breadth-first, the fail state's row is complete by then).
    Set<String> unique = new LinkedHashSet<>();
    for (String w : words) {
      String k = w.toLowerCase(Locale.ROOT);
      if (!k.isEmpty()) {
        unique.add(k);
      }
    }
    this.keywords = List.copyOf(unique);
    int longestKeyword = 0;
    int maxStates = 1;
    int count = 1;
    for (String k : keywords) {
      longestKeyword = Math.max(longestKeyword, k.length());
      maxStates += k.length();
      for (int i = 0; i < k.length(); i++) {
        char c = k.charAt(i);
        if (c < ASCII && classOf[c] == 0) {
          classOf[c] = (byte) count++;
        }
      }
    }
    for (int c = 'A'; c <= 'Z'; c++) {
      classOf[c] = classOf[c + 32]; // keywords are lower case; text matches in either case
    }
    this.longest = longestKeyword;
    this.classes = count;
    // The trie: ASCII edges by class in a flat table (0: no edge; state 0 is never a child),
    // others in maps.
    int[] trie = new int[maxStates * classes];
    int[] edgeClasses = new int[maxStates]; // the classes leaving each state, as a linked list
    int[] firstEdge = new int[maxStates];
    int[] nextEdge = new int[maxStates];
    Arrays.fill(firstEdge, -1);
    List<Map<Character, Integer>> other = new ArrayList<>();
    List<BitSet> out = new ArrayList<>();
    other.add(Map.of());
    out.add(new BitSet());
    int n = 1;
    int edges = 0;
    for (int k = 0; k < keywords.size(); k++) {
      int state = 0;
      String keyword = keywords.get(k);
      for (int i = 0; i < keyword.length(); i++) {
        char c = keyword.charAt(i);
        int next =
            c < ASCII ? trie[state * classes + classOf[c]] : other.get(state).getOrDefault(c, 0);
        if (next == 0) {
          next = n++;
          other.add(Map.of());
          out.add(new BitSet());
          if (c < ASCII) {
            trie[state * classes + classOf[c]] = next;
            edgeClasses[edges] = classOf[c];
            nextEdge[edges] = firstEdge[state];
            firstEdge[state] = edges++;
          } else {
            Map<Character, Integer> edgesOut = other.get(state);
            if (edgesOut.isEmpty()) {
              edgesOut = new HashMap<>();
              other.set(state, edgesOut);
            }
            edgesOut.put(c, next);
          }
        }
        state = next;
      }
      out.get(state).set(k);
    }
    fail = new int[n];
    int[] dfa = new int[n * classes]; // state * classes + class -> state
    // Breadth-first: fail links, output merging, and completing the DFA.
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    for (int e = firstEdge[0]; e >= 0; e = nextEdge[e]) {
      int s = trie[edgeClasses[e]];
      dfa[edgeClasses[e]] = s;
      queue[tail++] = s; // fail[s] = 0
    }
    for (int s : other.get(0).values()) {
      queue[tail++] = s;
    }
    while (head < tail) {
      int r = queue[head++];
      int f = fail[r];
      out.get(r).or(out.get(f));
      System.arraycopy(dfa, f * classes, dfa, r * classes, classes);
      for (int e = firstEdge[r]; e >= 0; e = nextEdge[e]) {
        int cl = edgeClasses[e];
        int s = trie[r * classes + cl];
        fail[s] = dfa[f * classes + cl];
        dfa[r * classes + cl] = s;
        queue[tail++] = s;
      }
      for (Map.Entry<Character, Integer> e : other.get(r).entrySet()) {
        int s = e.getValue();
        fail[s] = otherStep(other, f, e.getKey());
        queue[tail++] = s;
      }
    }
    otherNext = other;
    outputLists = new int[n][];
    for (int i = 0; i < n; i++) {
      BitSet o = out.get(i);
      int[] list = new int[o.cardinality()];
      for (int k = o.nextSetBit(0), j = 0; k >= 0; k = o.nextSetBit(k + 1)) {
        list[j++] = k;
      }
      outputLists[i] = list;
    }
    for (int i = 0; i < dfa.length; i++) {
      dfa[i] = encode(dfa[i]);
    }
    foldedNext = dfa;
  }

  private int encode(int state) {
    return outputLists[state].length == 0 ? state * classes : ~(state * classes);
  }

  private int otherStep(List<Map<Character, Integer>> other, int state, char c) {
    while (true) {
      Integer s = other.get(state).get(c);
      if (s != null) {
        return s;
      }
      if (state == 0) {
        return 0;
      }
      state = fail[state];
    }
  }

  public List<String> keywords() {
    return keywords;
  }

  /**
   * This automaton's keywords followed by "\n" and "%" (unless already there), with the same
   * indexes for this one's keywords: a walk of it finds lines and possible percent-encoding along
   * with the keywords. Made on first use, once.
   */
  KeywordMatcher withMarkers() {
    return withMarkers.get();
  }

  /**
   * The automaton over bytes, for walks that read a text's bytes straight (see {@link
   * AsciiPrescan}): entry {@code row + byte + 128} (a Java byte is signed) is the next row, rows
   * being {@value #BYTE_ROW} entries apart; bit-inverted when keywords end there ({@link
   * #keywordsAtByteRow}). Bytes of 0x80 and up lead from every row to {@code ~0}, "keywords end at
   * the start row", where none ever does: a walk that stops at negative entries anyway learns there
   * that the text is not ASCII. Row 0 is the start. Made on first use, once (1,283 states: 1.3 MB);
   * shared, not copied. Null when it would take more than {@value #MAX_BYTE_TABLE} entries (a
   * config with tens of thousands of keyword chars): such texts are then searched as text.
   *
   * <p>Why a table per byte rather than per class: the walk then looks up one table, not two, and
   * masks nothing, which the client compiler's code for the loop feels (prescan 2.33 -> 2.06
   * ns/byte).
   */
  int[] byteTable() {
    int[] table = byteTable.get();
    return table.length == 0 ? null : table;
  }

  /**
   * The keywords (indexes into {@link #keywords()}) ending in {@link #byteTable()}'s {@code row}.
   */
  int[] keywordsAtByteRow(int row) {
    return outputLists[row / BYTE_ROW];
  }

  /** The distance between rows of {@link #byteTable()}. */
  static final int BYTE_ROW = 256;

  /** The most entries {@link #byteTable()} may have (32 MB). */
  static final int MAX_BYTE_TABLE = 8 << 20;

  private int[] widenToBytes() {
    int states = foldedNext.length / classes;
    if ((long) states * BYTE_ROW > MAX_BYTE_TABLE) {
      return new int[0]; // none (a lazy value is never null)
    }
    int[] wide = new int[states * BYTE_ROW];
    for (int state = 0; state < states; state++) {
      int from = state * classes;
      int to = state * BYTE_ROW;
      Arrays.fill(wide, to, to + 128, ~0); // bytes -128..-1: not ASCII
      for (int c = 0; c < ASCII; c++) {
        int entry = foldedNext[from + classOf[c]];
        int next = (entry >= 0 ? entry : ~entry) / classes * BYTE_ROW;
        wide[to + 128 + c] = entry >= 0 ? next : ~next;
      }
    }
    return wide;
  }

  /** The longest keyword's length: no automaton state stands for more chars than this. */
  int longest() {
    return longest;
  }

  /**
   * Every occurrence in {@code text}: entry {@code i} packs the keyword index (high 32 bits) and
   * the position just past its end (low 32 bits), in text order. Files' ASCII chunks are searched
   * faster from their bytes ({@link AsciiPrescan}); this serves decoded text and other chunks.
   */
  public long[] findAll(String text) {
    Occurrences out = new Occurrences();
    int row = 0; // current state * classes
    int[] next = foldedNext;
    byte[] cls = classOf;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int t = c < ASCII ? next[row + cls[c]] : step(row, c);
      row = t >= 0 ? t : found(out, ~t, i + 1);
    }
    return out.toArray();
  }

  /** Records the keywords ending at {@code end} in state {@code row}; returns the row. */
  private int found(Occurrences out, int row, int end) {
    out.add(outputLists[row / classes], end);
    return row;
  }

  /** The folded-table entry for a non-ASCII char from state row / classes. */
  private int step(int row, char c) {
    char lower = Character.toLowerCase(c);
    return lower < ASCII
        ? foldedNext[row + classOf[lower]]
        : encode(otherStep(otherNext, row / classes, lower));
  }

  /** A growing list of packed occurrences. */
  private static final class Occurrences {
    long[] found = new long[16];
    int count;

    void add(int[] keywordIndexes, int end) {
      for (int k : keywordIndexes) {
        if (count == found.length) {
          found = java.util.Arrays.copyOf(found, count * 2);
        }
        found[count++] = ((long) k << 32) | end;
      }
    }

    long[] toArray() {
      return java.util.Arrays.copyOf(found, count);
    }
  }

  /** Whether any keyword occurs in {@code text}; stops at the first. */
  public boolean occursIn(String text) {
    int row = 0;
    int[] next = foldedNext;
    byte[] cls = classOf;
    int len = text.length();
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      int t = c < ASCII ? next[row + cls[c]] : step(row, c);
      if (t < 0) {
        return true;
      }
      row = t;
    }
    return false;
  }

  /** The indexes (into {@link #keywords()}) of every keyword occurring in {@code text}. */
  public BitSet find(String text) {
    BitSet found = new BitSet(keywords.size());
    for (long o : findAll(text)) {
      found.set((int) (o >>> 32));
    }
    return found;
  }
}
