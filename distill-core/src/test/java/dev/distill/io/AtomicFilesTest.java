package dev.distill.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @Test
  void writesReplacesAndLeavesOnlyTheTarget(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("sub/report.csv");
    AtomicFiles.write(target, "one".getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(target, "two".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(target)).isEqualTo("two");
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void bytesLongerThanOneSliceArriveWholeAndInOrder(@TempDir Path dir) throws IOException {
    byte[] bytes = new byte[3 * 64 * 1024 + 7];
    new java.util.Random(3).nextBytes(bytes);
    Path target = dir.resolve("big.bin");

    AtomicFiles.write(target, bytes);
    assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
    AtomicFiles.write(target, new byte[0]);
    assertThat(Files.size(target)).isZero();
  }

  @Test
  void aFailedWriteKeepsTheOldContentAndNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("report.csv");
    Files.writeString(target, "old");
    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write('x');
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(Files.readString(target)).isEqualTo("old");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void aDeviceIsWrittenThroughNotReplaced(@TempDir Path dir) throws IOException {
    // Through a link in the test's own folder: were the device replaced, only the link would go.
    Path devNull = Path.of("/dev/null");
    Path link = Files.createSymbolicLink(dir.resolve("out"), devNull);
    AtomicFiles.write(link, "report".getBytes(StandardCharsets.UTF_8));

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.isRegularFile(devNull)).isFalse();
    assertThat(Files.size(devNull)).isZero();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(link);
    }
  }

  @Test
  void aLinkToAFileStaysALinkAndTheFileIsReplaced(@TempDir Path dir) throws IOException {
    Path real = Files.writeString(dir.resolve("real.csv"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("report.csv"), real);
    AtomicFiles.write(link, "new".getBytes(StandardCharsets.UTF_8));

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("new");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactlyInAnyOrder(link, real);
    }
  }

  @Test
  void aDirectoryIsRefusedWithItsName(@TempDir Path dir) {
    assertThatThrownBy(() -> AtomicFiles.write(dir, new byte[1]))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is a directory");
  }
}
