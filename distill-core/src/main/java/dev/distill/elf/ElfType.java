package dev.distill.elf;

/** e_type: what kind of object an ELF file is. */
public enum ElfType {
  NONE,
  RELOCATABLE,
  EXECUTABLE,
  /** A shared object, which includes position-independent executables. */
  SHARED_OBJECT,
  CORE,
  OTHER;

  static ElfType of(int eType) {
    return switch (eType) {
      case 0 -> NONE;
      case 1 -> RELOCATABLE;
      case 2 -> EXECUTABLE;
      case 3 -> SHARED_OBJECT;
      case 4 -> CORE;
      default -> OTHER;
    };
  }
}
