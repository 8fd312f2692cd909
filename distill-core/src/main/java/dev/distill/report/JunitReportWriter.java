package dev.distill.report;

import dev.distill.findings.Finding;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * JUnit XML for CI dashboards: one test suite per report, one failed test case per finding; a
 * report without findings gets one passing test case.
 */
public final class JunitReportWriter implements ReportWriter {
  @Override
  public String format() {
    return "junit";
  }

  @Override
  public void write(List<Report> reports, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    int total = reports.stream().mapToInt(r -> Math.max(1, r.findings().size())).sum();
    int failures = reports.stream().mapToInt(r -> r.findings().size()).sum();
    w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    w.write("<testsuites tests=\"" + total + "\" failures=\"" + failures + "\">\n");
    for (Report r : reports) {
      int n = r.findings().size();
      w.write(
          "  <testsuite name=\""
              + Xml.escape(r.tool())
              + "\" tests=\""
              + Math.max(1, n)
              + "\" failures=\""
              + n
              + "\" errors=\"0\" skipped=\"0\">\n");
      if (n == 0) {
        w.write(
            "    <testcase name=\"no findings\" classname=\"" + Xml.escape(r.tool()) + "\"/>\n");
      }
      for (Finding f : r.findings()) {
        w.write(
            "    <testcase name=\""
                + Xml.escape(f.ruleId() + " " + f.location())
                + "\" classname=\""
                + Xml.escape(f.location().path())
                + "\">\n");
        w.write(
            "      <failure type=\""
                + Xml.escape(f.ruleId())
                + "\" message=\""
                + Xml.escape(f.message())
                + "\">"
                + Xml.escape(
                    f.location()
                        + " "
                        + f.ruleId()
                        + " "
                        + f.severity().name().toLowerCase(Locale.ROOT)
                        + ": "
                        + f.message())
                + "</failure>\n");
        w.write("    </testcase>\n");
      }
      w.write("  </testsuite>\n");
    }
    w.write("</testsuites>\n");
    w.flush();
  }
}
