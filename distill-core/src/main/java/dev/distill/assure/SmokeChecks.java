package dev.distill.assure;

import dev.distill.DistillException;
import dev.distill.progress.ProgressListener;
import dev.distill.spec.ImageSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an image spec's {@code checks} against an image loaded into the local Docker engine: the
 * container starts hardened (read-only root, tmpfs /tmp, no capabilities, no new privileges, host
 * network, loopback only) and each check must pass — an HTTP status, a TCP port, a redis PING, or
 * that no shell can be started.
 */
public final class SmokeChecks {
  static final List<String> HARDENED =
      List.of(
          "--read-only",
          "--tmpfs",
          "/tmp",
          "--cap-drop",
          "ALL",
          "--security-opt",
          "no-new-privileges",
          "--network",
          "host");

  private final String docker;
  private final Duration startupTimeout;
  private final ProgressListener progress;

  public SmokeChecks(String docker, Duration startupTimeout, ProgressListener progress) {
    this.docker = docker;
    this.startupTimeout = startupTimeout;
    this.progress = progress;
  }

  /** One check's outcome. */
  public record Result(ImageSpec.Check check, boolean passed, String detail) {}

  /** Runs every check of {@code checks} against {@code image}; never throws for a failed check. */
  public List<Result> run(String image, List<ImageSpec.Check> checks) {
    List<Result> results = new ArrayList<>();
    boolean needsContainer = checks.stream().anyMatch(c -> !c.type().equals("no-shell"));
    String container = "distill-check-" + Long.toHexString(System.nanoTime());
    try {
      if (needsContainer) {
        List<String> cmd = new ArrayList<>(List.of(docker, "run", "-d", "--name", container));
        cmd.addAll(HARDENED);
        cmd.add(image);
        exec(cmd, Duration.ofMinutes(2), true);
      }
      for (ImageSpec.Check check : checks) {
        Result r = runOne(image, check);
        progress.note(
            (r.passed() ? "check passed: " : "check FAILED: ")
                + describe(check)
                + " — "
                + r.detail());
        results.add(r);
      }
    } finally {
      if (needsContainer) {
        exec(List.of(docker, "rm", "-f", "-v", container), Duration.ofMinutes(1), false);
      }
    }
    return results;
  }

  static String describe(ImageSpec.Check c) {
    return switch (c.type()) {
      case "http" -> "http 127.0.0.1:" + c.port() + c.path() + " -> " + c.expectStatus();
      case "no-shell" -> "no shell";
      default -> c.type() + " 127.0.0.1:" + c.port();
    };
  }

  private Result runOne(String image, ImageSpec.Check check) {
    try {
      return switch (check.type()) {
        case "http" -> http(check);
        case "tcp" -> tcp(check);
        case "redis" -> redis(check);
        case "no-shell" -> noShell(image, check);
        default -> new Result(check, false, "unknown check type");
      };
    } catch (IOException e) {
      return new Result(check, false, e.toString());
    }
  }

  private Result http(ImageSpec.Check check) throws IOException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI uri = URI.create("http://127.0.0.1:" + check.port() + check.path());
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> r =
            client.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        return new Result(check, r.statusCode() == check.expectStatus(), "HTTP " + r.statusCode());
      } catch (IOException e) {
        last = e;
        pause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    return new Result(check, false, "no answer: " + last);
  }

  private Result tcp(ImageSpec.Check check) throws IOException {
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", check.port()), 2000);
        return new Result(check, true, "port open");
      } catch (IOException e) {
        last = e;
        pause();
      }
    }
    return new Result(check, false, "port closed: " + last);
  }

  private Result redis(ImageSpec.Check check) throws IOException {
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", check.port()), 2000);
        s.setSoTimeout(5000);
        OutputStream out = s.getOutputStream();
        out.write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        byte[] buf = new byte[64];
        int n = s.getInputStream().read(buf);
        String reply = n > 0 ? new String(buf, 0, n, StandardCharsets.US_ASCII).strip() : "";
        if (reply.startsWith("-LOADING")) {
          pause();
          continue;
        }
        return new Result(check, reply.equals("+PONG"), "reply " + reply);
      } catch (IOException e) {
        last = e;
        pause();
      }
    }
    return new Result(check, false, "no answer: " + last);
  }

  private Result noShell(String image, ImageSpec.Check check) {
    Exec e =
        exec(
            List.of(
                docker,
                "run",
                "--rm",
                "--network",
                "host",
                "--entrypoint",
                "/bin/sh",
                image,
                "-c",
                "true"),
            Duration.ofMinutes(2),
            false);
    return new Result(check, e.code() != 0, e.code() != 0 ? "/bin/sh cannot start" : "a shell ran");
  }

  private record Exec(int code, String output) {}

  private Exec exec(List<String> command, Duration timeout, boolean mustSucceed) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (InputStream in = p.getInputStream()) {
        in.transferTo(out);
      }
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new DistillException(
            "'" + String.join(" ", command) + "' did not finish in " + timeout);
      }
      String text = out.toString(StandardCharsets.UTF_8).strip();
      if (mustSucceed && p.exitValue() != 0) {
        throw new DistillException("'" + String.join(" ", command) + "' failed: " + text);
      }
      return new Exec(p.exitValue(), text);
    } catch (IOException e) {
      throw new DistillException(
          "cannot run "
              + docker
              + " for the image checks ("
              + e.getMessage()
              + "); is Docker installed?",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DistillException("interrupted while running image checks", e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
