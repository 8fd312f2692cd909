package dev.distill.gate;

import dev.distill.DistillException;
import dev.distill.findings.Finding;
import dev.distill.progress.ProgressListener;
import dev.distill.report.Report;
import dev.distill.secrets.Detector;
import dev.distill.secrets.GitleaksConfigLoader;
import dev.distill.secrets.NamedContent;
import dev.distill.secrets.ScanOptions;
import dev.distill.secrets.ScanResult;
import dev.distill.secrets.SecretScanner;
import dev.distill.secrets.SecretsConfig;
import dev.distill.secrets.Suppressions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * The secret gate, as gitleaks runs it: in a git repository every commit of every ref ({@code
 * gitleaks git}) plus the files changed or added since the last commit, so a leak cannot hide in an
 * uncommitted file; elsewhere the tree, honouring {@code .gitignore}. The repository's {@code
 * .gitleaks.toml}, {@code .gitleaksignore} and baseline apply. Secrets are redacted in the report.
 */
final class SecretsStep {
  static final String GATE = "secrets";
  private static final int MAX_DETAILS = 12;

  private final String toolVersion;
  private final ProgressListener progress;

  SecretsStep(String toolVersion, ProgressListener progress) {
    this.toolVersion = toolVersion;
    this.progress = progress;
  }

  StepResult run(GateConfig config) {
    GateConfig.Secrets s = config.secrets();
    Path root = config.root();
    if (!s.enabled()) {
      return StepResult.of(GateOutcome.skipped(GATE, GateOutcome.REPOSITORY, "turned off"));
    }
    SecretsConfig rules =
        s.config().map(GitleaksConfigLoader::load).orElseGet(GitleaksConfigLoader::loadDefault);
    rules.notes().forEach(progress::note);
    Set<String> ignored = s.gitleaksIgnore().map(Suppressions::readGitleaksIgnore).orElse(Set.of());
    Set<String> baseline = s.baseline().map(Suppressions::readBaseline).orElse(Set.of());
    ScanOptions options = ScanOptions.defaults().withHonourGitignore(true);
    SecretScanner scanner =
        new SecretScanner(
            new Detector(rules, options.maxDecodeDepth(), true),
            options,
            new Suppressions(ignored, baseline),
            progress);

    List<Finding> findings = new ArrayList<>();
    String scope;
    long files;
    if (s.history() && SecretScanner.isGitRepository(root)) {
      ScanResult history = scanner.scanGitHistory(root);
      ScanResult uncommitted = scanner.scanFiles(uncommittedFiles(root, options.maxFileBytes()));
      findings.addAll(history.toFindings(true));
      findings.addAll(uncommitted.toFindings(true));
      files = history.filesScanned() + uncommitted.filesScanned();
      scope = "git history and uncommitted files";
    } else {
      ScanResult tree = scanner.scanDirectory(root);
      findings.addAll(tree.toFindings(true));
      files = tree.filesScanned();
      scope = "the tree";
    }
    Report report = new Report("secrets", toolVersion, rules.ruleDescriptors(), findings);
    if (findings.isEmpty()) {
      return StepResult.of(
          GateOutcome.passed(
              GATE, GateOutcome.REPOSITORY, "no leaks in " + scope + " (" + files + " files)"),
          report);
    }
    List<String> details = new ArrayList<>();
    for (Finding f : findings) {
      if (details.size() == MAX_DETAILS) {
        details.add("… and " + (findings.size() - MAX_DETAILS) + " more");
        break;
      }
      String commit = f.properties().get("commit");
      details.add(
          f.ruleId()
              + " in "
              + f.location()
              + (commit == null ? "" : " (commit " + commit.substring(0, 12) + ")"));
    }
    return StepResult.of(
        GateOutcome.failed(
            GATE, GateOutcome.REPOSITORY, findings.size() + " leak(s) in " + scope, details),
        report);
  }

  /** Files added, changed or untracked in the work tree (not ignored), as they are on disk. */
  private List<NamedContent> uncommittedFiles(Path root, long maxBytes) {
    Set<String> paths = new TreeSet<>();
    try (Git git = Git.open(root.toFile())) {
      Status status = git.status().call();
      paths.addAll(status.getUntracked());
      paths.addAll(status.getModified());
      paths.addAll(status.getAdded());
      paths.addAll(status.getChanged());
    } catch (IOException | GitAPIException e) {
      throw new DistillException(
          "cannot read the git status of " + root + ": " + e.getMessage(), e);
    }
    List<NamedContent> files = new ArrayList<>();
    for (String p : paths) {
      Path file = root.resolve(p);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      try {
        if (maxBytes > 0 && Files.size(file) > maxBytes) {
          progress.note("skipped " + p + ": over the size limit of " + maxBytes + " bytes");
          continue;
        }
        files.add(new NamedContent(p, Files.readAllBytes(file)));
      } catch (IOException e) {
        throw new DistillException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return files;
  }
}
