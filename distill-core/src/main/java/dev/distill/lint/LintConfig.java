package dev.distill.lint;

import dev.distill.findings.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of one lint run, as {@code .hadolint.yaml} and the CLI give them.
 *
 * @param ignored rule ids never reported
 * @param overrides rule id to the severity it is reported with
 * @param trustedRegistries registries FROM may pull from (DL3026 is on only when non-empty)
 * @param labelSchema label name to its type (text, url, rfc3339, semver, hash, spdx, email)
 * @param strictLabels report labels that the schema does not list (DL3050)
 * @param failureThreshold the least severity that fails the run
 * @param noFail never fail the run
 * @param allRules also run the rules hadolint keeps off by default (DL1001, DL3057)
 * @param shellcheck run ShellCheck on RUN scripts when it is installed
 */
public record LintConfig(
    Set<String> ignored,
    Map<String, Severity> overrides,
    List<String> trustedRegistries,
    Map<String, String> labelSchema,
    boolean strictLabels,
    Severity failureThreshold,
    boolean noFail,
    boolean allRules,
    boolean shellcheck) {

  public LintConfig {
    ignored = Set.copyOf(ignored);
    overrides = Map.copyOf(overrides);
    trustedRegistries = List.copyOf(trustedRegistries);
    labelSchema = Map.copyOf(labelSchema);
  }

  public static LintConfig defaults() {
    return new LintConfig(
        Set.of(), Map.of(), List.of(), Map.of(), false, Severity.INFO, false, false, true);
  }

  public LintConfig withIgnored(Set<String> ids) {
    return new LintConfig(
        ids,
        overrides,
        trustedRegistries,
        labelSchema,
        strictLabels,
        failureThreshold,
        noFail,
        allRules,
        shellcheck);
  }

  public LintConfig withOverrides(Map<String, Severity> o) {
    return new LintConfig(
        ignored,
        o,
        trustedRegistries,
        labelSchema,
        strictLabels,
        failureThreshold,
        noFail,
        allRules,
        shellcheck);
  }

  public LintConfig withTrustedRegistries(List<String> r) {
    return new LintConfig(
        ignored,
        overrides,
        r,
        labelSchema,
        strictLabels,
        failureThreshold,
        noFail,
        allRules,
        shellcheck);
  }

  public LintConfig withLabelSchema(Map<String, String> schema, boolean strict) {
    return new LintConfig(
        ignored,
        overrides,
        trustedRegistries,
        schema,
        strict,
        failureThreshold,
        noFail,
        allRules,
        shellcheck);
  }

  public LintConfig withFailureThreshold(Severity s, boolean noFailFlag) {
    return new LintConfig(
        ignored,
        overrides,
        trustedRegistries,
        labelSchema,
        strictLabels,
        s,
        noFailFlag,
        allRules,
        shellcheck);
  }

  public LintConfig withAllRules(boolean all) {
    return new LintConfig(
        ignored,
        overrides,
        trustedRegistries,
        labelSchema,
        strictLabels,
        failureThreshold,
        noFail,
        all,
        shellcheck);
  }

  public LintConfig withShellcheck(boolean on) {
    return new LintConfig(
        ignored,
        overrides,
        trustedRegistries,
        labelSchema,
        strictLabels,
        failureThreshold,
        noFail,
        allRules,
        on);
  }
}
