package dev.distill.report;

import dev.distill.findings.Finding;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checkstyle XML: findings grouped by file, severity error, warning or info. */
public final class CheckstyleReportWriter implements ReportWriter {
  @Override
  public String format() {
    return "checkstyle";
  }

  @Override
  public void write(List<Report> reports, OutputStream out) throws IOException {
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    for (Report r : reports) {
      for (Finding f : r.findings()) {
        byFile.computeIfAbsent(f.location().path(), k -> new ArrayList<>()).add(f);
      }
    }
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
    for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
      w.write("  <file name=\"" + Xml.escape(e.getKey()) + "\">\n");
      for (Finding f : e.getValue()) {
        w.write(
            "    <error line=\""
                + f.location().line()
                + "\" column=\""
                + f.location().column()
                + "\" severity=\""
                + severity(f)
                + "\" message=\""
                + Xml.escape(f.message())
                + "\" source=\""
                + Xml.escape(f.tool() + "." + f.ruleId())
                + "\"/>\n");
      }
      w.write("  </file>\n");
    }
    w.write("</checkstyle>\n");
    w.flush();
  }

  private static String severity(Finding f) {
    String level = SarifReportWriter.level(f.severity());
    return level.equals("note") ? "info" : level;
  }
}
