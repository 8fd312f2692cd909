package dev.distill.lint.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShellParserTest {

  @Test
  void splitsOnOperatorsAndRemovesQuotes() {
    ShellScript s =
        ShellParser.parse(
            "apt-get update && apt-get install -y 'a b' \"c\"d; echo x || true | tee f & wait");
    assertThat(s.commands())
        .extracting(ShellCommand::name)
        .containsExactly("apt-get", "apt-get", "echo", "true", "tee", "wait");
    assertThat(s.commands().get(1).args()).containsExactly("install", "-y", "a b", "cd");
    assertThat(s.hasPipes()).isTrue();
    assertThat(ShellParser.parse("a || b").hasPipes()).isFalse();
  }

  @Test
  void separatesAssignmentsAndDropsRedirections() {
    ShellCommand c =
        ShellParser.parse("PIP_NO_CACHE_DIR=0 pip install x > /log 2>&1 <in").commands().get(0);
    assertThat(c.assignments()).containsEntry("PIP_NO_CACHE_DIR", "0");
    assertThat(c.name()).isEqualTo("pip");
    assertThat(c.args()).containsExactly("install", "x");
  }

  @Test
  void looksIntoSubstitutionsAndControlStructures() {
    ShellScript s =
        ShellParser.parse("if true; then cd /x; fi\nV=$(curl -s http://h) && echo `wget -q u`");
    assertThat(s.commands())
        .extracting(ShellCommand::baseName)
        .contains("true", "cd", "curl", "wget");
  }

  @Test
  void handlesEscapedNewlinesAndComments() {
    ShellScript s =
        ShellParser.parse(
            "apk add \\\n  --no-cache \\\n  curl # trailing comment\n# whole line\nls");
    assertThat(s.commands()).hasSize(2);
    assertThat(s.commands().get(0).args()).containsExactly("add", "--no-cache", "curl");
  }

  @Test
  void flagHelpersUnderstandCombinedAndLongForms() {
    ShellCommand c =
        ShellParser.parse("apt-get -yq -o Dpkg::Use-Pty=0 install --target-release=x pkg")
            .commands()
            .get(0);
    assertThat(c.hasFlag("-y")).isTrue();
    assertThat(c.hasFlag("-q")).isTrue();
    assertThat(c.hasFlag("--target-release")).isTrue();
    assertThat(c.hasFlag("-f")).isFalse();
    assertThat(c.positional(Set.of("-o"))).isEqualTo(List.of("install", "pkg"));
    assertThat(c.optionValue("-o")).isEqualTo("Dpkg::Use-Pty=0");
  }

  @Test
  void unterminatedQuotesDoNotFail() {
    assertThat(ShellParser.parse("echo \"never closed").commands()).hasSize(1);
    assertThat(ShellParser.parse("echo $(unclosed").commands()).isNotEmpty();
    assertThat(ShellParser.parse("").commands()).isEmpty();
  }
}
