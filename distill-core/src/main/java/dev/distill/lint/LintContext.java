package dev.distill.lint;

import dev.distill.lint.shell.ShellParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What rules look at: the parsed Dockerfile split into stages, every RUN with its parsed script,
 * and the configuration. Built once per file and shared by all rules.
 */
public final class LintContext {
  private final Dockerfile dockerfile;
  private final LintConfig config;
  private final List<Stage> stages;
  private final List<RunInstruction> runs = new ArrayList<>();
  private final Map<String, String> argDefaults = new LinkedHashMap<>();
  private final Pragmas pragmas;

  public LintContext(Dockerfile dockerfile, LintConfig config) {
    this.dockerfile = dockerfile;
    this.config = config;
    this.stages = buildStages(dockerfile.instructions());
    this.pragmas = new Pragmas(dockerfile);
    for (Stage stage : stages) {
      for (Instruction ins : stageInstructions(stage)) {
        Instruction eff = ins.effective();
        if (eff.is("RUN")) {
          runs.add(
              new RunInstruction(
                  ins,
                  eff,
                  stage,
                  ShellParser.parse(script(eff)),
                  ins.trigger() != null,
                  mounts(eff)));
        }
        if (ins.is("ARG")) {
          for (String[] kv : KeyValues.parse(ins.arguments())) {
            if (kv[1] != null) {
              argDefaults.putIfAbsent(kv[0], kv[1]);
            }
          }
        }
      }
    }
  }

  public Dockerfile dockerfile() {
    return dockerfile;
  }

  public LintConfig config() {
    return config;
  }

  public Pragmas pragmas() {
    return pragmas;
  }

  /** The shell named by a {@code # hadolint shell=} pragma, or null. */
  public String pragmaShell() {
    return pragmas.shell();
  }

  /** The stage an instruction line belongs to (the last stage starting at or before it). */
  public Stage stageAt(int line) {
    Stage found = stages.get(0);
    for (Stage s : stages) {
      int start =
          s.from() != null
              ? s.from().line()
              : (s.instructions().isEmpty() ? 0 : s.instructions().get(0).line());
      if (start <= line) {
        found = s;
      }
    }
    return found;
  }

  public List<Stage> stages() {
    return stages;
  }

  public List<RunInstruction> runs() {
    return runs;
  }

  /** All instructions in file order (top level; ONBUILD triggers are inside their ONBUILD). */
  public List<Instruction> instructions() {
    return dockerfile.instructions();
  }

  /** A stage's FROM followed by its other instructions. */
  public static List<Instruction> stageInstructions(Stage stage) {
    if (stage.from() == null) {
      return stage.instructions();
    }
    List<Instruction> all = new ArrayList<>();
    all.add(stage.from());
    all.addAll(stage.instructions());
    return all;
  }

  /** True if the stage is the last one or a later stage builds FROM it. */
  public boolean isFinalOrInherited(Stage stage) {
    if (stage.index() == stages.get(stages.size() - 1).index()) {
      return true;
    }
    return stages.stream().anyMatch(s -> s.parent() == stage);
  }

  /** The value of an ENV variable visible in a stage (own and inherited ENVs), or null. */
  public String envValue(Stage stage, String name) {
    for (Stage s : stage.lineage()) {
      List<Instruction> ins = s.instructions();
      for (int i = ins.size() - 1; i >= 0; i--) {
        if (ins.get(i).is("ENV")) {
          for (String[] kv : KeyValues.parse(ins.get(i).arguments())) {
            if (kv[0].equals(name)) {
              return kv[1] == null ? "" : kv[1];
            }
          }
        }
      }
    }
    return null;
  }

