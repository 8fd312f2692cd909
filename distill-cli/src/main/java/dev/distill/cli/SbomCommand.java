package dev.distill.cli;

import dev.distill.DistillException;
import dev.distill.assure.ScanTarget;
import dev.distill.io.AtomicFiles;
import dev.distill.pkgdb.PackageInventory;
import dev.distill.sbom.SbomInput;
import dev.distill.sbom.SbomWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
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
      "Writes an SPDX or CycloneDX SBOM of an image or root filesystem.",
      "Writes an SBOM (SPDX 2.3 or CycloneDX 1.6 JSON) of the Debian packages installed",
      "in an image or a root filesystem directory (/var/lib/dpkg/status or status.d/)."
    })
public final class SbomCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(
      index = "0",
      paramLabel = "TARGET",
      description =
          "OCI layout dir, docker-archive / docker save tar, registry:HOST/NAME:TAG, or a root"
              + " filesystem dir.")
  String target;

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

  /** The target's file name, or its full text for a root such as {@code /} or a reference. */
  private static String subjectName(String target) {
    Path abs = Path.of(target).toAbsolutePath().normalize();
    return abs.getFileName() != null ? abs.getFileName().toString() : target;
  }

  @Override
  public Integer call() throws IOException {
    SbomWriter writer = SbomWriter.forFormat(format);
    ScanTarget opened = ScanTarget.open(target, Main.registryCredentials());
    PackageInventory inv = opened.packages().inventory();
    if (inv.packages().isEmpty()) {
      throw new DistillException(
          target + " has no installed Debian packages (no /var/lib/dpkg/status or status.d/)");
    }
    String version = Main.version();
    SbomInput input =
        new SbomInput(
            inv.packages(),
            inv.os(),
            name != null ? name : subjectName(target),
            opened.digest().map(Object::toString),
            SbomInput.createdFrom(System.getenv(), Instant.now()),
            version);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    writer.write(input, buf);
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(buf.toString(StandardCharsets.UTF_8));
      out.flush();
    } else {
      AtomicFiles.write(output, buf.toByteArray());
    }
    return Main.CLEAN;
  }
}
