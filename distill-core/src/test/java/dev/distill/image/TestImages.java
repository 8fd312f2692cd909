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

  /**
   * A 172-byte static x86-64 Linux program that writes "hello from distill" and exits 0 (built here
   * byte by byte, so an image can be run without any binary from the host).
   */
  static byte[] helloElf() {
    byte[] msg = utf8("hello from distill\n");
    byte[] code = {
      (byte) 0xb8,
      1,
      0,
      0,
      0, // mov eax, 1 (write)
      (byte) 0xbf,
      1,
      0,
      0,
      0, // mov edi, 1 (stdout)
      0x48,
      (byte) 0x8d,
      0x35,
      0x10,
      0,
      0,
      0, // lea rsi, [rip+16] (msg)
      (byte) 0xba,
      (byte) msg.length,
      0,
      0,
      0, // mov edx, len
      0x0f,
      0x05, // syscall
      (byte) 0xb8,
      60,
      0,
      0,
      0, // mov eax, 60 (exit)
      0x31,
      (byte) 0xff, // xor edi, edi
      0x0f,
      0x05 // syscall
    };
    int total = 64 + 56 + code.length + msg.length;
    java.nio.ByteBuffer b =
        java.nio.ByteBuffer.allocate(total).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    b.putShort((short) 2).putShort((short) 0x3e).putInt(1);
    b.putLong(0x400000L + 120).putLong(64).putLong(0);
    b.putInt(0).putShort((short) 64).putShort((short) 56).putShort((short) 1);
    b.putShort((short) 64).putShort((short) 0).putShort((short) 0);
    b.putInt(1).putInt(5).putLong(0).putLong(0x400000L).putLong(0x400000L);
    b.putLong(total).putLong(total).putLong(0x1000);
    b.put(code).put(msg);
    return b.array();
  }

  /** A runnable image: the hello program as entrypoint, run as 65532. */
  static Image helloImage() {
    RootFs fs =
        sampleFs().toBuilder()
            .put(FsEntry.file("usr/bin/hello", 0755, 0, 0, helloElf(), "test"))
            .build();
    ImageConfig config =
        ImageConfig.builder(Platform.LINUX_AMD64)
            .created(MTIME)
            .user("65532:65532")
            .entrypoint(List.of("/usr/bin/hello"))
            .build();
    return Image.of(config, List.of(ReproducibleTar.layer(fs, MTIME)));
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
