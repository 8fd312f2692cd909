package dev.distill.lint;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Compiles each regular expression once; rules match thousands of words per second. */
public final class Regex {
  private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private Regex() {}

  public static Pattern of(String regex) {
    return CACHE.computeIfAbsent(regex, Pattern::compile);
  }

  /** Like {@link String#matches(String)} with a cached pattern. */
  public static boolean matches(String regex, CharSequence input) {
    return of(regex).matcher(input).matches();
  }

  /** Splits on runs of whitespace after stripping. */
  public static String[] words(String s) {
    String t = s.strip();
    return t.isEmpty() ? new String[0] : of("\\s+").split(t);
  }
}
