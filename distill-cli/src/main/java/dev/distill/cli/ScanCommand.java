package dev.distill.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distill.DistillException;
import dev.distill.assure.ScanTarget;
import dev.distill.findings.Finding;
import dev.distill.findings.Severity;
import dev.distill.io.AtomicFiles;
import dev.distill.pkgdb.OsRelease;
import dev.distill.pkgdb.PackageInventory;
import dev.distill.pkgdb.PackageSource;
import dev.distill.progress.ProgressListener;
import dev.distill.report.HtmlReport;
import dev.distill.report.HtmlReportWriter;
import dev.distill.report.Report;
import dev.distill.report.ReportWriters;
import dev.distill.vuln.IgnoreFile;
import dev.distill.vuln.OpenVex;
import dev.distill.vuln.PolicyResult;
import dev.distill.vuln.Suppression;
import dev.distill.vuln.VulnDatabase;
import dev.distill.vuln.VulnDbStore;
import dev.distill.vuln.VulnFindings;
import dev.distill.vuln.VulnMatcher;
import dev.distill.vuln.VulnPolicy;
import dev.distill.vuln.Vulnerability;
import dev.distill.vuln.audit.ImageAudit;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code distill scan}: vulnerability scan of a root filesystem with the policy gate. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Scans an image or root filesystem for known vulnerabilities.",
      "Matches the Debian packages of an OCI layout, docker-archive, registry image or root",
      "filesystem against the vulnerability DB and fails (exit 1) when one at or above",
      "--fail-on has a fix available."
    })
