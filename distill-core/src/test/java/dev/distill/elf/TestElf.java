package dev.distill.elf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds tiny but well-formed ELF files for tests: header, PT_LOAD, PT_INTERP, PT_DYNAMIC. */
public final class TestElf {
  static final long BASE = 0x10000;

  private boolean is64 = true;
  private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
  private int machine = ElfMachine.EM_X86_64;
  private int type = 3;
  private String interp;
  private final List<String> needed = new ArrayList<>();
  private String soname;
  private String rpath;
  private String runpath;
  private boolean dynamic = true;

  public static TestElf x8664() {
    return new TestElf();
  }

  public TestElf elf32() {
    is64 = false;
    return this;
  }

  public TestElf bigEndian() {
    order = ByteOrder.BIG_ENDIAN;
    return this;
  }

  public TestElf machine(int m) {
    machine = m;
    return this;
  }

  public TestElf type(int t) {
    type = t;
    return this;
  }

  public TestElf interp(String path) {
    interp = path;
    return this;
  }

  public TestElf needed(String... names) {
    needed.addAll(List.of(names));
    return this;
  }

  public TestElf soname(String s) {
    soname = s;
    return this;
  }

  public TestElf rpath(String s) {
    rpath = s;
    return this;
  }

  public TestElf runpath(String s) {
    runpath = s;
    return this;
  }

  public TestElf noDynamic() {
    dynamic = false;
    return this;
  }

  public byte[] build() {
    int ehsize = is64 ? 64 : 52;
    int phentsize = is64 ? 56 : 32;
    int phnum = 1 + (interp != null ? 1 : 0) + (dynamic ? 1 : 0);
    int phoff = ehsize;
    int cursor = phoff + phnum * phentsize;

    byte[] interpBytes = interp == null ? new byte[0] : cstr(interp);
    int interpOff = cursor;
    cursor += interpBytes.length;

    ByteArrayOutputStream strtab = new ByteArrayOutputStream();
    strtab.write(0);
    List<long[]> dyn = new ArrayList<>();
    for (String n : needed) {
      dyn.add(new long[] {1, addString(strtab, n)});
    }
    if (soname != null) {
      dyn.add(new long[] {14, addString(strtab, soname)});
    }
    if (rpath != null) {
      dyn.add(new long[] {15, addString(strtab, rpath)});
    }
    if (runpath != null) {
      dyn.add(new long[] {29, addString(strtab, runpath)});
    }
    int strOff = cursor;
    byte[] strBytes = strtab.toByteArray();
    cursor += strBytes.length;
    cursor = (cursor + 7) & ~7;
    dyn.add(new long[] {5, BASE + strOff});
    dyn.add(new long[] {10, strBytes.length});
    dyn.add(new long[] {0, 0});
    int dynEntry = is64 ? 16 : 8;
    int dynOff = cursor;
    int dynSize = dynamic ? dyn.size() * dynEntry : 0;
    cursor += dynSize;
    int total = cursor;

    ByteBuffer b = ByteBuffer.allocate(total).order(order);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (is64 ? 2 : 1)});
    b.put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 2));
    b.put((byte) 1);
    b.position(16);
    b.putShort((short) type);
    b.putShort((short) machine);
    b.putInt(1);
    if (is64) {
      b.putLong(BASE + 0x100); // entry
      b.putLong(phoff);
      b.putLong(0); // shoff
    } else {
      b.putInt((int) BASE + 0x100);
      b.putInt(phoff);
      b.putInt(0);
    }
    b.putInt(0); // flags
    b.putShort((short) ehsize);
    b.putShort((short) phentsize);
    b.putShort((short) phnum);
    b.putShort((short) (is64 ? 64 : 40));
    b.putShort((short) 0);
    b.putShort((short) 0);

    b.position(phoff);
    phdr(b, 1, 0, BASE, total);
    if (interp != null) {
      phdr(b, 3, interpOff, BASE + interpOff, interpBytes.length);
    }
    if (dynamic) {
      phdr(b, 2, dynOff, BASE + dynOff, dynSize);
    }
    b.position(interpOff);
    b.put(interpBytes);
    b.position(strOff);
    b.put(strBytes);
    if (dynamic) {
      b.position(dynOff);
      for (long[] d : dyn) {
        if (is64) {
          b.putLong(d[0]);
          b.putLong(d[1]);
        } else {
          b.putInt((int) d[0]);
          b.putInt((int) d[1]);
        }
      }
    }
    return b.array();
  }

  private void phdr(ByteBuffer b, int type, long offset, long vaddr, long size) {
    if (is64) {
      b.putInt(type);
      b.putInt(4);
      b.putLong(offset);
      b.putLong(vaddr);
      b.putLong(vaddr);
      b.putLong(size);
      b.putLong(size);
      b.putLong(8);
    } else {
      b.putInt(type);
      b.putInt((int) offset);
      b.putInt((int) vaddr);
      b.putInt((int) vaddr);
      b.putInt((int) size);
      b.putInt((int) size);
      b.putInt(4);
      b.putInt(4);
    }
  }

  private static long addString(ByteArrayOutputStream strtab, String s) {
    long at = strtab.size();
    strtab.writeBytes(cstr(s));
    return at;
  }

  private static byte[] cstr(String s) {
    byte[] raw = s.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[raw.length + 1];
    System.arraycopy(raw, 0, out, 0, raw.length);
    return out;
  }
}
