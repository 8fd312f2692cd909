package dev.distill.rootfs;

import dev.distill.fs.RootFs;

/** One step of assembling a distroless root filesystem; it adds to (or checks) a builder. */
public interface RootFsStep {
  /** Applies this step; throws {@link dev.distill.DistillException} on bad input. */
  void applyTo(RootFs.Builder builder);
}
