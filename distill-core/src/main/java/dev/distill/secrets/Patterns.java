package dev.distill.secrets;

import com.google.re2j.Pattern;
import dev.distill.Lazy;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An allowlist's paths or regexes: an immutable list of patterns that also answers "does any of
 * them match somewhere in this text", each through its lazy DFA, made once for the list. The check
 * runs for every candidate secret; looking each pattern's DFA up in a shared map every time cost
 * more than running it.
 */
final class Patterns extends AbstractList<Pattern> {
  private final List<Lazy<Pattern>> patterns;
  private final Lazy<LazyDfa[]> dfas;
  // The DFA of all patterns as one alternation, or NOT_COMBINED (see combine()).
  private final Lazy<Object> combined;
  private static final Object NOT_COMBINED = new Object();
  // For patterns compiled on use: their expressions and the compiler, so the alternation is made
  // from the expressions rather than by compiling each pattern first. Else null.
  private final List<String> expressions;
  private final Function<String, Pattern> compile;

  private Patterns(
      List<Lazy<Pattern>> patterns, List<String> expressions, Function<String, Pattern> compile) {
    this.patterns = List.copyOf(patterns);
    this.expressions = expressions == null ? null : List.copyOf(expressions);
    this.compile = compile;
    this.dfas =
        Lazy.of(
            () -> {
              LazyDfa[] made = new LazyDfa[this.patterns.size()];
              for (int i = 0; i < made.length; i++) {
                made[i] = LazyDfa.of(get(i)); // null: RE2J itself answers
              }
              return made;
            });
    this.combined = Lazy.of(this::combine);
  }

  /**
   * One DFA answering "does any pattern match somewhere": the patterns as one alternation, each in
   * a group of its own so its inline flags stay its own. One pass over the text instead of one per
   * pattern: the global allowlist's 27 path patterns ran on every file's path (3.5% of a scan's
   * worker time). Not made (each pattern's DFA is asked in turn) for fewer than two patterns,
   * patterns compiled with different flags, or an alternation RE2J or the DFA does not take (a
   * group name used twice, a construct only RE2J runs).
   */
  private Object combine() {
    if (patterns.size() < 2) {
      return NOT_COMBINED;
    }
    if (expressions != null) {
      try {
        LazyDfa dfa = LazyDfa.of(compile.apply(alternation(expressions)));
        if (dfa != null) {
          return dfa;
        }
      } catch (RuntimeException e) {
        // the compiler refused the alternation: try the patterns themselves, below
      }
    }
    int flags = get(0).flags();
    List<String> sources = new ArrayList<>();
    for (int i = 0; i < patterns.size(); i++) {
      Pattern p = get(i);
      if (p.flags() != flags) {
        return NOT_COMBINED;
      }
      sources.add(p.pattern());
    }
    try {
      LazyDfa dfa = LazyDfa.of(Pattern.compile(alternation(sources), flags));
      return dfa != null ? dfa : NOT_COMBINED;
    } catch (RuntimeException e) {
      return NOT_COMBINED; // RE2J refused the alternation: each pattern answers alone
    }
  }

  /** Patterns already compiled. */
  static Patterns of(List<Pattern> patterns) {
    return new Patterns(patterns.stream().map(p -> Lazy.of(() -> p)).toList(), null, null);
  }

  /**
   * Patterns compiled from {@code expressions} on first use (by {@link #prepare()}, {@link #get} or
   * a match), for expressions already known to compile: the bundled rules' allowlists, whose ~80
   * patterns compiling at once was a quarter of loading them, on the main thread before the first
   * file.
   */
  static Patterns compiledOnUse(List<String> expressions, Function<String, Pattern> compile) {
    List<Lazy<Pattern>> lazy = new ArrayList<>();
    for (String e : expressions) {
      lazy.add(Lazy.of(() -> compile.apply(e)));
    }
    return new Patterns(lazy, expressions, compile);
  }

  /**
   * {@code (?:e1)|(?:e2)|...}: each expression in a group of its own, so its flags stay its own.
   */
  private static String alternation(List<String> expressions) {
    StringBuilder all = new StringBuilder();
    for (String e : expressions) {
      all.append(all.length() == 0 ? "(?:" : "|(?:").append(e).append(')');
    }
    return all.toString();
  }

  /** Makes the DFAs now rather than on first use. */
  void prepare() {
    if (combined.get() == NOT_COMBINED) {
      dfas.get();
    }
  }

  /** Whether any pattern matches somewhere in {@code text} ({@code matcher(text).find()}). */
  boolean anyFoundIn(String text) {
    if (patterns.isEmpty()) {
      return false;
    }
    if (combined.get() instanceof LazyDfa all) {
      return all.find(text);
    }
    LazyDfa[] made = dfas.get();
    for (int i = 0; i < made.length; i++) {
      if (made[i] != null ? made[i].find(text) : get(i).matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  /** Whether the patterns are asked as one alternation (tests). */
  boolean askedAsOne() {
    return combined.get() != NOT_COMBINED;
  }

  @Override
  public Pattern get(int index) {
    return patterns.get(index).get();
  }

  @Override
  public int size() {
    return patterns.size();
  }
}
