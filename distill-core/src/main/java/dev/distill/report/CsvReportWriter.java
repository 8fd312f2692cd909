package dev.distill.report;

import dev.distill.findings.Finding;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes findings as RFC 4180 CSV: fixed columns, then one column per property key seen in any
 * finding (sorted by name). Cells that a spreadsheet would run as a formula (starting with {@code =
 * + - @}, tab or carriage return) get a leading apostrophe.
 */
public final class CsvReportWriter implements ReportWriter {
  static final List<String> FIXED =
      List.of("tool", "rule", "severity", "path", "line", "column", "message", "fingerprint");

  @Override
  public String format() {
    return "csv";
  }

  @Override
  public void write(List<Report> reports, OutputStream out) throws IOException {
    // Finding.properties() is a Map.copyOf, whose order changes between runs: sort the keys.
    Set<String> keys = new TreeSet<>();
    for (Report r : reports) {
      for (Finding f : r.findings()) {
        keys.addAll(f.properties().keySet());
      }
    }
    // Buffered: the encoder then converts large blocks, not each cell and comma on its own.
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    List<String> header = new ArrayList<>(FIXED);
    header.addAll(keys);
    row(w, header);
    for (Report r : reports) {
      for (Finding f : r.findings()) {
        List<String> cells = new ArrayList<>();
        cells.add(f.tool());
        cells.add(f.ruleId());
        cells.add(f.severity().name());
        cells.add(f.location().path());
        cells.add(f.location().line() > 0 ? Integer.toString(f.location().line()) : "");
        cells.add(f.location().column() > 0 ? Integer.toString(f.location().column()) : "");
        cells.add(f.message());
        cells.add(f.fingerprint());
        for (String k : keys) {
          cells.add(f.properties().getOrDefault(k, ""));
        }
        row(w, cells);
      }
    }
    w.flush();
  }

  private static void row(Writer w, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(cell(cells.get(i)));
    }
    w.write("\r\n");
  }

  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
