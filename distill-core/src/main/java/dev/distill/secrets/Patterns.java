package dev.distill.secrets;

import com.google.re2j.Pattern;
import dev.distill.Lazy;
import java.util.AbstractList;
import java.util.List;

/**
 * An allowlist's paths or regexes: an immutable list of patterns that also answers "does any of
 * them match somewhere in this text", each through its lazy DFA, made once for the list. The check
 * runs for every candidate secret; looking each pattern's DFA up in a shared map every time cost
 * more than running it.
 */
final class Patterns extends AbstractList<Pattern> {
  private final List<Pattern> patterns;
  private final Lazy<LazyDfa[]> dfas;

  Patterns(List<Pattern> patterns) {
    this.patterns = List.copyOf(patterns);
    this.dfas =
        Lazy.of(
            () -> {
              LazyDfa[] made = new LazyDfa[this.patterns.size()];
              for (int i = 0; i < made.length; i++) {
                made[i] = LazyDfa.of(this.patterns.get(i)); // null: RE2J itself answers
              }
              return made;
            });
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
      if (made[i] != null ? made[i].find(text) : patterns.get(i).matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Pattern get(int index) {
    return patterns.get(index);
  }

  @Override
  public int size() {
    return patterns.size();
  }
}
