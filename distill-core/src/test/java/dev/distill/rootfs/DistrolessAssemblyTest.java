package dev.distill.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.debian.ControlFile;
import dev.distill.debian.ControlStanza;
import dev.distill.elf.ElfClosure;
import dev.distill.elf.TestElf;
import dev.distill.fs.EntryType;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The whole chain the build pipeline runs: package union -> UsrMerge -> ElfClosure + FileSelector
 * -> conventions -> HardeningCheck, on a small bookworm-like union with a shell, docs and a setuid
 * binary that must all stay out.
 */
class DistrolessAssemblyTest {

  private static FsEntry elf(String path, TestElf t, String pkg) {
    return FsEntry.file(path, 0755, 0, 0, t.build(), pkg);
  }

  private static RootFs union() {
    return RootFs.builder()
        .put(
            Fixtures.link(
                "lib64/ld-linux-x86-64.so.2",
                "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
                "libc6"))
        .put(
            elf(
                "lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
                TestElf.x8664().soname("ld-linux-x86-64.so.2"),
                "libc6"))
        .put(elf("lib/x86_64-linux-gnu/libc.so.6", TestElf.x8664().soname("libc.so.6"), "libc6"))
        .put(Fixtures.file("usr/share/doc/libc6/copyright", "libc licence", "libc6"))
        .put(Fixtures.file("usr/share/doc/libc6/changelog.Debian.gz", "log", "libc6"))
        .put(
            elf(
                "usr/sbin/nginx",
                TestElf.x8664()
                    .interp("/lib64/ld-linux-x86-64.so.2")
                    .needed("libpcre2-8.so.0", "libc.so.6"),
                "nginx"))
        .put(Fixtures.file("usr/share/doc/nginx/copyright", "nginx licence", "nginx"))
        .put(Fixtures.file("etc/nginx/nginx.conf", "user nonroot;", "nginx"))
        .put(Fixtures.file("usr/share/man/man8/nginx.8.gz", "man", "nginx"))
        .put(
            Fixtures.link(
                "usr/lib/x86_64-linux-gnu/libpcre2-8.so.0", "libpcre2-8.so.0.11.2", "libpcre2-8-0"))
        .put(elf("usr/lib/x86_64-linux-gnu/libpcre2-8.so.0.11.2", TestElf.x8664(), "libpcre2-8-0"))
        .put(Fixtures.file("usr/share/doc/libpcre2-8-0/copyright", "pcre licence", "libpcre2-8-0"))
        .put(elf("usr/lib/x86_64-linux-gnu/libunused.so.1", TestElf.x8664(), "libunused1"))
        .put(elf("bin/dash", TestElf.x8664().interp("/lib64/ld-linux-x86-64.so.2"), "dash"))
        .put(Fixtures.link("bin/sh", "dash", "dash"))
        .put(FsEntry.file("usr/bin/newgrp", 04755, 0, 0, new byte[] {1}, "login"))
        .put(Fixtures.file("usr/share/ca-certificates/mozilla/Root.crt", "PEM", "ca-certificates"))
        .put(
            Fixtures.file(
                "usr/share/doc/ca-certificates/copyright", "ca licence", "ca-certificates"))
        .build();
  }

