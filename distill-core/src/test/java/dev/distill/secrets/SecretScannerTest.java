package dev.distill.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distill.progress.ProgressListener;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretScannerTest {
  static final String TOKEN_RULE =
      """
      [[rules]]
      id = "tok"
      description = "test token"
      regex = '''tok_([a-zA-Z0-9]{16})'''
      keywords = ["tok_"]
      """;
  static final String SECRET = "tok_Ab3dEf7hIj1lMn5p";

  private static SecretScanner scanner(ScanOptions options, Suppressions s, List<String> notes) {
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void note(String message) {
            notes.add(message);
          }
        };
    return new SecretScanner(
        new Detector(GitleaksConfigLoader.parse(TOKEN_RULE, "t")), options, s, listener);
  }

  @Test
  void pathRulesReportFilesWhoseContentIsNotScanned(@TempDir Path dir) throws Exception {
    // A PKCS #12 file is binary; gitleaks' pkcs12-file rule looks at its path alone, so it must
    // fire whether the content is binary, empty or over the size limit.
    Files.createDirectories(dir.resolve("certs"));
    Files.write(dir.resolve("certs/client.p12"), new byte[] {0x30, (byte) 0x82, 0, 0, 1, 2});
    Files.write(dir.resolve("certs/empty.pfx"), new byte[0]);
    Files.write(dir.resolve("certs/big.p12"), new byte[8192]);
    Files.write(dir.resolve("certs/other.bin"), new byte[] {1, 0, 2});
    ScanResult r =
        new SecretScanner(
                new Detector(GitleaksConfigLoader.loadDefault()),
                ScanOptions.defaults().withMaxFileBytes(4096),
                Suppressions.NONE,
                ProgressListener.NONE)
            .scanDirectory(dir);

    assertThat(r.findings())
        .extracting(f -> f.ruleId() + " " + f.path())
        .containsExactly(
            "pkcs12-file certs/big.p12",
            "pkcs12-file certs/client.p12",
            "pkcs12-file certs/empty.pfx");
  }

  @Test
  void findingsComeInPathLineColumnAndRuleOrder(@TempDir Path dir) throws Exception {
    // Files are scanned in parallel and each chunk's rules run in rule order ("key" before "tok"),
    // so findings are collected in no useful order: the result is sorted.
    String rules =
        """
        [[rules]]
        id = "key"
        regex = '''key_([a-z0-9]{16})'''
        keywords = ["key_"]
        [[rules]]
        id = "tok"
        regex = '''tok_([a-zA-Z0-9]{16})'''
        keywords = ["tok_"]
        """;
    String key = "key_0123456789abcdef";
    Files.writeString(dir.resolve("b.txt"), SECRET + " and " + key + "\n\n" + key + "\n");
    Files.writeString(dir.resolve("a.txt"), "\n" + key + " " + SECRET + "\n");
    for (int i = 0; i < 40; i++) {
      Files.writeString(dir.resolve("c" + i + ".txt"), "x\n".repeat(i) + SECRET + "\n");
    }
    ScanResult r =
        new SecretScanner(
                new Detector(GitleaksConfigLoader.parse(rules, "t")),
                ScanOptions.defaults(),
                Suppressions.NONE,
                ProgressListener.NONE)
            .scanDirectory(dir);

    List<String> expected =
        new ArrayList<>(
            List.of(
                "a.txt 2:1 key",
                "a.txt 2:22 tok",
                "b.txt 1:1 tok",
                "b.txt 1:26 key",
                "b.txt 3:1 key"));
    List<String> others = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      others.add("c" + i + ".txt " + (i + 1) + ":1 tok");
    }
    others.sort(null); // by path: c0, c1, c10, c11, ...
    expected.addAll(others);
    assertThat(r.findings())
        .extracting(f -> f.path() + " " + f.startLine() + ":" + f.startColumn() + " " + f.ruleId())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void scansATreeSkippingBinaryAndOversizedFilesWithNotes(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("src/deep"));
    Files.writeString(dir.resolve("src/deep/app.py"), "x = 1\ny = '" + SECRET + "'\n");
    byte[] binary = ("head\0" + SECRET).getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("blob.bin"), binary);
    Files.writeString(dir.resolve("big.txt"), SECRET + "\n" + "z".repeat(5000));
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/config"), SECRET);
    List<String> notes = new ArrayList<>();
    ScanResult r =
        scanner(ScanOptions.defaults().withMaxFileBytes(4096), Suppressions.NONE, notes)
            .scanDirectory(dir);
    assertThat(r.findings())
        .extracting(SecretFinding::fingerprint)
        .containsExactly("src/deep/app.py:tok:2");
    assertThat(r.notes()).anyMatch(n -> n.contains("blob.bin") && n.contains("binary"));
    assertThat(r.notes()).anyMatch(n -> n.contains("big.txt") && n.contains("size limit"));
    assertThat(notes).containsExactlyInAnyOrderElementsOf(r.notes());
  }

  @Test
  void honoursGitignoreOnlyWhenAsked(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(".gitignore"), "*.env\n!keep.env\n");
    Files.writeString(dir.resolve("prod.env"), SECRET);
    Files.writeString(dir.resolve("keep.env"), SECRET);
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/.gitignore"), "local.txt\n");
    Files.writeString(dir.resolve("sub/local.txt"), SECRET);
    Files.writeString(dir.resolve("sub/other.txt"), SECRET);
    List<String> notes = new ArrayList<>();
    ScanResult all = scanner(ScanOptions.defaults(), Suppressions.NONE, notes).scanDirectory(dir);
    assertThat(all.findings()).hasSize(4);
    ScanResult honoured =
        scanner(ScanOptions.defaults().withHonourGitignore(true), Suppressions.NONE, notes)
            .scanDirectory(dir);
    assertThat(honoured.findings())
        .extracting(SecretFinding::path)
        .containsExactly("keep.env", "sub/other.txt");
  }

  @Test
  void gitleaksIgnoreAndBaselineSuppressExactlyWhatTheyName(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.txt"), SECRET + "\n" + SECRET + "\n");
    Files.writeString(dir.resolve("b.txt"), SECRET + "\n");
    Set<String> ignore = Suppressions.parseGitleaksIgnore("# comment\na.txt:tok:2\n\n");
    Path baseline = dir.resolve("baseline.json");
    Files.writeString(baseline, "[{\"RuleID\":\"tok\",\"Fingerprint\":\"b.txt:tok:1\"}]");
    List<String> notes = new ArrayList<>();
    ScanResult r =
        scanner(
                ScanOptions.defaults(),
                new Suppressions(ignore, Suppressions.readBaseline(baseline)),
                notes)
            .scanDirectory(dir);
    assertThat(r.findings()).extracting(SecretFinding::fingerprint).containsExactly("a.txt:tok:1");
  }

  @Test
  void scansLayerFilesAndStreams() {
    List<String> notes = new ArrayList<>();
    SecretScanner s = scanner(ScanOptions.defaults().withThreads(2), Suppressions.NONE, notes);
    List<NamedContent> files = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String text = i % 10 == 0 ? "line\n" + SECRET : "nothing here " + i;
      files.add(new NamedContent("etc/f" + i, text.getBytes(StandardCharsets.UTF_8)));
    }
    files.add(new NamedContent("usr/bin/tool", new byte[] {1, 0, 2}));
    ScanResult r = s.scanFiles(files);
    assertThat(r.findings()).hasSize(5).allMatch(f -> f.startLine() == 2);
    assertThat(r.notes()).containsExactly("skipped usr/bin/tool: binary content");
    ScanResult in =
        s.scanStream(
            new ByteArrayInputStream(("a\nb\n" + SECRET).getBytes(StandardCharsets.UTF_8)),
            "stdin");
    assertThat(in.findings()).extracting(SecretFinding::fingerprint).containsExactly("stdin:tok:3");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"filler line number ", "filler lïne "})
  void largeFilesAreScannedInChunksWithCorrectLineNumbers(String filler) {
    // ASCII chunks get their newlines from the prescan, others count them in the reader.
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= 30_000; i++) {
      b.append(i == 25_000 ? SECRET : filler + i).append('\n');
    }
    List<String> notes = new ArrayList<>();
    ScanResult r =
        scanner(ScanOptions.defaults(), Suppressions.NONE, notes)
            .scanStream(
                new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.UTF_8)), "big");
    assertThat(r.findings()).extracting(SecretFinding::startLine).containsExactly(25_000);
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void aHugeSingleLineIsCutIntoBoundedPiecesWithANote() {
    byte[] line = new byte[5 * 1024 * 1024];
    java.util.Arrays.fill(line, (byte) 'a');
    byte[] secret = (" " + SECRET + " ").getBytes(StandardCharsets.UTF_8);
    System.arraycopy(secret, 0, line, 3 * 1024 * 1024 + 17, secret.length);
    List<String> notes = new ArrayList<>();
    ScanResult r =
        scanner(ScanOptions.defaults(), Suppressions.NONE, notes)
            .scanStream(new ByteArrayInputStream(line), "one-line");
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.startLine()).isEqualTo(1);
              assertThat(f.startColumn()).isEqualTo(3 * 1024 * 1024 + 17 + 2);
            });
    assertThat(r.notes()).singleElement().asString().contains("scanned in pieces");
  }

  @Test
  void pathologicalRegexesFinishInLinearTime() {
    // Backtracking engines take exponential time on these; RE2J stays linear.
    String toml =
        """
        [[rules]]
        id = "evil"
        regex = '''(a+)+$'''
        [[rules]]
        id = "evil2"
        regex = '''(x|x|xx)*y'''
        """;
    Detector d = new Detector(GitleaksConfigLoader.parse(toml, "evil"), 0, true);
    String text = "a".repeat(50_000) + "b" + "x".repeat(50_000);
    List<String> notes = new ArrayList<>();
    ScanResult r =
        new SecretScanner(d, ScanOptions.defaults(), Suppressions.NONE, ProgressListener.NONE)
            .scanStream(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "evil.txt");
    assertThat(r.findings()).isEmpty();
    assertThat(notes).isEmpty();
  }

  /** Files are shared out among threads one at a time: each is scanned once, whatever the count. */
  @Test
  void everyFileIsScannedOnceWhateverTheThreadCount(@TempDir Path dir) throws Exception {
    for (int i = 0; i < 120; i++) {
      Files.writeString(
          dir.resolve("f" + i + ".txt"), i % 3 == 0 ? "x = " + SECRET + "\n" : "nothing\n");
    }
    for (int threads : new int[] {1, 2, 3, 8, 200}) {
      ScanResult r =
          scanner(ScanOptions.defaults().withThreads(threads), Suppressions.NONE, new ArrayList<>())
              .scanDirectory(dir);
      assertThat(r.filesScanned()).as("threads " + threads).isEqualTo(120);
      assertThat(r.findings()).as("threads " + threads).hasSize(40);
      assertThat(r.findings().stream().map(SecretFinding::path).distinct().count()).isEqualTo(40);
    }
  }

  /** A failure in any thread ends the scan with that failure, not a partial result. */
  @Test
  void aFailureOnAnyThreadEndsTheScan(@TempDir Path dir) throws Exception {
    for (int i = 0; i < 250; i++) {
      Files.writeString(dir.resolve("f" + i + ".txt"), "nothing\n");
    }
    ProgressListener failing =
        new ProgressListener() {
          @Override
          public void advanced(String task, long done, long total) {
            throw new IllegalStateException("listener failed at " + done);
          }
        };
    SecretScanner s =
        new SecretScanner(
            new Detector(GitleaksConfigLoader.parse(TOKEN_RULE, "t")),
            ScanOptions.defaults().withThreads(3),
            Suppressions.NONE,
            failing);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.scanDirectory(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("listener failed at ");
  }
}
