package dev.distill.build;

import dev.distill.DistillException;
import dev.distill.Lazy;
import dev.distill.debian.deb.DebPackage;
import dev.distill.debian.fetch.DebFetcher;
import dev.distill.debian.repo.MirrorConfig;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import dev.distill.image.History;
import dev.distill.image.Image;
import dev.distill.image.ImageConfig;
import dev.distill.image.ImageSet;
import dev.distill.image.Layer;
import dev.distill.image.Platform;
import dev.distill.image.ReproducibleTar;
import dev.distill.progress.ProgressListener;
import dev.distill.rootfs.DistrolessRootFs;
import dev.distill.rootfs.HardeningCheck;
import dev.distill.rootfs.PathGlob;
import dev.distill.rootfs.RootFsStep;
import dev.distill.rootfs.UsrMerge;
import dev.distill.spec.ImageSpec;
import dev.distill.spec.LockFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The build pipeline, driven by an {@link ImageSpec}: lock (or read the lock) -> fetch -> unpack ->
 * select the ELF closure and named paths -> distroless conventions and the spec's own files ->
 * hardening check -> reproducible layer -> OCI image, once per architecture. It writes nothing to
 * disk but the package cache; outputs are the caller's choice.
 */
public final class ImageBuilder {
  private final PackageLocker locker;
  private final DebFetcher fetcher;
  private final MirrorConfig mirrors;
  private final Map<String, String> env;
  private final ProgressListener progress;
  private final int gzipLevel;

  public ImageBuilder(
      PackageLocker locker,
      DebFetcher fetcher,
      MirrorConfig mirrors,
      Map<String, String> env,
      ProgressListener progress) {
    this(locker, fetcher, mirrors, env, progress, ReproducibleTar.DEFAULT_GZIP_LEVEL);
  }

  private ImageBuilder(
      PackageLocker locker,
      DebFetcher fetcher,
      MirrorConfig mirrors,
      Map<String, String> env,
      ProgressListener progress,
      int gzipLevel) {
    this.locker = locker;
    this.fetcher = fetcher;
    this.mirrors = mirrors;
    this.env = Map.copyOf(env);
    this.progress = progress;
    this.gzipLevel = gzipLevel;
  }

  /** This builder compressing layers at {@code level} (1 fastest to 9 smallest). */
  public ImageBuilder withGzipLevel(int level) {
    if (level < 1 || level > 9) {
      throw new DistillException("gzip level " + level + " is not between 1 and 9");
    }
    return new ImageBuilder(locker, fetcher, mirrors, env, progress, level);
  }

  /**
   * What one architecture's build produced.
   *
   * @param sbomPackageList the packages as a build SBOM lists them, made on first use (it hashes
   *     every kept file, which a build without SBOMs need not do); read it via {@link
   *     #sbomPackages()}
   */
  public record ArchBuild(
      String arch,
      LockFile.Target target,
      List<String> packagesInImage,
      Lazy<List<dev.distill.pkgdb.InstalledPackage>> sbomPackageList,
      long closureBytes,
      RootFs rootfs,
      Image image) {

    /** The packages as a build SBOM lists them. */
    public List<dev.distill.pkgdb.InstalledPackage> sbomPackages() {
      return sbomPackageList.get();
    }
  }

  /**
   * The whole build: the image set (an index when several archs), per-arch details, the lock used.
   */
  public record Result(
      ImageSet images, List<ArchBuild> archs, LockFile lock, boolean lockChanged) {}

  /**
   * Builds {@code spec} for {@code release} and {@code archs}. Targets missing from {@code lock}
   * (or all, when {@code lock} is empty) are resolved afresh and returned in the result's lock.
   */
  public Result build(ImageSpec spec, String release, List<String> archs, Optional<LockFile> lock) {
    if (!spec.releases().contains(release)) {
      throw new DistillException(
          spec.name() + " lists releases " + spec.releases() + ", not '" + release + "'");
    }
    LockFile current =
        lock.orElse(new LockFile(LockFile.CURRENT_VERSION, "distill.yaml", null, List.of()));
    boolean changed = false;
    List<ArchBuild> builds = new ArrayList<>();
    for (String arch : archs) {
      Optional<LockFile.Target> locked = current.target(release, arch);
      LockFile.Target target;
      if (locked.isPresent()) {
        target = locked.get();
      } else {
        if (spec.packages().isEmpty()) {
          target = new LockFile.Target(release, arch, Map.of(), List.of());
        } else {
          progress.note("No lock for " + release + "/" + arch + ": resolving " + spec.packages());
          target = locker.lock(spec.packages(), release, arch);
        }
        current = current.with(target);
        changed = true;
      }
      builds.add(buildArch(spec, release, arch, target, current.snapshotTimestamp()));
    }
    List<Image> images = builds.stream().map(ArchBuild::image).toList();
    return new Result(new ImageSet(images), builds, current, changed);
  }

