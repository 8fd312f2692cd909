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
 * Plain text, one finding a line: {@code file:line CODE severity: message} (hadolint's tty style).
 */
public final class TextReportWriter implements ReportWriter {
  @Override
  public String format() {
    return "tty";
  }

  @Override
  public void write(List<Report> reports, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    for (Report r : reports) {
      for (Finding f : r.findings()) {
        w.write(line(f));
        w.write('\n');
      }
    }
    w.flush();
  }

  /** One finding formatted as a line without its newline. */
  public static String line(Finding f) {
    String where =
        f.location().line() > 0
            ? f.location().path() + ":" + f.location().line()
            : f.location().path();
    return where
        + " "
        + f.ruleId()
        + " "
        + f.severity().name().toLowerCase(Locale.ROOT)
        + ": "
        + f.message();
  }
}
