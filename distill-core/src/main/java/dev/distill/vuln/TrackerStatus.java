package dev.distill.vuln;

/** The Debian security tracker's status of a CVE for one source package in one release. */
public enum TrackerStatus {
  /** Fixed in {@code fixed_version}; {@code 0} means the release was never affected. */
  RESOLVED,
  /** Not fixed; a no-dsa/ignored/postponed/end-of-life reason may say it will not be. */
  OPEN,
  /** The security team has not decided yet. */
  UNDETERMINED
}
