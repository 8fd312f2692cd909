package dev.distill.elf;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the ELF header, program headers and dynamic section of a file held in memory. Every offset
 * read from the file is bounds-checked, so a truncated or corrupt file gives an {@link
 * ElfParseException} naming it, never an index exception. Nothing is executed.
 */
public final class ElfParser {
  private static final int PT_LOAD = 1;
  private static final int PT_DYNAMIC = 2;
  private static final int PT_INTERP = 3;
  private static final int PN_XNUM = 0xffff;

  private static final long DT_NULL = 0;
  private static final long DT_NEEDED = 1;
  private static final long DT_STRTAB = 5;
  private static final long DT_STRSZ = 10;
  private static final long DT_SONAME = 14;
  private static final long DT_RPATH = 15;
  private static final long DT_RUNPATH = 29;

  /** A sanity cap: real files have a few dozen program headers. */
  private static final int MAX_PROGRAM_HEADERS = 65536;

  private ElfParser() {}

  /** Whether {@code data} starts with the ELF magic number. */
  public static boolean isElf(byte[] data) {
    return data.length >= 4
        && data[0] == 0x7f
        && data[1] == 'E'
        && data[2] == 'L'
        && data[3] == 'F';
  }

  /** Parses {@code data}; {@code name} names the file in errors. */
  public static ElfFile parse(String name, byte[] data) {
    if (!isElf(data)) {
      throw new ElfParseException(name, "not an ELF file (no \\x7fELF magic number)");
    }
    Reader r = new Reader(name, data);
    r.require(0, 16, "the ELF identification");
    ElfClass elfClass =
        switch (data[4]) {
          case 1 -> ElfClass.ELF32;
          case 2 -> ElfClass.ELF64;
          default -> throw new ElfParseException(name, "unknown ELF class " + data[4]);
        };
    r.order =
        switch (data[5]) {
          case 1 -> ByteOrder.LITTLE_ENDIAN;
          case 2 -> ByteOrder.BIG_ENDIAN;
          default -> throw new ElfParseException(name, "unknown ELF data encoding " + data[5]);
        };
    boolean is64 = elfClass == ElfClass.ELF64;
    r.require(0, is64 ? 64 : 52, "the ELF header");
    int eType = r.u16(16);
    int machine = r.u16(18);
    long phoff = is64 ? r.u64(32) : r.u32(28);
    long shoff = is64 ? r.u64(40) : r.u32(32);
    int phentsize = r.u16(is64 ? 54 : 42);
    int phnum = r.u16(is64 ? 56 : 44);
    int shentsize = r.u16(is64 ? 58 : 46);
    if (phnum == PN_XNUM) {
      // The real count lives in sh_info of section header 0.
      long shInfo = shoff + (is64 ? 44 : 28);
      r.require(shoff, shentsize, "section header 0 (holding the program header count)");
      phnum = (int) Math.min(r.u32(shInfo), MAX_PROGRAM_HEADERS + 1L);
    }
    if (phnum > MAX_PROGRAM_HEADERS) {
      throw new ElfParseException(name, "implausible program header count " + phnum);
    }
    int minEntry = is64 ? 56 : 32;
    if (phnum > 0 && phentsize < minEntry) {
      throw new ElfParseException(
          name, "program header entry size " + phentsize + " is below " + minEntry);
    }
    r.require(phoff, (long) phnum * phentsize, "the program header table");

    List<Segment> loads = new ArrayList<>();
    Segment dynamicSegment = null;
    String interpreter = null;
    for (int i = 0; i < phnum; i++) {
      long at = phoff + (long) i * phentsize;
      int pType = (int) r.u32(at);
      Segment s =
          is64
              ? new Segment(r.u64(at + 8), r.u64(at + 16), r.u64(at + 32), r.u64(at + 40))
              : new Segment(r.u32(at + 4), r.u32(at + 8), r.u32(at + 16), r.u32(at + 20));
      switch (pType) {
        case PT_LOAD -> loads.add(s);
        case PT_DYNAMIC -> dynamicSegment = s;
        case PT_INTERP -> {
          r.require(s.offset, s.fileSize, "the PT_INTERP segment");
          interpreter = r.cString(s.offset, s.offset + s.fileSize, "the interpreter path");
        }
        default -> {}
      }
    }

    List<String> needed = new ArrayList<>();
    List<String> rpath = new ArrayList<>();
    List<String> runpath = new ArrayList<>();
    String soname = null;
    if (dynamicSegment != null) {
      Dynamic dyn = readDynamic(r, dynamicSegment, is64);
      if (dyn.strtab == null) {
        if (!dyn.stringRefs.isEmpty()) {
          throw new ElfParseException(name, "the dynamic section has strings but no DT_STRTAB");
        }
      } else {
        long strOffset = toFileOffset(name, loads, dyn.strtab);
        long strEnd =
            dyn.strsz == null ? data.length : Math.min(data.length, strOffset + dyn.strsz);
        r.require(strOffset, 0, "the dynamic string table");
        for (long[] ref : dyn.stringRefs) {
          long tag = ref[0];
          if (ref[1] < 0 || strOffset + ref[1] >= strEnd) {
            throw new ElfParseException(
                name, "dynamic string offset " + ref[1] + " lies outside the string table");
          }
          String value = r.cString(strOffset + ref[1], strEnd, "a dynamic string");
          if (tag == DT_NEEDED) {
            needed.add(value);
          } else if (tag == DT_SONAME) {
            soname = value;
          } else if (tag == DT_RPATH) {
            rpath.addAll(splitPath(value));
          } else if (tag == DT_RUNPATH) {
            runpath.addAll(splitPath(value));
          }
        }
      }
    }
    return new ElfFile(
        name,
        elfClass,
        r.order,
        ElfType.of(eType),
        machine,
        Optional.ofNullable(interpreter),
        needed,
        Optional.ofNullable(soname),
        rpath,
        runpath,
        dynamicSegment != null);
  }

