package dev.distill.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distill.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsAndLintStepsTest {
  @TempDir Path root;

  /** A GitHub token made at run time, so this source holds no secret of its own. */
  static String githubToken(long seed) {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder("ghp_");
    for (int i = 0; i < 36; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private static RevCommit commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.add().setUpdate(true).addFilepattern(".").call();
    return git.commit()
        .setMessage(message)
        .setAuthor("Dev", "dev@example.org")
        .setCommitter("Dev", "dev@example.org")
        .setSign(false)
        .call();
  }

  private StepResult secrets() {
    return new SecretsStep("test", ProgressListener.NONE).run(GateConfig.defaults(root));
  }

  @Test
  void aSecretDeletedLaterStillFailsTheGateNamingTheCommitThatAddedIt() throws Exception {
    try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
      Files.writeString(root.resolve("README.md"), "hello\n");
      commit(git, "first");
      assertThat(secrets().outcome().status()).isEqualTo(GateStatus.PASSED);

      Files.writeString(root.resolve("deploy.sh"), "export GITHUB_TOKEN=" + githubToken(1) + "\n");
      RevCommit leak = commit(git, "add deploy script");
      Files.delete(root.resolve("deploy.sh"));
      commit(git, "remove it");

      StepResult r = secrets();
      assertThat(r.outcome().status()).isEqualTo(GateStatus.FAILED);
      assertThat(r.outcome().summary()).startsWith("1 leak(s)");
      assertThat(r.outcome().details())
          .singleElement()
          .asString()
          .contains("github-pat in deploy.sh:1")
          .contains(leak.getName().substring(0, 12));
      assertThat(r.report()).get().extracting(rep -> rep.findings().size()).isEqualTo(1);
      // Redacted: the report never carries the token.
      assertThat(r.report().get().findings().get(0).properties().get("secret"))
          .doesNotContain(githubToken(1));
    }
  }

  @Test
  void anUncommittedFileIsScannedTooAndTheAllowlistApplies() throws Exception {
    try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
      Files.writeString(root.resolve("README.md"), "hello\n");
      commit(git, "first");
      Files.createDirectories(root.resolve("fixtures"));
      Files.writeString(root.resolve("fixtures/token.txt"), "token=" + githubToken(2) + "\n");
      StepResult untracked = secrets();
      assertThat(untracked.outcome().status()).isEqualTo(GateStatus.FAILED);
      assertThat(untracked.outcome().details().get(0)).contains("fixtures/token.txt");

      Files.writeString(
          root.resolve(".gitleaks.toml"),
          "[extend]\nuseDefault = true\n[allowlist]\npaths = ['''^fixtures/''']\n");
      StepResult allowed = secrets();
      assertThat(allowed.outcome().status()).isEqualTo(GateStatus.PASSED);
      assertThat(allowed.outcome().summary()).contains("git history and uncommitted files");
    }
  }

  @Test
  void outsideGitTheTreeIsScanned() throws IOException {
    Files.writeString(root.resolve("a.env"), "GITHUB_TOKEN=" + githubToken(3) + "\n");
    StepResult r = secrets();
    assertThat(r.outcome().status()).isEqualTo(GateStatus.FAILED);
    assertThat(r.outcome().summary()).contains("the tree");
  }

  @Test
  void turnedOffIsSkippedNotPassed() {
    GateConfig c = GateConfig.defaults(root);
    c =
        c.withSecrets(
            new GateConfig.Secrets(
                false, true, Optional.empty(), Optional.empty(), Optional.empty()));
    StepResult r = new SecretsStep("test", ProgressListener.NONE).run(c);
    assertThat(r.outcome().status()).isEqualTo(GateStatus.SKIPPED);
    assertThat(r.report()).isEmpty();
  }

  @Test
  void lintFailsOnAnErrorAndHonoursHadolintYaml() throws IOException {
    Path svc = Files.createDirectories(root.resolve("images/web"));
    Files.writeString(
        svc.resolve("Dockerfile"),
        "FROM debian:bookworm-slim\nMAINTAINER someone@example.org\nUSER 65532\n");
    LintStep lint = new LintStep("test", ProgressListener.NONE);
    StepResult r = lint.run(GateConfig.defaults(root), "web", svc);
    assertThat(r.outcome().status()).isEqualTo(GateStatus.FAILED);
    assertThat(r.outcome().summary()).startsWith("images/web/Dockerfile:");
    assertThat(r.outcome().details()).anyMatch(d -> d.contains("DL4000"));
    assertThat(r.report().get().findings())
        .allMatch(f -> f.location().path().equals("images/web/Dockerfile"));

    Files.writeString(root.resolve(".hadolint.yaml"), "ignored:\n  - DL4000\n");
    StepResult ignored = lint.run(GateConfig.defaults(root), "web", svc);
    assertThat(ignored.outcome().status()).isEqualTo(GateStatus.PASSED);

    Path none = Files.createDirectories(root.resolve("images/api"));
    assertThat(lint.run(GateConfig.defaults(root), "api", none).outcome().status())
        .isEqualTo(GateStatus.SKIPPED);
  }
}
