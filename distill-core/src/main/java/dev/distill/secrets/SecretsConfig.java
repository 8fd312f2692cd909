package dev.distill.secrets;

import dev.distill.findings.RuleDescriptor;
import dev.distill.findings.Severity;
import java.util.List;

/**
 * A loaded gitleaks configuration: its rules, the global allowlists, where it came from, and the
 * notes made while loading it (rules whose Go regex syntax had to be adapted).
 */
public record SecretsConfig(
    String origin, List<SecretRule> rules, List<Allowlist> allowlists, List<String> notes) {

  public SecretsConfig {
    rules = List.copyOf(rules);
    allowlists = List.copyOf(allowlists);
    notes = List.copyOf(notes);
  }

  /** The rule catalogue, for SARIF's {@code tool.driver.rules}. */
  public List<RuleDescriptor> ruleDescriptors() {
    return rules.stream()
        .map(
            r ->
                new RuleDescriptor(
                    r.id(),
                    Severity.HIGH,
                    r.description() == null || r.description().isEmpty() ? r.id() : r.description(),
                    "https://github.com/gitleaks/gitleaks"))
        .toList();
  }

  /** A copy keeping only the rules whose id is in {@code ids}. */
  public SecretsConfig onlyRules(java.util.Collection<String> ids) {
    return new SecretsConfig(
        origin, rules.stream().filter(r -> ids.contains(r.id())).toList(), allowlists, notes);
  }
}
