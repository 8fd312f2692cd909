package dev.distill.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distill.findings.Finding;
import dev.distill.findings.Location;
import dev.distill.findings.Severity;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvReportWriterTest {
  @Test
  void writesHeaderFixedColumnsAndSortedPropertiesWithQuoting() throws Exception {
    Finding a =
        new Finding(
            "secrets",
            "github-pat",
            Severity.HIGH,
            "token, \"quoted\"",
            new Location("src/a.txt", 3, 7),
            "src/a.txt:github-pat:3",
            Map.of("secret", "REDACTED", "commit", "abc"));
    Finding b =
        new Finding(
            "lint",
            "DL3007",
            Severity.WARNING,
            "=cmd|' /C calc'!A0",
            Location.of("Dockerfile"),
            "fp",
            Map.of("tags", "x\ny"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new CsvReportWriter().write(List.of(new Report("t", "1", List.of(), List.of(a, b))), out);
    String[] rows = out.toString(StandardCharsets.UTF_8).split("\r\n", -1);
    assertThat(rows[0])
        .isEqualTo("tool,rule,severity,path,line,column,message,fingerprint,commit,secret,tags");
    assertThat(rows[1])
        .isEqualTo(
            "secrets,github-pat,HIGH,src/a.txt,3,7,\"token, \"\"quoted\"\"\",src/a.txt:github-pat:3,abc,REDACTED,");
    assertThat(rows[2])
        .isEqualTo("lint,DL3007,WARNING,Dockerfile,,,'=cmd|' /C calc'!A0,fp,,,\"x\ny\"");
    assertThat(rows).hasSize(4);
    assertThat(rows[3]).isEmpty();
    assertThat(new CsvReportWriter().format()).isEqualTo("csv");
  }

  @Test
  void manyFindingsArriveWholeAcrossTheBlocksTheyAreWrittenIn() throws Exception {
    // Enough rows for several blocks of text, with characters UTF-8 encodes in two bytes.
    List<Finding> findings = new java.util.ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      findings.add(
          new Finding(
              "secrets",
              "r" + i,
              Severity.HIGH,
              "clé n° " + i,
              new Location("dir/f" + i + ".txt", i + 1, 1),
              "fp" + i,
              i % 2 == 0 ? Map.of("secret", "s" + i) : Map.of("entropy", "4.0000")));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new CsvReportWriter().write(List.of(new Report("t", "1", List.of(), findings)), out);
    String[] rows = out.toString(StandardCharsets.UTF_8).split("\r\n", -1);

    assertThat(rows).hasSize(3002);
    assertThat(rows[0]).endsWith(",fingerprint,entropy,secret");
    for (int i = 0; i < 3000; i++) {
      String props = i % 2 == 0 ? ",s" + i : "4.0000,";
      assertThat(rows[i + 1])
          .isEqualTo(
              "secrets,r"
                  + i
                  + ",HIGH,dir/f"
                  + i
                  + ".txt,"
                  + (i + 1)
                  + ",1,clé n° "
                  + i
                  + ",fp"
                  + i
                  + ","
                  + props);
    }
  }
}
