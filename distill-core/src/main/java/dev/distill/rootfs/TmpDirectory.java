package dev.distill.rootfs;

import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;

/** /tmp, world-writable with the sticky bit (1777 root:root). */
public final class TmpDirectory implements RootFsStep {
  @Override
  public void applyTo(RootFs.Builder builder) {
    builder.put(FsEntry.directory("tmp", 01777, 0, 0, "distill"));
  }
}
