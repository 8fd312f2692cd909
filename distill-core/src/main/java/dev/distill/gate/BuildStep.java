package dev.distill.gate;

import dev.distill.DistillException;
import dev.distill.build.ImageBuilder;
import dev.distill.image.ImageOutput;
import dev.distill.image.ImageWriter;
import dev.distill.spec.ImageSpec;
import dev.distill.spec.LockFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Builds a service from its spec and committed lock, for this machine's architecture, into a
 * docker-archive among the check's artifacts. The lock is used as committed and never rewritten: a
 * check reports what the repository pins. A build that cannot be made (a locked file gone from the
 * mirror, a tampered download, a bad spec) fails this gate with the builder's message.
 */
final class BuildStep {
  static final String GATE = "build";

  /** A successful build: the builder's result and where its archive was written. */
  record Built(ImageBuilder.Result result, Path archive, String tag) {}

  private final ImageBuilder builder;
  private final ImageWriter writer;

  BuildStep(ImageBuilder builder, ImageWriter writer) {
    this.builder = builder;
    this.writer = writer;
  }

  /** The outcome, and the build when it passed. */
  record Outcome(StepResult step, Optional<Built> built) {}

  Outcome run(ImageSpec spec, String release, Path specDir, Path artifacts) {
    String arch = ImageWriter.hostPlatform().architecture();
    List<String> archs = spec.archs().contains(arch) ? List.of(arch) : List.of(spec.archs().get(0));
    Optional<LockFile> lock = LockFile.readIfPresent(LockFile.pathFor(specDir));
    String tag = "distill-check/" + spec.name() + ":" + release;
    try {
      ImageBuilder.Result result = builder.build(spec, release, archs, lock);
      Path archive = artifacts.resolve("images").resolve(spec.name() + "-" + release + ".tar");
      writer.write(result.images(), new ImageOutput.DockerArchive(archive), tag);
      ImageBuilder.ArchBuild b = result.archs().get(0);
      String lockNote =
          lock.isEmpty()
              ? ", no lock committed (resolved afresh)"
              : result.lockChanged() ? ", lock incomplete (rest resolved afresh)" : "";
      String summary =
          String.format(
              java.util.Locale.ROOT,
              "%s %s/%s: %d files, %.1f MB, %d packages, %s%s",
              spec.name(),
              release,
              b.arch(),
              b.rootfs().size(),
              b.image().layers().get(0).uncompressedSize() / 1e6,
              b.packagesInImage().size(),
              result.images().digest(),
              lockNote);
      return new Outcome(
          StepResult.of(GateOutcome.passed(GATE, spec.name(), summary)),
          Optional.of(new Built(result, archive, tag)));
    } catch (DistillException e) {
      return new Outcome(
          StepResult.of(
              GateOutcome.failed(
                  GATE, spec.name(), "cannot build " + spec.name(), List.of(e.getMessage()))),
          Optional.empty());
    }
  }
}
