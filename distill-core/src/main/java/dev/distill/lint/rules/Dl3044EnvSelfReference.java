package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.KeyValues;
import dev.distill.lint.LintContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DL3044: an ENV value cannot use a variable set earlier in the same ENV (it sees the old value).
 */
public final class Dl3044EnvSelfReference extends BaseRule {
  private static final Pattern VAR = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

  public Dl3044EnvSelfReference() {
    super(
        "DL3044",
        Severity.ERROR,
        "Do not refer to a variable in the same ENV instruction that defines it.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Instruction top : ctx.instructions()) {
      Instruction i = top.effective();
      if (!i.is("ENV")) {
        continue;
      }
      List<String[]> pairs = KeyValues.parse(i.arguments());
      Set<String> defined = new HashSet<>();
      for (String[] kv : pairs) {
        if (kv[1] != null) {
          Matcher m = VAR.matcher(kv[1]);
          while (m.find()) {
            if (defined.contains(m.group(1))) {
              out.add(
                  top.line(),
                  "ENV "
                      + kv[0]
                      + " uses $"
                      + m.group(1)
                      + ", which this same ENV sets; split it into two ENV lines");
              break;
            }
          }
        }
        defined.add(kv[0]);
      }
    }
  }
}
