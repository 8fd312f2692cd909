package dev.distill.elf;

import java.util.Map;
import java.util.Optional;

/**
 * e_machine values distill knows by name, with the Debian multiarch triplet and the ld.so {@code
 * $PLATFORM} string of each.
 */
public final class ElfMachine {
  private ElfMachine() {}

  public static final int EM_386 = 3;
  public static final int EM_MIPS = 8;
  public static final int EM_PPC = 20;
  public static final int EM_PPC64 = 21;
  public static final int EM_S390 = 22;
  public static final int EM_ARM = 40;
  public static final int EM_X86_64 = 62;
  public static final int EM_AARCH64 = 183;
  public static final int EM_RISCV = 243;
  public static final int EM_LOONGARCH = 258;

  private record Info(String name, String triplet32, String triplet64, String platform) {}

  private static final Map<Integer, Info> KNOWN =
      Map.of(
          EM_386, new Info("i386", "i386-linux-gnu", "i386-linux-gnu", "i686"),
          EM_MIPS, new Info("mips", "mipsel-linux-gnu", "mips64el-linux-gnuabi64", "mips"),
          EM_PPC, new Info("ppc", "powerpc-linux-gnu", "powerpc-linux-gnu", "ppc"),
          EM_PPC64, new Info("ppc64", "powerpc-linux-gnu", "powerpc64le-linux-gnu", "powerpc64le"),
          EM_S390, new Info("s390", "s390-linux-gnu", "s390x-linux-gnu", "s390x"),
          EM_ARM, new Info("arm", "arm-linux-gnueabihf", "arm-linux-gnueabihf", "v7l"),
          EM_X86_64, new Info("x86-64", "x86_64-linux-gnux32", "x86_64-linux-gnu", "x86_64"),
          EM_AARCH64, new Info("aarch64", "aarch64-linux-gnu", "aarch64-linux-gnu", "aarch64"),
          EM_RISCV, new Info("riscv", "riscv32-linux-gnu", "riscv64-linux-gnu", "riscv64"),
          EM_LOONGARCH,
              new Info("loongarch", "loongarch32-linux-gnu", "loongarch64-linux-gnu", "loongarch"));

  /** A readable name for {@code machine}, e.g. {@code x86-64}, or {@code machine-N}. */
  public static String name(int machine) {
    Info info = KNOWN.get(machine);
    return info == null ? "machine-" + machine : info.name();
  }

  /** The Debian multiarch triplet (e.g. {@code x86_64-linux-gnu}), when known. */
  public static Optional<String> multiarchTriplet(int machine, ElfClass elfClass) {
    Info info = KNOWN.get(machine);
    if (info == null) {
      return Optional.empty();
    }
    return Optional.of(elfClass == ElfClass.ELF64 ? info.triplet64() : info.triplet32());
  }

  /** What ld.so substitutes for {@code $PLATFORM} on this machine. */
  public static String platform(int machine) {
    Info info = KNOWN.get(machine);
    return info == null ? "unknown" : info.platform();
  }
}