  /** Expands {@code $VAR} and {@code ${VAR}} from the stage's ENV and any ARG default. */
  public String expand(Stage stage, String word) {
    if (word.indexOf('$') < 0) {
      return word;
    }
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < word.length()) {
      char c = word.charAt(i);
      if (c == '$' && i + 1 < word.length()) {
        int start;
        int end;
        String name;
        if (word.charAt(i + 1) == '{') {
          end = word.indexOf('}', i);
          if (end < 0) {
            b.append(word.substring(i));
            break;
          }
          name = word.substring(i + 2, end).split("[:-]", 2)[0];
          start = end + 1;
        } else {
          int j = i + 1;
          while (j < word.length()
              && (Character.isLetterOrDigit(word.charAt(j)) || word.charAt(j) == '_')) {
            j++;
          }
          name = word.substring(i + 1, j);
          start = j;
        }
        String value = envValue(stage, name);
        if (value == null) {
          value = argDefaults.get(name);
        }
        if (value == null || name.isEmpty()) {
          b.append(word, i, start);
        } else {
          b.append(value);
        }
        i = start;
      } else {
        b.append(c);
        i++;
      }
    }
    return b.toString();
  }

  /** The SHELL in effect for an instruction (JSON words), inherited through FROM <stage>. */
  public List<String> shellFor(Stage stage, Instruction target) {
    for (Stage s : stage.lineage()) {
      List<Instruction> ins = s.instructions();
      int limit = s == stage ? ins.indexOf(target) : ins.size();
      if (limit < 0) {
        limit = ins.size();
      }
      for (int i = limit - 1; i >= 0; i--) {
        Instruction e = ins.get(i);
        if (e.is("SHELL") && e.json() != null) {
          return e.json();
        }
      }
    }
    return List.of("/bin/sh", "-c");
  }

  /** The shell script a RUN executes: shell form text plus heredoc bodies, or exec words. */
  public static String script(Instruction run) {
    if (run.json() != null) {
      StringBuilder b = new StringBuilder();
      for (String w : run.json()) {
        b.append('\'').append(w.replace("'", "'\\''")).append("' ");
      }
      return b.toString();
    }
    if (run.heredocs().isEmpty()) {
      return run.arguments();
    }
    StringBuilder b = new StringBuilder(run.arguments());
    for (Heredoc h : run.heredocs()) {
      b.append('\n').append(h.body());
    }
    return b.toString();
  }

  private static List<Map<String, String>> mounts(Instruction run) {
    List<Map<String, String>> out = new ArrayList<>();
    for (String v : run.flagValues("mount")) {
      Map<String, String> m = new LinkedHashMap<>();
      for (String part : v.split(",")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          m.put(
              part.substring(0, eq).strip().toLowerCase(Locale.ROOT),
              part.substring(eq + 1).strip());
        } else if (!part.isBlank()) {
          m.put(part.strip().toLowerCase(Locale.ROOT), "true");
        }
      }
      out.add(m);
    }
    return out;
  }

  private static List<Stage> buildStages(List<Instruction> instructions) {
    List<Stage> out = new ArrayList<>();
    Instruction from = null;
    List<Instruction> current = new ArrayList<>();
    boolean any = false;
    for (Instruction ins : instructions) {
      if (ins.is("FROM")) {
        if (from != null || !current.isEmpty()) {
          out.add(stage(out, from, current));
        }
        from = ins;
        current = new ArrayList<>();
        any = true;
      } else {
        current.add(ins);
      }
    }
    if (from != null || !current.isEmpty() || !any) {
      out.add(stage(out, from, current));
    }
    return out;
  }

  private static Stage stage(List<Stage> earlier, Instruction from, List<Instruction> body) {
    String image = null;
    String alias = null;
    Stage parent = null;
    if (from != null) {
      String[] words = Regex.words(from.arguments());
      image = words.length > 0 ? words[0] : "";
      if (words.length >= 3 && words[1].equalsIgnoreCase("as")) {
        alias = words[2].toLowerCase(Locale.ROOT);
      }
      for (Stage s : earlier) {
        if (s.alias() != null && s.alias().equalsIgnoreCase(image)) {
          parent = s;
        }
      }
    }
    return new Stage(earlier.size(), from, image, alias, parent, body);
  }
}
