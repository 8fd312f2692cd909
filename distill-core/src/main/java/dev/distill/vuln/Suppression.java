package dev.distill.vuln;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A decision that a vulnerability does not apply: from an ignore file or a VEX statement, with the
 * reason given and an optional expiry date (after which it no longer applies).
 */
public record Suppression(
    String id,
    Optional<String> product,
    String reason,
    Optional<LocalDate> expires,
    String origin) {

  /** True while the suppression is in force on {@code today}. */
  public boolean activeOn(LocalDate today) {
    return expires.map(e -> !today.isAfter(e)).orElse(true);
  }
}
