package dev.distill.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distill.DistillException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Findings to leave out: {@code .gitleaksignore} fingerprints ({@code file:rule:line} everywhere,
 * {@code commit:file:rule:line} in one commit) and a baseline (a previous JSON report: every {@code
 * fingerprint} / {@code Fingerprint} value in it).
 */
public final class Suppressions {
  public static final Suppressions NONE = new Suppressions(Set.of(), Set.of());

  private final Set<String> ignored;
  private final Set<String> baseline;

  public Suppressions(Set<String> ignored, Set<String> baseline) {
    this.ignored = Set.copyOf(ignored);
    this.baseline = Set.copyOf(baseline);
  }

  /** Parses {@code .gitleaksignore} text: one fingerprint a line, {@code #} comments. */
  public static Set<String> parseGitleaksIgnore(String text) {
    Set<String> out = new HashSet<>();
    for (String line : text.split("\r?\n")) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        out.add(l.replace('\\', '/'));
      }
    }
    return out;
  }

  public static Set<String> readGitleaksIgnore(Path file) {
    try {
      return parseGitleaksIgnore(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new DistillException("cannot read ignore file " + file + ": " + e.getMessage());
    }
  }

  /** Every fingerprint in a previous JSON report (gitleaks' or distill's). */
  public static Set<String> readBaseline(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new DistillException(
          "cannot read baseline " + file + " as a JSON report: " + e.getMessage());
    }
    Set<String> out = new HashSet<>();
    collect(root, out);
    return out;
  }

  private static void collect(JsonNode n, Set<String> out) {
    if (n == null) {
      return;
    }
    if (n.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equalsIgnoreCase("fingerprint") && e.getValue().isTextual()) {
          out.add(e.getValue().asText());
        } else {
          collect(e.getValue(), out);
        }
      }
    } else if (n.isArray()) {
      for (JsonNode e : n) {
        collect(e, out);
      }
    }
  }

  public boolean suppresses(SecretFinding f) {
    String global = f.path() + ":" + f.ruleId() + ":" + f.startLine();
    String full = f.fingerprint();
    return ignored.contains(global)
        || ignored.contains(full)
        || baseline.contains(full)
        || baseline.contains(global) && f.commit() == null;
  }

  public List<SecretFinding> filter(List<SecretFinding> findings) {
    return findings.stream().filter(f -> !suppresses(f)).toList();
  }
}
