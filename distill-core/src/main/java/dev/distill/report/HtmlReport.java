package dev.distill.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the HTML report shows: a title, when it was made, the images with their sizes and packages,
 * and the tool reports whose findings are listed.
 */
public record HtmlReport(
    String title,
    Instant created,
    List<ImageSummary> images,
    List<Report> reports,
    List<Section> sections) {

  public HtmlReport {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(created, "created");
    images = List.copyOf(images);
    reports = List.copyOf(reports);
    sections = List.copyOf(sections);
  }

  /** A report without sections (one scan). */
  public HtmlReport(
      String title, Instant created, List<ImageSummary> images, List<Report> reports) {
    this(title, created, images, reports, List.of());
  }

  /**
   * A part of the page of its own, e.g. one service of {@code distill check}: its gates with their
   * verdicts, and the findings of its reports (which also count in the page's totals when they are
   * among {@link #reports()}).
   */
  public record Section(String title, List<GateRow> gates, List<Report> reports) {
    public Section {
      Objects.requireNonNull(title, "title");
      gates = List.copyOf(gates);
      reports = List.copyOf(reports);
    }
  }

  /** One gate's verdict: its name, PASSED / FAILED / SKIPPED, and a one-line summary. */
  public record GateRow(String gate, String status, String summary) {
    public GateRow {
      Objects.requireNonNull(gate, "gate");
      Objects.requireNonNull(status, "status");
      summary = summary == null ? "" : summary;
    }
  }

  /**
   * One image: its name, the sum of its file sizes, its compressed (layer) size or 0 when unknown,
   * the size of the standard image it replaces when known, its file count and its packages.
   */
  public record ImageSummary(
      String name,
      long uncompressedBytes,
      long compressedBytes,
      OptionalLong standardImageBytes,
      int fileCount,
      List<PackageRow> packages) {

    public ImageSummary {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(standardImageBytes, "standardImageBytes");
      packages = List.copyOf(packages);
    }
  }

  /** One installed package: binary name, version, and the source package it was built from. */
  public record PackageRow(String name, String version, String source) {
    public PackageRow {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
      source = source == null ? "" : source;
    }
  }
}
