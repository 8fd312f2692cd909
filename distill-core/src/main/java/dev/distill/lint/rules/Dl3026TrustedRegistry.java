package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;
import dev.distill.lint.Stage;
import java.util.List;
import java.util.Map;

/** DL3026: images may come only from the trusted registries (when a list is configured). */
public final class Dl3026TrustedRegistry extends BaseRule {
  public Dl3026TrustedRegistry() {
    super("DL3026", Severity.ERROR, "Use only an allowed registry in FROM and COPY --from images.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    List<String> trusted = ctx.config().trustedRegistries();
    if (trusted.isEmpty()) {
      return;
    }
    for (Stage s : ctx.stages()) {
      if (s.from() != null
          && s.parent() == null
          && !s.image().equals("scratch")
          && !s.image().contains("$")) {
        check(s.image(), trusted, s.from().line(), out);
      }
      for (Instruction top : s.instructions()) {
        Instruction i = top.effective();
        if (i.is("COPY") && i.flag("from").isPresent()) {
          String ref = i.flag("from").get();
          if (ref.contains("/") || ref.contains(":")) {
            check(ref, trusted, top.line(), out);
          }
        }
      }
    }
    ctx.runs()
        .forEach(
            run -> {
              for (Map<String, String> m : run.mounts()) {
                String from = m.get("from");
                if (from != null && (from.contains("/") || from.contains(":"))) {
                  check(from, trusted, run.line(), out);
                }
              }
            });
  }

  private static void check(String image, List<String> trusted, int line, Violations out) {
    String registry = registry(image);
    for (String t : trusted) {
      if (t.equals("*")
          || t.equals(registry)
          || (t.startsWith("*.") && registry.endsWith(t.substring(1)))
          || (registry.equals("docker.io")
              && (t.equals("hub.docker.com") || t.equals("index.docker.io")))) {
        return;
      }
    }
    out.add(line, "image " + image + " comes from registry " + registry + ", which is not trusted");
  }

  static String registry(String image) {
    int slash = image.indexOf('/');
    if (slash > 0) {
      String first = image.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        return first;
      }
    }
    return "docker.io";
  }
}
