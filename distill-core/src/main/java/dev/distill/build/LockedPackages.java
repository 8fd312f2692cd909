package dev.distill.build;

import dev.distill.DistillException;
import dev.distill.debian.fetch.DebRef;
import dev.distill.debian.fetch.SnapshotArchive;
import dev.distill.debian.repo.MirrorConfig;
import dev.distill.debian.repo.Suite;
import dev.distill.spec.LockFile;
import dev.distill.spec.LockFile.LockedPackage;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a lock target into the exact .deb references to fetch: each package from the mirror of the
 * suite it was locked from, or from the snapshot archive when the lock names one.
 */
public final class LockedPackages {
  private LockedPackages() {}

  public static List<DebRef> refs(
      LockFile.Target target, MirrorConfig mirrors, Optional<String> snapshot) {
    Map<String, URI> mirrorBySuite =
        Suite.forRelease(target.release(), mirrors).stream()
            .collect(Collectors.toMap(Suite::name, Suite::mirror, (a, b) -> a));
    Optional<SnapshotArchive> archive = snapshot.map(SnapshotArchive::parse);
    Function<LockedPackage, DebRef> toRef =
        p -> {
          URI mirror = mirrorBySuite.get(p.suite());
          if (mirror == null) {
            throw new DistillException(
                "The lock names suite '"
                    + p.suite()
                    + "' for "
                    + p.name()
                    + ", which is not a suite of "
                    + target.release()
                    + "; run 'distill lock' again");
          }
          DebRef ref =
              new DebRef(
                  p.name(), p.version(), p.arch(), p.filename(), mirror, p.sha256(), p.size());
          return archive.map(a -> a.rehome(ref)).orElse(ref);
        };
    return target.packages().stream().map(toRef).toList();
  }
}
