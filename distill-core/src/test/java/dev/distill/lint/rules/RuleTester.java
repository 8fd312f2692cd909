package dev.distill.lint.rules;

import dev.distill.findings.Finding;
import dev.distill.lint.DockerfileParser;
import dev.distill.lint.LintConfig;
import dev.distill.lint.Linter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lints a Dockerfile text with every rule on (ShellCheck off) and counts one rule's findings. */
final class RuleTester {
  private RuleTester() {}

  static LintConfig config() {
    return LintConfig.defaults().withAllRules(true).withShellcheck(false);
  }

  static LintConfig withRegistries(String... registries) {
    return config().withTrustedRegistries(List.of(registries));
  }

  static LintConfig withLabels(Map<String, String> schema, boolean strict) {
    return config().withLabelSchema(schema, strict);
  }

  static LintConfig ignoring(String... ids) {
    return config().withIgnored(Set.of(ids));
  }

  static long count(String rule, String dockerfile) {
    return count(rule, dockerfile, config());
  }

  static long count(String rule, String dockerfile, LintConfig config) {
    List<Finding> findings =
        new Linter(config).lint(DockerfileParser.parse("Dockerfile", dockerfile)).findings();
    return findings.stream().filter(f -> f.ruleId().equals(rule)).count();
  }
}