  @Test
  void packageUnionBecomesAHardenedDistrolessTree() {
    RootFs packages = UsrMerge.apply(union());
    ElfClosure closure = ElfClosure.compute(packages, List.of("usr/sbin/nginx"));
    List<Account> accounts = Accounts.distroless(List.of()).accounts();
    Map<String, ControlStanza> controls = new TreeMap<>();
    for (String pkg :
        List.of("libc6", "nginx", "libpcre2-8-0", "dash", "login", "ca-certificates")) {
      controls.put(pkg, ControlFile.parse("Package: " + pkg + "\nVersion: 1.0\n", pkg).get(0));
    }

    RootFs.Builder image = RootFs.builder();
    List<RootFsStep> steps = new ArrayList<>();
    steps.add(new FileSelector(packages, closure.paths(), List.of("etc/nginx/**")));
    steps.add(new Accounts(accounts));
    steps.add(new HomeDirectories(accounts));
    steps.add(new TmpDirectory());
    steps.add(OsRelease.forSuite("bookworm"));
    steps.add(new NsSwitch());
    steps.add(new CaBundle(packages));
    steps.add(new Copyrights(packages));
    steps.add(new DpkgStatusD(controls, Map.of()));
    steps.add(HardeningCheck.strict());
    for (RootFsStep step : steps) {
      step.applyTo(image);
    }
    RootFs fs = image.build();

    assertThat(fs.resolve("lib64/ld-linux-x86-64.so.2")).isPresent();
    assertThat(fs.resolve("usr/lib/x86_64-linux-gnu/libpcre2-8.so.0")).isPresent();
    assertThat(fs.get("lib").orElseThrow().type()).isEqualTo(EntryType.SYMLINK);
    assertThat(fs.get("usr/bin/dash")).isEmpty();
    assertThat(fs.get("usr/lib/x86_64-linux-gnu/libunused.so.1")).isEmpty();
    assertThat(fs.get("usr/bin/sh")).isEmpty();
    assertThat(fs.get("usr/bin/newgrp")).isEmpty();
    assertThat(fs.get("usr/share/man")).isEmpty();
    assertThat(fs.get("usr/share/doc/libc6/changelog.Debian.gz")).isEmpty();
    assertThat(Fixtures.text(fs, "usr/share/doc/libpcre2-8-0/copyright")).isEqualTo("pcre licence");
    assertThat(Fixtures.text(fs, "usr/share/doc/ca-certificates/copyright"))
        .isEqualTo("ca licence");
    assertThat(Fixtures.text(fs, "etc/ssl/certs/ca-certificates.crt")).isEqualTo("PEM\n");
    assertThat(
            fs.entries().stream()
                .filter(
                    e ->
                        e.path().startsWith("var/lib/dpkg/status.d/")
                            && !e.path().endsWith(".md5sums"))
                .map(FsEntry::path))
        .containsExactly(
            "var/lib/dpkg/status.d/ca-certificates",
            "var/lib/dpkg/status.d/libc6",
            "var/lib/dpkg/status.d/libpcre2-8-0",
            "var/lib/dpkg/status.d/nginx");
    assertThat(Fixtures.text(fs, "var/lib/dpkg/status.d/libpcre2-8-0.md5sums"))
        .contains("  usr/lib/x86_64-linux-gnu/libpcre2-8.so.0.11.2\n")
        .contains("  usr/share/doc/libpcre2-8-0/copyright\n");
    assertThat(fs.get("tmp").orElseThrow().mode()).isEqualTo(01777);
    assertThat(fs.get("home/nonroot").orElseThrow().uid()).isEqualTo(65532);
    assertThat(HardeningCheck.strict().violations(fs)).isEmpty();

    // The one-call assembler runs the same steps and gives the same tree.
    RootFs assembled =
        DistrolessRootFs.builder(packages)
            .executables(List.of("usr/sbin/nginx"))
            .globs(List.of("etc/nginx/**"))
            .suite("bookworm", null)
            .packageData(controls, Map.of())
            .build()
            .assemble();
    assertThat(assembled.entries()).containsExactlyElementsOf(fs.entries());
  }

  @Test
  void askingForAShellFailsUnlessTheSpecAllowsIt() {
    RootFs packages = UsrMerge.apply(union());
    Map<String, ControlStanza> controls = new TreeMap<>();
    for (String pkg : List.of("libc6", "nginx", "libpcre2-8-0", "dash", "ca-certificates")) {
      controls.put(pkg, ControlFile.parse("Package: " + pkg + "\nVersion: 1.0\n", pkg).get(0));
    }
    DistrolessRootFs.Builder spec =
        DistrolessRootFs.builder(packages)
            .executables(List.of("usr/sbin/nginx", "bin/sh"))
            .suite("trixie", null)
            .caCertificates(false)
            .packageData(controls, Map.of());

    assertThatThrownBy(() -> spec.build().assemble())
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("/usr/bin/sh is a shell")
        .hasMessageContaining("/usr/bin/dash is a shell");

    // The spec's own files run before the hardening check, which sees them.
    RootFsStep ownSetuidFile =
        b -> b.put(FsEntry.file("usr/local/bin/helper", 04755, 0, 0, new byte[] {1}, "distill"));
    assertThatThrownBy(
            () ->
                spec.hardening(new HardeningCheck(true, false, false))
                    .build()
                    .assemble(List.of(ownSetuidFile)))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("/usr/local/bin/helper has the setuid bit");

    RootFs withShell = spec.hardening(new HardeningCheck(true, false, false)).build().assemble();
    assertThat(withShell.resolve("bin/sh").orElseThrow().path()).isEqualTo("usr/bin/dash");
    assertThat(withShell.get("etc/ssl/certs/ca-certificates.crt")).isEmpty();
    assertThat(Fixtures.text(withShell, "etc/os-release")).contains("VERSION_CODENAME=trixie");
  }
}
