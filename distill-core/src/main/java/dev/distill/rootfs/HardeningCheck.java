package dev.distill.rootfs;

import dev.distill.DistillException;
import dev.distill.fs.EntryType;
import dev.distill.fs.FsEntry;
import dev.distill.fs.FsPaths;
import dev.distill.fs.RootFs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fails the build when the root filesystem holds a shell, a package manager, or any entry with the
 * setuid or setgid bit, unless the spec allows that kind explicitly.
 *
 * @param allowShell keep shells (sh, bash, dash, busybox…)
 * @param allowPackageManager keep dpkg and apt
 * @param allowSetuid keep setuid/setgid bits
 */
public record HardeningCheck(boolean allowShell, boolean allowPackageManager, boolean allowSetuid)
    implements RootFsStep {

  private static final Set<String> BIN_DIRS =
      Set.of("bin", "sbin", "usr/bin", "usr/sbin", "usr/local/bin", "usr/local/sbin");
  private static final Set<String> SHELLS =
      Set.of(
          "sh", "bash", "rbash", "dash", "ash", "zsh", "ksh", "ksh93", "mksh", "pdksh", "csh",
          "tcsh", "fish", "yash", "posh", "busybox", "toybox");
  private static final Set<String> PACKAGE_MANAGERS =
      Set.of("apt", "aptitude", "dpkg", "rpm", "yum", "dnf", "apk", "microdnf");

  /** Allows nothing: the distroless default. */
  public static HardeningCheck strict() {
    return new HardeningCheck(false, false, false);
  }

  /** Every violation, one line each, sorted by path. */
  public List<String> violations(RootFs fs) {
    List<String> out = new ArrayList<>();
    for (FsEntry e : fs.entries()) {
      String dir = FsPaths.parent(e.path());
      String name = e.path().substring(dir.isEmpty() ? 0 : dir.length() + 1);
      boolean inBin = BIN_DIRS.contains(dir) && e.type() != EntryType.DIRECTORY;
      if (!allowShell && (inBin && SHELLS.contains(name) || name.equals("busybox"))) {
        out.add("/" + e.path() + " is a shell");
      }
      if (!allowPackageManager
          && inBin
          && (PACKAGE_MANAGERS.contains(name)
              || name.startsWith("dpkg-")
              || name.startsWith("apt-"))) {
        out.add("/" + e.path() + " is a package manager");
      }
      if (!allowSetuid && e.isSetuidOrSetgid()) {
        out.add(
            "/"
                + e.path()
                + " has the "
                + ((e.mode() & 04000) != 0 ? "setuid" : "setgid")
                + " bit (mode "
                + Integer.toOctalString(e.mode())
                + ")");
      }
    }
    return out;
  }

  /** Throws a {@link DistillException} listing every violation. */
  public void check(RootFs fs) {
    List<String> violations = violations(fs);
    if (!violations.isEmpty()) {
      throw new DistillException(
          "the image is not hardened: "
              + String.join("; ", violations)
              + ". Remove these files from the spec's paths, or allow them explicitly in the spec"
              + " (shell, package manager, setuid).");
    }
  }

  @Override
  public void applyTo(RootFs.Builder builder) {
    check(builder.build());
  }
}
