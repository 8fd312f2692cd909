package dev.distill.cli;

import dev.distill.DistillException;
import dev.distill.pkgdb.PackageInventory;
import dev.distill.pkgdb.PackageSource;
import dev.distill.sbom.SbomInput;
import dev.distill.sbom.SbomWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code distill sbom}: SPDX or CycloneDX SBOM of a root filesystem's Debian packages. */
@Command(
    name = "sbom",
    mixinStandardHelpOptions = true,
    description = {
      "Writes an SBOM (SPDX 2.3 or CycloneDX 1.6 JSON) of the Debian packages installed",
      "in a root filesystem directory (/var/lib/dpkg/status or status.d/)."
    })
public final class SbomCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "TARGET", description = "Root filesystem directory.")
  Path target;

  @Option(
      names = "--format",
      defaultValue = "spdx-json",
      description = "spdx-json or cyclonedx-json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE (atomically) instead of standard output.")
  Path output;

  @Option(names = "--name", description = "Name of the described element (default: TARGET).")
  String name;

  /** The directory's name, or its full path for a root such as {@code /}. */
  private static String subjectName(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    return abs.getFileName() != null ? abs.getFileName().toString() : abs.toString();
  }

  @Override
  public Integer call() throws IOException {
    SbomWriter writer = SbomWriter.forFormat(format);
    if (!Files.isDirectory(target)) {
      throw new DistillException(
          target + " is not a directory: distill sbom takes an unpacked root filesystem");
    }
    PackageInventory inv = PackageSource.ofDirectory(target).inventory();
    if (inv.packages().isEmpty()) {
      throw new DistillException(
          target + " has no installed Debian packages (no /var/lib/dpkg/status or status.d/)");
    }
    String version = new Main.Version().getVersion()[0].replaceFirst("^distill ", "");
    SbomInput input =
        new SbomInput(
            inv.packages(),
            inv.os(),
            name != null ? name : subjectName(target),
            Optional.empty(),
            SbomInput.createdFrom(System.getenv(), Instant.now()),
            version);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    writer.write(input, buf);
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(buf.toString(StandardCharsets.UTF_8));
      out.flush();
    } else {
      Path abs = output.toAbsolutePath();
      Path tmp = Files.createTempFile(abs.getParent(), ".sbom-", ".tmp");
      try {
        Files.write(tmp, buf.toByteArray());
        try {
          Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    return Main.CLEAN;
  }
}
