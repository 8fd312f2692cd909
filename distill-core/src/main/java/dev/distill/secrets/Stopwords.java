package dev.distill.secrets;

import dev.distill.Lazy;
import java.util.AbstractList;
import java.util.List;
import java.util.Locale;

/**
 * An allowlist's stopwords, lower-cased, as an immutable list that also answers "does this secret
 * contain one" in one pass over the secret. gitleaks' default generic rule has over a thousand
 * stopwords and every candidate secret is checked against them; one {@code contains} per word made
 * that check a seventh of a scan.
 */
final class Stopwords extends AbstractList<String> {
  private final List<String> words;
  private final boolean hasEmpty; // "" is in every secret
  private final Lazy<KeywordMatcher> matcher;

  Stopwords(List<String> words) {
    this.words = words.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    this.hasEmpty = this.words.contains("");
    this.matcher = Lazy.of(() -> new KeywordMatcher(this.words));
  }

  /** Makes the automaton now rather than on first use. */
  void prepare() {
    if (!words.isEmpty() && !hasEmpty) {
      matcher.get();
    }
  }

  /** Whether the lower-cased {@code secret} contains any of the words. */
  boolean foundIn(String secret) {
    if (words.isEmpty()) {
      return false;
    }
    return hasEmpty || matcher.get().occursIn(secret.toLowerCase(Locale.ROOT));
  }

  @Override
  public String get(int index) {
    return words.get(index);
  }

  @Override
  public int size() {
    return words.size();
  }
}
