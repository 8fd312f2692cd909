package dev.distill.report;

import dev.distill.findings.Finding;
import dev.distill.findings.Location;
import dev.distill.findings.RuleDescriptor;
import dev.distill.findings.Severity;
import dev.distill.report.HtmlReport.ImageSummary;
import dev.distill.report.HtmlReport.PackageRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** A report with two images, two tools and findings of several severities, for the HTML tests. */
final class HtmlReportFixtures {
  private HtmlReportFixtures() {}

  static final String EVIL = "<script>alert('x')</script> & \"quoted\"";

  static HtmlReport sample() {
    ImageSummary nginx =
        new ImageSummary(
            "distill/nginx:bookworm",
            23_456_789L,
            9_876_543L,
            OptionalLong.of(192_000_000L),
            1234,
            List.of(
                new PackageRow("nginx", "1.22.1-9+deb12u1", "nginx"),
                new PackageRow("libssl3", "3.0.15-1~deb12u1", "openssl"),
                new PackageRow("libc6", "2.36-9+deb12u9", "glibc")));
    ImageSummary redis =
        new ImageSummary(
            "distill/redis:bookworm",
            31_000_000L,
            0L,
            OptionalLong.empty(),
            456,
            List.of(new PackageRow("redis-server", "5:7.0.15-1~deb12u1", "redis")));
    List<Finding> vulns =
        List.of(
            finding("distill-vuln", "CVE-2024-5535", Severity.CRITICAL, "libssl3 3.0.15"),
            finding("distill-vuln", "CVE-2023-44487", Severity.HIGH, "nginx HTTP/2 reset"),
            finding("distill-vuln", "CVE-2024-7347", Severity.HIGH, "nginx mp4 module"),
            finding("distill-vuln", "CVE-2025-0001", Severity.MEDIUM, EVIL),
            finding("distill-vuln", "CVE-2022-0563", Severity.LOW, "util-linux chfn"));
    List<Finding> audit =
        List.of(finding("distill-audit", "A001", Severity.WARNING, "runs as root (no USER)"));
    return new HtmlReport(
        "distill report <nginx & redis>",
        Instant.parse("2026-11-29T20:00:00Z"),
        List.of(nginx, redis),
        List.of(
            new Report("distill-vuln", "1.0.0", List.<RuleDescriptor>of(), vulns),
            new Report("distill-audit", "1.0.0", List.<RuleDescriptor>of(), audit)));
  }

  private static Finding finding(String tool, String rule, Severity s, String message) {
    return new Finding(
        tool, rule, s, message, Location.of("distill/nginx:bookworm"), rule + "/fp", Map.of());
  }
}