  private static List<String> splitPath(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(":", -1)) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    return out;
  }

  private record Segment(long offset, long vaddr, long fileSize, long memSize) {}

  private static final class Dynamic {
    Long strtab;
    Long strsz;
    final List<long[]> stringRefs = new ArrayList<>();
  }

  private static Dynamic readDynamic(Reader r, Segment seg, boolean is64) {
    r.require(seg.offset, seg.fileSize, "the PT_DYNAMIC segment");
    int entrySize = is64 ? 16 : 8;
    Dynamic dyn = new Dynamic();
    for (long at = seg.offset; at + entrySize <= seg.offset + seg.fileSize; at += entrySize) {
      long tag = is64 ? r.u64(at) : r.s32(at);
      long val = is64 ? r.u64(at + 8) : r.u32(at + 4);
      if (tag == DT_NULL) {
        break;
      }
      if (tag == DT_STRTAB) {
        dyn.strtab = val;
      } else if (tag == DT_STRSZ) {
        dyn.strsz = val;
      } else if (tag == DT_NEEDED || tag == DT_SONAME || tag == DT_RPATH || tag == DT_RUNPATH) {
        dyn.stringRefs.add(new long[] {tag, val});
      }
    }
    return dyn;
  }

  /** Maps a virtual address to a file offset through the PT_LOAD segment that holds it. */
  private static long toFileOffset(String name, List<Segment> loads, long vaddr) {
    for (Segment s : loads) {
      if (Long.compareUnsigned(vaddr, s.vaddr) >= 0
          && Long.compareUnsigned(vaddr - s.vaddr, s.fileSize) < 0) {
        return s.offset + (vaddr - s.vaddr);
      }
    }
    throw new ElfParseException(
        name,
        "the dynamic string table address 0x"
            + Long.toHexString(vaddr)
            + " lies in no PT_LOAD segment");
  }

  /** Bounds-checked little/big-endian reads over the file bytes. */
  private static final class Reader {
    final String name;
    final byte[] data;
    ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    Reader(String name, byte[] data) {
      this.name = name;
      this.data = data;
    }

    void require(long offset, long length, String what) {
      if (offset < 0 || length < 0 || offset > data.length || length > data.length - offset) {
        throw new ElfParseException(
            name,
            "truncated or corrupt: "
                + what
                + " at offset "
                + Long.toUnsignedString(offset)
                + " (+"
                + Long.toUnsignedString(length)
                + " bytes) lies beyond the end of the "
                + data.length
                + "-byte file");
      }
    }

    long unsigned(long offset, int bytes) {
      require(offset, bytes, bytes + "-byte field");
      long v = 0;
      for (int i = 0; i < bytes; i++) {
        int b = data[(int) offset + (order == ByteOrder.LITTLE_ENDIAN ? bytes - 1 - i : i)] & 0xff;
        v = (v << 8) | b;
      }
      return v;
    }

    int u16(long offset) {
      return (int) unsigned(offset, 2);
    }

    long u32(long offset) {
      return unsigned(offset, 4);
    }

    long s32(long offset) {
      return (int) unsigned(offset, 4);
    }

    /** A 64-bit value; values above Long.MAX_VALUE come back negative and fail bounds checks. */
    long u64(long offset) {
      return unsigned(offset, 8);
    }

    String cString(long from, long limit, String what) {
      int end = (int) from;
      while (end < limit && end < data.length && data[end] != 0) {
        end++;
      }
      if (end >= limit || end >= data.length) {
        throw new ElfParseException(name, "truncated or corrupt: " + what + " is not terminated");
      }
      return new String(data, (int) from, end - (int) from, StandardCharsets.UTF_8);
    }
  }
}
