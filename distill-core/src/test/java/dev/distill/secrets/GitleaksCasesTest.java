package dev.distill.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A few of gitleaks' own rule samples (gitleaks/gitleaks at b58d3f10), run as gitleaks does. */
class GitleaksCasesTest {
  @Test
  void defaultRulesAgreeWithGitleaksSamples() throws Exception {
    SecretsConfig all = GitleaksConfigLoader.loadDefault();
    ObjectMapper json = new ObjectMapper();
    List<String> disagreements = new ArrayList<>();
    int cases = 0;
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                getClass().getResourceAsStream("gitleaks-cases.jsonl"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        JsonNode c = json.readTree(line);
        String rule = c.get("rule").asText();
        Detector d = new Detector(all.onlyRules(Set.of(rule)));
        String path = c.hasNonNull("path") ? c.get("path").asText() : "";
        boolean found =
            d.detect(Fragment.of(c.get("text").asText(), path)).stream()
                .anyMatch(f -> f.ruleId().equals(rule));
        boolean expected = c.get("expect").asText().equals("secret");
        if (found != expected) {
          disagreements.add(c.get("id").asText());
        }
        cases++;
      }
    }
    assertThat(cases).isEqualTo(32);
    assertThat(disagreements).isEmpty();
  }
}
