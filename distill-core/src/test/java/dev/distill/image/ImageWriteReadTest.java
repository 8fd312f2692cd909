package dev.distill.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.fs.EntryType;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageWriteReadTest {
  @TempDir Path tmp;

  private static List<String> tree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void ociLayoutHasTheSpecFilesAndReadsBack() throws IOException {
    Image image = TestImages.sampleImage(Platform.LINUX_AMD64);
    Path dir = tmp.resolve("oci");
    Descriptor top = OciLayoutWriter.write(dir, ImageSet.of(image), "latest");
    assertThat(top.digest()).isEqualTo(image.digest());
    assertThat(Files.readString(dir.resolve("oci-layout")))
        .isEqualTo("{\"imageLayoutVersion\":\"1.0.0\"}");
    assertThat(Files.readString(dir.resolve("index.json")))
        .contains("\"org.opencontainers.image.ref.name\":\"latest\"")
        .contains(image.digest().toString());
    assertThat(tree(dir))
        .contains(
            "blobs/sha256/" + image.digest().hex(),
            "blobs/sha256/" + image.imageId().hex(),
            "blobs/sha256/" + image.layers().get(0).digest().hex());
    // no temp directories left beside the output
    assertThat(tree(tmp).stream().filter(p -> !p.isEmpty() && !p.startsWith("oci"))).isEmpty();

    ReadImage read = ImageReader.read(dir, ImageReader.Options.defaults().withRefName("latest"));
    assertThat(read.manifestDigest()).isEqualTo(image.digest());
    assertThat(read.config()).isEqualTo(image.config());
    assertThat(read.rootFs().entries())
        .extracting(FsEntry::path)
        .containsExactlyElementsOf(
            TestImages.sampleFs().entries().stream().map(FsEntry::path).toList());
    FsEntry su = read.rootFs().get("usr/bin/su-helper").orElseThrow();
    assertThat(su.mode()).isEqualTo(04755);
    assertThat(read.rootFs().get("tmp").orElseThrow().mode()).isEqualTo(01777);
    // symlinks resolve; the hard link stays a link to the path holding the data
    FsEntry app = read.rootFs().resolve("bin/app").orElseThrow();
    assertThat(app.type()).isEqualTo(EntryType.HARDLINK);
    assertThat(read.rootFs().get(app.linkTarget()).orElseThrow().content())
        .isEqualTo(TestImages.utf8("#!fake-elf\n"));
    assertThat(read.files())
        .filteredOn(f -> f.path().equals("usr/bin/app"))
        .singleElement()
        .satisfies(f -> assertThat(f.type()).isEqualTo(EntryType.HARDLINK));
    assertThat(read.layers().get(0).diffId()).isEqualTo(image.layers().get(0).diffId());
  }

  @Test
  void twoWritesOfTheSameImageAreByteIdentical() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    OciLayoutWriter.write(a, ImageSet.of(TestImages.sampleImage(Platform.LINUX_AMD64)), "x");
    OciLayoutWriter.write(b, ImageSet.of(TestImages.sampleImage(Platform.LINUX_AMD64)), "x");
    assertThat(tree(a)).isEqualTo(tree(b));
    for (String f : tree(a)) {
      if (Files.isRegularFile(a.resolve(f))) {
        assertThat(Files.readAllBytes(a.resolve(f))).isEqualTo(Files.readAllBytes(b.resolve(f)));
      }
    }
    Path ta = tmp.resolve("a.tar");
    Path tb = tmp.resolve("b.tar");
    DockerArchiveWriter.write(ta, TestImages.sampleImage(Platform.LINUX_AMD64), List.of("t/x"));
    DockerArchiveWriter.write(tb, TestImages.sampleImage(Platform.LINUX_AMD64), List.of("t/x"));
    assertThat(Files.readAllBytes(ta)).isEqualTo(Files.readAllBytes(tb));
  }

  @Test
  void multiArchLayoutHasAnIndexAndEachPlatformReadsBack() throws IOException {
    Image amd = TestImages.sampleImage(Platform.LINUX_AMD64);
    Image arm = TestImages.sampleImage(Platform.LINUX_ARM64);
    ImageSet set = ImageSet.of(amd, arm);
    Path dir = tmp.resolve("multi");
    Descriptor top = OciLayoutWriter.write(dir, set, "1.0");
    assertThat(top.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
    ImageIndex nested =
        ImageIndex.fromJson(
            Files.readAllBytes(dir.resolve("blobs/sha256/" + top.digest().hex())), "i");
    assertThat(nested.manifests())
        .extracting(Descriptor::platform)
        .containsExactly(Platform.LINUX_AMD64, Platform.LINUX_ARM64);
    ReadImage readArm =
        ImageReader.read(
            dir, ImageReader.Options.defaults().withPlatform(Platform.parse("linux/arm64")));
    assertThat(readArm.manifestDigest()).isEqualTo(arm.digest());
    assertThat(readArm.config().platform()).isEqualTo(Platform.LINUX_ARM64);
    assertThatThrownBy(() -> ImageReader.read(dir, ImageReader.Options.defaults()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("holds 2 images");
  }

  @Test
  void dockerArchiveReadsBack() throws IOException {
    Image image = TestImages.sampleImage(Platform.LINUX_AMD64);
    Path file = tmp.resolve("image.tar");
    DockerArchiveWriter.write(file, image, List.of("distill/sample"));
    List<String> listing = ReproducibleTarTest.listing(Files.readAllBytes(file));
    assertThat(listing)
        .anyMatch(l -> l.endsWith(" manifest.json"))
        .anyMatch(l -> l.endsWith(" blobs/sha256/" + image.imageId().hex()));
    ReadImage read = ImageReader.read(file, ImageReader.Options.defaults());
    assertThat(read.config()).isEqualTo(image.config());
    assertThat(read.layers().get(0).descriptor().digest())
        .isEqualTo(image.layers().get(0).digest());
    assertThat(read.rootFs().get("etc/passwd").orElseThrow().content())
        .isEqualTo(TestImages.sampleFs().get("etc/passwd").orElseThrow().content());
    assertThat(
            ImageReader.read(
                    file, ImageReader.Options.defaults().withRefName("distill/sample:latest"))
                .config())
        .isEqualTo(image.config());
    assertThatThrownBy(
            () -> ImageReader.read(file, ImageReader.Options.defaults().withRefName("other:1")))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("no image tagged other:1");
  }

  @Test
  void gzippedDockerArchivesReadAndMissingMembersAreClearErrors() throws IOException {
    Image image = TestImages.sampleImage(Platform.LINUX_AMD64);
    Path file = tmp.resolve("image.tar");
    DockerArchiveWriter.write(file, image, List.of("distill/sample"));
    Path gz = tmp.resolve("image.tar.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(file, out);
    }
    assertThat(ImageReader.read(gz, ImageReader.Options.defaults()).config())
        .isEqualTo(image.config());

    // an archive whose manifest.json names a layer it does not hold
    Path broken = tmp.resolve("broken.tar");
    try (var out = Files.newOutputStream(broken)) {
      var tar = new dev.distill.image.tar.TarWriter(out);
      tar.file("config.json", 0644, 0, 0, 0, image.configBlob());
      tar.file(
          "manifest.json",
          0644,
          0,
          0,
          0,
          TestImages.utf8(
              "[{\"Config\":\"config.json\",\"RepoTags\":[],\"Layers\":[\"gone/layer.tar\"]}]"));
      tar.finish();
    }
    assertThatThrownBy(() -> ImageReader.read(broken, ImageReader.Options.defaults()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("is missing gone/layer.tar");
  }

  @Test
  void whiteoutsAndOpaqueDirectoriesAreApplied() {
    RootFs lower =
        RootFs.builder()
            .put(FsEntry.file("etc/keep", 0644, 0, 0, TestImages.utf8("k"), "x"))
            .put(FsEntry.file("etc/gone", 0644, 0, 0, TestImages.utf8("g"), "x"))
            .put(FsEntry.file("var/cache/a", 0644, 0, 0, TestImages.utf8("a"), "x"))
            .put(FsEntry.file("var/cache/sub/b", 0644, 0, 0, TestImages.utf8("b"), "x"))
            .put(FsEntry.file("opt/dir/file", 0644, 0, 0, TestImages.utf8("f"), "x"))
            .build();
    RootFs upper =
        RootFs.builder()
            .put(FsEntry.file("etc/.wh.gone", 0644, 0, 0, new byte[0], "x"))
            .put(FsEntry.file("var/cache/.wh..wh..opq", 0644, 0, 0, new byte[0], "x"))
            .put(FsEntry.file("var/cache/new", 0644, 0, 0, TestImages.utf8("n"), "x"))
            .put(FsEntry.file("opt/dir", 0644, 0, 0, TestImages.utf8("now a file"), "x"))
            .build();
    Image image =
        Image.of(
            ImageConfig.builder(Platform.LINUX_AMD64).build(),
            List.of(
                ReproducibleTar.layer(lower, TestImages.MTIME),
                ReproducibleTar.layer(upper, TestImages.MTIME)));
    Path dir = tmp.resolve("wh");
    OciLayoutWriter.write(dir, ImageSet.of(image), null);
    ReadImage read =
        ImageReader.read(
            dir, ImageReader.Options.defaults().keepingContent(p -> !p.startsWith("etc")));
    assertThat(read.files())
        .extracting(ImageFile::path)
        .containsExactly("etc", "etc/keep", "opt", "opt/dir", "var", "var/cache", "var/cache/new");
    assertThat(read.files())
        .filteredOn(f -> f.path().equals("var/cache/new"))
        .singleElement()
        .satisfies(f -> assertThat(f.layer()).isEqualTo(1));
    // content kept only where asked, but the listing keeps the real size
    assertThat(read.rootFs().get("etc/keep").orElseThrow().content()).isEmpty();
    assertThat(read.files())
        .filteredOn(f -> f.path().equals("etc/keep"))
        .singleElement()
        .satisfies(f -> assertThat(f.size()).isEqualTo(1));
    assertThat(read.rootFs().get("opt/dir").orElseThrow().type()).isEqualTo(EntryType.FILE);
  }

  @Test
  void corruptOrMissingBlobsAreClearErrors() throws IOException {
    Image image = TestImages.sampleImage(Platform.LINUX_AMD64);
    Path dir = tmp.resolve("bad");
    OciLayoutWriter.write(dir, ImageSet.of(image), null);
    Path layerBlob = dir.resolve("blobs/sha256/" + image.layers().get(0).digest().hex());
    byte[] bytes = Files.readAllBytes(layerBlob);
    bytes[bytes.length / 2] ^= 1;
    Files.write(layerBlob, bytes);
    assertThatThrownBy(() -> ImageReader.read(dir, ImageReader.Options.defaults()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining(image.layers().get(0).digest().toString());
    Files.delete(layerBlob);
    assertThatThrownBy(() -> ImageReader.read(dir, ImageReader.Options.defaults()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("is missing blob " + image.layers().get(0).digest());
    Path notAnArchive = tmp.resolve("junk.tar");
    Files.write(notAnArchive, new byte[] {1, 2, 3, 4, 5});
    assertThatThrownBy(() -> ImageReader.read(notAnArchive, ImageReader.Options.defaults()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("junk.tar");
    assertThatThrownBy(() -> ImageReader.read(tmp.resolve("nope"), ImageReader.Options.defaults()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void refusesToReplaceADirectoryThatIsNotALayout() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("precious"));
    Files.writeString(dir.resolve("notes.txt"), "mine");
    assertThatThrownBy(
            () ->
                OciLayoutWriter.write(
                    dir, ImageSet.of(TestImages.sampleImage(Platform.LINUX_AMD64)), null))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("not an OCI image layout");
    assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("mine");
  }

  @Test
  void dockerLoaderReportsAMissingCli() {
    assertThatThrownBy(() -> new DockerLoader("/nonexistent/docker").load(tmp.resolve("x.tar")))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("docker CLI was not found");
  }
}
