package dev.distill.rootfs;

import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import java.nio.charset.StandardCharsets;

/** Small helpers to build package-union file systems in tests. */
final class Fixtures {
  private Fixtures() {}

  static FsEntry file(String path, String text, String pkg) {
    return FsEntry.file(path, 0644, 0, 0, text.getBytes(StandardCharsets.UTF_8), pkg);
  }

  static FsEntry dir(String path, int mode, String pkg) {
    return FsEntry.directory(path, mode, 0, 0, pkg);
  }

  static FsEntry link(String path, String target, String pkg) {
    return FsEntry.symlink(path, target, 0, 0, pkg);
  }

  static String text(RootFs fs, String path) {
    return new String(fs.get(path).orElseThrow().content(), StandardCharsets.UTF_8);
  }
}
