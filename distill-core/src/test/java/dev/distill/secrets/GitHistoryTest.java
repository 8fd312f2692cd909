package dev.distill.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distill.progress.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHistoryTest {
  private static final String SECRET = SecretScannerTest.SECRET;

  private static SecretScanner scanner(String extraToml, Suppressions s) {
    return new SecretScanner(
        new Detector(GitleaksConfigLoader.parse(SecretScannerTest.TOKEN_RULE + extraToml, "t")),
        ScanOptions.defaults().withThreads(2),
        s,
        ProgressListener.NONE);
  }

  private static RevCommit commit(Git git, String message, int seconds) throws Exception {
    PersonIdent who =
        new PersonIdent(
            "Ada Lovelace", "ada@example.org", Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
    return git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
  }

  @Test
  void secretAddedThenDeletedIsFoundAtTheIntroducingCommit(@TempDir Path dir) throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      Files.writeString(dir.resolve("README.md"), "hello\n");
      git.add().addFilepattern(".").call();
      RevCommit first = commit(git, "first", 1_700_000_000);
      Files.writeString(dir.resolve("config.yml"), "a: 1\nb: 2\ntoken: " + SECRET + "\n");
      git.add().addFilepattern(".").call();
      RevCommit leak = commit(git, "add config", 1_700_000_100);
      Files.writeString(dir.resolve("config.yml"), "a: 1\nb: 2\n");
      git.add().addFilepattern(".").call();
      commit(git, "remove token", 1_700_000_200);
      // A branch with its own leak, reachable only from that ref.
      git.checkout().setCreateBranch(true).setName("feature").setStartPoint(first).call();
      Files.writeString(dir.resolve("other.txt"), "x\n" + SECRET + "\n");
      git.add().addFilepattern(".").call();
      RevCommit branchLeak = commit(git, "branch leak", 1_700_000_300);
      git.checkout().setName("main").call();

      assertThat(Files.readString(dir.resolve("config.yml"))).doesNotContain("tok_");
      ScanResult r = scanner("", Suppressions.NONE).scanGitHistory(dir);
      assertThat(r.findings()).hasSize(2);
      SecretFinding f = r.findings().get(0);
      assertThat(f.commit().sha()).isEqualTo(leak.name());
      assertThat(f.commit().author()).isEqualTo("Ada Lovelace");
      assertThat(f.commit().email()).isEqualTo("ada@example.org");
      assertThat(f.commit().date()).isEqualTo("2023-11-14T22:15:00Z");
      assertThat(f.path()).isEqualTo("config.yml");
      assertThat(f.startLine()).isEqualTo(3);
      assertThat(f.fingerprint()).isEqualTo(leak.name() + ":config.yml:tok:3");
      assertThat(f.toFinding(true).properties()).containsEntry("commit", leak.name());
      assertThat(r.findings().get(1).commit().sha()).isEqualTo(branchLeak.name());
      assertThat(r.findings().get(1).startLine()).isEqualTo(2);

      // .gitleaksignore: a commit fingerprint silences that commit only.
      ScanResult ignored =
          scanner("", new Suppressions(Set.of(leak.name() + ":config.yml:tok:3"), Set.of()))
              .scanGitHistory(dir);
      assertThat(ignored.findings())
          .extracting(x -> x.commit().sha())
          .containsExactly(branchLeak.name());
      // ... and a fingerprint naming a different line silences nothing.
      assertThat(
              scanner("", new Suppressions(Set.of(leak.name() + ":config.yml:tok:2"), Set.of()))
                  .scanGitHistory(dir)
                  .findings())
          .hasSize(2);
      // A rule allowlist on one commit.
      String allow = "[[rules.allowlists]]\ncommits = [\"" + branchLeak.name() + "\"]\n";
      assertThat(scanner(allow, Suppressions.NONE).scanGitHistory(dir).findings())
          .extracting(x -> x.commit().sha())
          .containsExactly(leak.name());
    }
  }

  @Test
  void stagedScanSeesOnlyLinesAddedToTheIndex(@TempDir Path dir) throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      Files.writeString(dir.resolve("app.cfg"), "old: " + SECRET + "\n");
      git.add().addFilepattern(".").call();
      commit(git, "old leak already committed", 1_700_000_000);
      Files.writeString(dir.resolve("app.cfg"), "old: " + SECRET + "\nnew: tok_Zz9dEf7hIj1lMn5q\n");
      git.add().addFilepattern(".").call();
      Files.writeString(dir.resolve("unstaged.txt"), SECRET);
      ScanResult r = scanner("", Suppressions.NONE).scanStaged(dir);
      assertThat(r.findings())
          .extracting(SecretFinding::fingerprint)
          .containsExactly("app.cfg:tok:2");
      assertThat(r.findings().get(0).commit()).isNull();
    }
  }

  @Test
  void binaryBlobsInHistoryAreSkippedWithANote(@TempDir Path dir) throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      Files.write(dir.resolve("blob.bin"), ("\0\1" + SECRET).getBytes());
      git.add().addFilepattern(".").call();
      commit(git, "binary", 1_700_000_000);
      ScanResult r = scanner("", Suppressions.NONE).scanGitHistory(dir);
      assertThat(r.findings()).isEmpty();
      assertThat(r.notes()).singleElement().asString().contains("blob.bin").contains("binary");
    }
  }

  @Test
  void aCommittedPkcs12FileIsReportedByItsPathThoughItsContentIsBinary(@TempDir Path dir)
      throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      Files.createDirectories(dir.resolve("certs"));
      Files.write(dir.resolve("certs/client.p12"), new byte[] {0x30, (byte) 0x82, 0, 1, 2});
      Files.write(dir.resolve("blob.bin"), new byte[] {1, 0, 2});
      git.add().addFilepattern(".").call();
      RevCommit added = commit(git, "add a certificate", 1_700_000_000);
      ScanResult r =
          new SecretScanner(
                  new Detector(GitleaksConfigLoader.loadDefault()),
                  ScanOptions.defaults(),
                  Suppressions.NONE,
                  ProgressListener.NONE)
              .scanGitHistory(dir);

      assertThat(r.findings())
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.ruleId()).isEqualTo("pkcs12-file");
                assertThat(f.path()).isEqualTo("certs/client.p12");
                assertThat(f.commit().sha()).isEqualTo(added.name());
              });
    }
  }
}
