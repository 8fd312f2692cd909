package dev.distill.rootfs;

import dev.distill.DistillException;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;

/** Keeps the time zone database (usr/share/zoneinfo and everything below it) from tzdata. */
public final class Tzdata implements RootFsStep {
  static final String ZONEINFO = "usr/share/zoneinfo";
  private final RootFs packages;

  public Tzdata(RootFs packages) {
    this.packages = packages;
  }

  @Override
  public void applyTo(RootFs.Builder builder) {
    int copied = 0;
    for (FsEntry e : packages.entries()) {
      if (e.path().equals(ZONEINFO) || e.path().startsWith(ZONEINFO + "/")) {
        PackageFiles.copyWithParents(packages, e.path(), builder);
        copied++;
      }
    }
    if (copied == 0) {
      throw new DistillException(
          "time zones were asked for but /"
              + ZONEINFO
              + " is in no package; add tzdata to the spec");
    }
  }
}
