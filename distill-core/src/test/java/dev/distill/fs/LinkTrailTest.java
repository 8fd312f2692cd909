package dev.distill.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkTrailTest {
  private static final RootFs FS =
      RootFs.builder()
          .put(FsEntry.symlink("lib", "usr/lib", 0, 0, "p"))
          .put(FsEntry.symlink("lib64", "usr/lib64", 0, 0, "p"))
          .put(FsEntry.symlink("usr/lib64/ld.so", "/lib/x86_64-linux-gnu/ld.so", 0, 0, "p"))
          .put(FsEntry.file("usr/lib/x86_64-linux-gnu/ld.so", 0755, 0, 0, new byte[1], "p"))
          .put(FsEntry.symlink("usr/lib/x86_64-linux-gnu/up", "../../bin", 0, 0, "p"))
          .put(FsEntry.file("usr/bin/tool", 0755, 0, 0, new byte[1], "p"))
          .put(FsEntry.symlink("loop1", "loop2", 0, 0, "p"))
          .put(FsEntry.symlink("loop2", "loop1", 0, 0, "p"))
          .build();

  @Test
  void recordsEveryLinkOnTheWay() {
    LinkTrail t = LinkTrail.walk(FS, "/lib64/ld.so").orElseThrow();
    assertThat(t.target()).isEqualTo("usr/lib/x86_64-linux-gnu/ld.so");
    assertThat(t.links()).containsExactly("lib64", "usr/lib64/ld.so", "lib");
    assertThat(t.entries())
        .containsExactly("lib64", "usr/lib64/ld.so", "lib", "usr/lib/x86_64-linux-gnu/ld.so");
  }

  @Test
  void dotDotStepsUpFromTheRealDirectory() {
    // lib/x86_64-linux-gnu/../.. is usr (physically, lib being a link), not the root.
    assertThat(LinkTrail.walk(FS, "lib/x86_64-linux-gnu/../../bin/tool").orElseThrow().target())
        .isEqualTo("usr/bin/tool");
    assertThat(LinkTrail.walk(FS, "lib/x86_64-linux-gnu/up/tool").orElseThrow().links())
        .isEqualTo(List.of("lib", "usr/lib/x86_64-linux-gnu/up"));
  }

  @Test
  void missingLoopsAndFilesAsDirectoriesAreEmpty() {
    assertThat(LinkTrail.walk(FS, "usr/bin/missing")).isEmpty();
    assertThat(LinkTrail.walk(FS, "loop1")).isEmpty();
    assertThat(LinkTrail.walk(FS, "usr/bin/tool/x")).isEmpty();
    assertThat(LinkTrail.walk(FS, "/")).isEmpty();
  }
}
