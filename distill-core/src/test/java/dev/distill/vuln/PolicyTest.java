package dev.distill.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distill.DistillException;
import dev.distill.findings.Severity;
import dev.distill.pkgdb.PackageInventory;
import dev.distill.pkgdb.PackageSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
  private static final List<Vulnerability> STALE = scan("nginx-bookworm-stale");

  @TempDir Path dir;

  private static List<Vulnerability> scan(String image) {
    PackageInventory inv = PackageSource.ofDirectory(TestDb.path("images/" + image)).inventory();
    return new VulnMatcher(TestDb.trackerAndNvd()).match(inv);
  }

  @Test
  void failOnAndIgnoreUnfixed() {
    PolicyResult high = VulnPolicy.defaults(TODAY).evaluate(STALE, "12");
    assertThat(high.passed()).isFalse();
    assertThat(high.violations())
        .allMatch(v -> v.fixAvailable() && v.severity().atLeast(Severity.HIGH));
    PolicyResult critical =
        new VulnPolicy(Severity.CRITICAL, false, List.of(), TODAY).evaluate(STALE, "12");
    assertThat(critical.passed()).isTrue();
    PolicyResult medium =
        new VulnPolicy(Severity.MEDIUM, false, List.of(), TODAY).evaluate(STALE, "12");
    assertThat(medium.violations().size()).isGreaterThan(high.violations().size());
    PolicyResult fixedOnly =
        new VulnPolicy(Severity.HIGH, true, List.of(), TODAY).evaluate(STALE, "12");
    assertThat(fixedOnly.reported()).isNotEmpty().allMatch(Vulnerability::fixAvailable);
    assertThat(fixedOnly.reported().size()).isLessThan(high.reported().size());
  }

  @Test
  void ignoreFileWithExpiry() {
    List<Suppression> s =
        IgnoreFile.parse(
            "# accepted\nCVE-2025-15467  # openssl fix rolling out\nCVE-2025-31115 exp:2026-01-01\n"
                + "CVE-2026-42945 exp:2027-01-31\n",
            ".trivyignore");
    assertThat(s).hasSize(3);
    PolicyResult r = new VulnPolicy(Severity.HIGH, false, s, TODAY).evaluate(STALE, "12");
    // CVE-2025-31115's suppression has expired, so liblzma5 still fails the gate.
    assertThat(r.violations()).extracting(Vulnerability::id).containsExactly("CVE-2025-31115");
    assertThat(r.suppressed())
        .extracting(x -> x.vulnerability().id())
        .contains("CVE-2025-15467", "CVE-2026-42945");
    assertThat(r.suppressed().get(0).by().reason()).isNotBlank();
  }

  @Test
  void ignoreFileGarbageIsAClearError() throws Exception {
    assertThatThrownBy(() -> IgnoreFile.parse("CVE-2025-1 exp:tomorrow\n", "f"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("exp:YYYY-MM-DD");
    assertThatThrownBy(() -> IgnoreFile.parse("CVE-1\n{\"json\": true}\n", "f"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("line 2");
    Path bin = dir.resolve("bin");
    Files.write(bin, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    assertThatThrownBy(() -> IgnoreFile.read(bin))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("not UTF-8");
  }

  @Test
  void openVexStatementsSuppressByProductWithExpiry() throws Exception {
    String vex =
        "{\"@context\":\"https://openvex.dev/ns/v0.2.0\",\"@id\":\"x\",\"author\":\"me\","
            + "\"timestamp\":\"2026-11-01T00:00:00Z\",\"version\":1,\"statements\":["
            + "{\"vulnerability\":{\"name\":\"CVE-2025-15467\"},"
            + "\"products\":[{\"@id\":\"pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64\"}],"
            + "\"status\":\"not_affected\",\"justification\":\"vulnerable_code_not_in_execute_path\"},"
            + "{\"vulnerability\":{\"name\":\"CVE-2026-42945\"},\"products\":[{\"@id\":\"pkg:deb/debian/nginx\"}],"
            + "\"status\":\"not_affected\",\"impact_statement\":\"module not built\",\"expires\":\"2026-06-01\"},"
            + "{\"vulnerability\":{\"name\":\"CVE-2025-31115\"},\"status\":\"under_investigation\"}]}";
    Path f = dir.resolve("vex.json");
    Files.writeString(f, vex);
    List<Suppression> s = OpenVex.read(f);
    PolicyResult r = new VulnPolicy(Severity.HIGH, false, s, TODAY).evaluate(STALE, "12");
    // libssl3 is covered, the openssl binary (same CVE) is not: products are per package.
    assertThat(r.suppressed())
        .extracting(x -> x.vulnerability().key())
        .containsExactly("CVE-2025-15467|libssl3|amd64");
    assertThat(r.violations())
        .extracting(Vulnerability::key)
        .contains("CVE-2025-15467|openssl|amd64", "CVE-2026-42945|nginx|amd64");
    assertThat(r.suppressed().get(0).by().reason()).contains("vulnerable_code_not_in_execute_path");
  }

  @Test
  void vexGarbageIsAClearError() throws Exception {
    ObjectMapper m = new ObjectMapper();
    assertThatThrownBy(() -> OpenVex.parse(m.readTree("{\"statements\":[]}"), "v.json"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("not an OpenVEX document");
    assertThatThrownBy(
            () ->
                OpenVex.parse(
                    m.readTree(
                        "{\"@context\":\"https://openvex.dev/ns/v0.2.0\",\"statements\":"
                            + "[{\"vulnerability\":{\"name\":\"CVE-1\"},\"status\":\"not_affected\"}]}"),
                    "v.json"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("needs a justification");
    Path f = dir.resolve("broken.json");
    Files.writeString(f, "statements: yes");
    assertThatThrownBy(() -> OpenVex.read(f))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("is not JSON");
  }

  @Test
  void currentImagesPassTheDefaultGate() {
    for (String img : List.of("nginx-bookworm-current", "redis-trixie-current")) {
      assertThat(VulnPolicy.defaults(TODAY).evaluate(scan(img), "12").passed()).as(img).isTrue();
    }
  }
}
