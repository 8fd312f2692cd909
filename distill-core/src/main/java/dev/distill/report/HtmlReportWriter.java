package dev.distill.report;

import dev.distill.findings.Finding;
import dev.distill.findings.Severity;
import dev.distill.report.HtmlReport.ImageSummary;
import dev.distill.report.HtmlReport.PackageRow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an {@link HtmlReport} as one self-contained HTML5 page: inline CSS and inline SVG charts,
 * no scripts and no external assets, so it can be attached to a CI run and opened offline. Every
 * value from the input is HTML-escaped. The same input always gives the same bytes.
 */
public final class HtmlReportWriter {
  /** Sizes are shown in MB of 1,000,000 bytes, as registries and {@code docker images} do. */
  static final double MB = 1_000_000.0;

  private static final int CHART_WIDTH = 900;
  private static final int LABEL_WIDTH = 300;
  private static final int BAR_SPACE = 460;
  private static final int ROW = 26;

  private static final Map<Severity, String> COLOURS = new EnumMap<>(Severity.class);

  static {
    COLOURS.put(Severity.CRITICAL, "#8e0000");
    COLOURS.put(Severity.HIGH, "#d32f2f");
    COLOURS.put(Severity.ERROR, "#e64a19");
    COLOURS.put(Severity.MEDIUM, "#f57c00");
    COLOURS.put(Severity.WARNING, "#fbc02d");
    COLOURS.put(Severity.LOW, "#388e3c");
    COLOURS.put(Severity.STYLE, "#00897b");
    COLOURS.put(Severity.INFO, "#1976d2");
    COLOURS.put(Severity.UNKNOWN, "#757575");
  }

  private static final String CSS =
      """
      body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px;\
      color:#212121;background:#fff}
      h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:28px 0 8px;\
      border-bottom:2px solid #e0e0e0;padding-bottom:4px}h3{font-size:16px;margin:18px 0 6px}
      .meta{color:#616161;margin:0 0 16px}
      table{border-collapse:collapse;font-size:13px;margin:6px 0 12px}
      th,td{border:1px solid #e0e0e0;padding:3px 8px;text-align:left;vertical-align:top}
      th{background:#eceff1}tr:nth-child(even) td{background:#fafafa}
      td.num{text-align:right;font-variant-numeric:tabular-nums}
      .sev{display:inline-block;padding:0 6px;border-radius:3px;color:#fff;font-weight:600}
      svg text{font-family:system-ui,sans-serif;font-size:13px;fill:#212121}
      .none{color:#616161;font-style:italic}
      """;

  /** The page as UTF-8 bytes. */
  public byte[] render(HtmlReport report) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.append("<title>").append(esc(report.title())).append("</title>\n");
    h.append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    h.append("<h1>").append(esc(report.title())).append("</h1>\n");
    h.append("<p class=\"meta\">Created ")
        .append(esc(DateTimeFormatter.ISO_INSTANT.format(report.created())))
        .append(" &middot; ")
        .append(report.images().size())
        .append(" image(s) &middot; ")
        .append(findings(report).size())
        .append(" finding(s)</p>\n");
    sizes(h, report.images());
    severities(h, findings(report));
    for (HtmlReport.Section section : report.sections()) {
      section(h, section);
    }
    packages(h, report.images());
    findingsTable(h, findings(report));
    h.append("</body>\n</html>\n");
    return h.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Writes the page to {@code out}; does not close it. */
  public void write(HtmlReport report, OutputStream out) throws IOException {
    out.write(render(report));
    out.flush();
  }

  private static List<Finding> findings(HtmlReport report) {
    List<Finding> all = new ArrayList<>();
    report.reports().forEach(r -> all.addAll(r.findings()));
    return all;
  }

