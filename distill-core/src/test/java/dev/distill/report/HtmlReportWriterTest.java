package dev.distill.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.findings.Finding;
import dev.distill.findings.Location;
import dev.distill.findings.RuleDescriptor;
import dev.distill.findings.Severity;
import dev.distill.report.HtmlReport.ImageSummary;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {
  private final HtmlReportWriter writer = new HtmlReportWriter();

  private String page(HtmlReport r) {
    return new String(writer.render(r), StandardCharsets.UTF_8);
  }

  @Test
  void showsSizesInMegabytesNextToTheStandardImage() {
    String html = page(HtmlReportFixtures.sample());
    assertThat(html).startsWith("<!DOCTYPE html>");
    assertThat(html).contains("23.5 MB", "9.9 MB", "192.0 MB", "31.0 MB");
    // 1 - 23.456789 / 192 = 87.8 %
    assertThat(html).contains("88%");
    assertThat(html).contains("<svg role=\"img\"");
    assertThat(html).contains("standard image");
  }

  @Test
  void listsEveryPackageAndFinding() {
    String html = page(HtmlReportFixtures.sample());
    assertThat(html)
        .contains("nginx", "1.22.1-9+deb12u1", "libssl3", "openssl", "redis-server")
        .contains("5:7.0.15-1~deb12u1")
        .contains("CVE-2024-5535", "CVE-2023-44487", "CVE-2024-7347", "CVE-2022-0563", "A001")
        .contains("distill-audit");
    assertThat(html).contains("3 package(s)", "1 package(s)", "6 finding(s)");
  }

  @Test
  void countsFindingsPerSeverity() {
    String html = page(HtmlReportFixtures.sample());
    Map<String, String> expected =
        Map.of("CRITICAL", "1", "HIGH", "2", "MEDIUM", "1", "WARNING", "1", "LOW", "1");
    expected.forEach(
        (sev, n) ->
            assertThat(html)
                .as(sev)
                .containsPattern(
                    Pattern.quote(sev) + "</span></td><td class=\"num\">" + n + "</td>"));
    assertThat(html).contains("<tr><th>Total</th><th class=\"num\">6</th></tr>");
    assertThat(html).doesNotContain(">INFO</span></td>");
    // Breakdown rows are ordered from most to least severe.
    assertThat(html.indexOf(">CRITICAL</text>")).isLessThan(html.indexOf(">HIGH</text>"));
    assertThat(html.indexOf(">HIGH</text>")).isLessThan(html.indexOf(">LOW</text>"));
  }

  @Test
  void escapesEverythingFromTheInput() {
    String html = page(HtmlReportFixtures.sample());
    assertThat(html).doesNotContain("<script");
    assertThat(html)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;");
    assertThat(html).contains("<title>distill report &lt;nginx &amp; redis&gt;</title>");
  }

  @Test
  void escapesRandomText() {
    Random random = new Random(42);
    String alphabet = "<>&\"'ab /=";
    for (int round = 0; round < 200; round++) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < 20; i++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String e = HtmlReportWriter.esc(s.toString());
      assertThat(e).doesNotContain("<", ">", "\"", "'");
      String back =
          e.replace("&lt;", "<")
              .replace("&gt;", ">")
              .replace("&quot;", "\"")
              .replace("&#39;", "'")
              .replace("&amp;", "&");
      assertThat(back).isEqualTo(s.toString());
    }
  }

  @Test
  void loadsNoExternalAssets() {
    String html = page(HtmlReportFixtures.sample());
    assertThat(html.toLowerCase(java.util.Locale.ROOT))
        .doesNotContain("<script", "<link", "<img", "src=", "href=", "@import", "url(")
        .doesNotContain("http://", "https://");
  }

  @Test
  void sameInputGivesTheSameBytes() throws Exception {
    byte[] first = writer.render(HtmlReportFixtures.sample());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new HtmlReportWriter().write(HtmlReportFixtures.sample(), out);
    assertThat(out.toByteArray()).isEqualTo(first);
  }

  @Test
  void barsAreProportionalToTheSizes() {
    String html = page(HtmlReportFixtures.sample());
    Matcher m = Pattern.compile("<rect x=\"300\" y=\"\\d+\" width=\"(\\d+)\"").matcher(html);
    List<Integer> widths = new ArrayList<>();
    while (m.find()) {
      widths.add(Integer.parseInt(m.group(1)));
    }
    // nginx files, nginx compressed, standard image, redis files; then 5 severity bars.
    assertThat(widths).hasSize(9);
    assertThat(widths.get(2)).isEqualTo(460); // the largest bar is the full width
    assertThat(widths.get(0)).isEqualTo(Math.round(460 * 23_456_789.0 / 192_000_000));
    assertThat(widths.get(4)).isEqualTo(230); // 1 CRITICAL, half the largest count
    assertThat(widths.get(5)).isEqualTo(460); // 2 HIGH is the largest count
  }

  @Test
  void saysSoWhenThereIsNothingToShow() {
    String html = page(new HtmlReport("empty", Instant.EPOCH, List.of(), List.of(emptyReport())));
    assertThat(html).contains("No images.", "No findings.", "0 finding(s)");
    assertThat(html).doesNotContain("<svg");
  }

  @Test
  void imageWithoutPackagesOrStandardSize() {
    ImageSummary bare =
        new ImageSummary("scratch", 1_000_000, 0, OptionalLong.empty(), 1, List.of());
    String html = page(new HtmlReport("t", Instant.EPOCH, List.of(bare), List.of()));
    assertThat(html).contains("1.0 MB", "No Debian packages recorded.", "0 package(s)");
  }

  @Test
  void smallSizesKeepThreeDecimals() {
    assertThat(HtmlReportWriter.mb(31_282)).isEqualTo("0.031 MB");
    assertThat(HtmlReportWriter.mb(999_999)).isEqualTo("1.000 MB");
    assertThat(HtmlReportWriter.mb(1_000_000)).isEqualTo("1.0 MB");
    assertThat(HtmlReportWriter.mb(0)).isEqualTo("0.000 MB");
  }

  @Test
  void rejectsMissingTitle() {
    assertThatThrownBy(() -> new HtmlReport(null, Instant.EPOCH, List.of(), List.of()))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void findingsAreSortedMostSevereFirst() {
    Finding low = new Finding("t", "R-LOW", Severity.LOW, "m", Location.of("p", 3), "f1", Map.of());
    Finding high =
        new Finding("t", "R-HIGH", Severity.HIGH, "m", Location.of("p", 4), "f2", Map.of());
    String html =
        page(
            new HtmlReport(
                "t",
                Instant.EPOCH,
                List.of(),
                List.of(new Report("t", "1", List.<RuleDescriptor>of(), List.of(low, high)))));
    assertThat(html.indexOf("R-HIGH")).isLessThan(html.indexOf("R-LOW"));
    assertThat(html).contains("<td>p:4</td>");
  }

  private static Report emptyReport() {
    return new Report("t", "1", List.<RuleDescriptor>of(), List.of());
  }
}
