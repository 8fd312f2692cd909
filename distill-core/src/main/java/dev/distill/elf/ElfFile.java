package dev.distill.elf;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

/**
 * What distill needs to know about one ELF file: its kind, and how the dynamic loader finds its
 * dependencies.
 *
 * @param name the file's name as given to the parser (used in messages)
 * @param elfClass 32 or 64-bit
 * @param byteOrder little or big endian
 * @param type e_type
 * @param machine e_machine (see {@link ElfMachine})
 * @param interpreter the PT_INTERP path, e.g. {@code /lib64/ld-linux-x86-64.so.2}
 * @param needed DT_NEEDED names in file order
 * @param soname DT_SONAME
 * @param rpath DT_RPATH entries (split on ':'), unexpanded
 * @param runpath DT_RUNPATH entries (split on ':'), unexpanded
 * @param dynamic whether the file has a PT_DYNAMIC segment
 */
public record ElfFile(
    String name,
    ElfClass elfClass,
    ByteOrder byteOrder,
    ElfType type,
    int machine,
    Optional<String> interpreter,
    List<String> needed,
    Optional<String> soname,
    List<String> rpath,
    List<String> runpath,
    boolean dynamic) {

  public ElfFile {
    needed = List.copyOf(needed);
    rpath = List.copyOf(rpath);
    runpath = List.copyOf(runpath);
  }

  /** Whether ld.so would accept this file as a dependency of {@code other} (class and machine). */
  public boolean compatibleWith(ElfFile other) {
    return elfClass == other.elfClass && machine == other.machine && byteOrder == other.byteOrder;
  }

  public String machineName() {
    return ElfMachine.name(machine);
  }
}
