package dev.distill.elf;

/** EI_CLASS: the word size of an ELF file. */
public enum ElfClass {
  ELF32,
  ELF64
}
