/**
 * ELF reading and the run-time library closure of executables, without executing anything.
 *
 * <p>{@link dev.distill.elf.ElfParser#parse} reads one file (32/64-bit, either byte order) into an
 * {@link dev.distill.elf.ElfFile}; {@link dev.distill.elf.ElfClosure#compute} walks a {@link
 * dev.distill.fs.RootFs} the way ld.so would and returns every path (files and the symlinks leading
 * to them) the executables need.
 */
package dev.distill.elf;
