package dev.distill.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Compares the parser with binutils' readelf on real files of this machine. */
class ElfParserHostTest {

  @Test
  void lsMatchesReadelf() throws Exception {
    Path ls = Path.of("/usr/bin/ls");
    assertThat(ls).as("/usr/bin/ls must exist on a test machine").exists();
    ElfFile elf = compareWithReadelf(ls);
    assertThat(elf.needed()).contains("libc.so.6");
    assertThat(elf.interpreter()).isPresent();
  }

  @Test
  void javaLauncherRpathMatchesReadelf() throws Exception {
    // The JDK running this test has an RPATH with $ORIGIN.
    Path java = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
    ElfFile elf = compareWithReadelf(java);
    assertThat(elf.rpath().size() + elf.runpath().size()).isPositive();
  }

  @Test
  void manyHostBinariesAndLibrariesMatchReadelf() throws Exception {
    List<Path> files = new ArrayList<>();
    for (String dir :
        List.of("/usr/bin", "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu")) {
      Path d = Path.of(dir);
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> s = Files.list(d)) {
        s.filter(Files::isRegularFile)
            .filter(p -> !Files.isSymbolicLink(p))
            .sorted()
            .filter(ElfParserHostTest::isSmallElf)
            .limit(40)
            .forEach(files::add);
      }
    }
    // A 32-bit binary when the machine has one (perf ships i386 and x32 helpers).
    for (String extra :
        List.of("/usr/lib/perf-core/perf-read-vdso32", "/usr/lib/perf-core/perf-read-vdsox32")) {
      if (Files.isRegularFile(Path.of(extra))) {
        files.add(Path.of(extra));
      }
    }
    assertThat(files).hasSizeGreaterThan(20);
    int withNeeded = 0;
    for (Path f : files) {
      if (!compareWithReadelf(f).needed().isEmpty()) {
        withNeeded++;
      }
    }
    assertThat(withNeeded).isPositive();
  }

  private static boolean isSmallElf(Path p) {
    try {
      if (Files.size(p) > 8_000_000) {
        return false;
      }
      byte[] head = new byte[4];
      try (var in = Files.newInputStream(p)) {
        return in.read(head) == 4 && ElfParser.isElf(head);
      }
    } catch (IOException e) {
      return false;
    }
  }

  private static ElfFile compareWithReadelf(Path file) throws Exception {
    ElfFile elf = ElfParser.parse(file.toString(), Files.readAllBytes(file));
    String dynamic = HostTools.run("readelf", "-dW", file.toString());
    String headers = HostTools.run("readelf", "-hlW", file.toString());
    assertThat(elf.needed())
        .as("DT_NEEDED of %s", file)
        .containsExactlyElementsOf(HostTools.readelfDynamic(dynamic, "NEEDED"));
    assertThat(elf.soname().map(List::of).orElse(List.of()))
        .as("DT_SONAME of %s", file)
        .isEqualTo(HostTools.readelfDynamic(dynamic, "SONAME"));
    assertThat(elf.runpath())
        .as("DT_RUNPATH of %s", file)
        .isEqualTo(split(HostTools.readelfDynamic(dynamic, "RUNPATH")));
    assertThat(elf.rpath())
        .as("DT_RPATH of %s", file)
        .isEqualTo(split(HostTools.readelfDynamic(dynamic, "RPATH")));
    Optional<String> interp =
        Arrays.stream(headers.split("\n"))
            .filter(l -> l.contains("[Requesting program interpreter: "))
            .map(l -> l.substring(l.indexOf(": ") + 2, l.lastIndexOf(']')))
            .findFirst();
    assertThat(elf.interpreter()).as("PT_INTERP of %s", file).isEqualTo(interp);
    assertThat(headers).contains(elf.elfClass() == ElfClass.ELF64 ? "ELF64" : "ELF32");
    assertThat(elf.dynamic()).isEqualTo(!dynamic.contains("There is no dynamic section"));
    return elf;
  }

  private static List<String> split(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      for (String part : v.split(":")) {
        if (!part.isEmpty()) {
          out.add(part);
        }
      }
    }
    return out;
  }
}
