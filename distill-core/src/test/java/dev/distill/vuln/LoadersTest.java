package dev.distill.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.findings.Severity;
import dev.distill.pkgdb.PackageInventory;
import dev.distill.pkgdb.PackageSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LoadersTest {

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void trackerMockFromOsvDevIsRead() throws Exception {
    List<Advisory> out = new ArrayList<>();
    try (InputStream in = TestDb.resource("osv.dev-debian_security_tracker_mock.json")) {
      DebianTrackerJson.load(in, "mock", out::add);
    }
    Advisory notAffected =
        out.stream()
            .filter(a -> a.id().equals("CVE-2014-1424") && a.release().equals("bookworm"))
            .findFirst()
            .orElseThrow();
    assertThat(notAffected.sourcePackage()).isEqualTo("apparmor");
    assertThat(notAffected.notAffected()).isTrue();
    Advisory open =
        out.stream()
            .filter(a -> a.id().equals("CVE-2016-1585") && a.release().equals("bookworm"))
            .findFirst()
            .orElseThrow();
    assertThat(open.status()).isEqualTo(TrackerStatus.OPEN);
    assertThat(open.urgency()).isEqualTo("unimportant");
  }

  @Test
  void trackerNoDsaAndEndOfLifeBecomeUnfixedReasons() {
    List<Advisory> out = new ArrayList<>();
    DebianTrackerJson.load(
        text(
            "{\"p\":{\"CVE-1\":{\"releases\":{"
                + "\"bookworm\":{\"status\":\"open\",\"urgency\":\"low**\",\"nodsa\":\"Minor\","
                + "\"nodsa_reason\":\"postponed\"},"
                + "\"trixie\":{\"status\":\"open\",\"urgency\":\"end-of-life\"},"
                + "\"forky\":{\"status\":\"undetermined\",\"urgency\":\"not yet assigned\"}}}}}"),
        "t",
        out::add);
    Map<String, Advisory> byRel = new HashMap<>();
    out.forEach(a -> byRel.put(a.release(), a));
    assertThat(byRel.get("bookworm").unfixedReason()).contains("postponed: Minor");
    assertThat(byRel.get("trixie").unfixedReason()).contains("end-of-life");
    assertThat(byRel.get("forky").status()).isEqualTo(TrackerStatus.UNDETERMINED);
    assertThat(SeverityRating.of("low**", List.of()).severity()).isEqualTo(Severity.LOW);
  }

  @Test
  void osvDsaRecordsCountOnlyWhenTheyNameNoCve() throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode dsa;
    try (InputStream in = TestDb.resource("osv.dev-DSA-3029-1.json")) {
      dsa =
          (com.fasterxml.jackson.databind.node.ObjectNode)
              new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
    }
    List<Advisory> out = new ArrayList<>();
    // It aliases CVE-2014-3616, which the DEBIAN-CVE record covers.
    assertThat(OsvDebian.loadRecord(dsa, "dsa", out::add)).isZero();
    dsa.remove("aliases");
    assertThat(OsvDebian.loadRecord(dsa, "dsa", out::add)).isEqualTo(1);
    assertThat(out.get(0).id()).isEqualTo("DSA-3029-1");
    assertThat(out.get(0).release()).isEqualTo("wheezy");
    assertThat(out.get(0).fixedVersion()).contains("1.2.1-2.2+wheezy3");
  }

  @Test
  void wrongFormatsAreClearErrors() {
    assertThatThrownBy(() -> DebianTrackerJson.load(text("[1,2]"), "db.json", a -> {}))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("db.json is not Debian tracker JSON");
    assertThatThrownBy(() -> DebianTrackerJson.load(text("{\"p\": {"), "db.json", a -> {}))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("not valid Debian tracker JSON");
    assertThatThrownBy(
            () ->
                DebianTrackerJson.load(
                    text("{\"p\":{\"CVE-1\":{\"releases\":{\"x\":{\"status\":\"weird\"}}}}}"),
                    "db.json",
                    a -> {}))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("unknown status 'weird'");
    assertThatThrownBy(() -> OsvDebian.loadZip(text("not a zip"), "all.zip", a -> {}))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("all.zip");
    assertThatThrownBy(() -> NvdCvss.loadApiPage(text("{\"x\":1}"), "page.json", (c, m) -> {}))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("not an NVD CVE API 2.0 response");
  }

  @Test
  void nvdApiPageAndMetricOrder() {
    Map<String, List<Cvss>> got = new HashMap<>();
    String page =
        "{\"resultsPerPage\":1,\"startIndex\":0,\"totalResults\":1,\"vulnerabilities\":[{\"cve\":"
            + "{\"id\":\"CVE-2099-1\",\"metrics\":{"
            + "\"cvssMetricV2\":[{\"source\":\"nvd@nist.gov\",\"type\":\"Primary\","
            + "\"cvssData\":{\"version\":\"2.0\",\"baseScore\":5.0},\"baseSeverity\":\"MEDIUM\"}],"
            + "\"cvssMetricV40\":[{\"source\":\"a\",\"type\":\"Secondary\","
            + "\"cvssData\":{\"version\":\"4.0\",\"baseScore\":9.3,\"baseSeverity\":\"CRITICAL\"}}],"
            + "\"cvssMetricV31\":[{\"source\":\"b\",\"type\":\"Secondary\",\"cvssData\":"
            + "{\"version\":\"3.1\",\"baseScore\":9.8,\"baseSeverity\":\"CRITICAL\"}},"
            + "{\"source\":\"nvd@nist.gov\",\"type\":\"Primary\",\"cvssData\":"
            + "{\"version\":\"3.1\",\"baseScore\":7.5,\"baseSeverity\":\"HIGH\"}}]}}}]}";
    NvdCvss.loadApiPage(text(page), "page", got::put);
    List<Cvss> m = got.get("CVE-2099-1");
    assertThat(m)
        .extracting(c -> c.version() + "/" + c.source())
        .containsExactly("3.1/nvd@nist.gov", "3.1/b", "4.0/a", "2.0/nvd@nist.gov");
    SeverityRating r = SeverityRating.of("not yet assigned", m);
    assertThat(r.severity()).isEqualTo(Severity.HIGH);
    assertThat(r.source()).isEqualTo("nvd:cvss3.1:nvd@nist.gov");
    // Debian urgency wins when it is low, medium or high.
    assertThat(SeverityRating.of("medium", m).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(SeverityRating.of("unimportant", m).severity()).isEqualTo(Severity.LOW);
    assertThat(SeverityRating.of("", List.of()).severity()).isEqualTo(Severity.UNKNOWN);
  }

  /**
   * The OSV records give the same findings as the tracker JSON, except that OSV has no no-dsa
   * reason: CVE-2013-0337 in nginx is "ignored" in the tracker (will_not_fix) and plain affected in
   * OSV. See docs/vuln-oracle-differences.md.
   */
  @Test
  void osvAgreesWithTheTrackerExceptForNoDsaReasons() throws Exception {
    VulnDatabase.Builder b = VulnDatabase.builder();
    try (InputStream z = TestDb.resource("osv-debian-all.zip");
        InputStream n = TestDb.resource("nvd-cve-2.0-trimmed.jsonl")) {
      assertThat(OsvDebian.loadZip(z, "osv", b::add)).isGreaterThan(400);
      NvdCvss.loadJsonLines(n, "nvd", b::addCvss);
    }
    VulnDatabase osv = b.build();
    VulnDatabase tracker = TestDb.trackerAndNvd();
    for (String img :
        List.of(
            "nginx-bookworm-stale",
            "nginx-trixie-current",
            "redis-bookworm-stale",
            "redis-trixie-stale")) {
      PackageInventory inv = PackageSource.ofDirectory(TestDb.path("images/" + img)).inventory();
      Set<String> fromTracker = keys(new VulnMatcher(tracker).match(inv));
      Set<String> fromOsv = keys(new VulnMatcher(osv).match(inv));
      Set<String> onlyTracker = new TreeSet<>(fromTracker);
      onlyTracker.removeAll(fromOsv);
      Set<String> onlyOsv = new TreeSet<>(fromOsv);
      onlyOsv.removeAll(fromTracker);
      if (img.startsWith("nginx")) {
        assertThat(onlyTracker)
            .as(img)
            .containsExactly(
                "CVE-2013-0337|nginx-common|all will_not_fix -",
                "CVE-2013-0337|nginx|amd64 will_not_fix -");
        assertThat(onlyOsv)
            .as(img)
            .containsExactly(
                "CVE-2013-0337|nginx-common|all affected -",
                "CVE-2013-0337|nginx|amd64 affected -");
      } else {
        assertThat(onlyTracker).as(img).isEmpty();
        assertThat(onlyOsv).as(img).isEmpty();
      }
    }
  }

  private static Set<String> keys(List<Vulnerability> vs) {
    Set<String> out = new TreeSet<>();
    vs.forEach(
        v -> out.add(v.key() + " " + v.status().label() + " " + v.fixedVersion().orElse("-")));
    return out;
  }
}
