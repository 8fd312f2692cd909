package dev.distill.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes reports in one format. One implementation per format (text, JSON, SARIF, JUnit…). */
public interface ReportWriter {

  /** The format's name as the CLI's {@code --format} spells it, e.g. {@code sarif}. */
  String format();

  /** Writes the reports (one per tool run) to {@code out}; does not close it. */
  void write(List<Report> reports, OutputStream out) throws IOException;
}
