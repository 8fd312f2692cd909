package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.KeyValues;
import dev.distill.lint.LintContext;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * DL3064: ARG and ENV values end up in the image metadata; secrets belong in --mount=type=secret.
 */
public final class Dl3064SecretInArgOrEnv extends BaseRule {
  /** Name parts that suggest a secret; hadolint also flags user names and "private" settings. */
  private static final Pattern SENSITIVE =
      Pattern.compile("(passw|secret|token|apikey|private|credential|username)");

  /** Short words that suggest a secret only as a whole part of the name (KEY, not KEYBOARD). */
  private static final Pattern SENSITIVE_WORD =
      Pattern.compile("(^|[_.-])(key|auth|pass|pwd)($|[_.-])");

  public Dl3064SecretInArgOrEnv() {
    super("DL3064", Severity.WARNING, "Do not pass secrets through ARG or ENV; use build secrets.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Instruction top : ctx.instructions()) {
      Instruction i = top.effective();
      if (!(i.is("ARG") || i.is("ENV"))) {
        continue;
      }
      for (String[] kv : KeyValues.parse(i.arguments())) {
        String name = kv[0].toLowerCase(Locale.ROOT);
        if (SENSITIVE.matcher(name).find() || SENSITIVE_WORD.matcher(name).find()) {
          out.add(
              top.line(),
              i.keyword()
                  + " "
                  + kv[0]
                  + " looks like a secret; it stays in the image history, use RUN --mount=type=secret");
          break;
        }
      }
    }
  }
}
