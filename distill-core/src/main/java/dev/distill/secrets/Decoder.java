package dev.distill.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One decoding pass, as gitleaks' {@code --max-decode-depth}: finds percent-encoded, hex and base64
 * runs, decodes those whose result is printable text, and returns the text with them replaced.
 * Decoding never lengthens text, so repeated passes stay bounded.
 */
final class Decoder {
  static final int MIN_BASE64 = 16;
  static final int MIN_HEX = 32;

  /** A decoded run: where it is in the new text and where it came from in the previous text. */
  record Segment(int start, int end, int prevStart, int prevEnd, String encoding) {}

  /** The result of one pass. */
  record Pass(String text, List<Segment> segments) {
    /** Maps a position in this pass's text back to the previous text. */
    int toPrevious(int pos) {
      int delta = 0;
      for (Segment s : segments) {
        if (pos < s.start) {
          break;
        }
        if (pos < s.end) {
          return s.prevStart;
        }
        delta = s.prevEnd - s.end;
      }
      return pos + delta;
    }

    /** Segments overlapping [start, end). */
    List<Segment> overlapping(int start, int end) {
      List<Segment> out = new ArrayList<>();
      for (Segment s : segments) {
        if (s.start >= end) {
          break;
        }
        if (s.end > start) {
          out.add(s);
        }
      }
      return out;
    }
  }

  private Decoder() {}

  static Pass decode(String text) {
    List<int[]> runs = new ArrayList<>(); // start, end, kind (0 percent, 1 hex, 2 base64)
    findRuns(text, runs);
    return decode(text, runs);
  }

  /**
   * One pass over a text without '%' whose base64 runs of at least {@link #MIN_BASE64} chars are
   * known to start at {@code base64Starts} ({@link AsciiPrescan}): the same as {@link
   * #decode(String)} without looking for them.
   */
  static Pass decode(String text, int[] base64Starts) {
    List<int[]> runs = new ArrayList<>();
    for (int start : base64Starts) {
      addBase64Run(text, start, runs);
    }
    return decode(text, runs);
  }

