package dev.distill.cli.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives the real Docker engine for integration tests through the docker CLI. The engine is started
 * by the project's own script ({@code scripts/start-docker.sh}) when it is not running.
 */
public final class Docker {
  private Docker() {}

  /** The outcome of one command. */
  public record Result(int exitCode, String stdout, String stderr) {
    public Result orThrow() {
      if (exitCode != 0) {
        throw new IllegalStateException("exit " + exitCode + ": " + stderr + stdout);
      }
      return this;
    }
  }

  /** Starts the engine through the project's script; returns once {@code docker info} answers. */
  public static void ensureEngine() {
    Path script = repoRoot().resolve("scripts/start-docker.sh");
    Result r = exec(Duration.ofMinutes(2), "bash", script.toString());
    if (r.exitCode() != 0) {
      throw new IllegalStateException("could not start the Docker engine: " + r.stderr());
    }
  }

  public static Result docker(String... args) {
    return docker(Duration.ofMinutes(10), args);
  }

  public static Result docker(Duration timeout, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("docker");
    cmd.addAll(List.of(args));
    return exec(timeout, cmd.toArray(String[]::new));
  }

  public static Result exec(Duration timeout, String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
      p.getOutputStream().close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread o = pump(p.getInputStream(), out);
      Thread e = pump(p.getErrorStream(), err);
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", command));
      }
      o.join();
      e.join();
      return new Result(
          p.exitValue(),
          out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(ex);
    }
  }

  private static Thread pump(InputStream in, ByteArrayOutputStream sink) {
    Thread t =
        new Thread(
            () -> {
              try (in) {
                in.transferTo(sink);
              } catch (IOException ignored) {
                // The process ended; what was read is kept.
              }
            });
    t.start();
    return t;
  }

  /** The repository root (tests run with the module directory as working directory). */
  public static Path repoRoot() {
    Path here = Path.of("").toAbsolutePath();
    return here.getFileName().toString().startsWith("distill-") ? here.getParent() : here;
  }

  /** The uid the main process of a running container has, read from the host's /proc. */
  public static int processUid(String container) throws IOException {
    String pid = docker("inspect", "-f", "{{.State.Pid}}", container).orThrow().stdout().strip();
    for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", pid, "status"))) {
      if (line.startsWith("Uid:")) {
        return Integer.parseInt(line.split("\\s+")[1]);
      }
    }
    throw new IllegalStateException("no Uid line for pid " + pid);
  }
}
