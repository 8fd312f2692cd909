package dev.distill.vuln;

/** What a match means for the installed package. */
public enum VulnStatus {
  /** A newer version fixes it: upgrade. */
  FIXED,
  /** Affected and not fixed yet. */
  AFFECTED,
  /** Affected, and Debian decided not to fix it by a security update (no-dsa, ignored…). */
  WILL_NOT_FIX,
  /** The tracker has not decided whether the release is affected. */
  UNDETERMINED;

  /** The spelling used in JSON output and oracles. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
