package dev.distill.secrets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Aho-Corasick automaton over a fixed keyword set, matching case-insensitively. One pass over the
 * text reports which keywords occur anywhere in it; ASCII transitions are a dense table, other
 * characters use a map.
 */
public final class KeywordMatcher {
  private static final int ASCII = 128;

  private final List<String> keywords;
  private final int[] asciiNext; // state * ASCII + char -> state (full DFA for ASCII)
  private final List<Map<Character, Integer>> otherNext; // non-ASCII goto (trie edges only)
  private final int[] fail;
  private final BitSet[] outputs; // keywords ending at each state, including via fail links
  private final int[][] outputLists; // the same, as arrays, for the hot loop
  // The ASCII DFA for the hot loop: indexed by state * ASCII + char (either case), holding the
  // next state times ASCII, bit-inverted (negative) when that state ends a keyword.
  private final int[] foldedNext;

  /** Builds the automaton; keywords are lower-cased, empty ones ignored. */
  public KeywordMatcher(List<String> words) {
    List<String> kws = new ArrayList<>();
    for (String w : words) {
      String k = w.toLowerCase(Locale.ROOT);
      if (!k.isEmpty() && !kws.contains(k)) {
        kws.add(k);
      }
    }
    this.keywords = List.copyOf(kws);
    // Build the trie.
    List<int[]> ascii = new ArrayList<>();
    List<Map<Character, Integer>> other = new ArrayList<>();
    List<BitSet> out = new ArrayList<>();
    ascii.add(filled());
    other.add(new HashMap<>());
    out.add(new BitSet());
    for (int k = 0; k < keywords.size(); k++) {
      int state = 0;
      for (char c : keywords.get(k).toCharArray()) {
        int next = c < ASCII ? ascii.get(state)[c] : other.get(state).getOrDefault(c, -1);
        if (next < 0) {
          next = ascii.size();
          ascii.add(filled());
          other.add(new HashMap<>());
          out.add(new BitSet());
          if (c < ASCII) {
            ascii.get(state)[c] = next;
          } else {
            other.get(state).put(c, next);
          }
        }
        state = next;
      }
      out.get(state).set(k);
    }
    int n = ascii.size();
    fail = new int[n];
    asciiNext = new int[n * ASCII];
    // Breadth-first: fail links, output merging, and completing the ASCII DFA.
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < ASCII; c++) {
      int s = ascii.get(0)[c];
      if (s < 0) {
        asciiNext[c] = 0;
      } else {
        asciiNext[c] = s;
        fail[s] = 0;
        queue.add(s);
      }
    }
    for (int s : other.get(0).values()) {
      fail[s] = 0;
      queue.add(s);
    }
    while (!queue.isEmpty()) {
      int r = queue.poll();
      out.get(r).or(out.get(fail[r]));
      for (int c = 0; c < ASCII; c++) {
        int s = ascii.get(r)[c];
        if (s < 0) {
          asciiNext[r * ASCII + c] = asciiNext[fail[r] * ASCII + c];
        } else {
          asciiNext[r * ASCII + c] = s;
          fail[s] = asciiNext[fail[r] * ASCII + c];
          queue.add(s);
        }
      }
      for (Map.Entry<Character, Integer> e : other.get(r).entrySet()) {
        int s = e.getValue();
        fail[s] = otherStep(other, fail[r], e.getKey());
        queue.add(s);
      }
    }
    otherNext = other;
    outputs = out.toArray(new BitSet[0]);
    outputLists = new int[outputs.length][];
    for (int i = 0; i < outputs.length; i++) {
      outputLists[i] = outputs[i].stream().toArray();
    }
    foldedNext = new int[n * ASCII];
    for (int s = 0; s < n; s++) {
      for (int c = 0; c < ASCII; c++) {
        int lower = c >= 'A' && c <= 'Z' ? c + 32 : c;
        foldedNext[s * ASCII + c] = encode(asciiNext[s * ASCII + lower]);
      }
    }
  }

  private int encode(int state) {
    return outputLists[state].length == 0 ? state * ASCII : ~(state * ASCII);
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

  private static int[] filled() {
    int[] a = new int[ASCII];
    java.util.Arrays.fill(a, -1);
    return a;
  }

  public List<String> keywords() {
    return keywords;
  }

  /**
   * Every occurrence in {@code text}: entry {@code i} packs the keyword index (high 32 bits) and
   * the position just past its end (low 32 bits), in text order.
   */
  public long[] findAll(CharSequence text) {
    long[] found = new long[16];
    int count = 0;
    int row = 0; // current state * ASCII
    int[] next = foldedNext;
    int len = text.length();
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      int t;
      if (c < ASCII) {
        t = next[row + c];
      } else {
        c = Character.toLowerCase(c);
        t = c < ASCII ? next[row + c] : encode(otherStep(otherNext, row / ASCII, c));
      }
      if (t >= 0) {
        row = t;
        continue;
      }
      row = ~t;
      for (int k : outputLists[row / ASCII]) {
        if (count == found.length) {
          found = java.util.Arrays.copyOf(found, count * 2);
        }
        found[count++] = ((long) k << 32) | (i + 1);
      }
    }
    return java.util.Arrays.copyOf(found, count);
  }

  /** The indexes (into {@link #keywords()}) of every keyword occurring in {@code text}. */
  public BitSet find(CharSequence text) {
    BitSet found = new BitSet(keywords.size());
    int state = 0;
    int[] next = asciiNext;
    BitSet[] outs = outputs;
    int len = text.length();
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      if (c < ASCII) {
        if (c >= 'A' && c <= 'Z') {
          c = (char) (c + 32);
        }
        state = next[state * ASCII + c];
      } else {
        c = Character.toLowerCase(c);
        state = c < ASCII ? next[state * ASCII + c] : otherStep(otherNext, state, c);
      }
      BitSet o = outs[state];
      if (!o.isEmpty()) {
        found.or(o);
      }
    }
    return found;
  }
}