  private static void sizes(StringBuilder h, List<ImageSummary> images) {
    h.append("<h2 id=\"sizes\">Image sizes</h2>\n");
    if (images.isEmpty()) {
      h.append("<p class=\"none\">No images.</p>\n");
      return;
    }
    record Bar(String label, long bytes, String colour) {}
    List<Bar> bars = new ArrayList<>();
    List<Integer> gaps = new ArrayList<>();
    for (ImageSummary i : images) {
      bars.add(new Bar(i.name() + " (files)", i.uncompressedBytes(), "#1976d2"));
      if (i.compressedBytes() > 0) {
        bars.add(new Bar(i.name() + " (compressed)", i.compressedBytes(), "#64b5f6"));
      }
      i.standardImageBytes().ifPresent(s -> bars.add(new Bar("standard image", s, "#9e9e9e")));
      gaps.add(bars.size());
    }
    long max = Math.max(1, bars.stream().mapToLong(Bar::bytes).max().orElse(1));
    int height = bars.size() * ROW + images.size() * 10 + 10;
    h.append("<svg role=\"img\" width=\"")
        .append(CHART_WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(CHART_WIDTH)
        .append(' ')
        .append(height)
        .append("\" aria-label=\"Image sizes in MB\">\n");
    int y = 8;
    for (int b = 0; b < bars.size(); b++) {
      Bar bar = bars.get(b);
      int width = (int) Math.max(1, Math.round(BAR_SPACE * (double) bar.bytes() / max));
      h.append("<text x=\"")
          .append(LABEL_WIDTH - 8)
          .append("\" y=\"")
          .append(y + 15)
          .append("\" text-anchor=\"end\">")
          .append(esc(shorten(bar.label(), 42)))
          .append("</text>\n");
      h.append("<rect x=\"")
          .append(LABEL_WIDTH)
          .append("\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(width)
          .append("\" height=\"20\" fill=\"")
          .append(bar.colour())
          .append("\"/>\n");
      h.append("<text x=\"")
          .append(LABEL_WIDTH + width + 6)
          .append("\" y=\"")
          .append(y + 15)
          .append("\">")
          .append(mb(bar.bytes()))
          .append("</text>\n");
      y += ROW;
      if (gaps.contains(b + 1)) {
        y += 10;
      }
    }
    h.append("</svg>\n");
    h.append("<table>\n<tr><th>Image</th><th>Files</th><th>Size (files)</th>")
        .append("<th>Compressed</th><th>Standard image</th><th>Saved</th></tr>\n");
    for (ImageSummary i : images) {
      h.append("<tr><td>").append(esc(i.name())).append("</td><td class=\"num\">");
      h.append(i.fileCount()).append("</td><td class=\"num\">");
      h.append(mb(i.uncompressedBytes())).append("</td><td class=\"num\">");
      h.append(i.compressedBytes() > 0 ? mb(i.compressedBytes()) : "&ndash;");
      h.append("</td><td class=\"num\">");
      if (i.standardImageBytes().isPresent()) {
        long std = i.standardImageBytes().getAsLong();
        h.append(mb(std)).append("</td><td class=\"num\">");
        h.append(std > 0 ? percent(1.0 - (double) i.uncompressedBytes() / std) : "&ndash;");
      } else {
        h.append("&ndash;</td><td class=\"num\">&ndash;");
      }
      h.append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void severities(StringBuilder h, List<Finding> findings) {
    h.append("<h2 id=\"severities\">Findings by severity</h2>\n");
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
    if (counts.isEmpty()) {
      h.append("<p class=\"none\">No findings.</p>\n");
      return;
    }
    List<Severity> shown = new ArrayList<>(counts.keySet());
    shown.sort(Comparator.reverseOrder());
    int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    int height = shown.size() * ROW + 10;
    h.append("<svg role=\"img\" width=\"")
        .append(CHART_WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(CHART_WIDTH)
        .append(' ')
        .append(height)
        .append("\" aria-label=\"Findings by severity\">\n");
    int y = 6;
    for (Severity s : shown) {
      int n = counts.get(s);
      int width = Math.max(2, (int) Math.round(BAR_SPACE * (double) n / max));
      h.append("<text x=\"")
          .append(LABEL_WIDTH - 8)
          .append("\" y=\"")
          .append(y + 15)
          .append("\" text-anchor=\"end\">")
          .append(s.name())
          .append("</text>\n<rect x=\"")
          .append(LABEL_WIDTH)
          .append("\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(width)
          .append("\" height=\"20\" fill=\"")
          .append(COLOURS.get(s))
          .append("\"/>\n<text x=\"")
          .append(LABEL_WIDTH + width + 6)
          .append("\" y=\"")
          .append(y + 15)
          .append("\">")
          .append(n)
          .append("</text>\n");
      y += ROW;
    }
    h.append("</svg>\n<table>\n<tr><th>Severity</th><th>Count</th></tr>\n");
    for (Severity s : shown) {
      h.append("<tr><td>")
          .append(badge(s))
          .append("</td><td class=\"num\">")
          .append(counts.get(s))
          .append("</td></tr>\n");
    }
    h.append("<tr><th>Total</th><th class=\"num\">")
        .append(findings.size())
        .append("</th></tr>\n</table>\n");
  }

  private static void packages(StringBuilder h, List<ImageSummary> images) {
    h.append("<h2 id=\"packages\">Packages</h2>\n");
    if (images.isEmpty()) {
      h.append("<p class=\"none\">No images.</p>\n");
    }
    for (ImageSummary i : images) {
      h.append("<h3>")
          .append(esc(i.name()))
          .append(" &middot; ")
          .append(i.packages().size())
          .append(" package(s)</h3>\n");
      if (i.packages().isEmpty()) {
        h.append("<p class=\"none\">No Debian packages recorded.</p>\n");
        continue;
      }
      h.append("<table>\n<tr><th>Package</th><th>Version</th><th>Source</th></tr>\n");
      List<PackageRow> rows = new ArrayList<>(i.packages());
      rows.sort(Comparator.comparing(PackageRow::name).thenComparing(PackageRow::version));
      for (PackageRow p : rows) {
        h.append("<tr><td>")
            .append(esc(p.name()))
            .append("</td><td>")
            .append(esc(p.version()))
            .append("</td><td>")
            .append(esc(p.source()))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
  }

  private static final Map<String, String> STATUS_COLOURS =
      Map.of("PASSED", "#388e3c", "FAILED", "#d32f2f", "SKIPPED", "#757575");

  private static void section(StringBuilder h, HtmlReport.Section s) {
    h.append("<h2>").append(esc(s.title())).append("</h2>\n");
    if (!s.gates().isEmpty()) {
      h.append("<table>\n<tr><th>Gate</th><th>Verdict</th><th>Summary</th></tr>\n");
      for (HtmlReport.GateRow g : s.gates()) {
        h.append("<tr><td>")
            .append(esc(g.gate()))
            .append("</td><td><span class=\"sev\" style=\"background:")
            .append(STATUS_COLOURS.getOrDefault(g.status(), "#757575"))
            .append("\">")
            .append(esc(g.status()))
            .append("</span></td><td>")
            .append(esc(g.summary()))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    List<Finding> found = new ArrayList<>();
    s.reports().forEach(r -> found.addAll(r.findings()));
    h.append("<h3>").append(found.size()).append(" finding(s)</h3>\n");
    if (!found.isEmpty()) {
      findingRows(h, found);
    }
  }

  private static void findingsTable(StringBuilder h, List<Finding> findings) {
    h.append("<h2 id=\"findings\">Findings</h2>\n");
    if (findings.isEmpty()) {
      h.append("<p class=\"none\">No findings.</p>\n");
      return;
    }
    findingRows(h, findings);
  }

  private static void findingRows(StringBuilder h, List<Finding> findings) {
    List<Finding> sorted = new ArrayList<>(findings);
    // Most severe first; the sort is stable, so ties keep the tools' own order.
    sorted.sort(Comparator.comparing(Finding::severity).reversed());
    h.append("<table>\n<tr><th>Tool</th><th>Rule</th><th>Severity</th>")
        .append("<th>Location</th><th>Message</th></tr>\n");
    for (Finding f : sorted) {
      h.append("<tr><td>")
          .append(esc(f.tool()))
          .append("</td><td>")
          .append(esc(f.ruleId()))
          .append("</td><td>")
          .append(badge(f.severity()))
          .append("</td><td>")
          .append(esc(f.location().toString()))
          .append("</td><td>")
          .append(esc(f.message()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static String badge(Severity s) {
    return "<span class=\"sev\" style=\"background:"
        + COLOURS.get(s)
        + "\">"
        + s.name()
        + "</span>";
  }

  /** One decimal from 1 MB up; three below, so a small root filesystem does not show as 0.0. */
  static String mb(long bytes) {
    return String.format(Locale.ROOT, bytes >= MB ? "%.1f MB" : "%.3f MB", bytes / MB);
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : "\u2026" + s.substring(s.length() - max + 1);
  }

  /** Escapes text for HTML element content and double- or single-quoted attributes. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