public final class ScanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(
      index = "0",
      paramLabel = "TARGET",
      description =
          "OCI layout dir, docker-archive / docker save tar, registry:HOST/NAME:TAG, or a root"
              + " filesystem dir.")
  String target;

  @Option(
      names = "--db",
      paramLabel = "PATH",
      description = "Vulnerability DB directory to use as is (default: ~/.cache/distill/db).")
  Path db;

  @Option(names = "--offline", description = "Never download; use the cached DB.")
  boolean offline;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      defaultValue = "HIGH",
      description =
          "Lowest severity of a fixable vulnerability that fails (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Option(names = "--ignore-unfixed", description = "Leave out vulnerabilities with no fix.")
  boolean ignoreUnfixed;

  @Option(
      names = "--ignorefile",
      paramLabel = "FILE",
      description = ".trivyignore-style file: ids, # comments, exp:YYYY-MM-DD.")
  Path ignoreFile;

  @Option(
      names = "--vex",
      paramLabel = "FILE",
      description = "OpenVEX document marking vulnerabilities that do not apply (repeatable).")
  List<Path> vex = new ArrayList<>();

  @Option(
      names = "--format",
      defaultValue = "table",
      description =
          "Output: table, json, or a shared report format: sarif, junit, checkstyle, csv"
              + " (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--max-db-age",
      paramLabel = "DAYS",
      defaultValue = "7",
      description = "Warn when the DB is older than this (default: ${DEFAULT-VALUE} days).")
  int maxDbAgeDays;

  @Option(
      names = "--audit",
      description = "Also run the image audit checkpoints on the files (reported, not gated).")
  boolean audit;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description =
          "Also write a self-contained HTML report (sizes, severities, packages, findings).")
  Path html;

  @Option(
      names = "--compare-size",
      paramLabel = "BYTES",
      description = "Size of the standard image this one replaces, for the HTML report's chart.")
  Long compareSize;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws Exception {
    if (!format.equals("table") && !format.equals("json")) {
      ReportWriters.forFormat(format); // an unknown format fails before any work
    }
    Severity threshold;
    try {
      threshold = Severity.parse(failOn);
    } catch (IllegalArgumentException e) {
      throw new DistillException(
          "--fail-on must be one of LOW, MEDIUM, HIGH, CRITICAL, not '" + failOn + "'");
    }
    if (compareSize != null && compareSize < 0) {
      throw new DistillException("--compare-size must be a size in bytes, not " + compareSize);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Suppression> suppressions = new ArrayList<>();
    if (ignoreFile != null) {
      suppressions.addAll(IgnoreFile.read(ignoreFile));
    }
    for (Path v : vex) {
      suppressions.addAll(OpenVex.read(v));
    }

    // Open the target first: a wrong path should not wait for a DB download.
    ScanTarget opened = ScanTarget.open(target, Main.registryCredentials());
    VulnDbStore store = VulnDbs.open(db, offline, clock, err);
    VulnDatabase database = store.load(ProgressListener.NONE);
    Optional<Duration> age = store.age(clock);
    VulnDbs.warnIfOld(store, clock, maxDbAgeDays, err);

    PackageSource source = opened.packages();
    PackageInventory inventory = source.inventory(false);
    if (inventory.packages().isEmpty()) {
      throw new DistillException(
          target
              + " has no installed Debian packages (no /var/lib/dpkg/status or status.d/):"
              + " nothing to scan");
    }
    List<Vulnerability> vulns = new VulnMatcher(database).match(inventory);
    String major = inventory.os().map(OsRelease::majorVersion).orElse("");
    PolicyResult result =
        new VulnPolicy(
                threshold,
                ignoreUnfixed,
                suppressions,
                LocalDate.now(clock.withZone(ZoneOffset.UTC)))
            .evaluate(vulns, major);

    List<Finding> auditFindings = audit ? ImageAudit.run(opened.audit()) : List.of();
    String version = Main.version();
    List<Report> reports = new ArrayList<>();
    reports.add(VulnFindings.report(result.reported(), opened.name(), version));
    if (audit) {
      reports.add(ImageAudit.report(opened.audit(), version));
    }
    if (html != null) {
      writeHtml(opened, inventory, reports);
    }
    if (format.equals("json")) {
      out.println(json(inventory, store, database, age, result, auditFindings));
    } else if (!format.equals("table")) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      ReportWriters.forFormat(format).write(reports, buf);
      out.print(buf.toString(StandardCharsets.UTF_8));
    } else {
      printTable(out, inventory, store, age, result);
      if (audit) {
        out.printf("%nAudit: %d finding(s)%n", auditFindings.size());
        for (Finding f : auditFindings) {
          out.printf("%-6s %-8s %s%n", f.ruleId(), f.severity(), f.message());
        }
      }
    }
    out.flush();
    if (!result.passed()) {
      printSummary(err, result);
      return Main.FINDINGS;
    }
    return Main.CLEAN;
  }

  private void writeHtml(ScanTarget opened, PackageInventory inventory, List<Report> reports)
      throws java.io.IOException {
    List<HtmlReport.PackageRow> rows =
        inventory.packages().stream()
            .map(p -> new HtmlReport.PackageRow(p.name(), p.version(), p.sourceName()))
            .toList();
    HtmlReport.ImageSummary image =
        new HtmlReport.ImageSummary(
            opened.name(),
            opened.fileBytes(),
            opened.compressedBytes(),
            compareSize == null ? OptionalLong.empty() : OptionalLong.of(compareSize),
            opened.fileCount(),
            rows);
    HtmlReport report =
        new HtmlReport(
            "distill scan: " + opened.name(),
            clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
            List.of(image),
            reports);
    AtomicFiles.write(html, new HtmlReportWriter().render(report));
  }

  private static void printTable(
      PrintWriter out,
      PackageInventory inv,
      VulnDbStore store,
      Optional<Duration> age,
      PolicyResult result) {
    out.printf(
        "Target: %s (%s), %d packages from %s%n",
        inv.target(),
        inv.os().map(OsRelease::prettyName).orElse("unknown OS"),
        inv.packages().size(),
        inv.database());
    out.printf(
        "DB: %s (%s)%n",
        store.dir(), age.map(a -> "updated " + a.toDays() + " days ago").orElse("age unknown"));
    out.printf(
        "%-24s %-28s %-18s %-8s %-12s %s%n",
        "PACKAGE", "VERSION", "VULNERABILITY", "SEVERITY", "STATUS", "FIXED IN");
    boolean colour = Ansi.enabled();
    for (Vulnerability v : result.reported()) {
      out.printf(
          "%-24s %-28s %-18s %s %-12s %s%n",
          v.pkg().name(),
          v.pkg().version(),
          v.id(),
          Ansi.severity(v.severity(), String.format("%-8s", v.severity()), colour),
          v.status().label(),
          v.fixedVersion().orElse(v.unfixedReason().orElse("")));
    }
    out.printf(
        "%d vulnerabilities (%d with a fix), %d suppressed%n",
        result.reported().size(),
        result.reported().stream().filter(Vulnerability::fixAvailable).count(),
        result.suppressed().size());
  }

  /** One screen: the count and the first violations. */
  private static void printSummary(PrintWriter err, PolicyResult result) {
    err.printf(
        "FAIL: %d fixable vulnerabilit%s at %s or above%n",
        result.violations().size(), result.violations().size() == 1 ? "y" : "ies", result.failOn());
    int shown = 0;
    for (Vulnerability v : result.violations()) {
      if (shown++ == 15) {
        err.printf("  … and %d more%n", result.violations().size() - 15);
        break;
      }
      err.printf(
          "  %-8s %-18s %s %s -> %s%n",
          v.severity(), v.id(), v.pkg().name(), v.pkg().version(), v.fixedVersion().orElse(""));
    }
    err.flush();
  }

  private static String json(
      PackageInventory inv,
      VulnDbStore store,
      VulnDatabase database,
      Optional<Duration> age,
      PolicyResult result,
      List<Finding> auditFindings)
      throws java.io.IOException {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = m.createObjectNode();
    root.put("target", inv.target());
    root.put("os", inv.os().map(OsRelease::prettyName).orElse(null));
    root.put("packages", inv.packages().size());
    ObjectNode dbNode = root.putObject("db");
    dbNode.put("path", store.dir().toString());
    database.updated().ifPresent(u -> dbNode.put("updated", u.toString()));
    age.ifPresent(a -> dbNode.put("ageDays", a.toDays()));
    ArrayNode sources = dbNode.putArray("sources");
    database.sources().forEach(sources::add);
    ObjectNode policy = root.putObject("policy");
    policy.put("result", result.passed() ? "PASS" : "FAIL");
    policy.put("failOn", result.failOn().name());
    ArrayNode viol = policy.putArray("violations");
    result.violations().forEach(v -> viol.add(v.key()));
    ArrayNode vulns = root.putArray("vulnerabilities");
    for (Vulnerability v : result.reported()) {
      vulns.add(vulnNode(m, v));
    }
    if (!auditFindings.isEmpty()) {
      ArrayNode a = root.putArray("audit");
      for (Finding f : auditFindings) {
        ObjectNode n = a.addObject();
        n.put("rule", f.ruleId());
        n.put("severity", f.severity().name());
        n.put("message", f.message());
        n.put("location", f.location().toString());
      }
    }
    ArrayNode supp = root.putArray("suppressed");
    for (PolicyResult.Suppressed s : result.suppressed()) {
      ObjectNode n = vulnNode(m, s.vulnerability());
      n.put("suppressedBy", s.by().origin());
      n.put("reason", s.by().reason());
      supp.add(n);
    }
    return m.writeValueAsString(root);
  }

  private static ObjectNode vulnNode(ObjectMapper m, Vulnerability v) {
    ObjectNode n = m.createObjectNode();
    n.put("id", v.id());
    n.put("package", v.pkg().name());
    n.put("version", v.pkg().version());
    n.put("arch", v.pkg().architecture());
    n.put("source", v.pkg().sourceName());
    n.put("sourceVersion", v.pkg().sourceVersion());
    n.put("status", v.status().label());
    n.put("fixedVersion", v.fixedVersion().orElse(null));
    n.put("unfixedReason", v.unfixedReason().orElse(null));
    n.put("severity", v.severity().name());
    n.put("severitySource", v.severitySource());
    n.put("debianUrgency", v.urgency());
    return n;
  }
}
