package dev.distill.vuln.audit;

import dev.distill.findings.Finding;
import dev.distill.findings.RuleDescriptor;
import dev.distill.findings.Severity;
import java.util.List;

/** A shell is present, which an attacker can use after a breach. */
public final class ShellPresentCheck implements AuditCheck {
  static final List<String> SHELLS =
      List.of(
          "/bin/sh",
          "/bin/bash",
          "/bin/dash",
          "/bin/ash",
          "/bin/zsh",
          "/bin/busybox",
          "/usr/bin/sh",
          "/usr/bin/bash",
          "/usr/bin/dash",
          "/usr/bin/zsh",
          "/usr/bin/busybox");
  private static final RuleDescriptor RULE =
      new RuleDescriptor("DA002", Severity.LOW, "A shell is present in the image", "");

  @Override
  public RuleDescriptor rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(AuditTarget t) {
    return present(t, SHELLS, "Shell");
  }
}
