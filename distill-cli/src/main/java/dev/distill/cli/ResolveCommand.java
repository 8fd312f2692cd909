package dev.distill.cli;

import dev.distill.build.PackageLocker;
import dev.distill.debian.resolve.Resolution;
import dev.distill.spec.LockFile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code distill resolve}: the package closure apt would install, from verified indexes. */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = {
      "Resolves packages to the closure apt would install.",
      "Resolves packages and their Depends/Pre-Depends closure from Debian's signed indexes,",
      "as apt-get install --no-install-recommends would on an empty system."
    })
final class ResolveCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PACKAGE",
      description = "Package names (name, name=version, 'a | b').")
  List<String> packages;

  @Option(
      names = "--suite",
      defaultValue = "bookworm",
      description = "bookworm or trixie (default: ${DEFAULT-VALUE}).")
  String suite;

  @Option(
      names = "--arch",
      defaultValue = "amd64",
      description = "amd64 or arm64 (default: ${DEFAULT-VALUE}).")
  String arch;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin RepoOptions repo;
  @Mixin CommonOptions common;

  enum Format {
    table,
    json
  }

  @Override
  public Integer call() {
    var progress = new ConsoleProgress(spec.commandLine().getErr(), common.quiet);
    Resolution resolution =
        new PackageLocker(repo.repository(progress)).resolve(packages, suite, arch);
    LockFile.Target target = PackageLocker.toTarget(resolution);
    var out = spec.commandLine().getOut();
    if (format == Format.json) {
      Output.json(out, target);
    } else {
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("PACKAGE", "VERSION", "ARCH", "SOURCE", "SUITE", "SIZE"));
      for (LockFile.LockedPackage p : target.packages()) {
        rows.add(
            List.of(
                p.name(), p.version(), p.arch(), p.source(), p.suite(), Long.toString(p.size())));
      }
      Output.table(out, rows);
    }
    return Main.CLEAN;
  }
}
