package dev.distill.rootfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distill.fs.EntryType;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import org.junit.jupiter.api.Test;

class UsrMergeTest {
  @Test
  void movesTopLevelDirectoriesUnderUsrAndKeepsLinksWorking() {
    RootFs union =
        RootFs.builder()
            .put(Fixtures.dir("lib", 0755, "libc6"))
            .put(Fixtures.file("lib/x86_64-linux-gnu/libc.so.6", "libc", "libc6"))
            .put(Fixtures.link("lib/x86_64-linux-gnu/libz.so.1", "libz.so.1.2.13", "zlib1g"))
            .put(Fixtures.file("lib/x86_64-linux-gnu/libz.so.1.2.13", "z", "zlib1g"))
            .put(
                Fixtures.link(
                    "lib64/ld-linux-x86-64.so.2",
                    "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
                    "libc6"))
            .put(Fixtures.file("lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "ld", "libc6"))
            .put(Fixtures.link("bin/pidof", "../sbin/killall5", "sysvinit-utils"))
            .put(Fixtures.file("sbin/killall5", "k", "sysvinit-utils"))
            .put(Fixtures.file("usr/lib/x86_64-linux-gnu/libc.so.6", "newer", "libc6"))
            .put(FsEntry.hardlink("usr/bin/k2", "sbin/killall5", 0755, 0, 0, "sysvinit-utils"))
            .put(Fixtures.file("usr/bin/env", "env", "coreutils"))
            .build();

    RootFs merged = UsrMerge.apply(union);

    assertThat(UsrMerge.isMerged(union)).isFalse();
    assertThat(UsrMerge.isMerged(merged)).isTrue();
    for (String top : new String[] {"lib", "lib64", "bin", "sbin"}) {
      FsEntry link = merged.get(top).orElseThrow();
      assertThat(link.type()).isEqualTo(EntryType.SYMLINK);
      assertThat(link.linkTarget()).isEqualTo("usr/" + top);
    }
    assertThat(merged.get("lib32")).isEmpty();
    // The usr/ copy wins over the one in /lib.
    assertThat(Fixtures.text(merged, "usr/lib/x86_64-linux-gnu/libc.so.6")).isEqualTo("newer");
    assertThat(new String(merged.resolve("lib64/ld-linux-x86-64.so.2").orElseThrow().content()))
        .isEqualTo("ld");
    assertThat(merged.get("usr/lib/x86_64-linux-gnu/libz.so.1").orElseThrow().linkTarget())
        .isEqualTo("libz.so.1.2.13");
    assertThat(merged.get("usr/bin/pidof").orElseThrow().linkTarget()).isEqualTo("/sbin/killall5");
    assertThat(merged.resolve("bin/pidof").orElseThrow().path()).isEqualTo("usr/sbin/killall5");
    assertThat(merged.get("usr/bin/k2").orElseThrow().linkTarget()).isEqualTo("usr/sbin/killall5");
    assertThat(merged.get("usr/bin/env")).isPresent();
    assertThat(merged.get("usr/lib").orElseThrow().type()).isEqualTo(EntryType.DIRECTORY);
  }
}
