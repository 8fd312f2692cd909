package dev.distill.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.findings.Finding;
import dev.distill.findings.Severity;
import dev.distill.lint.rules.RuleCatalog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class LinterTest {
  private static final LintConfig NO_SC = LintConfig.defaults().withShellcheck(false);

  private static List<String> ids(LintConfig config, String dockerfile) {
    return new Linter(config)
        .lint(DockerfileParser.parse("Dockerfile", dockerfile)).findings().stream()
            .map(f -> f.ruleId() + "@" + f.location().line())
            .toList();
  }

  @Test
  void inlinePragmaCoversOnlyTheNextLine() {
    String df =
        "FROM debian\n# hadolint ignore=DL3008,DL3015\nRUN apt-get install -y a\nRUN apt-get install -y b\n";
    assertThat(ids(NO_SC, df))
        .contains("DL3008@4", "DL3015@4")
        .doesNotContain("DL3008@3", "DL3015@3");
  }

  @Test
  void globalAndStagePragmas() {
    String df =
        "# hadolint global ignore=DL3006\nFROM debian\n# hadolint stage ignore=DL3011\nFROM debian\nEXPOSE 99999\nFROM debian\nEXPOSE 99999\n";
    assertThat(ids(NO_SC, df)).doesNotContain("DL3006@2", "DL3011@5").contains("DL3011@7");
  }

  @Test
  void pragmaWithAnUnknownNameIsIgnoredWhole() {
    assertThat(ids(NO_SC, "FROM scratch\n# hadolint ignore=oops,DL3002\nUSER root\n"))
        .contains("DL3002@3");
  }

  @Test
  void rulesOffByDefaultAreOffUnlessAskedFor() {
    String df = "# hadolint ignore=DL3002\nFROM debian:12\nUSER root\n";
    assertThat(ids(NO_SC, df)).doesNotContain("DL1001@1", "DL3057@2");
    assertThat(ids(NO_SC.withOverrides(Map.of("DL3057", Severity.WARNING)), df))
        .contains("DL3057@2");
    assertThat(ids(NO_SC.withAllRules(true), df)).contains("DL1001@1", "DL3057@2");
  }

  @Test
  void configIgnoresAndOverridesSeverity() {
    String df = "FROM debian\nWORKDIR rel\n";
    LintConfig cfg =
        NO_SC.withIgnored(Set.of("DL3006")).withOverrides(Map.of("DL3000", Severity.STYLE));
    List<Finding> findings = new Linter(cfg).lint(DockerfileParser.parse("D", df)).findings();
    assertThat(findings).extracting(Finding::ruleId).containsExactly("DL3000");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.STYLE);
    assertThat(findings.get(0).location().toString()).isEqualTo("D:2");
    assertThat(findings.get(0).fingerprint()).hasSize(32);
  }

  @Test
  void failureThresholdFollowsHadolintOrder() {
    Finding style =
        new Finding(
            "t",
            "DL3048",
            Severity.STYLE,
            "m",
            dev.distill.findings.Location.of("f", 1),
            "x",
            Map.of());
    Finding warning =
        new Finding(
            "t",
            "DL3008",
            Severity.WARNING,
            "m",
            dev.distill.findings.Location.of("f", 1),
            "x",
            Map.of());
    assertThat(new Linter(NO_SC).fails(List.of(style))).isFalse(); // default threshold info
    assertThat(new Linter(NO_SC).fails(List.of(warning))).isTrue();
    assertThat(new Linter(NO_SC.withFailureThreshold(Severity.STYLE, false)).fails(List.of(style)))
        .isTrue();
    assertThat(
            new Linter(NO_SC.withFailureThreshold(Severity.ERROR, false)).fails(List.of(warning)))
        .isFalse();
    assertThat(new Linter(NO_SC.withFailureThreshold(Severity.STYLE, true)).fails(List.of(warning)))
        .isFalse();
  }

  @Test
  void readsHadolintYaml() {
    String yaml =
        "ignored: [DL3006]\noverride:\n  error: [DL3008]\n  style: [DL3015]\ntrustedRegistries:\n  - docker.io\n"
            + "label-schema:\n  maintainer: email\nstrict-labels: true\nfailure-threshold: warning\nno-fail: true\n";
    LintConfig c = HadolintConfig.parse(".hadolint.yaml", yaml, LintConfig.defaults());
    assertThat(c.ignored()).containsExactly("DL3006");
    assertThat(c.overrides())
        .containsEntry("DL3008", Severity.ERROR)
        .containsEntry("DL3015", Severity.STYLE);
    assertThat(c.trustedRegistries()).containsExactly("docker.io");
    assertThat(c.labelSchema()).containsEntry("maintainer", "email");
    assertThat(c.strictLabels()).isTrue();
    assertThat(c.failureThreshold()).isEqualTo(Severity.WARNING);
    assertThat(c.noFail()).isTrue();
  }

  @Test
  void badConfigIsAClearError() {
    assertThatThrownBy(
            () ->
                HadolintConfig.parse("c.yaml", "failure-threshold: loud\n", LintConfig.defaults()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("c.yaml")
        .hasMessageContaining("loud");
    assertThatThrownBy(
            () -> HadolintConfig.parse("c.yaml", "ignored: DL3008\n", LintConfig.defaults()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("must be a list");
    assertThatThrownBy(() -> HadolintConfig.parse("c.yaml", "ignored: [\n", LintConfig.defaults()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void missingShellcheckIsReportedAsANote() {
    Linter linter =
        new Linter(
            LintConfig.defaults(), RuleCatalog.all(), new ShellCheck("/nonexistent/shellcheck-x"));
    LintResult r = linter.lint(DockerfileParser.parse("D", "FROM debian:12\nRUN echo $RANDOM\n"));
    assertThat(r.notes()).containsExactly(Linter.SHELLCHECK_MISSING);
    assertThat(r.findings()).noneMatch(f -> f.ruleId().startsWith("SC"));
  }

  @Test
  void shellcheckFindingsAppearWhenInstalled() {
    ShellCheck sc = new ShellCheck("shellcheck");
    Assumptions.assumeTrue(sc.available(), "shellcheck is not installed here");
    Linter linter = new Linter(LintConfig.defaults(), RuleCatalog.all(), sc);
    LintResult r =
        linter.lint(
            DockerfileParser.parse(
                "D", "FROM debian:12\nARG name\nRUN echo $RANDOM $name $undefined_thing\n"));
    assertThat(r.notes()).isEmpty();
    assertThat(r.findings())
        .extracting(Finding::ruleId)
        .contains("SC3028")
        .doesNotContain("DL3006");
    // ARG names count as set, unknown lower-case names do not
    assertThat(r.findings())
        .anyMatch(f -> f.ruleId().equals("SC2154") && f.message().contains("undefined_thing"));
    assertThat(r.findings()).noneMatch(f -> f.message().contains("name is referenced"));
    LintResult pwsh =
        linter.lint(
            DockerfileParser.parse("D", "FROM x:1\nSHELL [\"pwsh\", \"-c\"]\nRUN echo $RANDOM\n"));
    assertThat(pwsh.findings()).noneMatch(f -> f.ruleId().startsWith("SC"));
  }

  @Test
  void catalogueHasEveryRuleWithAHelpLink() {
    assertThat(Linter.catalogue()).hasSizeGreaterThanOrEqualTo(70);
    assertThat(Linter.catalogue())
        .allMatch(d -> d.helpUri().equals("https://github.com/hadolint/hadolint/wiki/" + d.id()));
    assertThat(Linter.catalogue())
        .extracting(d -> d.id())
        .doesNotHaveDuplicates()
        .contains("DL1001", "DL3008", "DL4006");
  }
}
