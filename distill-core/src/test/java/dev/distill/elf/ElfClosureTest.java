package dev.distill.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElfClosureTest {
  private static final String LD = "/lib64/ld-linux-x86-64.so.2";

  private static FsEntry elf(String path, TestElf t) {
    return FsEntry.file(path, 0755, 0, 0, t.build(), "pkg");
  }

  private static FsEntry link(String path, String target) {
    return FsEntry.symlink(path, target, 0, 0, "pkg");
  }

  /** A usrmerged Debian-like base: ld.so and libc under usr/lib/x86_64-linux-gnu. */
  private static RootFs.Builder base() {
    return RootFs.builder()
        .put(link("lib", "usr/lib"))
        .put(link("lib64", "usr/lib64"))
        .put(link("usr/lib64/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"))
        .put(
            elf(
                "usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
                TestElf.x8664().soname("ld-linux-x86-64.so.2")))
        .put(
            elf(
                "usr/lib/x86_64-linux-gnu/libc.so.6",
                TestElf.x8664().soname("libc.so.6").needed("ld-linux-x86-64.so.2")));
  }

  @Test
  void followsInterpreterNeededAndSymlinksRecursively() {
    RootFs fs =
        base()
            .put(elf("usr/sbin/app", TestElf.x8664().interp(LD).needed("libfoo.so.1", "libc.so.6")))
            .put(link("usr/lib/x86_64-linux-gnu/libfoo.so.1", "libfoo.so.1.2.3"))
            .put(
                elf(
                    "usr/lib/x86_64-linux-gnu/libfoo.so.1.2.3",
                    TestElf.x8664().soname("libfoo.so.1").needed("libbar.so.2", "libc.so.6")))
            .put(elf("usr/lib/libbar.so.2", TestElf.x8664().needed("libc.so.6")))
            .put(elf("usr/lib/x86_64-linux-gnu/libunused.so.1", TestElf.x8664()))
            .put(FsEntry.file("usr/share/doc/app/README", 0644, 0, 0, new byte[1], "pkg"))
            .build();

    ElfClosure closure = ElfClosure.compute(fs, List.of("usr/sbin/app"));

    assertThat(closure.paths())
        .containsExactly(
            "lib",
            "lib64",
            "usr/lib/libbar.so.2",
            "usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
            "usr/lib/x86_64-linux-gnu/libc.so.6",
            "usr/lib/x86_64-linux-gnu/libfoo.so.1",
            "usr/lib/x86_64-linux-gnu/libfoo.so.1.2.3",
            "usr/lib64/ld-linux-x86-64.so.2",
            "usr/sbin/app");
    assertThat(closure.dependencies())
        .contains(
            new ElfClosure.Dependency(
                "usr/sbin/app",
                "libfoo.so.1",
                "lib/x86_64-linux-gnu/libfoo.so.1",
                "usr/lib/x86_64-linux-gnu/libfoo.so.1.2.3"));
    assertThat(closure.notes()).isEmpty();
  }

  @Test
  void originInRunpathIsTheRealDirectoryOfTheExecutable() {
    RootFs fs =
        base()
            .put(link("usr/bin/tool", "../lib/tool/bin/tool"))
            .put(
                elf(
                    "usr/lib/tool/bin/tool",
                    TestElf.x8664().interp(LD).needed("libinner.so").runpath("$ORIGIN/../lib")))
            .put(
                elf(
                    "usr/lib/tool/lib/libinner.so",
                    TestElf.x8664().needed("libdeep.so").runpath("${ORIGIN}/private")))
            .put(elf("usr/lib/tool/lib/private/libdeep.so", TestElf.x8664().needed("libc.so.6")))
            .build();

    ElfClosure closure = ElfClosure.compute(fs, List.of("usr/bin/tool"));

    assertThat(closure.paths())
        .contains(
            "usr/bin/tool",
            "usr/lib/tool/bin/tool",
            "usr/lib/tool/lib/libinner.so",
            "usr/lib/tool/lib/private/libdeep.so",
            "usr/lib/x86_64-linux-gnu/libc.so.6");
  }

  @Test
  void rpathOfTheExecutableServesLibrariesWithoutRunpath() {
    RootFs fs =
        base()
            .put(
                elf(
                    "opt/app/bin/app",
                    TestElf.x8664().interp(LD).needed("liba.so").rpath("$ORIGIN/../lib")))
            .put(elf("opt/app/lib/liba.so", TestElf.x8664().needed("libb.so")))
            .put(elf("opt/app/lib/libb.so", TestElf.x8664().needed("libc.so.6")))
            .build();

    assertThat(ElfClosure.compute(fs, List.of("opt/app/bin/app")).paths())
        .contains("opt/app/lib/liba.so", "opt/app/lib/libb.so");
  }

  @Test
  void runpathOfALibraryHidesTheExecutablesRpath() {
    RootFs fs =
        base()
            .put(
                elf(
                    "opt/app/bin/app",
                    TestElf.x8664().interp(LD).needed("liba.so").rpath("/opt/app/lib")))
            .put(elf("opt/app/lib/liba.so", TestElf.x8664().needed("libb.so").runpath("/nowhere")))
            .put(elf("opt/app/lib/libb.so", TestElf.x8664()))
            .build();

    assertThatThrownBy(() -> ElfClosure.compute(fs, List.of("opt/app/bin/app")))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("opt/app/bin/app")
        .hasMessageContaining("libb.so")
        .hasMessageContaining("via opt/app/lib/liba.so");
  }

  @Test
  void runpathWinsOverRpathOfTheSameObject() {
    RootFs fs =
        base()
            .put(
                elf(
                    "usr/bin/app",
                    TestElf.x8664()
                        .interp(LD)
                        .needed("libx.so")
                        .rpath("/opt/old")
                        .runpath("/opt/new")))
            .put(elf("opt/old/libx.so", TestElf.x8664()))
            .put(elf("opt/new/libx.so", TestElf.x8664()))
            .build();

    assertThat(ElfClosure.compute(fs, List.of("usr/bin/app")).paths())
        .contains("opt/new/libx.so")
        .doesNotContain("opt/old/libx.so");
  }

  @Test
  void librariesOfAnotherMachineOrClassAreSkipped() {
    RootFs fs =
        base()
            .put(elf("usr/bin/app", TestElf.x8664().interp(LD).needed("libz.so.1")))
            .put(
                elf(
                    "usr/lib/x86_64-linux-gnu/libz.so.1",
                    TestElf.x8664().machine(ElfMachine.EM_AARCH64)))
            .put(elf("usr/lib/libz.so.1", TestElf.x8664().elf32().machine(ElfMachine.EM_386)))
            .put(elf("usr/lib64/libz.so.1", TestElf.x8664()))
            .build();

    assertThat(ElfClosure.compute(fs, List.of("usr/bin/app")).paths())
        .contains("usr/lib64/libz.so.1")
        .doesNotContain("usr/lib/x86_64-linux-gnu/libz.so.1", "usr/lib/libz.so.1");
  }

  @Test
  void aarch64ExecutableUsesItsOwnMultiarchDirectory() {
    RootFs fs =
        RootFs.builder()
            .put(
                elf(
                    "usr/lib/aarch64-linux-gnu/ld-linux-aarch64.so.1",
                    TestElf.x8664().machine(ElfMachine.EM_AARCH64)))
            .put(link("lib", "usr/lib"))
            .put(
                elf(
                    "usr/bin/app",
                    TestElf.x8664()
                        .machine(ElfMachine.EM_AARCH64)
                        .interp("/lib/ld-linux-aarch64.so.1")
                        .needed("libq.so")
                        .runpath("/usr/$LIB/q")))
            .put(link("usr/lib/ld-linux-aarch64.so.1", "aarch64-linux-gnu/ld-linux-aarch64.so.1"))
            .put(
                elf(
                    "usr/lib/aarch64-linux-gnu/q/libq.so",
                    TestElf.x8664().machine(ElfMachine.EM_AARCH64)))
            .build();

    assertThat(ElfClosure.compute(fs, List.of("usr/bin/app")).paths())
        .contains(
            "usr/lib/aarch64-linux-gnu/q/libq.so",
            "usr/lib/ld-linux-aarch64.so.1",
            "usr/lib/aarch64-linux-gnu/ld-linux-aarch64.so.1");
  }

  @Test
  void bigEndian32BitClosure() {
    RootFs fs =
        RootFs.builder()
            .put(
                elf(
                    "usr/bin/app",
                    TestElf.x8664()
                        .elf32()
                        .bigEndian()
                        .machine(ElfMachine.EM_PPC)
                        .interp("/lib/ld.so.1")
                        .needed("libc.so.6")))
            .put(elf("lib/ld.so.1", TestElf.x8664().elf32().bigEndian().machine(ElfMachine.EM_PPC)))
            .put(
                elf(
                    "lib/powerpc-linux-gnu/libc.so.6",
                    TestElf.x8664().elf32().bigEndian().machine(ElfMachine.EM_PPC)))
            .put(elf("lib/libc.so.6", TestElf.x8664()))
            .build();

    assertThat(ElfClosure.compute(fs, List.of("/usr/bin/app")).paths())
        .containsExactly("lib/ld.so.1", "lib/powerpc-linux-gnu/libc.so.6", "usr/bin/app");
  }

  @Test
  void ldSoConfDirectoriesAreSearchedAndNoted() {
    RootFs fs =
        base()
            .put(elf("usr/bin/app", TestElf.x8664().interp(LD).needed("libcuda.so.1")))
            .put(elf("opt/vendor/lib/libcuda.so.1", TestElf.x8664()))
            .put(
                FsEntry.file(
                    "etc/ld.so.conf.d/vendor.conf",
                    0644,
                    0,
                    0,
                    "# vendor libs\n/opt/vendor/lib\n".getBytes(StandardCharsets.UTF_8),
                    "pkg"))
            .build();

    ElfClosure closure = ElfClosure.compute(fs, List.of("usr/bin/app"));

    assertThat(closure.paths()).contains("opt/vendor/lib/libcuda.so.1");
    assertThat(closure.notes()).singleElement().asString().contains("libcuda.so.1", "ld.so.cache");
  }

  @Test
  void ldSoConfIncludesAreFollowed() {
    RootFs fs =
        base()
            .put(elf("usr/bin/app", TestElf.x8664().interp(LD).needed("libv.so")))
            .put(elf("srv/v/libv.so", TestElf.x8664()))
            .put(
                FsEntry.file(
                    "etc/ld.so.conf",
                    0644,
                    0,
                    0,
                    "include /etc/ld.so.conf.d/*.conf\n".getBytes(StandardCharsets.UTF_8),
                    "pkg"))
            .put(
                FsEntry.file(
                    "etc/ld.so.conf.d/v.conf",
                    0644,
                    0,
                    0,
                    "/srv/v\n".getBytes(StandardCharsets.UTF_8),
                    "pkg"))
            .build();

    assertThat(ElfClosure.compute(fs, List.of("usr/bin/app")).paths()).contains("srv/v/libv.so");
  }

  @Test
  void modulesAreRootsOfTheirOwn() {
    RootFs fs =
        base()
            .put(elf("usr/sbin/nginx", TestElf.x8664().interp(LD).needed("libc.so.6")))
            .put(
                elf(
                    "usr/lib/nginx/modules/ngx_http_geoip_module.so",
                    TestElf.x8664().needed("libGeoIP.so.1", "libc.so.6")))
            .put(elf("usr/lib/x86_64-linux-gnu/libGeoIP.so.1", TestElf.x8664()))
            .build();

    ElfClosure closure =
        ElfClosure.compute(
            fs,
            List.of("usr/sbin/nginx"),
            List.of("usr/lib/nginx/modules/ngx_http_geoip_module.so"));

    assertThat(closure.paths())
        .contains(
            "usr/lib/nginx/modules/ngx_http_geoip_module.so",
            "usr/lib/x86_64-linux-gnu/libGeoIP.so.1");
  }

  @Test
  void hardLinkedLibraryBringsItsDataEntry() {
    RootFs fs =
        base()
            .put(elf("usr/bin/app", TestElf.x8664().interp(LD).needed("libh.so")))
            .put(elf("usr/share/h/libh-data.so", TestElf.x8664()))
            .put(
                FsEntry.hardlink(
                    "usr/lib/x86_64-linux-gnu/libh.so",
                    "usr/share/h/libh-data.so",
                    0644,
                    0,
                    0,
                    "pkg"))
            .build();

    assertThat(ElfClosure.compute(fs, List.of("usr/bin/app")).paths())
        .contains("usr/lib/x86_64-linux-gnu/libh.so", "usr/share/h/libh-data.so");
  }

  @Test
  void staticExecutableIsItsOwnClosure() {
    RootFs fs =
        RootFs.builder().put(elf("bin/static", TestElf.x8664().type(2).noDynamic())).build();
    assertThat(ElfClosure.compute(fs, List.of("bin/static")).paths()).containsExactly("bin/static");
  }

  @Test
  void missingExecutableInterpreterAndScriptsAreClearErrors() {
    RootFs fs =
        base()
            .put(elf("usr/bin/app", TestElf.x8664().interp("/lib/ld-missing.so")))
            .put(
                FsEntry.file(
                    "usr/bin/script",
                    0755,
                    0,
                    0,
                    "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8),
                    "p"))
            .put(link("usr/bin/dangling", "nowhere"))
            .build();

    assertThatThrownBy(() -> ElfClosure.compute(fs, List.of("usr/bin/nope")))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("usr/bin/nope");
    assertThatThrownBy(() -> ElfClosure.compute(fs, List.of("usr/bin/dangling")))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("usr/bin/dangling");
    assertThatThrownBy(() -> ElfClosure.compute(fs, List.of("usr/bin/app")))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("usr/bin/app")
        .hasMessageContaining("/lib/ld-missing.so");
    assertThatThrownBy(() -> ElfClosure.compute(fs, List.of("usr/bin/script")))
        .isInstanceOf(ElfParseException.class)
        .hasMessageContaining("usr/bin/script");
  }

  @Test
  void unresolvedLibraryNamesExecutableAndLibrary() {
    RootFs fs =
        base()
            .put(elf("usr/sbin/nginx", TestElf.x8664().interp(LD).needed("libpcre2-8.so.0")))
            .build();

    assertThatThrownBy(() -> ElfClosure.compute(fs, List.of("usr/sbin/nginx")))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("usr/sbin/nginx")
        .hasMessageContaining("libpcre2-8.so.0")
        .hasMessageContaining("/usr/lib/x86_64-linux-gnu");
  }
}
