package dev.distill.sbom;

import java.io.IOException;
import java.io.OutputStream;

/** Writes an SBOM in one format; one implementation per format. */
public interface SbomWriter {

  /** The format name as {@code --format} spells it, e.g. {@code spdx-json}. */
  String format();

  /** Writes the SBOM of {@code input} to {@code out}; does not close it. */
  void write(SbomInput input, OutputStream out) throws IOException;

  /** The writer for a format name. */
  static SbomWriter forFormat(String format) {
    return switch (format) {
      case "spdx-json" -> new SpdxJsonWriter();
      case "cyclonedx-json" -> new CycloneDxJsonWriter();
      default ->
          throw new dev.distill.DistillException(
              "Unknown SBOM format '" + format + "': use spdx-json or cyclonedx-json");
    };
  }
}
