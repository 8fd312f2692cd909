package dev.distill.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distill.pkgdb.PackageInventory;
import dev.distill.pkgdb.PackageSource;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scans the eight vulndata root filesystems (copied into test resources) and compares installed
 * packages, findings and the gate's verdict with the derived {@code expected.json} oracles.
 */
class VulndataOracleTest {
  private static final VulnDatabase DB = TestDb.trackerAndNvd();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "nginx-bookworm-current",
        "nginx-bookworm-stale",
        "nginx-trixie-current",
        "nginx-trixie-stale",
        "redis-bookworm-current",
        "redis-bookworm-stale",
        "redis-trixie-current",
        "redis-trixie-stale"
      })
  void findingsAndVerdictMatchTheOracle(String image) throws IOException {
    JsonNode oracle;
    try (InputStream in = TestDb.resource("images/" + image + ".expected.json")) {
      oracle = MAPPER.readTree(in);
    }
    PackageInventory inv = PackageSource.ofDirectory(TestDb.path("images/" + image)).inventory();

    Set<String> expectedPkgs = new TreeSet<>();
    oracle
        .path("installed")
        .forEach(
            p ->
                expectedPkgs.add(
                    String.join(
                        " ",
                        p.path("package").asText(),
                        p.path("version").asText(),
                        p.path("source").asText(),
                        p.path("source_version").asText(),
                        p.path("arch").asText())));
    Set<String> actualPkgs =
        inv.packages().stream()
            .map(
                p ->
                    String.join(
                        " ",
                        p.name(),
                        p.version(),
                        p.sourceName(),
                        p.sourceVersion(),
                        p.architecture()))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(actualPkgs).isEqualTo(expectedPkgs);

    List<Vulnerability> vulns = new VulnMatcher(DB).match(inv);
    Set<String> expected = new TreeSet<>();
    oracle
        .path("findings")
        .forEach(
            f ->
                expected.add(
                    String.join(
                        " ",
                        f.path("package").asText(),
                        f.path("cve").asText(),
                        f.path("status").asText(),
                        f.path("fixed_version").isNull() ? "-" : f.path("fixed_version").asText(),
                        f.path("severity").asText(),
                        f.path("severity_source").asText())));
    Set<String> actual =
        vulns.stream()
            .map(
                v ->
                    String.join(
                        " ",
                        v.pkg().name(),
                        v.id(),
                        v.status().label(),
                        v.fixedVersion().orElse("-"),
                        v.severity().name(),
                        oracleSeveritySource(v)))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(actual).isEqualTo(expected);

    PolicyResult verdict = VulnPolicy.defaults(LocalDate.of(2026, 11, 29)).evaluate(vulns, "");
    assertThat(verdict.passed() ? "PASS" : "FAIL")
        .isEqualTo(oracle.path("policy").path("result").asText());
    Set<String> expectedViolations = new TreeSet<>();
    oracle
        .path("policy")
        .path("violations")
        .forEach(v -> expectedViolations.add(v.get(0).asText() + " " + v.get(1).asText()));
    Set<String> actualViolations =
        verdict.violations().stream()
            .map(v -> v.pkg().name() + " " + v.id())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(actualViolations).isEqualTo(expectedViolations);
  }

  /**
   * The oracle writes {@code debian-urgency} without the value for low/medium/high, with it for
   * unimportant, and {@code nvd:cvssMetricV31:source}; ours always carries the value.
   */
  private static String oracleSeveritySource(Vulnerability v) {
    String s = v.severitySource();
    if (s.startsWith("debian-urgency(")) {
      return s.equals("debian-urgency(unimportant)") ? s : "debian-urgency";
    }
    if (s.startsWith("nvd:cvss")) {
      String[] parts = s.split(":", 3);
      String version = parts[1].substring(4).replace(".", "");
      return "nvd:cvssMetricV" + (version.equals("20") ? "2" : version) + ":" + parts[2];
    }
    return s;
  }
}
