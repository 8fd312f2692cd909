package dev.distill.vuln;

import dev.distill.findings.Finding;
import dev.distill.findings.Location;
import dev.distill.findings.RuleDescriptor;
import dev.distill.report.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns matched vulnerabilities into shared {@link Finding}s and a {@link Report}. */
public final class VulnFindings {
  public static final String TOOL = "distill-vuln";

  private VulnFindings() {}

  /** One finding per (vulnerability, binary package); location is the dpkg database record. */
  public static List<Finding> toFindings(List<Vulnerability> vulns, String target) {
    List<Finding> out = new ArrayList<>();
    for (Vulnerability v : vulns) {
      Map<String, String> props = new LinkedHashMap<>();
      props.put("package", v.pkg().name());
      props.put("installedVersion", v.pkg().version());
      props.put("sourcePackage", v.pkg().sourceName());
      props.put("sourceVersion", v.pkg().sourceVersion());
      props.put("status", v.status().label());
      v.fixedVersion().ifPresent(f -> props.put("fixedVersion", f));
      v.unfixedReason().ifPresent(r -> props.put("unfixedReason", r));
      props.put("severitySource", v.severitySource());
      props.put("debianUrgency", v.urgency());
      props.put("dataSource", v.dataSource());
      String msg =
          v.id()
              + " in "
              + v.pkg().name()
              + " "
              + v.pkg().version()
              + switch (v.status()) {
                case FIXED -> ", fixed in " + v.fixedVersion().orElse("?");
                case WILL_NOT_FIX -> ", will not be fixed (" + v.unfixedReason().orElse("") + ")";
                case AFFECTED -> ", no fix yet";
                case UNDETERMINED -> ", undetermined";
              };
      out.add(
          new Finding(
              TOOL,
              v.id(),
              v.severity(),
              msg,
              Location.of(target + "/var/lib/dpkg:" + v.pkg().name()),
              v.key(),
              props));
    }
    return out;
  }

  /** The rule catalogue: one rule per vulnerability id, at its highest severity seen. */
  public static List<RuleDescriptor> rules(List<Vulnerability> vulns) {
    Map<String, RuleDescriptor> rules = new TreeMap<>();
    for (Vulnerability v : vulns) {
      RuleDescriptor old = rules.get(v.id());
      if (old == null || v.severity().compareTo(old.defaultSeverity()) > 0) {
        String d = v.description().isBlank() ? v.id() : v.description();
        rules.put(
            v.id(),
            new RuleDescriptor(
                v.id(), v.severity(), d, "https://security-tracker.debian.org/tracker/" + v.id()));
      }
    }
    return List.copyOf(rules.values());
  }

  public static Report report(List<Vulnerability> vulns, String target, String toolVersion) {
    return new Report(TOOL, toolVersion, rules(vulns), toFindings(vulns, target));
  }
}
