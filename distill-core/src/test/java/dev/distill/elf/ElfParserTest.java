package dev.distill.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ElfParserTest {

  static Stream<Arguments> variants() {
    return Stream.of(
        Arguments.of(false, ByteOrder.LITTLE_ENDIAN, ElfMachine.EM_386),
        Arguments.of(false, ByteOrder.BIG_ENDIAN, ElfMachine.EM_PPC),
        Arguments.of(true, ByteOrder.LITTLE_ENDIAN, ElfMachine.EM_X86_64),
        Arguments.of(true, ByteOrder.BIG_ENDIAN, ElfMachine.EM_S390));
  }

  private static TestElf variant(boolean is64, ByteOrder order, int machine) {
    TestElf t = TestElf.x8664().machine(machine);
    if (!is64) {
      t.elf32();
    }
    if (order == ByteOrder.BIG_ENDIAN) {
      t.bigEndian();
    }
    return t;
  }

  @ParameterizedTest
  @MethodSource("variants")
  void readsEveryClassAndByteOrder(boolean is64, ByteOrder order, int machine) {
    byte[] data =
        variant(is64, order, machine)
            .type(2)
            .interp("/lib/ld-test.so.1")
            .needed("libfoo.so.1", "libc.so.6")
            .soname("libself.so.2")
            .rpath("/opt/a:/opt/b")
            .runpath("$ORIGIN/../lib::/usr/lib/x")
            .build();

    ElfFile elf = ElfParser.parse("usr/bin/t", data);

    assertThat(elf.name()).isEqualTo("usr/bin/t");
    assertThat(elf.elfClass()).isEqualTo(is64 ? ElfClass.ELF64 : ElfClass.ELF32);
    assertThat(elf.byteOrder()).isEqualTo(order);
    assertThat(elf.machine()).isEqualTo(machine);
    assertThat(elf.type()).isEqualTo(ElfType.EXECUTABLE);
    assertThat(elf.interpreter()).contains("/lib/ld-test.so.1");
    assertThat(elf.needed()).containsExactly("libfoo.so.1", "libc.so.6");
    assertThat(elf.soname()).contains("libself.so.2");
    assertThat(elf.rpath()).containsExactly("/opt/a", "/opt/b");
    assertThat(elf.runpath()).containsExactly("$ORIGIN/../lib", "/usr/lib/x");
    assertThat(elf.dynamic()).isTrue();
  }

  @Test
  void staticFileHasNoDynamicData() {
    ElfFile elf = ElfParser.parse("s", TestElf.x8664().type(2).noDynamic().build());
    assertThat(elf.dynamic()).isFalse();
    assertThat(elf.interpreter()).isEmpty();
    assertThat(elf.needed()).isEmpty();
    assertThat(elf.type()).isEqualTo(ElfType.EXECUTABLE);
  }

  @Test
  void machineNamesAndTriplets() {
    assertThat(ElfMachine.name(ElfMachine.EM_X86_64)).isEqualTo("x86-64");
    assertThat(ElfMachine.name(9999)).isEqualTo("machine-9999");
    assertThat(ElfMachine.multiarchTriplet(ElfMachine.EM_AARCH64, ElfClass.ELF64))
        .contains("aarch64-linux-gnu");
    assertThat(ElfMachine.multiarchTriplet(ElfMachine.EM_ARM, ElfClass.ELF32))
        .contains("arm-linux-gnueabihf");
  }

  @Test
  void nonElfNamesTheFile() {
    byte[] script = "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> ElfParser.parse("usr/bin/script", script))
        .isInstanceOf(ElfParseException.class)
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("usr/bin/script")
        .hasMessageContaining("not an ELF file");
    assertThat(ElfParser.isElf(script)).isFalse();
    assertThat(ElfParser.isElf(new byte[0])).isFalse();
  }

  @ParameterizedTest
  @MethodSource("variants")
  void everyTruncationIsAParseException(boolean is64, ByteOrder order, int machine) {
    byte[] data =
        variant(is64, order, machine).interp("/lib/ld.so").needed("liba.so", "libb.so").build();
    for (int len = 0; len < data.length; len++) {
      byte[] prefix = Arrays.copyOf(data, len);
      assertThatThrownBy(() -> ElfParser.parse("cut", prefix))
          .as("prefix of %d bytes", len)
          .isInstanceOf(ElfParseException.class)
          .hasMessageStartingWith("cut: ");
    }
  }

  @Test
  void randomCorruptionNeverEscapesAsAnotherException() {
    Random random = new Random(20261129L);
    byte[][] originals = {
      TestElf.x8664().interp("/lib/ld.so").needed("liba.so").runpath("$ORIGIN").build(),
      TestElf.x8664().elf32().bigEndian().needed("libb.so").soname("x").build()
    };
    int parsed = 0;
    int rejected = 0;
    for (int round = 0; round < 5000; round++) {
      byte[] data = originals[round % 2].clone();
      int flips = 1 + random.nextInt(4);
      for (int f = 0; f < flips; f++) {
        data[4 + random.nextInt(data.length - 4)] = (byte) random.nextInt(256);
      }
      try {
        ElfFile elf = ElfParser.parse("fuzz", data);
        assertThat(elf.name()).isEqualTo("fuzz");
        parsed++;
      } catch (ElfParseException e) {
        assertThat(e.file()).isEqualTo("fuzz");
        rejected++;
      }
    }
    assertThat(parsed).isPositive();
    assertThat(rejected).isPositive();
  }

  @Test
  void stringOffsetOutsideTheTableIsRejected() {
    byte[] data = TestElf.x8664().needed("liba.so").build();
    // The first dynamic entry is DT_NEEDED; point its value far past the string table.
    int dynOff = findDynamic(data);
    data[dynOff + 8] = (byte) 0xf0;
    data[dynOff + 9] = (byte) 0x0f;
    assertThatThrownBy(() -> ElfParser.parse("bad", data))
        .isInstanceOf(ElfParseException.class)
        .hasMessageContaining("outside the string table");
  }

  @Test
  void stringTableOutsideEveryLoadSegmentIsRejected() {
    byte[] data = TestElf.x8664().needed("liba.so").build();
    int dynOff = findDynamic(data);
    // Second entry is DT_STRTAB (after one DT_NEEDED): move its address below the load base.
    data[dynOff + 16 + 8 + 2] = 0;
    assertThatThrownBy(() -> ElfParser.parse("bad", data))
        .isInstanceOf(ElfParseException.class)
        .hasMessageContaining("no PT_LOAD segment");
  }

  /** The file offset of PT_DYNAMIC in a 64-bit LE TestElf (third program header, no interp). */
  private static int findDynamic(byte[] data) {
    int phoff = 64;
    for (int i = 0; i < 3; i++) {
      int at = phoff + i * 56;
      if (data[at] == 2) {
        return (data[at + 8] & 0xff) | (data[at + 9] & 0xff) << 8;
      }
    }
    throw new AssertionError("no PT_DYNAMIC");
  }
}
