package dev.distill.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

class ReproducibleTarTest {

  /** One line per entry: type, octal mode, uid:gid, uname/gname, size, mtime, name, link. */
  static List<String> listing(byte[] tar) throws IOException {
    List<String> lines = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        char type =
            e.isDirectory()
                ? 'd'
                : e.isSymbolicLink() ? 'l' : e.isLink() ? 'h' : e.isFile() ? '-' : '?';
        lines.add(
            type
                + " "
                + String.format("%04o", e.getMode())
                + " "
                + e.getLongUserId()
                + ":"
                + e.getLongGroupId()
                + " ["
                + e.getUserName()
                + "/"
                + e.getGroupName()
                + "] "
                + e.getSize()
                + " "
                + e.getModTime().toInstant().getEpochSecond()
                + " "
                + e.getName()
                + (e.getLinkName().isEmpty() ? "" : " -> " + e.getLinkName()));
      }
    }
    return lines;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ReproducibleTarTest.class.getResourceAsStream("/image/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void listingMatchesGolden() throws IOException {
    byte[] tar = ReproducibleTar.tarBytes(TestImages.sampleFs(), TestImages.MTIME);
    String actual = String.join("\n", listing(tar)) + "\n";
    assertThat(actual).isEqualTo(resource("sample-layer.listing"));
  }

  @Test
  void keepsSpecialModeBitsOwnersAndLinkTypes() throws IOException {
    List<String> lines = listing(ReproducibleTar.tarBytes(TestImages.sampleFs(), TestImages.MTIME));
    assertThat(lines).contains("d 1777 0:0 [/] 0 1767323045 tmp/");
    assertThat(lines).contains("- 4755 0:0 [/] 7 1767323045 usr/bin/su-helper");
    assertThat(lines).contains("- 2755 0:42 [/] 7 1767323045 usr/bin/sg-helper");
    assertThat(lines).contains("d 0700 65532:65532 [/] 0 1767323045 home/nonroot/");
    assertThat(lines).contains("l 0777 0:0 [/] 0 1767323045 bin -> usr/bin");
    // the hard link set's data sits at the path that sorts first
    assertThat(lines).contains("- 0755 0:0 [/] 11 1767323045 usr/bin/aa-hard");
    assertThat(lines).contains("h 0755 0:0 [/] 0 1767323045 usr/bin/app -> usr/bin/aa-hard");
    List<String> names = lines.stream().map(l -> l.split(" ")[5]).toList();
    assertThat(names).isSorted();
  }

  @Test
  void longNamesUseUstarPrefixOrADeterministicPaxHeader() throws IOException {
    byte[] tar = ReproducibleTar.tarBytes(TestImages.sampleFs(), TestImages.MTIME);
    List<String> lines = listing(tar);
    assertThat(lines).anyMatch(l -> l.endsWith(" " + TestImages.LONG_FILE));
    assertThat(lines).anyMatch(l -> l.endsWith(" " + TestImages.VERY_LONG_NAME));
    String raw = new String(tar, StandardCharsets.ISO_8859_1);
    // only the name that cannot be split gets a PAX header, and it holds nothing but the path
    assertThat(raw.split("PaxHeaders/", -1)).hasSize(2);
    assertThat(raw).contains("path=" + TestImages.VERY_LONG_NAME + "\n");
    assertThat(raw).doesNotContain("mtime=").doesNotContain("atime=").doesNotContain("SCHILY");
  }

  @Test
  void twoWritesGiveIdenticalBytesAndDigests() {
    Layer a = ReproducibleTar.layer(TestImages.sampleFs(), TestImages.MTIME);
    Layer b = ReproducibleTar.layer(TestImages.sampleFs(), TestImages.MTIME);
    assertThat(a.bytes()).isEqualTo(b.bytes());
    assertThat(a.digest()).isEqualTo(b.digest());
    assertThat(a.diffId()).isEqualTo(b.diffId());
    // insertion order of the RootFs does not matter
    RootFs.Builder reversed = RootFs.builder();
    List<FsEntry> entries = new ArrayList<>(TestImages.sampleFs().entries());
    java.util.Collections.reverse(entries);
    entries.forEach(reversed::put);
    assertThat(ReproducibleTar.layer(reversed.build(), TestImages.MTIME).digest())
        .isEqualTo(a.digest());
  }

  @Test
  void diffIdIsTheDigestOfTheUncompressedTarAndIsPinned() throws IOException {
    byte[] tar = ReproducibleTar.tarBytes(TestImages.sampleFs(), TestImages.MTIME);
    Layer layer = ReproducibleTar.layer(TestImages.sampleFs(), TestImages.MTIME);
    assertThat(layer.diffId()).isEqualTo(Digest.sha256(tar));
    assertThat(layer.uncompressedSize()).isEqualTo(tar.length);
    assertThat(layer.digest()).isEqualTo(Digest.sha256(layer.bytes()));
    try (InputStream in = new GZIPInputStream(layer.openStream())) {
      assertThat(in.readAllBytes()).isEqualTo(tar);
    }
    // pinned: a change to the tar format shows up here (independent of the zlib in use)
    assertThat(layer.diffId().toString()).isEqualTo(resource("sample-layer.diffid").trim());
  }

  @Test
  void gzipHeaderHasNoNameNoMtimeAndAFixedOsByte() {
    byte[] blob = ReproducibleTar.layer(TestImages.sampleFs(), TestImages.MTIME).bytes();
    assertThat(Arrays.copyOf(blob, 10)).containsExactly(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);
  }

  @Test
  void mtimeChangesTheDigestAndSourceDateEpochWins() {
    var other = TestImages.MTIME.plusSeconds(1);
    assertThat(ReproducibleTar.layer(TestImages.sampleFs(), other).diffId())
        .isNotEqualTo(ReproducibleTar.layer(TestImages.sampleFs(), TestImages.MTIME).diffId());
    assertThat(ReproducibleTar.mtime(Map.of("SOURCE_DATE_EPOCH", "1700000000"), TestImages.MTIME))
        .isEqualTo(java.time.Instant.ofEpochSecond(1700000000));
    assertThat(ReproducibleTar.mtime(Map.of(), TestImages.MTIME)).isEqualTo(TestImages.MTIME);
    assertThatThrownBy(
            () -> ReproducibleTar.mtime(Map.of("SOURCE_DATE_EPOCH", "yesterday"), TestImages.MTIME))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("SOURCE_DATE_EPOCH");
  }

  @Test
  void danglingHardLinkIsAClearError() {
    RootFs fs = RootFs.builder().put(FsEntry.hardlink("a", "missing", 0644, 0, 0, "x")).build();
    assertThatThrownBy(() -> ReproducibleTar.layer(fs, TestImages.MTIME))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("/a")
        .hasMessageContaining("/missing");
  }

  @Test
  void seededRandomTreesAlwaysRoundTripThroughTheTar() throws IOException {
    java.util.Random random = new java.util.Random(20261129L);
    for (int round = 0; round < 20; round++) {
      RootFs.Builder b = RootFs.builder();
      int n = 1 + random.nextInt(40);
      for (int i = 0; i < n; i++) {
        StringBuilder path = new StringBuilder();
        int depth = 1 + random.nextInt(4);
        for (int d = 0; d < depth; d++) {
          path.append(d == 0 ? "" : "/").append("d").append(random.nextInt(5));
        }
        path.append("/f").append(i).append("-".repeat(random.nextInt(120)));
        byte[] data = new byte[random.nextInt(2000)];
        random.nextBytes(data);
        b.put(
            FsEntry.file(
                path.toString(),
                random.nextInt(07777 + 1),
                random.nextInt(70000),
                random.nextInt(70000),
                data,
                "r"));
      }
      RootFs fs = b.build();
      byte[] tar = ReproducibleTar.tarBytes(fs, TestImages.MTIME);
      List<String> names = new ArrayList<>();
      try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
        TarArchiveEntry e;
        while ((e = in.getNextEntry()) != null) {
          FsEntry expected = fs.get(e.getName()).orElseThrow();
          assertThat(e.getMode()).isEqualTo(expected.mode());
          assertThat(e.getLongUserId()).isEqualTo(expected.uid());
          if (e.isFile()) {
            assertThat(in.readAllBytes()).isEqualTo(expected.content());
          }
          names.add(e.getName().replaceAll("/$", ""));
        }
      }
      assertThat(names)
          .containsExactlyElementsOf(fs.entries().stream().map(FsEntry::path).toList());
    }
  }

  @Test
  void theGzipLevelChangesTheBlobButNotTheTar() throws Exception {
    Layer fast = ReproducibleTar.layer(TestImages.sampleFs(), TestImages.MTIME);
    Layer small = ReproducibleTar.layer(TestImages.sampleFs(), TestImages.MTIME, 9);
    assertThat(ReproducibleTar.DEFAULT_GZIP_LEVEL).isEqualTo(1);
    assertThat(small.diffId()).isEqualTo(fast.diffId());
    assertThat(small.digest()).isNotEqualTo(fast.digest());
    try (var in = new java.util.zip.GZIPInputStream(small.openStream())) {
      assertThat(in.readAllBytes())
          .isEqualTo(ReproducibleTar.tarBytes(TestImages.sampleFs(), TestImages.MTIME));
    }
    for (int level : new int[] {0, 10}) {
      assertThatThrownBy(
              () -> ReproducibleTar.layer(TestImages.sampleFs(), TestImages.MTIME, level))
          .isInstanceOf(dev.distill.DistillException.class)
          .hasMessageContaining("between 1 and 9");
    }
  }
}
