package dev.distill.debian.repo;

import dev.distill.DistillException;
import java.util.List;

/** The Debian releases and architectures distill supports. */
public final class DebianReleases {
  public static final List<String> RELEASES = List.of("bookworm", "trixie");
  public static final List<String> ARCHITECTURES = List.of("amd64", "arm64");

  private DebianReleases() {}

  public static void requireSupported(String release) {
    if (!RELEASES.contains(release)) {
      throw new DistillException(
          "Unsupported Debian release '"
              + release
              + "'. Use one of: "
              + String.join(", ", RELEASES)
              + ".");
    }
  }

  public static void requireSupportedArchitecture(String arch) {
    if (!ARCHITECTURES.contains(arch)) {
      throw new DistillException(
          "Unsupported architecture '"
              + arch
              + "'. Use one of: "
              + String.join(", ", ARCHITECTURES)
              + ".");
    }
  }
}
