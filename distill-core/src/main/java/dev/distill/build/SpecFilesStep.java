package dev.distill.build;

import dev.distill.DistillException;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import dev.distill.rootfs.RootFsStep;
import dev.distill.spec.ImageSpec;
import java.io.IOException;
import java.nio.file.Files;

/** Pipeline step "own files": the spec's own files and directories, with their modes and owners. */
final class SpecFilesStep implements RootFsStep {
  private final ImageSpec spec;

  SpecFilesStep(ImageSpec spec) {
    this.spec = spec;
  }

  @Override
  public void applyTo(RootFs.Builder builder) {
    for (ImageSpec.Directory d : spec.directories()) {
      builder.put(FsEntry.directory(d.path(), d.mode(), d.uid(), d.gid(), "distill"));
    }
    for (ImageSpec.OwnFile f : spec.files()) {
      byte[] content;
      try {
        content = Files.readAllBytes(f.source());
      } catch (IOException e) {
        throw new DistillException(
            "Cannot read " + f.source() + " for " + f.path() + ": " + e.getMessage(), e);
      }
      builder.put(FsEntry.file(f.path(), f.mode(), f.uid(), f.gid(), content, "distill"));
    }
  }
}
