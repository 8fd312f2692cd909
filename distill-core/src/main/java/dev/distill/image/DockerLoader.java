package dev.distill.image;

import dev.distill.DistillException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Hands a docker-archive to a local engine with {@code docker load} — the one place distill runs
 * another program, and only to deliver a finished image (as Jib does).
 */
public final class DockerLoader {
  private final String dockerCommand;

  /** Uses {@code docker} from PATH. */
  public DockerLoader() {
    this("docker");
  }

  public DockerLoader(String dockerCommand) {
    this.dockerCommand = dockerCommand;
  }

  /**
   * Pipes {@code archive} into {@code docker load} and returns what docker printed (e.g. {@code
   * Loaded image: distill/nginx:latest}). A missing docker CLI or a failed load is a {@link
   * DistillException} with docker's own message.
   */
  public String load(Path archive) {
    Process p;
    try {
      p = new ProcessBuilder(List.of(dockerCommand, "load")).start();
    } catch (IOException e) {
      throw new DistillException(
          "cannot run '"
              + dockerCommand
              + " load': the docker CLI was not found ("
              + e.getMessage()
              + "); install Docker, or write the image with --output docker-archive:FILE or"
              + " oci:DIR instead of --load");
    }
    CompletableFuture<String> stdout = readAsync(p.getInputStream());
    CompletableFuture<String> stderr = readAsync(p.getErrorStream());
    try (OutputStream in = p.getOutputStream()) {
      Files.copy(archive, in);
    } catch (IOException e) {
      // docker closed its stdin early; its exit code and stderr say why
    }
    try {
      int code = p.waitFor();
      String out = stdout.join().trim();
      String err = stderr.join().trim();
      if (code != 0) {
        throw new DistillException(
            "docker load of "
                + archive
                + " failed (exit "
                + code
                + "): "
                + (err.isEmpty() ? out : err)
                + (err.contains("Cannot connect") || err.contains("daemon")
                    ? " — is the Docker engine running?"
                    : ""));
      }
      return out;
    } catch (InterruptedException e) {
      p.destroy();
      Thread.currentThread().interrupt();
      throw new DistillException("interrupted while loading " + archive + " into docker");
    }
  }

  /** Writes {@code image} to a temporary docker-archive and loads it. */
  public String load(Image image, List<String> repoTags) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("distill-load-", ".tar");
      DockerArchiveWriter.write(tmp, image, repoTags);
      return load(tmp);
    } catch (IOException e) {
      throw new DistillException("cannot create a temporary archive: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // temp file of our own
        }
      }
    }
  }

  private static CompletableFuture<String> readAsync(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        });
  }
}
