package dev.distill.cli;

import dev.distill.DistillException;
import dev.distill.build.PackageLocker;
import dev.distill.spec.ImageSpec;
import dev.distill.spec.LockFile;
import dev.distill.spec.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code distill lock}: writes or refreshes {@code distill.lock.json} beside an image spec. */
@Command(
    name = "lock",
    mixinStandardHelpOptions = true,
    description = {
      "Writes or refreshes distill.lock.json beside an image spec.",
      "Resolves an image spec's packages for each of its releases and architectures and writes",
      "distill.lock.json beside it: every package's version, source, file and SHA-256, and each",
      "suite's signed Release date. Builds then fetch exactly those files."
    })
final class LockCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SPEC_DIR", description = "Image directory holding distill.yaml.")
  Path specDir;

  @Option(
      names = "--release",
      description = "Only this release (repeatable; default: all the spec lists).")
  List<String> releases;

  @Option(
      names = "--arch",
      description = "Only this architecture (repeatable; default: all the spec lists).")
  List<String> archs;

  @Option(
      names = "--snapshot",
      paramLabel = "TIMESTAMP",
      description =
          "Record a snapshot.debian.org timestamp (e.g. 20251101T000000Z) to fetch from once mirrors drop these versions.")
  String snapshot;

  @Mixin RepoOptions repo;
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    ImageSpec image = SpecLoader.load(specDir);
    if (image.packages().isEmpty()) {
      throw new DistillException(
          specDir + ": the spec lists no packages, so there is nothing to lock");
    }
    var progress = new ConsoleProgress(spec.commandLine().getErr(), common.quiet);
    Path lockPath = LockFile.pathFor(specDir);
    LockFile lock =
        LockFile.readIfPresent(lockPath)
            .orElse(new LockFile(LockFile.CURRENT_VERSION, SpecLoader.FILE_NAME, null, List.of()));
    if (snapshot != null) {
      lock = new LockFile(lock.lockVersion(), lock.spec(), snapshot, lock.targets());
    }
    PackageLocker locker = new PackageLocker(repo.repository(progress));
    var out = spec.commandLine().getOut();
    for (String r : releases != null ? releases : image.releases()) {
      for (String a : archs != null ? archs : image.archs()) {
        LockFile.Target target = locker.lock(image.packages(), r, a);
        lock = lock.with(target);
        out.println(
            "locked "
                + image.name()
                + " "
                + r
                + "/"
                + a
                + ": "
                + target.packages().size()
                + " packages");
      }
    }
    try {
      lock.write(lockPath);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LockFile.read(lockPath);
    out.println("wrote " + lockPath);
    out.flush();
    return Main.CLEAN;
  }
}
