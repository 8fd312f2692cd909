package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** DL3010: a local archive that is copied and then extracted can be extracted by ADD. */
public final class Dl3010UseAddForArchives extends BaseRule {
  static final List<String> ARCHIVES =
      List.of(
          ".tar",
          ".tar.gz",
          ".tgz",
          ".tar.bz2",
          ".tbz2",
          ".tbz",
          ".tar.xz",
          ".txz",
          ".tar.zst",
          ".tar.lz",
          ".tar.lzma",
          ".tar.Z");
  private static final Set<String> EXTRACTORS =
      Set.of("tar", "unzip", "gunzip", "bunzip2", "unxz", "xz", "gzip", "zstd");

  public Dl3010UseAddForArchives() {
    super("DL3010", Severity.INFO, "Use ADD to extract local archives into the image.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    List<Instruction> copies = new ArrayList<>();
    for (Instruction top : ctx.instructions()) {
      Instruction i = top.effective();
      if (i.is("COPY") && i.flag("from").isEmpty()) {
        copies.add(top);
      }
    }
    for (Instruction top : copies) {
      List<String> words = CopyArgs.words(top.effective());
      for (String src : words.subList(0, Math.max(0, words.size() - 1))) {
        String base = baseName(src);
        if (ARCHIVES.stream().noneMatch(base::endsWith)) {
          continue;
        }
        if (extractedLater(ctx, top, base)) {
          out.add(
              top.line(),
              "archive " + base + " is copied and then extracted; ADD extracts it in one step");
          break;
        }
      }
    }
  }

  private static boolean extractedLater(LintContext ctx, Instruction copy, String base) {
    for (RunInstruction run : ctx.runs()) {
      if (run.line() <= copy.line()) {
        continue;
      }
      for (ShellCommand c : run.script().commands()) {
        if (EXTRACTORS.contains(c.baseName())) {
          for (String a : c.args()) {
            if (baseName(a).equals(base)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  static String baseName(String path) {
    String p = path.replace('\\', '/');
    return p.substring(p.lastIndexOf('/') + 1);
  }
}
