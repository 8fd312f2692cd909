package dev.distill.lint.rules;

import dev.distill.lint.Instruction;
import dev.distill.lint.KeyValues;
import dev.distill.lint.LintContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Label schema helpers: every LABEL pair with its line, and schema type names normalised. */
final class LabelRules {
  private LabelRules() {}

  record Label(int line, String key, String value) {}

  static List<Label> labels(LintContext ctx) {
    List<Label> out = new ArrayList<>();
    for (Instruction top : ctx.instructions()) {
      Instruction i = top.effective();
      if (i.is("LABEL")) {
        for (String[] kv : KeyValues.parse(i.arguments())) {
          out.add(new Label(top.line(), kv[0], kv[1] == null ? "" : kv[1]));
        }
      }
    }
    return out;
  }

  /** Schema type: text, url, rfc3339, semver, hash, spdx or email. */
  static String type(LintContext ctx, String key) {
    String t = ctx.config().labelSchema().get(key);
    if (t == null) {
      return null;
    }
    t = t.toLowerCase(Locale.ROOT);
    return switch (t) {
      case "rawtext", "text" -> "text";
      case "githash", "hash" -> "hash";
      default -> t;
    };
  }
}
