package dev.distill.secrets;

import dev.distill.findings.Finding;
import java.util.List;

/**
 * What a scan found (sorted, after ignore files and baseline), the notes made on the way (skipped
 * binary or oversized files, cut lines), and how much was scanned.
 */
public record ScanResult(
    List<SecretFinding> findings, List<String> notes, long filesScanned, long bytesScanned) {
  public ScanResult {
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
  }

  /** The findings as shared {@link Finding}s, secrets redacted unless {@code redact} is false. */
  public List<Finding> toFindings(boolean redact) {
    return findings.stream().map(f -> f.toFinding(redact)).toList();
  }
}
