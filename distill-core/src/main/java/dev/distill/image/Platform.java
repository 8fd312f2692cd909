package dev.distill.image;

import dev.distill.DistillException;
import java.util.Objects;

/**
 * An OCI platform: {@code os}, {@code architecture} and an optional {@code variant} ({@code
 * linux/arm64/v8}). {@link #forDebianArch} maps Debian architecture names to OCI ones.
 */
public record Platform(String os, String architecture, String variant) {
  public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", null);
  public static final Platform LINUX_ARM64 = new Platform("linux", "arm64", "v8");

  public Platform {
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(architecture, "architecture");
    if (variant != null && variant.isEmpty()) {
      variant = null;
    }
  }

  /** Parses {@code os/arch[/variant]}, e.g. {@code linux/arm64/v8}. */
  public static Platform parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new DistillException(
          "invalid platform '" + text + "': expected os/architecture[/variant], e.g. linux/amd64");
    }
    return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
  }

  /** The OCI platform of a Debian architecture ({@code amd64}, {@code arm64}, {@code armhf}…). */
  public static Platform forDebianArch(String debianArch) {
    return switch (debianArch) {
      case "amd64" -> LINUX_AMD64;
      case "arm64" -> LINUX_ARM64;
      case "armhf" -> new Platform("linux", "arm", "v7");
      case "armel" -> new Platform("linux", "arm", "v5");
      case "i386" -> new Platform("linux", "386", null);
      case "ppc64el" -> new Platform("linux", "ppc64le", null);
      case "s390x" -> new Platform("linux", "s390x", null);
      case "riscv64" -> new Platform("linux", "riscv64", null);
      case "mips64el" -> new Platform("linux", "mips64le", null);
      default ->
          throw new DistillException(
              "unknown Debian architecture '"
                  + debianArch
                  + "': use one of amd64, arm64, armhf, armel, i386, ppc64el, s390x, riscv64");
    };
  }

  /**
   * True when this platform matches {@code wanted}; a missing variant on either side matches any
   * variant (arm64 images often omit v8).
   */
  public boolean matches(Platform wanted) {
    return os.equals(wanted.os)
        && architecture.equals(wanted.architecture)
        && (variant == null || wanted.variant == null || variant.equals(wanted.variant));
  }

  @Override
  public String toString() {
    return os + "/" + architecture + (variant == null ? "" : "/" + variant);
  }
}
