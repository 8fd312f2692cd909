package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.KeyValues;
import dev.distill.lint.LintContext;
import dev.distill.lint.Regex;

/**
 * DL3048: label keys use lower-case letters, digits, dots and dashes, outside Docker's namespaces.
 */
public final class Dl3048LabelKey extends BaseRule {
  public Dl3048LabelKey() {
    super("DL3048", Severity.STYLE, "Invalid label key.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Instruction top : ctx.instructions()) {
      Instruction i = top.effective();
      if (!i.is("LABEL")) {
        continue;
      }
      for (String[] kv : KeyValues.parse(i.arguments())) {
        if (!valid(kv[0])) {
          out.add(
              top.line(),
              "label key "
                  + kv[0]
                  + " is not valid; use lower-case reverse-DNS keys outside com.docker/io.docker/org.dockerproject");
          break;
        }
      }
    }
  }

  static boolean valid(String key) {
    if (key.startsWith("com.docker.")
        || key.startsWith("io.docker.")
        || key.startsWith("org.dockerproject.")) {
      return false;
    }
    return Regex.matches("^[a-z]([a-z0-9.-]*[a-z0-9])?$", key)
        && !key.contains("..")
        && !key.contains("--");
  }
}
