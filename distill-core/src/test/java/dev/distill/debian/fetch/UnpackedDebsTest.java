package dev.distill.debian.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distill.debian.deb.DebEntry;
import dev.distill.debian.deb.DebPackage;
import dev.distill.debian.deb.DebReader;
import dev.distill.debian.deb.TestDebs;
import dev.distill.debian.deb.TestDebs.Compression;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackedDebsTest {
  @TempDir Path cacheRoot;

  private FetchedDeb cached(Compression compression) throws IOException {
    byte[] deb =
        TestDebs.builder()
            .compression(compression, compression)
            .controlMember("md5sums", "0123456789abcdef0123456789abcdef  usr/bin/hello\n")
            .dir("./usr/")
            .dir("./usr/bin/")
            .file("./usr/bin/hello", 0755, "#!/bin/true\n")
            .hardlink("./usr/bin/hello-again", "./usr/bin/hello")
            .symlink("./usr/bin/hi", "hello")
            .build();
    String sha = DebCache.sha256(new ByteArrayInputStream(deb));
    Path file = Files.createDirectories(cacheRoot.resolve("debs/sha256")).resolve(sha);
    Files.write(file, deb);
    DebRef ref =
        new DebRef(
            "hello",
            "1.0-1",
            "amd64",
            "pool/main/h/hello/hello_1.0-1_amd64.deb",
            URI.create("http://deb.debian.org/debian"),
            sha,
            deb.length);
    return new FetchedDeb(ref, file, false);
  }

  private static void assertSamePackage(DebPackage a, DebPackage b) {
    assertThat(a.control().toString()).isEqualTo(b.control().toString());
    assertThat(a.md5sums()).isEqualTo(b.md5sums());
    assertThat(a.entries()).hasSameSizeAs(b.entries());
    for (int i = 0; i < a.entries().size(); i++) {
      DebEntry x = a.entries().get(i);
      DebEntry y = b.entries().get(i);
      assertThat(x.path()).isEqualTo(y.path());
      assertThat(x.type()).isEqualTo(y.type());
      assertThat(x.mode()).isEqualTo(y.mode());
      assertThat(x.linkTarget()).isEqualTo(y.linkTarget());
      assertThat(Arrays.equals(x.content(), y.content())).as(x.path()).isTrue();
    }
  }

  @Test
  void theUncompressedCopyReadsAsTheOriginalAndIsMadeOnce() throws IOException {
    for (Compression c : Compression.values()) {
      FetchedDeb deb = cached(c);
      UnpackedDebs unpacked = new UnpackedDebs(cacheRoot);
      DebPackage first = unpacked.read(deb);
      assertSamePackage(first, DebReader.read(deb.path()));
      Path copy = cacheRoot.resolve("debs/unpacked/" + deb.ref().sha256() + ".deb");
      Path sum = cacheRoot.resolve("debs/unpacked/" + deb.ref().sha256() + ".deb.crc32");
      assertThat(copy).exists();
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(Files.readAllBytes(copy));
      assertThat(Files.readString(sum).strip())
          .isEqualTo(String.format("crc32 %08x size %d", crc.getValue(), Files.size(copy)));
      // The copy holds plain tars: no decompression left to do.
      String members =
          new String(Files.readAllBytes(copy), java.nio.charset.StandardCharsets.ISO_8859_1);
      assertThat(members).contains("control.tar ").contains("data.tar ");
      assertThat(members).doesNotContain("data.tar.xz").doesNotContain("data.tar.gz");

      long made = Files.getLastModifiedTime(copy).toMillis();
      assertSamePackage(unpacked.read(deb), first);
      assertThat(Files.getLastModifiedTime(copy).toMillis()).isEqualTo(made);
    }
  }

  @Test
  void anAlteredCopyIsNeverUsedButMadeAgain() throws IOException {
    FetchedDeb deb = cached(Compression.XZ);
    UnpackedDebs unpacked = new UnpackedDebs(cacheRoot);
    DebPackage original = unpacked.read(deb);
    Path copy = cacheRoot.resolve("debs/unpacked/" + deb.ref().sha256() + ".deb");
    byte[] bytes = Files.readAllBytes(copy);
    // Change the script's content inside the plain data.tar.
    String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    int at = text.indexOf("#!/bin/true");
    assertThat(at).isPositive();
    bytes[at + 7] = 'X';
    // As anything but distill would alter it; distill itself only ever renames new files in.
    Files.write(copy, bytes);

    DebPackage again = unpacked.read(deb);
    assertSamePackage(again, DebReader.read(deb.path()));
    assertThat(original.entries()).hasSameSizeAs(again.entries());
    assertThat(new String(again.entry("usr/bin/hello").orElseThrow().content()))
        .isEqualTo("#!/bin/true\n");
  }

  @Test
  void aTruncatedCopyIsNeverUsedButMadeAgain() throws IOException {
    FetchedDeb deb = cached(Compression.ZST);
    UnpackedDebs unpacked = new UnpackedDebs(cacheRoot);
    unpacked.read(deb);
    Path copy = cacheRoot.resolve("debs/unpacked/" + deb.ref().sha256() + ".deb");
    byte[] bytes = Files.readAllBytes(copy);
    Files.write(copy, java.util.Arrays.copyOf(bytes, bytes.length - 512));
    assertSamePackage(unpacked.read(deb), DebReader.read(deb.path()));
    assertThat(Files.readAllBytes(copy)).isEqualTo(bytes);
  }

  @Test
  void aCopyWithoutItsCheckIsNotTrusted() throws IOException {
    FetchedDeb deb = cached(Compression.GZ);
    UnpackedDebs unpacked = new UnpackedDebs(cacheRoot);
    unpacked.read(deb);
    Path copy = cacheRoot.resolve("debs/unpacked/" + deb.ref().sha256() + ".deb");
    Path sum = cacheRoot.resolve("debs/unpacked/" + deb.ref().sha256() + ".deb.crc32");
    Files.delete(sum);
    Files.write(copy, new byte[] {1, 2, 3});
    assertSamePackage(unpacked.read(deb), DebReader.read(deb.path()));
    assertThat(sum).exists();
  }
}
