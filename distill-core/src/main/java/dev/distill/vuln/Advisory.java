package dev.distill.vuln;

import java.util.Optional;

/**
 * What one data source says about one vulnerability for one source package in one Debian release
 * (codename). {@code unfixedReason} carries the tracker's no-dsa / ignored / postponed /
 * end-of-life reason for an open entry that will not get a security update.
 */
public record Advisory(
    String id,
    String sourcePackage,
    String release,
    TrackerStatus status,
    Optional<String> fixedVersion,
    String urgency,
    Optional<String> unfixedReason,
    String description,
    String origin) {

  /** True when the entry says the release was never affected ({@code fixed_version} 0). */
  public boolean notAffected() {
    return status == TrackerStatus.RESOLVED && fixedVersion.map("0"::equals).orElse(true);
  }
}