  private ArchBuild buildArch(
      ImageSpec spec,
      String release,
      String arch,
      LockFile.Target target,
      Optional<String> snapshot) {
    String task = "build " + spec.name() + " " + release + "/" + arch;
    progress.started(task, 5);
    List<DebPackage> debs = fetcher.readAll(LockedPackages.refs(target, mirrors, snapshot));
    progress.advanced(task, 1, 5);
    PackageUnion union = PackageUnion.of(debs);
    RootFs merged = UsrMerge.apply(union.files());
    progress.advanced(task, 2, 5);

    List<String> paths = new ArrayList<>();
    List<String> globs = new ArrayList<>();
    for (String keep : spec.keepFor(arch)) {
      (PathGlob.isGlob(keep) ? globs : paths).add(relative(keep));
    }
    boolean setuidAllowed = !spec.allowSetuid().isEmpty();
    DistrolessRootFs assembly =
        DistrolessRootFs.builder(merged)
            .executables(spec.executables().stream().map(ImageBuilder::relative).toList())
            .paths(paths)
            .globs(globs)
            .extraAccounts(
                spec.users().stream()
                    .map(
                        u ->
                            new dev.distill.rootfs.Account(
                                u.name(), u.uid(), u.gid(), u.home(), u.shell()))
                    .toList())
            .suite(release, debianVersion(merged))
            .caCertificates(spec.caCertificates())
            .tzdata(spec.tzdata())
            .packageData(union.controls(), union.md5sums())
            .hardening(new HardeningCheck(spec.allowShell(), false, setuidAllowed))
            .build();
    dev.distill.elf.ElfClosure closure = assembly.closure();
    // The floor: bytes of the executables and the libraries they load, nothing else.
    long closureBytes =
        closure.paths().stream()
            .map(merged::get)
            .flatMap(Optional::stream)
            .mapToLong(FsEntry::size)
            .sum();
    List<RootFsStep> steps = new ArrayList<>(assembly.steps(closure));
    // The spec's own files go in before the last step, the hardening check, so it sees them too.
    steps.add(steps.size() - 1, new SpecFilesStep(spec));
    RootFs.Builder tree = RootFs.builder();
    for (RootFsStep step : steps) {
      step.applyTo(tree);
    }
    RootFs rootfs = tree.build();
    progress.advanced(task, 3, 5);

    Instant created = ReproducibleTar.mtime(env, releaseDate(target));
    Layer layer = ReproducibleTar.layer(rootfs, created, gzipLevel);
    progress.advanced(task, 4, 5);
    Platform platform = Platform.forDebianArch(arch);
    ImageConfig config =
        ImageConfigStep.config(spec, release, platform, created).toBuilder()
            .history(
                List.of(
                    new History(
                        created,
                        "distill build " + spec.name() + " (" + release + "/" + arch + ")",
                        target.packages().size() + " packages locked",
                        false)))
            .diffIds(List.of(layer.diffId()))
            .build();
    Image image = Image.of(config, List.of(layer));
    progress.advanced(task, 5, 5);
    progress.finished(task);
    List<String> inImage =
        // Counted as dpkg status.d counts them: packages that contributed more than directories.
        rootfs.entries().stream()
            .filter(e -> e.type() != dev.distill.fs.EntryType.DIRECTORY)
            .map(FsEntry::origin)
            .filter(o -> !o.equals("distill"))
            .distinct()
            .sorted()
            .toList();
    return new ArchBuild(
        arch,
        target,
        inImage,
        Lazy.of(() -> BuiltPackages.of(inImage, union, merged, rootfs)),
        closureBytes,
        rootfs,
        image);
  }

  /** The newest signed Release date of the lock's suites: a stable default for timestamps. */
  static Instant releaseDate(LockFile.Target target) {
    return target.suiteDates().values().stream()
        .map(Instant::parse)
        .max(Instant::compareTo)
        .orElse(Instant.EPOCH);
  }

  private static String debianVersion(RootFs merged) {
    return merged
        .get("etc/debian_version")
        .map(e -> new String(e.content(), StandardCharsets.UTF_8).strip())
        .orElse(null);
  }

  private static String relative(String absolute) {
    return absolute.startsWith("/") ? absolute.substring(1) : absolute;
  }
}
