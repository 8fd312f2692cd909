package dev.distill.rootfs;

import dev.distill.fs.LinkTrail;
import dev.distill.fs.RootFs;
import java.util.Optional;

/**
 * Keeps {@code usr/share/doc/<pkg>/copyright} of every package that contributed a file to the
 * image, when the package has one; a doc directory that is a symlink to another package's (as
 * libgcc-s1's is) is kept with what it points to.
 */
public final class Copyrights implements RootFsStep {
  private final RootFs packages;

  public Copyrights(RootFs packages) {
    this.packages = packages;
  }

  @Override
  public void applyTo(RootFs.Builder builder) {
    for (String pkg : PackageFiles.contributingPackages(builder.build())) {
      Optional<LinkTrail> trail = LinkTrail.walk(packages, "usr/share/doc/" + pkg + "/copyright");
      if (trail.isEmpty()) {
        continue;
      }
      for (String path : trail.get().entries()) {
        PackageFiles.copyWithParents(packages, path, builder);
      }
    }
  }
}
