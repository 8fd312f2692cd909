package dev.distill.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distill.cli.CapturedStreams;
import dev.distill.cli.Main;
import dev.distill.debian.fetch.DebCache;
import dev.distill.debian.repo.BinaryPackage;
import dev.distill.debian.repo.DebianRepository;
import dev.distill.debian.repo.MirrorConfig;
import dev.distill.debian.repo.ReleaseFile;
import dev.distill.debian.repo.Suite;
import dev.distill.debian.version.DebianVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code distill check} end to end on a small repository holding the shipped nginx service (spec,
 * lock, Dockerfile) and the gate DB: it passes as committed, and fails naming each gate when a
 * secret is committed, the Dockerfile has a lint error and the lock pins a vulnerable nginx.
 */
class CheckCommandIT {
  @RegisterExtension final CapturedStreams io = new CapturedStreams();

  @TempDir Path tmp;

  @BeforeAll
  static void engine() {
    Docker.ensureEngine();
  }

  /** A git repository with images/nginx as shipped, the gate DB and a gate config. */
  private Path project() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("project"));
    Path repo = Docker.repoRoot();
    copyTree(repo.resolve("images/nginx"), root.resolve("images/nginx"));
    copyTree(repo.resolve("security/vulndb"), root.resolve("security/vulndb"));
    Files.writeString(
        root.resolve("distill.yaml"),
        // Fail on a fixable LOW or above: the DB's tracker rates CVE-2023-44487 (HTTP/2 rapid
        // reset, fixed in the security update) "unimportant", and most of its CVEs have no
        // rating at all, so the default HIGH threshold has nothing to bite on in this data.
        "services: [nginx]\nrelease: bookworm\nvulnerabilities:\n  db: security/vulndb\n"
            + "  fail-on: LOW\n");
    Files.writeString(root.resolve(".gitignore"), "out/\n");
    try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
      commitAll(git, "the nginx service");
    }
    return root;
  }

  private static void commitAll(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.commit()
        .setMessage(message)
        .setAuthor("Dev", "dev@example.org")
        .setCommitter("Dev", "dev@example.org")
        .setSign(false)
        .call();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  @Test
  void theCommittedServicePassesEveryGateAndLeavesOneArtifactFolder() throws Exception {
    Path root = project();
    int rc = Main.run("check", root.toString());
    assertThat(rc).as(io.stdout() + io.stderr()).isZero();
    assertThat(io.stdout()).contains("distill check: PASSED — 0 of 7 gates failed");
    for (String gate : List.of("secrets", "lint", "build", "smoke", "audit", "vulnerabilities")) {
      assertThat(io.stdout()).containsPattern("PASSED\\s+" + gate + "\\s");
    }
    Path outDir = root.resolve("out/check");
    JsonNode summary = new ObjectMapper().readTree(outDir.resolve("summary.json").toFile());
    assertThat(summary.path("result").asText()).isEqualTo("PASS");
    assertThat(summary.path("gates")).hasSize(7);
    assertThat(summary.path("services").get(0).path("packages").asInt()).isEqualTo(8);
    for (String f :
        List.of(
            "distill.sarif",
            "secrets.sarif",
            "lint.sarif",
            "smoke.sarif",
            "audit.sarif",
            "vulnerabilities.sarif",
            "report.html",
            "sbom/nginx-bookworm-amd64.spdx.json",
            "sbom/nginx-bookworm-amd64.cdx.json",
            "images/nginx-bookworm.tar")) {
      assertThat(outDir.resolve(f)).as(f).isNotEmptyFile();
    }
    assertThat(Files.readString(outDir.resolve("report.html")))
        .contains("<h2>Service nginx (bookworm)</h2>");
    // Nothing half-written beside it: the folder was filled aside and renamed into place.
    try (Stream<Path> s = Files.list(root.resolve("out"))) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("check");
    }
  }

  @Test
  void aSecretALintErrorAndAVulnerablePinEachFailTheirGate() throws Exception {
    Path root = project();
    // 1. A token committed (and then deleted: history still has it).
    Files.writeString(
        root.resolve("deploy.env"), "GITHUB_TOKEN=" + CapturedStreams.fakeGithubToken(42) + "\n");
    try (Git git = Git.open(root.toFile())) {
      commitAll(git, "deploy settings");
      Files.delete(root.resolve("deploy.env"));
      git.rm().addFilepattern("deploy.env").call();
      commitAll(git, "oops");
    }
    // 2. A Dockerfile error (DL4000: MAINTAINER is deprecated).
    Path dockerfile = root.resolve("images/nginx/Dockerfile");
    Files.writeString(
        dockerfile,
        Files.readString(dockerfile)
            .replaceFirst("(?m)^(FROM .*)$", "$1\nMAINTAINER someone@example.org"));
    // 3. The lock pins the point-release nginx, older than the security update that fixes
    // CVE-2023-44487 and ten more.
    String pinned = pinPointReleaseNginx(root.resolve("images/nginx/distill.lock.json"));
    assertThat(DebianVersion.parse(pinned))
        .as("bookworm's point release must carry an nginx older than the fix")
        .isLessThan(DebianVersion.parse("1.22.1-9+deb12u11"));

    int rc = Main.run("check", root.toString(), "--no-smoke", "--quiet");
    String text = io.stdout();
    assertThat(rc).as(text + io.stderr()).isEqualTo(1);
    assertThat(text).contains("distill check: FAILED — 3 of 7 gates failed");
    assertThat(text).contains("secrets (repository): 1 leak(s)");
    assertThat(text).contains("github-pat in deploy.env:1");
    assertThat(text).contains("lint (nginx): images/nginx/Dockerfile");
    assertThat(text).contains("DL4000");
    assertThat(text).contains("vulnerabilities (nginx):");
    assertThat(text).contains("fixable vulnerabilities at LOW or above");
    assertThat(text)
        .containsPattern("LOW CVE-\\d+-\\d+ in nginx(-common)? " + pinned.replace("+", "\\+"));
    String sarif = Files.readString(root.resolve("out/check/vulnerabilities.sarif"));
    assertThat(sarif).contains("CVE-2023-44487");
    assertThat(text).containsPattern("SKIPPED\\s+smoke");
    JsonNode summary = new ObjectMapper().readTree(root.resolve("out/check/summary.json").toFile());
    assertThat(summary.path("result").asText()).isEqualTo("FAIL");
    assertThat(summary.path("failedGates").findValuesAsText("gate"))
        .containsExactly("secrets", "lint", "vulnerabilities");
    // The SARIF locates the vulnerabilities at the lock that pins them.
    assertThat(sarif).contains("images/nginx/distill.lock.json");
  }

  /** Rewrites the bookworm lock's nginx packages to the bookworm (point release) suite's. */
  private static String pinPointReleaseNginx(Path lockFile) throws IOException {
    DebianRepository repo =
        DebianRepository.builder()
            .mirrors(MirrorConfig.fromEnvironment(null, null))
            .cacheDir(DebCache.defaultCache().root())
            .build();
    Suite main =
        Suite.forRelease("bookworm", MirrorConfig.fromEnvironment(null, null)).stream()
            .filter(s -> s.name().equals("bookworm"))
            .findFirst()
            .orElseThrow();
    ReleaseFile release = repo.loadRelease(main);
    Map<String, BinaryPackage> byName = new HashMap<>();
    for (BinaryPackage p : repo.loadPackages(main, release, "amd64")) {
      if (p.sourceName().equals("nginx")) {
        byName.merge(p.name(), p, (a, b) -> a.version().compareTo(b.version()) >= 0 ? a : b);
      }
    }
    ObjectMapper m = new ObjectMapper();
    JsonNode lock = m.readTree(lockFile.toFile());
    String version = null;
    for (JsonNode target : lock.path("targets")) {
      if (!target.path("release").asText().equals("bookworm")) {
        continue;
      }
      for (JsonNode pkg : target.path("packages")) {
        BinaryPackage p = byName.get(pkg.path("name").asText());
        if (p == null) {
          continue;
        }
        ObjectNode o = (ObjectNode) pkg;
        o.put("version", p.version().toString());
        o.put("sourceVersion", p.sourceVersion().toString());
        o.put("suite", "bookworm");
        o.put("filename", p.filename());
        o.put("sha256", p.sha256());
        o.put("size", p.size());
        if (p.name().equals("nginx")) {
          version = p.version().toString();
        }
      }
    }
    assertThat(version).as("nginx in the bookworm lock").isNotNull();
    m.writerWithDefaultPrettyPrinter().writeValue(lockFile.toFile(), lock);
    return version;
  }
}
