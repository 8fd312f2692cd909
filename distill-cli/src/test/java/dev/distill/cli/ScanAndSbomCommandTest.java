package dev.distill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ScanAndSbomCommandTest {
  @RegisterExtension final CapturedStreams io = new CapturedStreams();

  @TempDir Path tmp;

  private static String res(String rel) {
    try {
      return Path.of(ScanAndSbomCommandTest.class.getResource("/vulndata/" + rel).toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void currentImagePassesTheGate() {
    int rc = Main.run("scan", res("images/nginx-bookworm-current"), "--db", res("db"));
    assertThat(rc).as(io.stderr()).isEqualTo(0);
    assertThat(io.stdout()).contains("CVE-2018-20796").contains("20 packages");
  }

  @Test
  void staleImagesFailWithAOneScreenSummary() {
    int rc = Main.run("scan", res("images/nginx-bookworm-stale-distroless"), "--db", res("db"));
    assertThat(rc).isEqualTo(1);
    assertThat(io.stderr()).startsWith("FAIL: 5 fixable vulnerabilities at HIGH or above");
    assertThat(io.stderr().lines().count()).isLessThan(25);
    assertThat(io.stdout()).contains("from /var/lib/dpkg/status.d");
  }

  @Test
  void htmlReportHoldsPackagesFindingsAndSizes() throws Exception {
    Path html = tmp.resolve("out/report.html");
    int rc =
        Main.run(
            "scan",
            res("images/nginx-bookworm-stale-distroless"),
            "--db",
            res("db"),
            "--audit",
            "--html",
            html.toString(),
            "--compare-size",
            "192000000");
    assertThat(rc).as(io.stderr()).isEqualTo(1);
    String page = Files.readString(html);
    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .contains("CVE-2026-42945", "CVE-2025-15467", "nginx-common", "1.22.1-9")
        .contains(
            "192.0 MB",
            "distill-vuln",
            fileMegabytes(res("images/nginx-bookworm-stale-distroless")))
        .doesNotContain("<script");
    assertThat(Main.run("scan", res("images/nginx-bookworm-current"), "--compare-size", "-1"))
        .isEqualTo(2);
    assertThat(io.stderr()).contains("--compare-size must be a size in bytes");
  }

  /** The size the report shows for a root filesystem: its regular files, summed. */
  private static String fileMegabytes(String dir) throws java.io.IOException {
    long sum;
    try (var files = Files.walk(Path.of(dir))) {
      sum = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    return String.format(java.util.Locale.ROOT, "%.3f MB", sum / 1_000_000.0);
  }

  @Test
  void jsonOutputAndIgnoreFileMakeTheGatePass() throws Exception {
    Path ignore = tmp.resolve(".trivyignore");
    Files.writeString(ignore, "# fixes pending\nCVE-2025-15467\nCVE-2025-49844 exp:2099-01-01\n");
    int rc =
        Main.run(
            "scan",
            res("images/redis-trixie-stale"),
            "--db",
            res("db"),
            "--format",
            "json",
            "--ignorefile",
            ignore.toString());
    assertThat(rc).as(io.stderr()).isEqualTo(0);
    JsonNode doc = new ObjectMapper().readTree(io.stdout());
    assertThat(doc.path("policy").path("result").asText()).isEqualTo("PASS");
    assertThat(doc.path("suppressed")).hasSize(4);
    assertThat(doc.path("db").path("sources").toString()).contains("debian-tracker");
  }

  @Test
  void auditFindsAWorldWritableFileWithoutChangingTheVerdict() throws Exception {
    Path root = tmp.resolve("root");
    Files.createDirectories(root.resolve("var/lib/dpkg"));
    Files.createDirectories(root.resolve("etc"));
    Files.copy(
        Path.of(res("images/nginx-bookworm-current/var/lib/dpkg/status")),
        root.resolve("var/lib/dpkg/status"));
    Files.copy(
        Path.of(res("images/nginx-bookworm-current/etc/os-release")),
        root.resolve("etc/os-release"));
    Files.writeString(root.resolve("etc/app.conf"), "x");
    Files.setAttribute(root.resolve("etc/app.conf"), "unix:mode", 0666);
    int rc = Main.run("scan", root.toString(), "--db", res("db"), "--audit");
    assertThat(rc).as(io.stderr()).isEqualTo(0);
    assertThat(io.stdout()).contains("DA005").contains("/etc/app.conf is world-writable");
  }

  @Test
  void badInputExitsTwo() throws Exception {
    Path garbage = tmp.resolve("ignore");
    Files.writeString(garbage, "CVE-2025-1 exp:someday\n");
    assertThat(
            Main.run(
                "scan",
                res("images/nginx-bookworm-current"),
                "--db",
                res("db"),
                "--ignorefile",
                garbage.toString()))
        .isEqualTo(2);
    assertThat(io.stderr()).contains("error: Ignore file").contains("line 1");
    assertThat(Main.run("scan", res("images/nginx-bookworm-current"), "--db", tmp.toString()))
        .isEqualTo(2);
    assertThat(io.stderr()).contains("holds neither");
    assertThat(Main.run("scan", tmp.resolve("missing").toString(), "--db", res("db"))).isEqualTo(2);
    assertThat(
            Main.run(
                "scan",
                res("images/nginx-bookworm-current"),
                "--db",
                res("db"),
                "--fail-on",
                "BAD"))
        .isEqualTo(2);
    assertThat(Main.run("sbom", res("images/nginx-bookworm-current"), "--format", "xml"))
        .isEqualTo(2);
    // A corrupt image archive is bad input too: a clear message, exit 2, no stack trace.
    Path corrupt = tmp.resolve("corrupt.tar");
    Files.write(corrupt, "this is not a tar archive at all, just text".repeat(40).getBytes());
    assertThat(Main.run("scan", corrupt.toString(), "--db", res("db"))).isEqualTo(2);
    assertThat(io.stderr()).contains("error:").contains("corrupt.tar").doesNotContain("Exception");
    assertThat(Main.run("sbom", corrupt.toString())).isEqualTo(2);
  }

  @Test
  void sbomWritesTheSamePackageCountAsTheScan() throws Exception {
    Path spdx = tmp.resolve("sbom.spdx.json");
    Path cdx = tmp.resolve("sbom.cdx.json");
    String target = res("images/nginx-bookworm-stale-distroless");
    assertThat(Main.run("sbom", target, "--output", spdx.toString())).isEqualTo(0);
    assertThat(Main.run("sbom", target, "--format", "cyclonedx-json", "-o", cdx.toString()))
        .isEqualTo(0);
    ObjectMapper m = new ObjectMapper();
    JsonNode s = m.readTree(spdx.toFile());
    JsonNode c = m.readTree(cdx.toFile());
    assertThat(s.path("spdxVersion").asText()).isEqualTo("SPDX-2.3");
    assertThat(s.path("packages")).hasSize(20 + 1);
    // Components: the OS plus one per package.
    assertThat(c.path("components")).hasSize(20 + 1);
    Main.run("scan", target, "--db", res("db"), "--format", "json");
    assertThat(m.readTree(io.stdout()).path("packages").asInt()).isEqualTo(20);
  }
}
