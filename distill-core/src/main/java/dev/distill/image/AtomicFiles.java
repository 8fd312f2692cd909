package dev.distill.image;

import dev.distill.DistillException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** Writes outputs beside their destination first and renames them into place when complete. */
final class AtomicFiles {
  private AtomicFiles() {}

  interface StreamWriter {
    void write(OutputStream out) throws IOException;
  }

  interface DirWriter {
    void write(Path dir) throws IOException;
  }

  static void writeFile(Path target, StreamWriter writer) {
    Path abs = target.toAbsolutePath();
    Path parent = abs.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(parent);
      tmp = Files.createTempFile(parent, "." + abs.getFileName() + ".", ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writer.write(out);
      }
      move(tmp, abs);
    } catch (IOException e) {
      throw new DistillException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /**
   * Fills a fresh temporary directory next to {@code target} and renames it into place; an existing
   * {@code target} is replaced only when {@code replaceable} says it may be.
   */
  static void writeDir(
      Path target, DirWriter writer, java.util.function.Predicate<Path> replaceable) {
    Path abs = target.toAbsolutePath();
    Path parent = abs.getParent();
    Path tmp = null;
    Path old = null;
    try {
      Files.createDirectories(parent);
      if (Files.exists(abs) && !replaceable.test(abs)) {
        throw new DistillException(
            target + " exists and is not an OCI image layout; choose an empty or new directory");
      }
      tmp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".");
      writer.write(tmp);
      if (Files.exists(abs)) {
        old = Files.createTempDirectory(parent, "." + abs.getFileName() + ".old.");
        Files.delete(old);
        Files.move(abs, old);
      }
      move(tmp, abs);
      tmp = null;
    } catch (IOException e) {
      throw new DistillException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      deleteTree(tmp);
      deleteTree(old);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // best effort cleanup of our own temp file
      }
    }
  }

  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc)
                throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
