package dev.distill.secrets;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Locale;

/**
 * One gitleaks rule. {@code regex} is null for a path-only rule; {@code entropy} 0 means no entropy
 * check; a rule with keywords runs only on text containing one of them (case-insensitive).
 */
public record SecretRule(
    String id,
    String description,
    Pattern regex,
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
}