  private static Pass decode(String text, List<int[]> runs) {
    if (runs.isEmpty()) {
      return new Pass(text, List.of());
    }
    StringBuilder out = null;
    List<Segment> segments = new ArrayList<>();
    int copied = 0;
    for (int[] run : runs) {
      String decoded = null;
      String encoding = null;
      String encoded = text.substring(run[0], run[1]);
      if (run[2] == 0) {
        decoded = percentDecode(encoded);
        encoding = "percent";
      } else {
        if (run[2] == 1) {
          decoded = hexDecode(encoded);
          encoding = "hex";
        }
        if (decoded == null) {
          decoded = base64Decode(encoded);
          encoding = "base64";
        }
      }
      if (decoded == null || decoded.equals(encoded)) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, run[0]);
      int start = out.length();
      out.append(decoded);
      segments.add(new Segment(start, out.length(), run[0], run[1], encoding));
      copied = run[1];
    }
    if (out == null) {
      return new Pass(text, List.of());
    }
    out.append(text, copied, text.length());
    return new Pass(out.toString(), segments);
  }

  private static final byte BASE64 = 1;
  private static final byte HEX = 2;
  private static final byte PERCENT = 4;

  /** What each ASCII char can start or continue: one table load instead of range tests. */
  private static final byte[] KIND = new byte[128];

  static {
    for (char c = 0; c < 128; c++) {
      KIND[c] = (byte) ((isBase64Char(c) ? BASE64 : 0) | (isHex(c) ? HEX : 0));
    }
    KIND['%'] = PERCENT;
  }

  private static int kind(char c) {
    return c < 128 ? KIND[c] : 0;
  }

  /** Non-overlapping candidate runs, in order. */
  private static void findRuns(String text, List<int[]> runs) {
    if (text.indexOf('%') < 0) {
      findBase64Runs(text, runs);
      return;
    }
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      int k = kind(c);
      if (k == 0) {
        i++;
        continue;
      }
      if (k == PERCENT) {
        if (i + 2 < n && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
          // From this escape to the last escape on the same line.
          int lineEnd = text.indexOf('\n', i);
          if (lineEnd < 0) {
            lineEnd = n;
          }
          int last = i;
          for (int j = text.indexOf('%', i + 3); j >= 0 && j + 2 < lineEnd; ) {
            if (isHex(text.charAt(j + 1)) && isHex(text.charAt(j + 2))) {
              last = j;
            }
            j = text.indexOf('%', j + 1);
          }
          runs.add(new int[] {i, last + 3, 0});
          i = last + 3;
        } else {
          i++;
        }
        continue;
      }
      int j = i;
      boolean allHex = true;
      while (j < n) {
        int kj = kind(text.charAt(j));
        if ((kj & BASE64) == 0) {
          break;
        }
        allHex &= (kj & HEX) != 0;
        j++;
      }
      int end = j;
      int pad = 0;
      while (end < n && pad < 2 && text.charAt(end) == '=') {
        end++;
        pad++;
      }
      int len = j - i;
      if (allHex && len >= MIN_HEX) {
        runs.add(new int[] {i, end, 1});
      } else if (len >= MIN_BASE64) {
        runs.add(new int[] {i, end, 2});
      }
      i = end;
    }
  }

  /**
   * The runs of a text without '%': exactly its maximal base64 runs of at least {@link #MIN_BASE64}
   * chars. Skips ahead like Boyer-Moore: a run that long starting at {@code i} covers {@code i +
   * MIN_BASE64 - 1}, so scanning back from there to the nearest non-base64 char rules out every
   * start up to it; in code, where short words alternate with spaces and punctuation, most chars
   * are never looked at.
   */
  private static void findBase64Runs(String text, List<int[]> runs) {
    int n = text.length();
    int i = 0; // a possible run start: text[i - 1] is not base64
    while (i + MIN_BASE64 <= n) {
      int q = i + MIN_BASE64 - 1;
      while (q >= i && (kind(text.charAt(q)) & BASE64) != 0) {
        q--;
      }
      if (q >= i) {
        i = q + 1; // text[q] is not base64: no long enough run starts at or before it
        continue;
      }
      i = addBase64Run(text, i, runs) + 1; // the run's end is not base64 (or the text ended)
    }
  }

  /**
   * Adds the base64 run starting at {@code i}, known to be at least {@link #MIN_BASE64} chars long,
   * with up to two '=' of padding (a hex run if all hex and long enough); returns where its base64
   * chars end.
   */
  private static int addBase64Run(String text, int i, List<int[]> runs) {
    int n = text.length();
    int j = i + MIN_BASE64;
    while (j < n && (kind(text.charAt(j)) & BASE64) != 0) {
      j++;
    }
    boolean allHex = true;
    for (int k = i; k < j && allHex; k++) {
      allHex = (kind(text.charAt(k)) & HEX) != 0;
    }
    int end = j;
    int pad = 0;
    while (end < n && pad < 2 && text.charAt(end) == '=') {
      end++;
      pad++;
    }
    runs.add(new int[] {i, end, allHex && j - i >= MIN_HEX ? 1 : 2});
    return j;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static boolean isBase64Char(char c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || c == '/'
        || c == '+'
        || c == '-';
  }

  private static String percentDecode(String s) {
    StringBuilder b = new StringBuilder(s.length());
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 3;
        continue;
      }
      if (bytes.size() > 0) {
        b.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
        bytes.reset();
      }
      b.append(c);
      i++;
    }
    if (bytes.size() > 0) {
      b.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
    }
    return b.toString();
  }

  /** Null unless all hex: a hex run may end in base64 padding ("...ef=="), tried as base64. */
  private static String hexDecode(String s) {
    if (s.length() % 2 != 0) {
      return null;
    }
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(s.charAt(2 * i), 16);
      int lo = Character.digit(s.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        return null;
      }
      out[i] = (byte) (hi * 16 + lo);
    }
    return printable(out);
  }

  private static String base64Decode(String s) {
    String body = s;
    while (body.endsWith("=")) {
      body = body.substring(0, body.length() - 1);
    }
    if (body.length() % 4 == 1) {
      return null;
    }
    boolean url = body.indexOf('-') >= 0 || body.indexOf('_') >= 0;
    boolean std = body.indexOf('+') >= 0 || body.indexOf('/') >= 0;
    if (url && std) {
      return null;
    }
    try {
      byte[] out = (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(body);
      return printable(out);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The bytes as text if they are printable ASCII (tab, newline, carriage return allowed). */
  private static String printable(byte[] b) {
    if (b.length == 0) {
      return null;
    }
    for (byte x : b) {
      if (!(x >= 0x20 && x < 0x7f) && x != '\t' && x != '\n' && x != '\r') {
        return null;
      }
    }
    return new String(b, StandardCharsets.US_ASCII);
  }
}
