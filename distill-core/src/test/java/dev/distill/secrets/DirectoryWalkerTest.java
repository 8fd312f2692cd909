package dev.distill.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryWalkerTest {
  @Test
  void listsRegularFilesInPathOrderSkippingGitDirectoriesAndLinks(@TempDir Path dir)
      throws Exception {
    Files.createDirectories(dir.resolve("b/c"));
    Files.createDirectories(dir.resolve("a"));
    Files.createDirectories(dir.resolve(".git/objects"));
    Files.createDirectories(dir.resolve("sub/.git"));
    Files.writeString(dir.resolve(".git/config"), "x");
    Files.writeString(dir.resolve("sub/.git/HEAD"), "x");
    Files.writeString(dir.resolve("b/c/z.txt"), "x");
    Files.writeString(dir.resolve("b/a.txt"), "x");
    Files.writeString(dir.resolve("a/y.txt"), "x");
    Files.writeString(dir.resolve("top.txt"), "x");
    Files.createDirectories(dir.resolve("wt"));
    Files.writeString(dir.resolve("wt/.git"), "x"); // a worktree's .git is a file, and is scanned
    Files.createSymbolicLink(dir.resolve("link-to-file"), dir.resolve("top.txt"));
    Files.createSymbolicLink(dir.resolve("link-to-dir"), dir.resolve("b"));

    List<Path> files = new DirectoryWalker(dir, false).files();

    assertThat(files)
        .containsExactly(
            dir.resolve("a/y.txt"),
            dir.resolve("b/a.txt"),
            dir.resolve("b/c/z.txt"),
            dir.resolve("top.txt"),
            dir.resolve("wt/.git"));
  }
}
