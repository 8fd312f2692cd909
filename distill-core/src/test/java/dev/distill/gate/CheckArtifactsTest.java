package dev.distill.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.distill.findings.Finding;
import dev.distill.findings.Location;
import dev.distill.findings.RuleDescriptor;
import dev.distill.findings.Severity;
import dev.distill.report.HtmlReport;
import dev.distill.report.Report;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckArtifactsTest {
  @TempDir Path dir;

  static Report vulnReport(String lock, String id) {
    return new Report(
        "distill-vuln",
        "1.0",
        List.of(new RuleDescriptor(id, Severity.HIGH, id, "")),
        List.of(
            new Finding(
                "distill-vuln",
                id,
                Severity.HIGH,
                id + " in nginx",
                Location.of(lock),
                lock + ":" + id,
                Map.of())));
  }

  static ServiceCheck service(String name, boolean failVulns) {
    String lock = "images/" + name + "/distill.lock.json";
    List<GateOutcome> outcomes =
        List.of(
            GateOutcome.passed("lint", name, "clean"),
            GateOutcome.passed("build", name, "built"),
            failVulns
                ? GateOutcome.failed(
                    "vulnerabilities", name, "1 fixable", List.of("HIGH CVE-2023-44487 in nginx"))
                : GateOutcome.passed("vulnerabilities", name, "none fixable"));
    return new ServiceCheck(
        name,
        "bookworm",
        Optional.of("sha256:" + "a".repeat(64)),
        Optional.of(
            new HtmlReport.ImageSummary(
                "distill-check/" + name + ":bookworm",
                10_000_000,
                4_000_000,
                OptionalLong.empty(),
                77,
                List.of(new HtmlReport.PackageRow("nginx", "1.22.1-9+deb12u11", "nginx")))),
        outcomes,
        List.of(
            new Report("distill-lint", "1.0", List.of(), List.of()),
            vulnReport(lock, failVulns ? "CVE-2023-44487" : "CVE-2026-0001")),
        Map.of(name + "-bookworm-amd64.spdx.json", "{}".getBytes(StandardCharsets.UTF_8)),
        Map.of("HIGH", 1));
  }

  static CheckResult result() {
    return new CheckResult(
        Instant.parse("2026-11-29T21:00:00Z"),
        Duration.ofSeconds(42),
        "1.0",
        List.of(GateOutcome.passed("secrets", GateOutcome.REPOSITORY, "no leaks")),
        Optional.of(new Report("secrets", "1.0", List.of(), List.of())),
        List.of(service("nginx", true), service("redis", false)));
  }

  @Test
  void writesOneSarifPerToolAndAMergedOneWithOneRunPerTool() throws IOException {
    CheckArtifacts.write(result(), "distill check: demo", dir);
    assertThat(dir.resolve("secrets.sarif")).exists();
    assertThat(dir.resolve("lint.sarif")).exists();
    assertThat(dir.resolve("vulnerabilities.sarif")).exists();
    assertThat(dir.resolve("audit.sarif")).doesNotExist(); // no audit ran
    JsonNode merged = new ObjectMapper().readTree(dir.resolve("distill.sarif").toFile());
    List<String> tools =
        merged.path("runs").findValues("driver").stream()
            .map(d -> d.path("name").asText())
            .toList();
    // Code scanning rejects two runs of one tool in one upload: nginx and redis share a run.
    assertThat(tools).containsExactly("secrets", "distill-lint", "distill-vuln");
    JsonNode vulnRun = merged.path("runs").get(2);
    assertThat(vulnRun.path("results")).hasSize(2);
    assertThat(vulnRun.path("tool").path("driver").path("rules")).hasSize(2);

    Schema schema;
    try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
    for (String f :
        List.of("distill.sarif", "secrets.sarif", "lint.sarif", "vulnerabilities.sarif")) {
      assertThat(schema.validate(Files.readString(dir.resolve(f)), InputFormat.JSON))
          .as(f)
          .isEmpty();
    }
  }

  @Test
  void summaryNamesTheVerdictAndEveryFailedGate() throws IOException {
    CheckArtifacts.write(result(), "distill check: demo", dir);
    JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(s.path("result").asText()).isEqualTo("FAIL");
    assertThat(s.path("failedGates")).hasSize(1);
    assertThat(s.path("failedGates").get(0).path("gate").asText()).isEqualTo("vulnerabilities");
    assertThat(s.path("failedGates").get(0).path("scope").asText()).isEqualTo("nginx");
    assertThat(s.path("failedGates").get(0).path("details").get(0).asText())
        .contains("CVE-2023-44487");
    assertThat(s.path("gates")).hasSize(7);
    assertThat(s.path("services").get(0).path("image").asText())
        .isEqualTo("images/nginx-bookworm.tar");
    assertThat(s.path("services").get(0).path("sboms").get(0).asText())
        .isEqualTo("sbom/nginx-bookworm-amd64.spdx.json");
    assertThat(s.path("durationSeconds").asDouble()).isEqualTo(42.0);
    assertThat(dir.resolve("sbom/redis-bookworm-amd64.spdx.json")).exists();
  }

  @Test
  void htmlHasASectionPerServiceWithItsGates() throws IOException {
    CheckArtifacts.write(result(), "distill check: demo", dir);
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("<title>distill check: demo — FAILED</title>");
    assertThat(html).contains("<h2>Repository</h2>");
    int nginx = html.indexOf("<h2>Service nginx (bookworm)</h2>");
    int redis = html.indexOf("<h2>Service redis (bookworm)</h2>");
    assertThat(nginx).isPositive();
    assertThat(redis).isGreaterThan(nginx);
    String nginxSection = html.substring(nginx, redis);
    assertThat(nginxSection).contains("CVE-2023-44487").contains(">FAILED<");
    assertThat(nginxSection).doesNotContain("CVE-2026-0001");
    // The size chart covers both images.
    assertThat(html).contains("distill-check/nginx:bookworm (files)");
    assertThat(html).contains("distill-check/redis:bookworm (files)");
  }

  @Test
  void aPassingRunSaysSo() {
    CheckResult ok =
        new CheckResult(
            Instant.EPOCH,
            Duration.ZERO,
            "1.0",
            List.of(GateOutcome.passed("secrets", GateOutcome.REPOSITORY, "no leaks")),
            Optional.empty(),
            List.of(service("redis", false)));
    assertThat(ok.passed()).isTrue();
    assertThat(result().passed()).isFalse();
    assertThat(result().failures()).extracting(GateOutcome::scope).containsExactly("nginx");
  }
}
