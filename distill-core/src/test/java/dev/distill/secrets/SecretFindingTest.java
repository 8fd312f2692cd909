package dev.distill.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distill.findings.Finding;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SecretFindingTest {
  @Test
  void fourDecimalsPrintsWhatTheFormatterPrints() {
    Random random = new Random(20261130);
    for (int i = 0; i < 200_000; i++) {
      double value =
          switch (i % 4) {
            case 0 -> random.nextDouble() * 8; // entropies: 0 to 8 bits per char
            case 1 -> (random.nextInt(80_000) + 0.5) / 10_000; // a half at the fifth decimal
            case 2 -> Math.nextUp((random.nextInt(80_000) + 0.5) / 10_000);
            default -> random.nextDouble() * Math.pow(10, random.nextInt(12) - 6);
          };
      assertThat(SecretFinding.fourDecimals(value))
          .as("%s", value)
          .isEqualTo(String.format(Locale.ROOT, "%.4f", value));
    }
    for (double value :
        new double[] {0, -0.0, 1e-9, 0.00005, 0.00015, 9.99995, 1e7, 1e300, -1.5, Double.NaN}) {
      assertThat(SecretFinding.fourDecimals(value))
          .as("%s", value)
          .isEqualTo(String.format(Locale.ROOT, "%.4f", value));
    }
  }

  @Test
  void findingCarriesGitleaksFieldsAsSortedProperties() {
    SecretFinding f =
        new SecretFinding(
            "github-pat",
            "GitHub token",
            "src/a.txt",
            3,
            3,
            7,
            46,
            "token = ghp_x",
            "ghp_x",
            "token = ghp_x",
            3.7219280948873623,
            List.of("a", "b"),
            new CommitInfo("abc", "Ann", "ann@example.com", "2024-01-02T03:04:05Z", "msg"));
    Finding redacted = f.toFinding(true);
    assertThat(redacted.properties())
        .containsExactly(
            java.util.Map.entry("author", "Ann"),
            java.util.Map.entry("commit", "abc"),
            java.util.Map.entry("date", "2024-01-02T03:04:05Z"),
            java.util.Map.entry("email", "ann@example.com"),
            java.util.Map.entry("endColumn", "46"),
            java.util.Map.entry("endLine", "3"),
            java.util.Map.entry("entropy", "3.7219"),
            java.util.Map.entry("match", "token = REDACTED"),
            java.util.Map.entry("secret", "REDACTED"),
            java.util.Map.entry("tags", "a,b"));
    assertThat(redacted.fingerprint()).isEqualTo("abc:src/a.txt:github-pat:3");
    assertThat(f.toFinding(false).properties()).containsEntry("secret", "ghp_x");
  }
}
