package dev.distill.lint.bench;

import dev.distill.lint.LintConfig;
import dev.distill.lint.LintResult;
import dev.distill.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Lints N generated Dockerfiles (default 1,000; seeded, multi-stage, 20-80 lines, apt/apk/pip/npm
 * RUNs, heredocs, continuations, pragmas) from disk in one process, ShellCheck off, and prints
 * files per second. One untimed warm-up pass runs first so the JIT has compiled the hot code.
 */
public final class LintThroughputBench {
  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Path dir = Files.createTempDirectory("lint-bench");
    try {
      List<Path> files = generate(dir, n, new Random(42));
      Linter linter = new Linter(LintConfig.defaults().withShellcheck(false));
      long findings = 0;
      for (Path f : files) {
        findings += linter.lint(f).findings().size();
      }
      java.lang.management.ThreadMXBean threads =
          java.lang.management.ManagementFactory.getThreadMXBean();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      long measured = 0;
      for (Path f : files) {
        LintResult r = linter.lint(f);
        measured += r.findings().size();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      long bytes = 0;
      for (Path f : files) {
        bytes += Files.size(f);
      }
      System.out.printf(
          "linted %d Dockerfiles (%.1f KiB) in %.3f s: %.0f files/s, %d findings (warm-up pass: %d)%n",
          files.size(), bytes / 1024.0, seconds, files.size() / seconds, measured, findings);
      // on a shared, loaded machine wall time includes waiting for a CPU; CPU time does not
      System.out.printf(
          "CPU time of the linting thread %.3f s: %.0f files per CPU-second (load average %.1f)%n",
          cpuSeconds,
          files.size() / cpuSeconds,
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      // the same files on all cores: Linter is thread-safe
      long parallelStart = System.nanoTime();
      long parallelFindings =
          files.parallelStream().mapToLong(f -> linter.lint(f).findings().size()).sum();
      double parallelSeconds = (System.nanoTime() - parallelStart) / 1e9;
      System.out.printf(
          "parallel on %d cores: %.3f s: %.0f files/s, %d findings%n",
          Runtime.getRuntime().availableProcessors(),
          parallelSeconds,
          files.size() / parallelSeconds,
          parallelFindings);
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static List<Path> generate(Path dir, int n, Random random) throws IOException {
    String[] bases = {
      "debian:12",
      "ubuntu:24.04",
      "alpine:3.20",
      "python:3.12-slim",
      "node:20",
      "debian",
      "golang:1.22"
    };
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder b =
          new StringBuilder("# syntax=docker/dockerfile:1.7\nARG VERSION=1.")
              .append(i)
              .append('\n');
      int stages = 1 + random.nextInt(3);
      for (int s = 0; s < stages; s++) {
        b.append("FROM ")
            .append(bases[random.nextInt(bases.length)])
            .append(" AS stage")
            .append(s)
            .append('\n');
        int body = 6 + random.nextInt(20);
        for (int k = 0; k < body; k++) {
          switch (random.nextInt(12)) {
            case 0 ->
                b.append(
                    "RUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl=7.88.1 ca-certificates \\\n    # keep lists small\n    && rm -rf /var/lib/apt/lists/*\n");
            case 1 -> b.append("RUN apk add --no-cache bash=5.2.26-r0 git\n");
            case 2 -> b.append("RUN pip install --no-cache-dir requests==2.32.3 flask\n");
            case 3 -> b.append("RUN npm install -g express@4.19.2 && npm cache clean --force\n");
            case 4 -> b.append("COPY --chown=65532:65532 app/ /app/\n");
            case 5 -> b.append("ENV PATH=/app/bin:$PATH LANG=C.UTF-8\n");
            case 6 ->
                b.append(
                    "RUN <<EOF\nset -eux\ncd /tmp\nwget -q https://example.com/x.tgz | tar xz\nEOF\n");
            case 7 ->
                b.append("# hadolint ignore=DL3003\nRUN cd /src && make -j4 && make install\n");
            case 8 ->
                b.append(
                    "LABEL org.opencontainers.image.version=\"${VERSION}\" maintainer=\"dev@example.com\"\n");
            case 9 ->
                b.append("WORKDIR /app\nEXPOSE ").append(1000 + random.nextInt(70000)).append('\n');
            case 10 -> b.append("RUN [\"/bin/sh\", \"-c\", \"echo ready\"]\n");
            default ->
                b.append("USER ").append(random.nextBoolean() ? "65532" : "root").append('\n');
          }
        }
      }
      b.append(
          "COPY --from=stage0 /app /app\nHEALTHCHECK CMD [\"/app/health\"]\nENTRYPOINT [\"/app/run\"]\n");
      Path p = dir.resolve("Dockerfile." + i);
      Files.writeString(p, b);
      out.add(p);
    }
    return out;
  }
}
