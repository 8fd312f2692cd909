package dev.distill.cli;

import dev.distill.DistillException;
import dev.distill.assure.SmokeChecks;
import dev.distill.build.BuildSboms;
import dev.distill.build.ImageBuilder;
import dev.distill.image.ImageOutput;
import dev.distill.image.ImageWriter;
import dev.distill.io.AtomicFiles;
import dev.distill.spec.ImageSpec;
import dev.distill.spec.LockFile;
import dev.distill.spec.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code distill build}: a hardened, reproducible OCI image from an image spec, no daemon. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Builds a hardened, reproducible OCI image from an image spec.",
      "Builds the image an image spec describes: packages from the lock (resolved and locked when",
      "missing), only the ELF closure of the executables plus the named paths, distroless",
      "conventions, one reproducible layer. Writes an OCI layout, a docker-archive, or pushes."
    })
final class BuildCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SPEC_DIR", description = "Image directory holding distill.yaml.")
  Path specDir;

  @Option(
      names = "--release",
      description = "bookworm or trixie (default: the spec's first release).")
  String release;

  @Option(
      names = "--arch",
      description = "Architecture to build (repeatable; default: the spec's archs).")
  List<String> archs;

  @Option(
      names = {"--output", "-o"},
      paramLabel = "TARGET",
      description = {
        "oci:DIR[:REF], docker-archive:FILE or registry:HOST[:PORT]/NAME[:TAG] (repeatable).",
        "Default when neither --output nor --load is given: oci:out/<name>-<release>."
      })
  List<String> outputs;

  @Option(
      names = "--load",
      description = "Load the image into the local Docker engine (docker load).")
  boolean load;

  @Option(
      names = "--sbom",
      paramLabel = "DIR",
      description =
          "Write SPDX 2.3 and CycloneDX 1.6 SBOMs of the exact package set into DIR"
              + " (<name>-<release>-<arch>.spdx.json / .cdx.json).")
  Path sbomDir;

  @Option(
      names = "--check",
      description =
          "After --load, run the spec's checks against the image in the local engine (hardened"
              + " container, loopback only); exit 1 when one fails.")
  boolean check;

  @Option(
      names = {"--tag", "-t"},
      description = "Image name for docker-archive and --load (default: distill/<name>:<release>).")
  String tag;

  @Option(
      names = "--gzip-level",
      paramLabel = "1-9",
      defaultValue = "1",
      description =
          "Layer compression: 1 is fastest (default), 9 smallest; 6 gives layers about 9%"
              + " smaller at 2-3x the compression time. Part of the image digest.")
  int gzipLevel;

  @Option(
      names = "--no-write-lock",
      description = "Do not write distill.lock.json when it was missing or incomplete.")
  boolean noWriteLock;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json summary on stdout (default: ${DEFAULT-VALUE}).")
  SummaryFormat format;

  @Mixin RepoOptions repo;
  @Mixin CommonOptions common;

  enum SummaryFormat {
    text,
    json
  }

  @Override
  public Integer call() {
    if (gzipLevel < 1 || gzipLevel > 9) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--gzip-level must be between 1 and 9, not " + gzipLevel);
    }
    ImageSpec image = SpecLoader.load(specDir);
    String r = release != null ? release : image.defaultRelease();
    List<String> a = archs != null ? archs : image.archs();
    String name = tag != null ? tag : "distill/" + image.name() + ":" + r;
    List<ImageOutput> targets = new ArrayList<>();
    for (String o : outputs != null ? outputs : List.<String>of()) {
      targets.add(ImageOutput.parse(o));
    }
    if (targets.isEmpty() && !load) {
      targets.add(ImageOutput.parse("oci:out/" + image.name() + "-" + r));
    }
    var progress = new ConsoleProgress(spec.commandLine().getErr(), common.quiet);
    Path lockPath = LockFile.pathFor(specDir);
    ImageBuilder builder = repo.imageBuilder(progress).withGzipLevel(gzipLevel);
    ImageBuilder.Result result = builder.build(image, r, a, LockFile.readIfPresent(lockPath));
    if (result.lockChanged() && !noWriteLock) {
      try {
        result.lock().write(lockPath);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      progress.note("wrote " + lockPath);
    }
    ImageWriter writer = new ImageWriter(Main.registryCredentials(), progress);
    List<String> written = new ArrayList<>();
    for (ImageOutput target : targets) {
      written.add(writer.write(result.images(), target, name).location());
    }
    if (load) {
      written.add(writer.load(result.images(), name).location());
    }
    if (sbomDir != null) {
      writeSboms(image.name(), r, name, result);
    }
    if (check && !load) {
      throw new DistillException("--check runs the image in the local engine: add --load");
    }
    List<SmokeChecks.Result> checks =
        check
            ? new SmokeChecks("docker", Duration.ofSeconds(30), progress).run(name, image.checks())
            : List.of();
    var out = spec.commandLine().getOut();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("image", image.name());
    summary.put("release", r);
    summary.put("digest", result.images().digest().toString());
    List<Map<String, Object>> perArch = new ArrayList<>();
    for (ImageBuilder.ArchBuild b : result.archs()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("arch", b.arch());
      m.put("manifestDigest", b.image().digest().toString());
      m.put("files", b.rootfs().size());
      m.put("uncompressedBytes", b.image().layers().get(0).uncompressedSize());
      m.put("compressedBytes", b.image().layers().get(0).size());
      m.put("closureBytes", b.closureBytes());
      m.put("packages", b.packagesInImage());
      perArch.add(m);
    }
    summary.put("archs", perArch);
    summary.put("outputs", written);
    if (check) {
      List<Map<String, Object>> checkRows = new ArrayList<>();
      for (SmokeChecks.Result c : checks) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", c.check().type());
        m.put("passed", c.passed());
        m.put("detail", c.detail());
        checkRows.add(m);
      }
      summary.put("checks", checkRows);
    }
    if (format == SummaryFormat.json) {
      Output.json(out, summary);
    } else {
      out.println("built " + image.name() + " (" + r + ") " + result.images().digest());
      for (Map<String, Object> m : perArch) {
        out.printf(
            "  %s: %s files, %.1f MB uncompressed, %.1f MB compressed, %d packages%n",
            m.get("arch"),
            m.get("files"),
            ((Long) m.get("uncompressedBytes")) / 1e6,
            ((Long) m.get("compressedBytes")) / 1e6,
            ((List<?>) m.get("packages")).size());
      }
      for (String w : written) {
        out.println("  -> " + w);
      }
      for (SmokeChecks.Result c : checks) {
        out.println(
            "  check "
                + c.check().type()
                + ": "
                + (c.passed() ? "passed" : "FAILED")
                + " ("
                + c.detail()
                + ")");
      }
      out.flush();
    }
    return checks.stream().allMatch(SmokeChecks.Result::passed) ? Main.CLEAN : Main.FINDINGS;
  }

  private void writeSboms(
      String imageName, String release, String subject, ImageBuilder.Result result) {
    var files = BuildSboms.render(imageName, release, subject, result, Main.version());
    for (var f : files.entrySet()) {
      try {
        AtomicFiles.write(sbomDir.resolve(f.getKey()), f.getValue());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
