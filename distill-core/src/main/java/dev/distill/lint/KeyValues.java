package dev.distill.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the arguments of ENV, LABEL and ARG into key/value pairs: {@code k=v k2="v 2"}, the old
 * {@code ENV key value} form, and {@code ARG name} without a value (value null). Quotes are removed
 * from values.
 */
public final class KeyValues {
  private KeyValues() {}

  public static List<String[]> parse(String args) {
    List<String[]> out = new ArrayList<>();
    List<String> words = words(args);
    if (words.isEmpty()) {
      return out;
    }
    if (!words.get(0).contains("=")) {
      // legacy "ENV key value with spaces" or "ARG name"
      String key = words.get(0);
      String rest = args.strip().substring(rawKeyLength(args.strip())).strip();
      out.add(new String[] {key, rest.isEmpty() ? null : unquote(rest)});
      return out;
    }
    for (String w : words) {
      int eq = w.indexOf('=');
      if (eq < 0) {
        out.add(new String[] {unquote(w), null});
      } else {
        out.add(new String[] {unquote(w.substring(0, eq)), unquote(w.substring(eq + 1))});
      }
    }
    return out;
  }

  private static int rawKeyLength(String s) {
    int i = 0;
    while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Words split on blanks outside quotes, quotes kept. */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        b.append(c);
        if (c == '\\' && quote == '"' && i + 1 < s.length()) {
          b.append(s.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        b.append(c);
      } else if (c == '\\' && i + 1 < s.length()) {
        b.append(c).append(s.charAt(++i));
      } else if (Character.isWhitespace(c)) {
        if (b.length() > 0) {
          out.add(b.toString());
          b.setLength(0);
        }
      } else {
        b.append(c);
      }
    }
    if (b.length() > 0) {
      out.add(b.toString());
    }
    return out;
  }

  /** Removes one level of surrounding or embedded quotes. */
  public static String unquote(String s) {
    if (s.indexOf('"') < 0 && s.indexOf('\'') < 0 && s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < s.length()) {
          b.append(s.charAt(++i));
        } else {
          b.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '\\' && i + 1 < s.length()) {
        b.append(s.charAt(++i));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
