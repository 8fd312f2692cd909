package dev.distill.lint.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distill.DistillException;
import dev.distill.findings.Finding;
import dev.distill.lint.DockerfileParser;
import dev.distill.lint.LintConfig;
import dev.distill.lint.Linter;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures agreement with hadolint on its own spec cases (cases.jsonl): each case names a rule, an
 * expectation (pass/fail, optional exact count), a Dockerfile and a config. Prints agreement per
 * rule and overall; {@code -v} lists the disagreeing cases.
 */
public final class LintAgreementBench {
  public static void main(String[] args) throws Exception {
    Path cases =
        Path.of(args.length > 0 ? args[0] : "../shared/data/peer-cases/hadolint/cases.jsonl");
    boolean verbose = List.of(args).contains("-v");
    ObjectMapper json = new ObjectMapper();
    Map<String, int[]> perRule = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    int total = 0;
    int agreed = 0;
    boolean shellcheckMissing = false;
    try (BufferedReader r = Files.newBufferedReader(cases)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode c = json.readTree(line);
        String rule = c.get("rule").asText();
        LintConfig config = config(c.path("config")).withAllRules(true);
        Linter linter = new Linter(config);
        List<Finding> findings;
        String error = null;
        try {
          var result =
              linter.lint(DockerfileParser.parse("Dockerfile", c.get("dockerfile").asText()));
          findings = result.findings();
          shellcheckMissing |= !result.notes().isEmpty();
        } catch (DistillException e) {
          findings = List.of();
          error = e.getMessage();
        }
        long n = findings.stream().filter(f -> matches(rule, f.ruleId())).count();
        boolean ok;
        if (c.get("expect").asText().equals("pass")) {
          ok = n == 0;
        } else if (c.get("count").isNull()) {
          ok = n >= 1;
        } else {
          ok = n == c.get("count").asLong();
        }
        ok &= error == null;
        total++;
        int[] counts = perRule.computeIfAbsent(rule, k -> new int[2]);
        counts[1]++;
        if (ok) {
          agreed++;
          counts[0]++;
        } else {
          misses.add(
              c.get("id").asText()
                  + " "
                  + rule
                  + " expect="
                  + c.get("expect").asText()
                  + " count="
                  + c.get("count")
                  + " got="
                  + n
                  + (error != null ? " error=" + error : "")
                  + " "
                  + json.writeValueAsString(c.get("dockerfile").asText())
                  + " -> "
                  + findings.stream().map(f -> f.ruleId() + "@" + f.location().line()).toList());
        }
      }
    }
    System.out.printf("%-12s %8s %8s%n", "rule", "agreed", "cases");
    perRule.forEach(
        (rule, c) ->
            System.out.printf("%-12s %8d %8d%s%n", rule, c[0], c[1], c[0] == c[1] ? "" : "  <"));
    System.out.printf("overall: %d/%d = %.1f%%%n", agreed, total, 100.0 * agreed / total);
    if (shellcheckMissing) {
      System.out.println(
          "note: "
              + Linter.SHELLCHECK_MISSING
              + " - SHELLCHECK cases are not measured meaningfully");
    }
    if (verbose) {
      misses.forEach(System.out::println);
    }
  }

  private static boolean matches(String rule, String id) {
    return switch (rule) {
      case "ALL" -> true;
      case "SHELLCHECK" -> id.startsWith("SC");
      default -> id.equals(rule);
    };
  }

  static LintConfig config(JsonNode cfg) {
    LintConfig c = LintConfig.defaults();
    List<String> registries = new ArrayList<>();
    cfg.path("allowedRegistries").forEach(n -> registries.add(n.asText()));
    c = c.withTrustedRegistries(registries);
    Map<String, String> schema = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = cfg.path("labelSchema").fields();
        it.hasNext(); ) {
      var e = it.next();
      schema.put(e.getKey(), e.getValue().asText());
    }
    c = c.withLabelSchema(schema, cfg.path("strictLabels").asBoolean(false));
    Set<String> ignored = new HashSet<>();
    cfg.path("ignoreRules").forEach(n -> ignored.add(n.asText()));
    return c.withIgnored(ignored);
  }
}
