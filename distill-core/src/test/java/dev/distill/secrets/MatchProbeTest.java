package dev.distill.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MatchProbeTest {

  @Test
  void stripsALeadingOptionalRunKeepingFlags() {
    assertThat(MatchProbe.strippedLead("(?i)[\\w.-]{0,50}?(?:key|token)=x"))
        .isEqualTo("(?i)(?:key|token)=x");
    assertThat(MatchProbe.strippedLead("\\s*abc")).isEqualTo("abc");
    assertThat(MatchProbe.strippedLead("[]a]?b")).isEqualTo("b");
    assertThat(MatchProbe.strippedLead("[[:alpha:]_]{0,}x")).isEqualTo("x");
  }

  @Test
  void keepsRegexesWithoutAnOptionalLead() {
    assertThat(MatchProbe.strippedLead("[a-z]{1,5}key")).isNull(); // at least one char required
    assertThat(MatchProbe.strippedLead("(?:a)*key")).isNull(); // a group, not one char
    assertThat(MatchProbe.strippedLead("a*b|c")).isNull(); // top-level alternation
    assertThat(MatchProbe.strippedLead("x*")).isNull(); // nothing left
    assertThat(MatchProbe.strippedLead("\\Q*\\E*k")).isNull();
  }

  @Test
  void probeFindsAMatchExactlyWhenTheRuleDoes() {
    Pattern rule =
        Pattern.compile(
            "(?i)[\\w.-]{0,10}?(?:key|api)(?:[ \\t\\w.-]{0,5})[\\s'\"]{0,3}(?:=|:)"
                + "[\\x60'\"\\s=]{0,5}([\\w.=-]{6,20})(?:[\\x60'\"\\s;]|$)");
    Pattern probe = MatchProbe.of(rule);
    assertThat(probe).isNotNull();
    Random random = new Random(5);
    String alphabet = "keyAPIapi_.- =:'\";\nabcXYZ019";
    for (int round = 0; round < 3000; round++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(40);
      for (int i = 0; i < n; i++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = b.toString();
      assertThat(probe.matcher(text).find()).as("in %s", text).isEqualTo(rule.matcher(text).find());
    }
  }
}
