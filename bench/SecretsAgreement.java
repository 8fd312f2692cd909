import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distill.progress.ProgressListener;
import dev.distill.secrets.Detector;
import dev.distill.secrets.Fragment;
import dev.distill.secrets.GitleaksConfigLoader;
import dev.distill.secrets.ScanOptions;
import dev.distill.secrets.SecretScanner;
import dev.distill.secrets.SecretsConfig;
import dev.distill.secrets.Suppressions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Agreement with gitleaks' own rule samples: each case runs through the default rule set cut
 * down to the case's rule (as gitleaks' rule tests do), keeping the global allowlist. Each case is
 * scanned as a stream of bytes, as files are (ASCII text takes the byte prescan), and also as
 * text through the detector alone; the two must agree.
 */
public class SecretsAgreement {
  public static void main(String[] args) throws Exception {
    Path cases = Path.of(args[0]);
    boolean verbose = args.length > 1 && args[1].equals("-v");
    SecretsConfig all = GitleaksConfigLoader.loadDefault();
    Map<String, Detector> detectors = new HashMap<>();
    Map<String, SecretScanner> scanners = new HashMap<>();
    int pathsDisagree = 0;
    ObjectMapper json = new ObjectMapper();
    Map<String, int[]> perRule = new TreeMap<>(); // secretsFound, secrets, noneQuiet, nones
    for (String lineText : Files.readAllLines(cases)) {
      if (lineText.isBlank()) continue;
      JsonNode c = json.readTree(lineText);
      String rule = c.get("rule").asText();
      Detector d = detectors.computeIfAbsent(rule, r -> new Detector(all.onlyRules(Set.of(r))));
      String path = c.hasNonNull("path") ? c.get("path").asText() : "";
      String text = c.get("text").asText();
      SecretScanner scanner =
          scanners.computeIfAbsent(
              rule,
              r ->
                  new SecretScanner(
                      d,
                      ScanOptions.defaults().withThreads(1),
                      Suppressions.NONE,
                      ProgressListener.NONE));
      boolean found =
          scanner
              .scanStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), path)
              .findings()
              .stream()
              .anyMatch(f -> f.ruleId().equals(rule));
      boolean foundInText =
          d.detect(Fragment.of(text, path)).stream().anyMatch(f -> f.ruleId().equals(rule));
      if (found != foundInText) {
        pathsDisagree++;
        if (verbose) System.out.println("PATHS DISAGREE " + c.get("id").asText());
      }
      int[] t = perRule.computeIfAbsent(rule, r -> new int[4]);
      if (c.get("expect").asText().equals("secret")) {
        t[1]++;
        if (found) t[0]++;
        else if (verbose) System.out.println("MISSED " + c.get("id").asText());
      } else {
        t[3]++;
        if (!found) t[2]++;
        else if (verbose) System.out.println("FALSE+ " + c.get("id").asText());
      }
    }
    int[] total = new int[4];
    System.out.printf("%-45s %16s %16s%n", "rule", "secrets found", "non-secrets quiet");
    for (var e : perRule.entrySet()) {
      int[] t = e.getValue();
      for (int i = 0; i < 4; i++) total[i] += t[i];
      System.out.printf("%-45s %7d/%-8d %7d/%-8d%n", e.getKey(), t[0], t[1], t[2], t[3]);
    }
    double recall = 100.0 * total[0] / Math.max(1, total[1]);
    double quiet = 100.0 * total[2] / Math.max(1, total[3]);
    System.out.printf(
        "%nOVERALL secrets found %d/%d (%.2f%%), non-secrets not reported %d/%d (%.2f%%)%n",
        total[0], total[1], recall, total[2], total[3], quiet);
    System.out.printf("byte scan and text detection disagree on %d cases%n", pathsDisagree);
    boolean pass = recall >= 99 && quiet >= 99 && pathsDisagree == 0;
    System.out.println(pass ? "PASS (>= 99% both, paths agree)" : "FAIL");
    if (!pass) System.exit(1);
  }
}
