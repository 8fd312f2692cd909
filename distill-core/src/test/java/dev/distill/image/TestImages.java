package dev.distill.image;

import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small root filesystems and images shared by the image tests. */
final class TestImages {
  static final Instant MTIME = Instant.parse("2026-01-02T03:04:05Z");
  static final String LONG_DIR =
      "usr/share/very-long-directory-name-that-goes-on-and-on-0123456789/"
          + "another-rather-long-directory-name-abcdefghijklmnopqrstuvwxyz";
  static final String LONG_FILE = LONG_DIR + "/and-a-file-name-that-is-long-enough.txt";
  static final String VERY_LONG_NAME = "opt/" + "x".repeat(120) + ".conf";

  private TestImages() {}

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Directories incl. 1777 and 0700, a 4755 file, a symlink, a hard link, numeric owners. */
  static RootFs sampleFs() {
    return RootFs.builder()
        .put(FsEntry.directory("tmp", 01777, 0, 0, "distill"))
        .put(FsEntry.directory("home/nonroot", 0700, 65532, 65532, "distill"))
        .put(FsEntry.directory("root", 0700, 0, 0, "distill"))
        .put(
            FsEntry.file(
                "etc/passwd", 0644, 0, 0, utf8("root:x:0:0:root:/root:/sbin/nologin\n"), "distill"))
        .put(FsEntry.file("usr/bin/app", 0755, 0, 0, utf8("#!fake-elf\n"), "app"))
        .put(FsEntry.file("usr/bin/su-helper", 04755, 0, 0, utf8("setuid\n"), "app"))
        .put(FsEntry.file("usr/bin/sg-helper", 02755, 0, 42, utf8("setgid\n"), "app"))
        .put(FsEntry.symlink("bin", "usr/bin", 0, 0, "distill"))
        .put(FsEntry.symlink("usr/bin/app-link", "/usr/bin/app", 0, 0, "app"))
        // sorts before its target: the writer must move the data to this path
        .put(FsEntry.hardlink("usr/bin/aa-hard", "usr/bin/app", 0755, 0, 0, "app"))
        .put(FsEntry.file(LONG_FILE, 0644, 0, 0, utf8("long\n"), "distill"))
        .put(FsEntry.file(VERY_LONG_NAME, 0600, 65532, 65532, utf8("pax\n"), "distill"))
        .build();
  }

  static Image sampleImage(Platform platform) {
    Layer layer = ReproducibleTar.layer(sampleFs(), MTIME);
    ImageConfig config =
        ImageConfig.builder(platform)
            .created(MTIME)
            .user("65532:65532")
            .entrypoint(List.of("/usr/bin/app"))
            .cmd(List.of("--serve"))
            .env(List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"))
            .exposedPorts(java.util.Set.of("8080"))
            .workingDir("/home/nonroot")
            .labels(Map.of("org.opencontainers.image.title", "sample"))
            .stopSignal("SIGQUIT")
            .build();
    return Image.of(config, List.of(layer));
  }
}
