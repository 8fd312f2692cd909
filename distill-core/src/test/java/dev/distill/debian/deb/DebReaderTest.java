package dev.distill.debian.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.debian.deb.DebEntry.EntryType;
import dev.distill.debian.deb.TestDebs.Compression;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebReaderTest {

  private static DebPackage read(byte[] deb) {
    return DebReader.read(new ByteArrayInputStream(deb), "test_1.0_amd64.deb");
  }

  private static TestDebs sample() {
    TarArchiveEntry daemon = new TarArchiveEntry("./usr/sbin/daemon", TarConstants.LF_NORMAL);
    daemon.setMode(04755);
    daemon.setSize(6);
    daemon.setIds(0, 43);
    daemon.setUserName("root");
    daemon.setGroupName("utmp");
    return TestDebs.builder()
        .controlMember("md5sums", "0123456789abcdef0123456789abcdef  usr/bin/hello\n")
        .controlMember("conffiles", "/etc/hello.conf\nremove-on-upgrade /etc/old.conf\n")
        .controlMember("postinst", "#!/bin/sh\nexit 0\n")
        .dir("./usr/")
        .dir("./usr/bin/")
        .file("./usr/bin/hello", 0755, "#!/bin/true\n")
        .hardlink("./usr/bin/hello-again", "./usr/bin/hello")
        .symlink("./usr/bin/hi", "hello")
        .symlink("./usr/bin/abs", "/etc/alternatives/hello")
        .dir("./usr/sbin/")
        .add(daemon, "daemon".getBytes(StandardCharsets.UTF_8))
        .dir("./etc/")
        .file("./etc/hello.conf", 0644, "greeting=hi\n");
  }

  @Test
  void readsControlFieldsSumsConffilesAndEveryEntry() {
    DebPackage p = read(sample().build());
    assertThat(p.packageName()).isEqualTo("hello");
    assertThat(p.version()).isEqualTo("1.0-1");
    assertThat(p.architecture()).isEqualTo("amd64");
    assertThat(p.control().get("Description")).contains("test\nmulti-line");
    assertThat(p.md5sums())
        .containsExactly(java.util.Map.entry("usr/bin/hello", "0123456789abcdef0123456789abcdef"));
    assertThat(p.conffiles()).containsExactly("/etc/hello.conf", "/etc/old.conf");
    assertThat(p.controlMember("postinst").map(b -> new String(b, StandardCharsets.UTF_8)))
        .contains("#!/bin/sh\nexit 0\n");
    assertThat(p.entries())
        .extracting(DebEntry::path)
        .containsExactly(
            "usr",
            "usr/bin",
            "usr/bin/hello",
            "usr/bin/hello-again",
            "usr/bin/hi",
            "usr/bin/abs",
            "usr/sbin",
            "usr/sbin/daemon",
            "etc",
            "etc/hello.conf");

    DebEntry hello = p.entry("usr/bin/hello").orElseThrow();
    assertThat(hello.type()).isEqualTo(EntryType.FILE);
    assertThat(hello.mode()).isEqualTo(0755);
    assertThat(hello.size()).isEqualTo(12);
    assertThat(new String(hello.content(), StandardCharsets.UTF_8)).isEqualTo("#!/bin/true\n");
    assertThat(hello.userName()).isEqualTo("root");

    DebEntry again = p.entry("usr/bin/hello-again").orElseThrow();
    assertThat(again.type()).isEqualTo(EntryType.HARDLINK);
    assertThat(again.linkTarget()).isEqualTo("usr/bin/hello");
    assertThat(again.content()).isEmpty();

    assertThat(p.entry("usr/bin/hi").orElseThrow().linkTarget()).isEqualTo("hello");
    assertThat(p.entry("usr/bin/abs").orElseThrow().type()).isEqualTo(EntryType.SYMLINK);
    assertThat(p.entry("usr/bin/abs").orElseThrow().linkTarget())
        .isEqualTo("/etc/alternatives/hello");

    DebEntry daemon = p.entry("usr/sbin/daemon").orElseThrow();
    assertThat(daemon.mode()).isEqualTo(04755);
    assertThat(daemon.uid()).isZero();
    assertThat(daemon.gid()).isEqualTo(43);
    assertThat(daemon.groupName()).isEqualTo("utmp");
    assertThat(p.entry("usr").orElseThrow().type()).isEqualTo(EntryType.DIRECTORY);
    assertThat(p.entry("usr").orElseThrow().mtimeEpochSeconds()).isEqualTo(1_700_000_000L);
    assertThat(p.entry("nope")).isEmpty();
  }

  @Test
  void keepsSetgidAndStickyBits() {
    TarArchiveEntry tmp = new TarArchiveEntry("./tmp/", TarConstants.LF_DIR);
    tmp.setMode(01777);
    TarArchiveEntry mail = new TarArchiveEntry("./var/mail/", TarConstants.LF_DIR);
    mail.setMode(02775);
    DebPackage p = read(TestDebs.builder().add(tmp, null).add(mail, null).build());
    assertThat(p.entry("tmp").orElseThrow().mode()).isEqualTo(01777);
    assertThat(p.entry("var/mail").orElseThrow().mode()).isEqualTo(02775);
  }

  @Test
  void readsEveryCompressionOfBothMembers() {
    for (Compression control : Compression.values()) {
      for (Compression data : Compression.values()) {
        DebPackage p = read(sample().compression(control, data).build());
        assertThat(p.packageName()).as("%s/%s", control, data).isEqualTo("hello");
        assertThat(p.entry("etc/hello.conf").orElseThrow().content())
            .as("%s/%s", control, data)
            .isEqualTo("greeting=hi\n".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /** The sample plus a long name (PAX header) and a large file, as an uncompressed copy. */
  private static byte[] uncompressedCopy(Path dir, byte[] big) throws Exception {
    Path deb = dir.resolve("hello_1.0-1_amd64.deb");
    Files.write(
        deb,
        sample()
            .dir("./usr/share/")
            .file("./usr/share/" + "long-directory-name/".repeat(8) + "file.txt", 0644, "deep\n")
            .file("./usr/share/big.bin", 0644, big)
            .build());
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    DebReader.writeUncompressed(deb, "hello_1.0-1_amd64.deb", out);
    return out.toByteArray();
  }

  @Test
  void readsABufferedUncompressedCopyAsTheOriginal(@TempDir Path dir) throws Exception {
    byte[] big = new byte[1 << 20];
    new java.util.Random(7).nextBytes(big);
    byte[] copy = uncompressedCopy(dir, big);
    DebPackage original = DebReader.read(dir.resolve("hello_1.0-1_amd64.deb"));
    DebPackage fromBuffer = DebReader.read(java.nio.ByteBuffer.wrap(copy), "hello.deb");
    // Equal entries: same metadata and, for files, the same bytes at the same paths.
    assertThat(fromBuffer.entries()).isEqualTo(original.entries());
    assertThat(fromBuffer.entry("usr/share/big.bin").orElseThrow().content()).isEqualTo(big);
    assertThat(fromBuffer.md5sums()).isEqualTo(original.md5sums());
  }

  @Test
  void refusesATruncatedBufferedCopy(@TempDir Path dir) throws Exception {
    byte[] copy = uncompressedCopy(dir, new byte[200_000]);
    for (int cut : new int[] {copy.length - 1, copy.length - 1024, copy.length / 2}) {
      byte[] truncated = Arrays.copyOf(copy, cut);
      assertThatThrownBy(() -> DebReader.read(java.nio.ByteBuffer.wrap(truncated), "hello.deb"))
          .as("cut at %d of %d", cut, copy.length)
          .isInstanceOf(DistillException.class)
          .hasMessageContaining("truncated");
    }
  }

  @Test
  void readsFromAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
    Path ok = dir.resolve("hello_1.0-1_amd64.deb");
    Files.write(ok, sample().build());
    assertThat(DebReader.read(ok).entries()).hasSize(10);
    Path bad = dir.resolve("evil_1.0_amd64.deb");
    Files.write(bad, TestDebs.builder().file("./../x", 0644, "x").build());
    assertThatThrownBy(() -> DebReader.read(bad))
        .isInstanceOf(DistillException.class)
        .hasMessageStartingWith("evil_1.0_amd64.deb: ");
  }

  @Test
  void refusesADotDotEntry() {
    byte[] deb =
        TestDebs.builder().dir("./etc/").file("./etc/../../root/.ssh/x", 0600, "k").build();
    assertThatThrownBy(() -> read(deb))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("test_1.0_amd64.deb")
        .hasMessageContaining("'./etc/../../root/.ssh/x'")
        .hasMessageContaining("'..'");
  }

  @Test
  void refusesAnAbsolutePath() {
    byte[] deb = TestDebs.builder().file("/etc/passwd", 0644, "root::0:0::/:/bin/sh\n").build();
    assertThatThrownBy(() -> read(deb))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("'/etc/passwd'")
        .hasMessageContaining("absolute path");
  }

  @Test
  void refusesAnEntryThatEscapesThroughASymlink() {
    byte[] deb =
        TestDebs.builder()
            .dir("./usr/")
            .symlink("./usr/evil", "../../../../etc")
            .file("./usr/evil/passwd", 0644, "x")
            .build();
    assertThatThrownBy(() -> read(deb))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("'./usr/evil/passwd'")
        .hasMessageContaining("symlink 'usr/evil' -> '../../../../etc'")
        .hasMessageContaining("points outside the package root");
  }

  @Test
  void refusesAnEntryBelowASymlinkEvenWhenTheLinkComesLater() {
    byte[] deb =
        TestDebs.builder()
            .dir("./lib/")
            .file("./lib/x/evil", 0644, "x")
            .symlink("./lib/x", "/etc/cron.d")
            .build();
    assertThatThrownBy(() -> read(deb))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("lib/x/evil")
        .hasMessageContaining("below the symlink 'lib/x'");
  }

  @Test
  void refusesAHardlinkToAFileOutsideThePackage() {
    assertThatThrownBy(
            () -> read(TestDebs.builder().hardlink("./usr/shadow", "./etc/shadow").build()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("hardlink './usr/shadow'")
        .hasMessageContaining("not a regular file earlier in the package");
    assertThatThrownBy(
            () -> read(TestDebs.builder().hardlink("./usr/shadow", "../etc/shadow").build()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("'..'");
    assertThatThrownBy(
            () -> read(TestDebs.builder().hardlink("./usr/shadow", "/etc/shadow").build()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("absolute path");
  }

  @Test
  void refusesDeviceFiles() {
    assertThatThrownBy(() -> read(TestDebs.builder().dir("./dev/").device("./dev/mem").build()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("'./dev/mem'")
        .hasMessageContaining("character device");
  }

  @Test
  void refusesADuplicatePath() {
    byte[] deb =
        TestDebs.builder().file("./etc/motd", 0644, "a").file("etc/motd", 0644, "b").build();
    assertThatThrownBy(() -> read(deb))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("appears twice");
  }

  @Test
  void refusesEveryTruncationNeverReturningAPartialPackage() {
    List<String> accepted = new ArrayList<>();
    int tried = 0;
    for (Compression c : Compression.values()) {
      byte[] deb = sample().compression(c, c).build();
      for (int len = 0; len < deb.length; len++) {
        tried++;
        try {
          read(Arrays.copyOf(deb, len));
          accepted.add(c + " cut at " + len + " of " + deb.length);
        } catch (DistillException e) {
          assertThat(e.getMessage()).startsWith("test_1.0_amd64.deb");
        }
      }
    }
    assertThat(tried).isGreaterThan(4000);
    assertThat(accepted).isEmpty();
  }

  @Test
  void namesTruncationPlainly() {
    byte[] deb = sample().build();
    assertThatThrownBy(() -> read(Arrays.copyOf(deb, deb.length - 40)))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void refusesACorruptCompressedMember() {
    for (Compression c : new Compression[] {Compression.GZ, Compression.XZ}) {
      byte[] deb = sample().compression(c, c).build();
      byte[] bad = deb.clone();
      bad[bad.length - 30] ^= 0x55; // inside the data member's compressed stream or its check
      assertThatThrownBy(() -> read(bad)).as("%s", c).isInstanceOf(DistillException.class);
    }
  }

  @Test
  void refusesWhatIsNotADebianPackage() {
    assertThatThrownBy(() -> read("hello world, not an ar archive".getBytes()))
        .isInstanceOf(DistillException.class);
    assertThatThrownBy(() -> read(TestDebs.builder().format("3.0\n").build()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("unsupported package format '3.0'");
    byte[] deb = sample().build();
    byte[] longer = Arrays.copyOf(deb, deb.length + 2);
    assertThatThrownBy(() -> read(longer))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("test_1.0_amd64.deb");
    assertThatThrownBy(() -> read(TestDebs.builder().withoutData().build()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("data.tar member is missing");
    assertThatThrownBy(() -> read(TestDebs.builder().control("Version: 1\n").build()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("Package field");
  }

  @Test
  void packageAndEntryValuesCannotBeChangedFromOutside() {
    DebPackage p = read(sample().build());
    DebEntry hello = p.entry("usr/bin/hello").orElseThrow();
    hello.content()[0] = 'X';
    assertThat(hello.content()[0]).isEqualTo((byte) '#');
    p.controlMembers().get("postinst")[0] = 'X';
    assertThat(p.controlMember("postinst").orElseThrow()[0]).isEqualTo((byte) '#');
    assertThatThrownBy(() -> p.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
  }
}
