package dev.distill.vuln;

import dev.distill.findings.Severity;
import dev.distill.pkgdb.DebPurl;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The vulnerability gate: fails when a vulnerability at or above {@code failOn} has a fix available
 * (default HIGH, i.e. HIGH and CRITICAL). Suppressions from ignore files and VEX take
 * vulnerabilities out first, unless expired on {@code today}.
 */
public record VulnPolicy(
    Severity failOn, boolean ignoreUnfixed, List<Suppression> suppressions, LocalDate today) {

  public VulnPolicy {
    suppressions = List.copyOf(suppressions);
  }

  /** The default gate: fail on fixable HIGH or CRITICAL, nothing suppressed. */
  public static VulnPolicy defaults(LocalDate today) {
    return new VulnPolicy(Severity.HIGH, false, List.of(), today);
  }

  /** Applies the policy; {@code distroMajor} is used to match VEX products given as purls. */
  public PolicyResult evaluate(List<Vulnerability> vulns, String distroMajor) {
    List<Vulnerability> reported = new ArrayList<>();
    List<Vulnerability> violations = new ArrayList<>();
    List<PolicyResult.Suppressed> suppressed = new ArrayList<>();
    for (Vulnerability v : vulns) {
      Optional<Suppression> s = suppressionFor(v, distroMajor);
      if (s.isPresent()) {
        suppressed.add(new PolicyResult.Suppressed(v, s.get()));
        continue;
      }
      if (ignoreUnfixed && !v.fixAvailable()) {
        continue;
      }
      reported.add(v);
      if (v.fixAvailable() && v.severity().atLeast(failOn)) {
        violations.add(v);
      }
    }
    return new PolicyResult(violations.isEmpty(), failOn, reported, violations, suppressed);
  }

  private Optional<Suppression> suppressionFor(Vulnerability v, String distroMajor) {
    for (Suppression s : suppressions) {
      if (!s.id().equalsIgnoreCase(v.id()) || !s.activeOn(today)) {
        continue;
      }
      if (s.product().isEmpty() || productMatches(s.product().get(), v, distroMajor)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * A VEX product matches by package name (binary or source) or by purl: type, name and, when the
   * product gives one, version must agree; qualifiers the product leaves out are not compared.
   */
  static boolean productMatches(String product, Vulnerability v, String distroMajor) {
    String name = v.pkg().name();
    if (!product.startsWith("pkg:")) {
      return product.equals(name) || product.equals(v.pkg().sourceName());
    }
    String purl = product;
    int q = purl.indexOf('?');
    String qualifiers = q >= 0 ? purl.substring(q + 1) : "";
    String path = q >= 0 ? purl.substring(0, q) : purl;
    int hash = path.indexOf('#');
    if (hash >= 0) {
      path = path.substring(0, hash);
    }
    int at = path.lastIndexOf('@');
    String version = at >= 0 ? DebPurl.decode(path.substring(at + 1)) : null;
    String base = at >= 0 ? path.substring(0, at) : path;
    if (!base.startsWith("pkg:deb/")) {
      return false;
    }
    String pname = DebPurl.decode(base.substring(base.lastIndexOf('/') + 1));
    if (!pname.equals(name) && !pname.equals(v.pkg().sourceName())) {
      return false;
    }
    if (version != null
        && !version.equals(v.pkg().version())
        && !version.equals(v.pkg().sourceVersion())) {
      return false;
    }
    String ours = DebPurl.of(v.pkg(), distroMajor);
    for (String kv : qualifiers.split("&")) {
      if (kv.startsWith("arch=") && !ours.contains("arch=" + kv.substring(5))) {
        return false;
      }
      if (kv.startsWith("distro=")
          && !distroMajor.isEmpty()
          && !kv.substring(7).equals("debian-" + distroMajor)
          && !kv.substring(7).matches("[a-z]+")) {
        return false;
      }
    }
    return true;
  }
}
