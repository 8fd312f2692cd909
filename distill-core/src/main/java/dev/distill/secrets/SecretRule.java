package dev.distill.secrets;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Locale;

/**
 * One gitleaks rule. {@code ruleRegex} is null for a path-only rule; it is checked at load and
 * compiled on first use ({@link #regex()}). {@code entropy} 0 means no entropy check; a rule with
 * keywords runs only on text containing one of them (case-insensitive).
 */
public record SecretRule(
    String id,
    String description,
    RuleRegex ruleRegex,
    int secretGroup,
    double entropy,
    List<String> keywords,
    Pattern path,
    List<String> tags,
    List<Allowlist> allowlists) {

  public SecretRule {
    keywords = keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).distinct().toList();
    tags = List.copyOf(tags);
    allowlists = List.copyOf(allowlists);
  }

  /** The compiled regex (compiled on the first call), or null for a path-only rule. */
  public Pattern regex() {
    return ruleRegex == null ? null : ruleRegex.pattern();
  }
}
