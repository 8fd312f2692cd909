package dev.distill.debian.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distill.debian.ControlFile;
import dev.distill.net.HttpFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.XZInputStream;

/** Runs dpkg itself as the oracle, on fresh random pairs and on a real Packages index. */
class DebianVersionIT {
  private static final URI PACKAGES =
      URI.create("http://deb.debian.org/debian/dists/bookworm/main/binary-amd64/Packages.xz");

  @TempDir Path tmp;

  /** One check for dpkg: {@code dpkg --compare-versions a op b} must succeed. */
  record Claim(String a, String op, String b) {}

  /**
   * Checks every claim with dpkg in two parallel {@code sh} loops (one process each, not one per
   * pair) and returns the claims dpkg denies.
   */
  private List<String> denied(List<Claim> claims) throws IOException, InterruptedException {
    List<Process> processes = new ArrayList<>();
    List<Path> outputs = new ArrayList<>();
    int halves = 2;
    for (int h = 0; h < halves; h++) {
      StringBuilder input = new StringBuilder();
      for (int i = h; i < claims.size(); i += halves) {
        Claim c = claims.get(i);
        input.append(c.a()).append(' ').append(c.op()).append(' ').append(c.b()).append('\n');
      }
      Path in = tmp.resolve("claims" + h);
      Path out = tmp.resolve("denied" + h);
      Files.writeString(in, input);
      String loop =
          "while read a op b; do dpkg --compare-versions \"$a\" \"$op\" \"$b\" 2>&1"
              + " || echo \"DENIED $a $op $b\"; done < \"$1\"";
      processes.add(
          new ProcessBuilder("sh", "-c", loop, "sh", in.toString())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start());
      outputs.add(out);
    }
    List<String> denied = new ArrayList<>();
    for (int h = 0; h < halves; h++) {
      // No time limit: ~21,000 dpkg runs take under a minute on an idle 2-core machine, but
      // many more on a loaded one, and speed is not what this test checks.
      assertThat(processes.get(h).waitFor()).isZero();
      for (String line : Files.readAllLines(outputs.get(h))) {
        if (!line.isBlank()) {
          denied.add(line); // a denial, or any warning dpkg printed about a version
        }
      }
    }
    return denied;
  }

  private static String op(int sign) {
    return sign < 0 ? "lt" : sign == 0 ? "eq" : "gt";
  }

  @Test
  void agreesWithLiveDpkgOnFreshRandomPairs() throws Exception {
    long seed = System.nanoTime();
    RandomVersions gen = new RandomVersions(seed);
    List<Claim> claims = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      String a = gen.next();
      String b = i % 2 == 0 ? gen.neighbour(a) : gen.next();
      claims.add(new Claim(a, op(DebianVersion.compare(a, b)), b));
    }
    assertThat(denied(claims)).as("seed %d", seed).isEmpty();
  }

  @Test
  void sortsEveryVersionOfARealPackagesIndexAsDpkgDoes() throws Exception {
    Set<String> distinct = new TreeSet<>();
    try (InputStream in = new XZInputStream(HttpFetcher.defaults().open(PACKAGES))) {
      ControlFile.parse(
          new InputStreamReader(in, StandardCharsets.UTF_8),
          PACKAGES.toString(),
          stanza -> stanza.get("Version").ifPresent(distinct::add));
    }
    assertThat(distinct).hasSizeGreaterThan(10_000);
    List<DebianVersion> sorted = new ArrayList<>();
    for (String v : distinct) {
      sorted.add(DebianVersion.parse(v));
    }
    sorted.sort(null);
    List<Claim> claims = new ArrayList<>();
    for (int i = 0; i + 1 < sorted.size(); i++) {
      DebianVersion a = sorted.get(i);
      DebianVersion b = sorted.get(i + 1);
      claims.add(new Claim(a.toString(), op(a.compareTo(b)), b.toString()));
    }
    assertThat(denied(claims)).isEmpty();
  }

  @Test
  void dpkgCallsBadSyntaxExactlyWhatDistillRefuses() throws Exception {
    List<String> disagreements = new ArrayList<>();
    for (String bad : DebianVersionTest.INVALID) {
      if (bad.isBlank()) {
        continue; // dpkg reads an empty version as "no version", not as a syntax error
      }
      if (!dpkgComplains(bad)) {
        disagreements.add("dpkg accepts '" + bad + "'");
      }
    }
    for (String ok : DebianVersionTest.ODD_BUT_VALID) {
      if (dpkgComplains(ok)) {
        disagreements.add("dpkg complains about '" + ok + "'");
      }
    }
    assertThat(disagreements).isEmpty();
  }

  private static boolean dpkgComplains(String version) throws Exception {
    Process p =
        new ProcessBuilder("dpkg", "--compare-versions", "--", version, "eq", "1")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out.contains("bad syntax");
  }
}
