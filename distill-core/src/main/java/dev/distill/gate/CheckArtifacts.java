package dev.distill.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distill.findings.Finding;
import dev.distill.findings.RuleDescriptor;
import dev.distill.report.HtmlReport;
import dev.distill.report.HtmlReportWriter;
import dev.distill.report.Report;
import dev.distill.report.SarifReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the check's folder: one SARIF 2.1.0 file per tool and {@code distill.sarif} with every
 * tool (one run per tool, as code scanning wants), the HTML report with a section per service, SPDX
 * and CycloneDX SBOMs per image under {@code sbom/}, and {@code summary.json}. The image archives
 * are already under {@code images/}.
 */
public final class CheckArtifacts {
  public static final String SUMMARY = "summary.json";
  public static final String MERGED_SARIF = "distill.sarif";
  public static final String HTML = "report.html";

  /** SARIF file names by tool, in gate order. */
  static final Map<String, String> SARIF_BY_TOOL = new LinkedHashMap<>();

  static {
    SARIF_BY_TOOL.put("secrets", "secrets.sarif");
    SARIF_BY_TOOL.put("distill-lint", "lint.sarif");
    SARIF_BY_TOOL.put(SmokeStep.TOOL, "smoke.sarif");
    SARIF_BY_TOOL.put("distill-audit", "audit.sarif");
    SARIF_BY_TOOL.put("distill-vuln", "vulnerabilities.sarif");
  }

  private CheckArtifacts() {}

  /** Writes every artifact of {@code result} into {@code dir} (which exists). */
  public static void write(CheckResult result, String title, Path dir) throws IOException {
    List<Report> merged = mergeByTool(result.reports());
    SarifReportWriter sarif = new SarifReportWriter();
    for (Report r : merged) {
      String name = SARIF_BY_TOOL.getOrDefault(r.tool(), r.tool() + ".sarif");
      try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
        sarif.write(List.of(r), out);
      }
    }
    try (OutputStream out = Files.newOutputStream(dir.resolve(MERGED_SARIF))) {
      sarif.write(merged, out);
    }
    Files.write(dir.resolve(HTML), new HtmlReportWriter().render(html(result, title)));
    if (result.services().stream().anyMatch(s -> !s.sboms().isEmpty())) {
      Path sbomDir = Files.createDirectories(dir.resolve("sbom"));
      for (ServiceCheck s : result.services()) {
        for (Map.Entry<String, byte[]> f : s.sboms().entrySet()) {
          Files.write(sbomDir.resolve(f.getKey()), f.getValue());
        }
      }
    }
    Files.write(dir.resolve(SUMMARY), summary(result, merged));
  }

  /** One report per tool: the services' reports of the same tool joined. */
  static List<Report> mergeByTool(List<Report> reports) {
    Map<String, List<Report>> byTool = new LinkedHashMap<>();
    for (String tool : SARIF_BY_TOOL.keySet()) {
      byTool.put(tool, new ArrayList<>());
    }
    reports.forEach(r -> byTool.computeIfAbsent(r.tool(), t -> new ArrayList<>()).add(r));
    List<Report> merged = new ArrayList<>();
    for (Map.Entry<String, List<Report>> e : byTool.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      Map<String, RuleDescriptor> rules = new LinkedHashMap<>();
      List<Finding> findings = new ArrayList<>();
      for (Report r : e.getValue()) {
        r.rules().forEach(d -> rules.putIfAbsent(d.id(), d));
        findings.addAll(r.findings());
      }
      merged.add(
          new Report(
              e.getKey(),
              e.getValue().get(0).toolVersion(),
              new ArrayList<>(rules.values()),
              findings));
    }
    return merged;
  }

  static HtmlReport html(CheckResult result, String title) {
    List<HtmlReport.Section> sections = new ArrayList<>();
    sections.add(
        new HtmlReport.Section(
            "Repository",
            rows(result.repositoryOutcomes()),
            result.secretsReport().map(List::of).orElse(List.of())));
    List<HtmlReport.ImageSummary> images = new ArrayList<>();
    for (ServiceCheck s : result.services()) {
      s.image().ifPresent(images::add);
      sections.add(
          new HtmlReport.Section(
              "Service " + s.service() + " (" + s.release() + ")",
              rows(s.outcomes()),
              s.reports()));
    }
    String verdict = result.passed() ? "PASSED" : "FAILED";
    return new HtmlReport(
        title + " — " + verdict, result.started(), images, result.reports(), sections);
  }

  private static List<HtmlReport.GateRow> rows(List<GateOutcome> outcomes) {
    return outcomes.stream()
        .map(o -> new HtmlReport.GateRow(o.gate(), o.status().name(), o.summary()))
        .toList();
  }

  static byte[] summary(CheckResult result, List<Report> merged) throws IOException {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = m.createObjectNode();
    root.put("tool", "distill");
    root.put("version", result.toolVersion());
    root.put("started", result.started().toString());
    root.put("durationSeconds", result.took().toMillis() / 1000.0);
    root.put("result", result.passed() ? "PASS" : "FAIL");
    ArrayNode failed = root.putArray("failedGates");
    result.failures().forEach(o -> failed.add(outcome(m, o)));
    ArrayNode gates = root.putArray("gates");
    result.outcomes().forEach(o -> gates.add(outcome(m, o)));
    ArrayNode services = root.putArray("services");
    for (ServiceCheck s : result.services()) {
      ObjectNode n = services.addObject();
      n.put("name", s.service());
      n.put("release", s.release());
      n.put("digest", s.digest().orElse(null));
      Optional<HtmlReport.ImageSummary> image = s.image();
      if (image.isPresent()) {
        n.put("image", "images/" + s.service() + "-" + s.release() + ".tar");
        n.put("uncompressedBytes", image.get().uncompressedBytes());
        n.put("compressedBytes", image.get().compressedBytes());
        n.put("files", image.get().fileCount());
        n.put("packages", image.get().packages().size());
      }
      ObjectNode v = n.putObject("vulnerabilities");
      s.vulnerabilitiesBySeverity().forEach(v::put);
      ArrayNode sboms = n.putArray("sboms");
      s.sboms().keySet().stream().sorted().forEach(f -> sboms.add("sbom/" + f));
    }
    ArrayNode sarif = root.putArray("sarif");
    sarif.add(MERGED_SARIF);
    merged.forEach(r -> sarif.add(SARIF_BY_TOOL.getOrDefault(r.tool(), r.tool() + ".sarif")));
    root.put("html", HTML);
    return (m.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static ObjectNode outcome(ObjectMapper m, GateOutcome o) {
    ObjectNode n = m.createObjectNode();
    n.put("gate", o.gate());
    n.put("scope", o.scope());
    n.put("status", o.status().name());
    n.put("summary", o.summary());
    ArrayNode d = n.putArray("details");
    o.details().forEach(d::add);
    return n;
  }
}
