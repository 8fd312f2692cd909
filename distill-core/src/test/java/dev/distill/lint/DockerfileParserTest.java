package dev.distill.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {

  private static Dockerfile parse(String text) {
    return DockerfileParser.parse("Dockerfile", text);
  }

  @Test
  void readsDirectivesOnlyAtTheTop() {
    Dockerfile df =
        parse(
            "# syntax=docker/dockerfile:1.7\n# escape=`\nFROM debian:12\n# escape=\\\nRUN a `\n  b\n");
    assertThat(df.directives())
        .containsEntry("syntax", "docker/dockerfile:1.7")
        .containsEntry("escape", "`");
    assertThat(df.instructions()).hasSize(2);
    assertThat(df.instructions().get(1).arguments()).isEqualTo("a   b");
  }

  @Test
  void joinsContinuationsAndSkipsCommentsInside() {
    Dockerfile df =
        parse(
            "FROM debian:12\nRUN apt-get update \\\n# a comment\n\n    && apt-get install -y curl\nUSER 1000\n");
    Instruction run = df.instructions().get(1);
    assertThat(run.keyword()).isEqualTo("RUN");
    assertThat(run.line()).isEqualTo(2);
    assertThat(run.arguments()).isEqualTo("apt-get update     && apt-get install -y curl");
    assertThat(df.instructions().get(2).line()).isEqualTo(6);
  }

  @Test
  void readsJsonAndShellForms() {
    Dockerfile df =
        parse(
            "FROM x:1\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\nENTRYPOINT nginx -g x\nRUN [not json\n");
    assertThat(df.instructions().get(1).json()).containsExactly("nginx", "-g", "daemon off;");
    assertThat(df.instructions().get(2).isJsonForm()).isFalse();
    assertThat(df.instructions().get(3).isJsonForm()).isFalse();
  }

  @Test
  void readsFlagsStagesAndOnbuild() {
    Dockerfile df =
        parse(
            "ARG BASE=debian:12\nFROM --platform=$BUILDPLATFORM ${BASE} AS build\n"
                + "RUN --mount=type=cache,target=/var/cache/apt --network=none make\n"
                + "FROM scratch\nCOPY --from=build --chown=65532:65532 --chmod=0755 --link /out /app\n"
                + "ONBUILD RUN echo hi\n");
    List<Instruction> ins = df.instructions();
    assertThat(ins.get(0).keyword()).isEqualTo("ARG");
    assertThat(ins.get(1).flag("platform")).contains("$BUILDPLATFORM");
    assertThat(ins.get(1).arguments()).isEqualTo("${BASE} AS build");
    assertThat(ins.get(2).flagValues("mount")).containsExactly("type=cache,target=/var/cache/apt");
    assertThat(ins.get(2).flag("network")).contains("none");
    Instruction copy = ins.get(4);
    assertThat(copy.flag("from")).contains("build");
    assertThat(copy.flag("chown")).contains("65532:65532");
    assertThat(copy.flag("chmod")).contains("0755");
    assertThat(copy.flag("link")).contains("");
    assertThat(ins.get(5).trigger().keyword()).isEqualTo("RUN");
    assertThat(ins.get(5).effective().arguments()).isEqualTo("echo hi");
  }

  @Test
  void readsHeredocsIncludingSeveralOnOneLine() {
    Dockerfile df =
        parse(
            "FROM debian:12\nRUN <<EOF\nset -e\napt-get update\nEOF\n"
                + "COPY <<A /a <<\"B\" /b\none\nA\ntwo $X\nB\n"
                + "RUN <<-'END' bash\n\techo tabbed\n\tEND\nUSER 1\n");
    Instruction run = df.instructions().get(1);
    assertThat(run.heredocs()).hasSize(1);
    assertThat(run.heredocs().get(0).body()).isEqualTo("set -e\napt-get update\n");
    assertThat(run.endLine()).isEqualTo(5);
    Instruction copy = df.instructions().get(2);
    assertThat(copy.heredocs()).extracting(Heredoc::delimiter).containsExactly("A", "B");
    assertThat(copy.heredocs().get(1).quoted()).isTrue();
    assertThat(copy.heredocs().get(1).body()).isEqualTo("two $X\n");
    Instruction tabbed = df.instructions().get(3);
    assertThat(tabbed.heredocs().get(0).stripTabs()).isTrue();
    assertThat(tabbed.heredocs().get(0).body()).isEqualTo("echo tabbed\n");
    assertThat(df.instructions().get(4).keyword()).isEqualTo("USER");
    assertThat(df.instructions().get(4).line()).isEqualTo(14);
  }

  @Test
  void keepsCommentsForPragmas() {
    Dockerfile df =
        parse("# hadolint global ignore=DL3006\nFROM debian\n# hadolint ignore=DL3008\nRUN x\n");
    assertThat(df.comments()).extracting(Comment::line).containsExactly(1, 3);
  }

  @Test
  void unterminatedHeredocIsAnErrorWithItsLocation() {
    assertThatThrownBy(() -> parse("FROM debian:12\nRUN <<EOF\necho never closed\n"))
        .isInstanceOf(DistillException.class)
        .hasMessageStartingWith("Dockerfile:2:1:")
        .hasMessageContaining("heredoc <<EOF is not terminated");
  }

  @Test
  void binaryInputIsRejectedWithItsLocation() {
    byte[] bytes = "FROM debian\nRUN a\u0000b\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> DockerfileParser.parse("img.bin", bytes))
        .isInstanceOf(DistillException.class)
        .hasMessageStartingWith("img.bin:2:6:")
        .hasMessageContaining("binary");
    byte[] latin1 = {'F', 'R', 'O', 'M', ' ', (byte) 0xE9, '\n'};
    assertThatThrownBy(() -> DockerfileParser.parse("l1", latin1))
        .isInstanceOf(DistillException.class)
        .hasMessageStartingWith("l1:1:6:")
        .hasMessageContaining("UTF-8");
  }

  @Test
  void tenMegabyteLineIsRejectedWithItsLocation() {
    String huge = "FROM debian:12\nRUN echo " + "x".repeat(10 * 1024 * 1024) + "\n";
    assertThatThrownBy(() -> parse(huge))
        .isInstanceOf(DistillException.class)
        .hasMessageStartingWith("Dockerfile:2:")
        .hasMessageContaining("over the limit");
  }

  @Test
  void unknownInstructionNamesItsLineAndColumn() {
    assertThatThrownBy(() -> parse("FROM debian:12\n\nFRUM x\n"))
        .isInstanceOf(DistillException.class)
        .hasMessage(
            "Dockerfile:3:1: unknown instruction 'FRUM'; expected one of FROM, RUN, COPY, … (is this a Dockerfile?)");
  }

  @Test
  void fromNeedsAnImage() {
    assertThatThrownBy(() -> parse("ARG X=1\nFROM   \n"))
        .isInstanceOf(DistillException.class)
        .hasMessage("Dockerfile:2:1: FROM needs an image, e.g. FROM debian:12");
  }

  @Test
  void emptyAndCommentOnlyFilesParse() {
    assertThat(parse("").instructions()).isEmpty();
    assertThat(parse("# just a comment\n\n").comments()).hasSize(1);
  }

  @Test
  void shellNeedsJsonForm() {
    assertThatThrownBy(() -> parse("FROM x:1\nSHELL /bin/bash -c\n"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("Dockerfile:2:1")
        .hasMessageContaining("JSON");
  }

  /**
   * Random bytes and random Dockerfile fragments: only DistillException may come out, never a
   * crash.
   */
  @Test
  void garbageNeverCrashes() {
    Random random = new Random(20261129L);
    String[] pieces = {
      "FROM ",
      "RUN ",
      "COPY ",
      "<<EOF",
      "EOF",
      "\\",
      "\n",
      "\"",
      "'",
      "[",
      "]",
      "--mount=",
      "ONBUILD ",
      "# hadolint ignore=DL3008",
      "# escape=`",
      "`",
      "$(",
      ")",
      "&&",
      "|",
      " ",
      "\t",
      "\r\n",
      "ARG x=",
      "\u00e9"
    };
    int parsed = 0;
    for (int i = 0; i < 3000; i++) {
      String text;
      if (i % 3 == 0) {
        byte[] b = new byte[random.nextInt(200)];
        random.nextBytes(b);
        text = new String(b, StandardCharsets.ISO_8859_1);
      } else {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(30);
        for (int k = 0; k < n; k++) {
          sb.append(pieces[random.nextInt(pieces.length)]);
        }
        text = sb.toString();
      }
      try {
        Dockerfile df = DockerfileParser.parse("fuzz", text.getBytes(StandardCharsets.UTF_8));
        new Linter(LintConfig.defaults().withAllRules(true).withShellcheck(false)).lint(df);
        parsed++;
      } catch (DistillException e) {
        assertThat(e.getMessage()).startsWith("fuzz:");
      }
    }
    assertThat(parsed).isPositive();
  }
}
