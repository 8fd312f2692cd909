package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;
import dev.distill.lint.Regex;
import java.util.List;

/** DL3020: ADD only for URLs and archives; COPY for plain files and folders. */
public final class Dl3020CopyNotAdd extends BaseRule {
  private static final List<String> COMPRESSED =
      List.of(
          ".gz", ".bz2", ".xz", ".zst", ".lz", ".lzma", ".Z", ".tar", ".tgz", ".tbz", ".tbz2",
          ".txz", ".tlz");

  public Dl3020CopyNotAdd() {
    super("DL3020", Severity.ERROR, "Use COPY instead of ADD for files and folders.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Instruction top : ctx.instructions()) {
      Instruction i = top.effective();
      if (!i.is("ADD") || !i.heredocs().isEmpty()) {
        continue;
      }
      List<String> words = CopyArgs.words(i);
      for (String src : words.subList(0, Math.max(0, words.size() - 1))) {
        boolean url = Regex.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*", src) || src.startsWith("git@");
        String base = Dl3010UseAddForArchives.baseName(src);
        boolean archive = COMPRESSED.stream().anyMatch(base::endsWith);
        if (!url && !archive && !src.contains("$")) {
          out.add(top.line(), "ADD of " + src + "; use COPY for local files and folders");
          break;
        }
      }
    }
  }
}
