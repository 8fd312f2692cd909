package dev.distill.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import org.junit.jupiter.api.Test;

class HardeningCheckTest {
  private static final RootFs CLEAN =
      RootFs.builder()
          .put(Fixtures.file("usr/sbin/nginx", "x", "nginx"))
          .put(Fixtures.file("usr/bin/ssh", "not a shell", "openssh-client"))
          .put(Fixtures.file("usr/share/bash-completion/completions/apt", "data", "apt"))
          .put(FsEntry.directory("tmp", 01777, 0, 0, "distill"))
          .build();

  @Test
  void cleanImagePasses() {
    assertThat(HardeningCheck.strict().violations(CLEAN)).isEmpty();
    assertThatCode(() -> HardeningCheck.strict().applyTo(CLEAN.toBuilder()))
        .doesNotThrowAnyException();
  }

  @Test
  void findsShellsPackageManagersAndSetuidBits() {
    RootFs fs =
        CLEAN.toBuilder()
            .put(Fixtures.file("bin/dash", "x", "dash"))
            .put(Fixtures.link("usr/bin/sh", "dash", "dash"))
            .put(Fixtures.file("usr/bin/dpkg-query", "x", "dpkg"))
            .put(Fixtures.file("usr/bin/apt-get", "x", "apt"))
            .put(FsEntry.file("usr/bin/passwd", 04755, 0, 0, new byte[1], "passwd"))
            .put(FsEntry.directory("var/mail", 02775, 0, 8, "base-files"))
            .build();

    assertThat(HardeningCheck.strict().violations(fs))
        .containsExactly(
            "/bin/dash is a shell",
            "/usr/bin/apt-get is a package manager",
            "/usr/bin/dpkg-query is a package manager",
            "/usr/bin/passwd has the setuid bit (mode 4755)",
            "/usr/bin/sh is a shell",
            "/var/mail has the setgid bit (mode 2775)");
    assertThatThrownBy(() -> HardeningCheck.strict().check(fs))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("/usr/bin/sh is a shell")
        .hasMessageContaining("allow them explicitly");
    assertThat(new HardeningCheck(true, true, false).violations(fs))
        .containsExactly(
            "/usr/bin/passwd has the setuid bit (mode 4755)",
            "/var/mail has the setgid bit (mode 2775)");
    assertThat(new HardeningCheck(true, true, true).violations(fs)).isEmpty();
  }
}
