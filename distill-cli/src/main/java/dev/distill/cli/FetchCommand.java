package dev.distill.cli;

import dev.distill.DistillException;
import dev.distill.build.LockedPackages;
import dev.distill.build.PackageLocker;
import dev.distill.debian.fetch.DebRef;
import dev.distill.debian.fetch.FetchedDeb;
import dev.distill.spec.ImageSpec;
import dev.distill.spec.LockFile;
import dev.distill.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code distill fetch}: downloads .deb files into the content-addressed cache, hash-checked. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    description = {
      "Downloads locked or resolved .deb files into the cache.",
      "Downloads the .deb files of an image spec's lock (or of resolved packages) into the cache,",
      "checking every file's SHA-256 against the signed index before it is kept."
    })
final class FetchCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "SPEC_DIR|PACKAGE",
      description = "An image directory with distill.yaml and distill.lock.json, or package names.")
  List<String> args;

  @Option(
      names = {"--suite", "--release"},
      description = "bookworm or trixie (default: the spec's first release, else bookworm).")
  String release;

  @Option(
      names = "--arch",
      description = "amd64 or arm64 (default: the spec's first arch, else amd64).")
  String arch;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  ResolveCommand.Format format;

  @Mixin RepoOptions repo;
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    var progress = new ConsoleProgress(spec.commandLine().getErr(), common.quiet);
    List<DebRef> refs;
    Path first = Path.of(args.get(0));
    if (args.size() == 1 && Files.isDirectory(first)) {
      ImageSpec image = SpecLoader.load(first);
      String r = release != null ? release : image.defaultRelease();
      String a = arch != null ? arch : image.archs().get(0);
      Path lockPath = LockFile.pathFor(first);
      LockFile lock =
          LockFile.readIfPresent(lockPath)
              .orElseThrow(
                  () ->
                      new DistillException(
                          "No lock file at "
                              + lockPath
                              + "; run 'distill lock "
                              + first
                              + "' first"));
      LockFile.Target target =
          lock.target(r, a)
              .orElseThrow(
                  () ->
                      new DistillException(
                          lockPath
                              + " has no entry for "
                              + r
                              + "/"
                              + a
                              + "; run 'distill lock "
                              + first
                              + "'"));
      refs = LockedPackages.refs(target, repo.mirrors(), lock.snapshotTimestamp());
    } else {
      String r = release != null ? release : "bookworm";
      String a = arch != null ? arch : "amd64";
      LockFile.Target target = new PackageLocker(repo.repository(progress)).lock(args, r, a);
      refs = LockedPackages.refs(target, repo.mirrors(), Optional.empty());
    }
    List<FetchedDeb> fetched = repo.fetcher(progress).fetchAll(refs);
    var out = spec.commandLine().getOut();
    if (format == ResolveCommand.Format.json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (FetchedDeb f : fetched) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("package", f.ref().packageName());
        row.put("version", f.ref().version());
        row.put("arch", f.ref().architecture());
        row.put("sha256", f.ref().sha256());
        row.put("path", f.path().toString());
        row.put("downloaded", f.downloaded());
        rows.add(row);
      }
      Output.json(out, rows);
    } else {
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("PACKAGE", "VERSION", "STATUS", "PATH"));
      for (FetchedDeb f : fetched) {
        rows.add(
            List.of(
                f.ref().packageName(),
                f.ref().version(),
                f.downloaded() ? "downloaded" : "cached",
                f.path().toString()));
      }
      Output.table(out, rows);
    }
    return Main.CLEAN;
  }
}
