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

  private Patterns(List<Lazy<Pattern>> patterns) {
    this.patterns = List.copyOf(patterns);
    this.dfas =
        Lazy.of(
            () -> {
              LazyDfa[] made = new LazyDfa[this.patterns.size()];
              for (int i = 0; i < made.length; i++) {
                made[i] = LazyDfa.of(get(i)); // null: RE2J itself answers
              }
              return made;
            });
  }

  /** Patterns already compiled. */
  static Patterns of(List<Pattern> patterns) {
    return new Patterns(patterns.stream().map(p -> Lazy.of(() -> p)).toList());
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
    return new Patterns(lazy);
  }

  /** Makes the DFAs now rather than on first use. */
  void prepare() {
    dfas.get();
  }

  /** Whether any pattern matches somewhere in {@code text} ({@code matcher(text).find()}). */
  boolean anyFoundIn(String text) {
    if (patterns.isEmpty()) {
      return false;
    }
    LazyDfa[] made = dfas.get();
    for (int i = 0; i < made.length; i++) {
      if (made[i] != null ? made[i].find(text) : get(i).matcher(text).find()) {
        return true;
      }
    }
    return false;
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
