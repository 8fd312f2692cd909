package dev.distill.report;

import dev.distill.DistillException;
import java.util.List;

/** The report writers by their {@code --format} name. */
public final class ReportWriters {
  private ReportWriters() {}

  public static List<ReportWriter> all() {
    return List.of(
        new TextReportWriter(),
        new JsonReportWriter(),
        new SarifReportWriter(),
        new CheckstyleReportWriter(),
        new JunitReportWriter(),
        new CsvReportWriter());
  }

  /**
   * The writer for a format name; {@code text} is an alias of {@code tty}. Only that writer is
   * created: the JSON-based writers load Jackson, which a CSV or text report does not need.
   */
  public static ReportWriter forFormat(String format) {
    String f = format.equals("text") ? "tty" : format;
    return switch (f) {
      case "tty" -> new TextReportWriter();
      case "json" -> new JsonReportWriter();
      case "sarif" -> new SarifReportWriter();
      case "checkstyle" -> new CheckstyleReportWriter();
      case "junit" -> new JunitReportWriter();
      case "csv" -> new CsvReportWriter();
      default ->
          throw new DistillException(
              "unknown format '"
                  + format
                  + "'; use one of tty, json, sarif, checkstyle, junit, csv");
    };
  }
}
