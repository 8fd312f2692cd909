package dev.distill.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * hadolint's comment pragmas: {@code # hadolint ignore=DL3008,DL3009} (the instruction on the next
 * line), {@code # hadolint global ignore=…} (the whole file), {@code # hadolint stage ignore=…}
 * (the stage whose FROM follows) and {@code # hadolint shell=…}. A list with a name that is not a
 * rule id is ignored as a whole, as hadolint does.
 */
public final class Pragmas {
  private static final Pattern IGNORE =
      Pattern.compile("^#\\s*hadolint\\s+(?:(global|stage)\\s+)?ignore\\s*=\\s*(.*)$");
  private static final Pattern SHELL = Pattern.compile("^#\\s*hadolint\\s+shell\\s*=\\s*(\\S+).*$");
  private static final Pattern RULE_ID = Pattern.compile("^(DL|SC)\\d{4}$");

  private final Set<String> global = new HashSet<>();
  private final Map<Integer, Set<String>> byInstructionLine = new HashMap<>();
  private final Map<Integer, Set<String>> byStageFromLine = new HashMap<>();
  private final Map<Integer, Integer> inlineLines = new HashMap<>();
  private String shell;

  public Pragmas(Dockerfile dockerfile) {
    List<Instruction> ins = dockerfile.instructions();
    for (Comment c : dockerfile.comments()) {
      Matcher sh = SHELL.matcher(c.text());
      if (sh.matches()) {
        shell = sh.group(1);
        continue;
      }
      Matcher m = IGNORE.matcher(c.text());
      if (!m.matches()) {
        continue;
      }
      Set<String> ids = ids(m.group(2));
      if (ids == null) {
        continue;
      }
      if ("global".equals(m.group(1))) {
        global.addAll(ids);
      } else if ("stage".equals(m.group(1))) {
        for (Instruction i : ins) {
          if (i.line() > c.line() && i.is("FROM")) {
            byStageFromLine.computeIfAbsent(i.line(), k -> new HashSet<>()).addAll(ids);
            break;
          }
        }
      } else {
        inlineLines.put(c.line(), c.line());
        byInstructionLine.computeIfAbsent(c.line() + 1, k -> new HashSet<>()).addAll(ids);
      }
    }
  }

  private static Set<String> ids(String list) {
    int hash = list.indexOf('#');
    if (hash >= 0) {
      list = list.substring(0, hash);
    }
    Set<String> out = new HashSet<>();
    for (String part : list.split(",")) {
      String id = part.strip();
      if (!RULE_ID.matcher(id).matches()) {
        return null;
      }
      out.add(id);
    }
    return out;
  }

  /** True if the rule is switched off for a finding on this line of this stage. */
  public boolean ignores(String ruleId, int line, Stage stage) {
    if (global.contains(ruleId)) {
      return true;
    }
    Set<String> inline = byInstructionLine.get(line);
    if (inline != null && inline.contains(ruleId)) {
      return true;
    }
    if (stage != null && stage.from() != null) {
      Set<String> s = byStageFromLine.get(stage.from().line());
      return s != null && s.contains(ruleId);
    }
    return false;
  }

  /** Lines of {@code # hadolint ignore=} comments (DL1001 reports them). */
  public Set<Integer> inlineIgnoreLines() {
    return inlineLines.keySet();
  }

  /** The shell named by {@code # hadolint shell=}, or null. */
  public String shell() {
    return shell;
  }
}
