package dev.distill.rootfs;

import dev.distill.debian.ControlStanza;
import dev.distill.elf.ElfClosure;
import dev.distill.fs.RootFs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole assembly in one call, for the build pipeline: ELF closure of the executables and
 * modules, {@link FileSelector}, then the distroless conventions in a fixed order, then the {@link
 * HardeningCheck}. Each step stays usable on its own.
 */
public final class DistrolessRootFs {
  private final RootFs packages;
  private final List<String> executables;
  private final List<String> modules;
  private final List<String> paths;
  private final List<String> globs;
  private final List<String> excludes;
  private final List<Account> extraAccounts;
  private final String suite;
  private final String debianVersion;
  private final boolean caCertificates;
  private final boolean tzdata;
  private final Map<String, ControlStanza> controls;
  private final Map<String, Map<String, String>> md5sums;
  private final HardeningCheck hardening;

  private DistrolessRootFs(Builder b) {
    this.packages = Objects.requireNonNull(b.packages, "packages");
    this.executables = List.copyOf(b.executables);
    this.modules = List.copyOf(b.modules);
    this.paths = List.copyOf(b.paths);
    this.globs = List.copyOf(b.globs);
    this.excludes = List.copyOf(b.excludes);
    this.extraAccounts = List.copyOf(b.extraAccounts);
    this.suite = Objects.requireNonNull(b.suite, "suite");
    this.debianVersion = b.debianVersion;
    this.caCertificates = b.caCertificates;
    this.tzdata = b.tzdata;
    this.controls = Map.copyOf(b.controls);
    this.md5sums = Map.copyOf(b.md5sums);
    this.hardening = b.hardening;
  }

  /**
   * @param packages the union of all package entries (origin = package name), usr-merged with
   *     {@link UsrMerge#apply} when the image should be
   */
  public static Builder builder(RootFs packages) {
    Builder b = new Builder();
    b.packages = packages;
    return b;
  }

  /** The ELF closure of the executables and modules over the packages. */
  public ElfClosure closure() {
    return ElfClosure.compute(packages, executables, modules);
  }

  /** The steps in the order {@link #assemble} runs them. */
  public List<RootFsStep> steps(ElfClosure closure) {
    List<String> keep = new ArrayList<>(closure.paths());
    keep.addAll(paths);
    List<Account> accounts = Accounts.distroless(extraAccounts).accounts();
    List<RootFsStep> steps = new ArrayList<>();
    steps.add(new FileSelector(packages, keep, globs, excludes));
    if (tzdata) {
      steps.add(new Tzdata(packages));
    }
    steps.add(new Accounts(accounts));
    steps.add(new HomeDirectories(accounts));
    steps.add(new TmpDirectory());
    steps.add(new OsRelease(suite, debianVersion));
    steps.add(new NsSwitch());
    if (caCertificates) {
      steps.add(new CaBundle(packages));
    }
    // Copyrights before the status files: both follow the packages that contributed a file.
    steps.add(new Copyrights(packages));
    steps.add(new DpkgStatusD(controls, md5sums));
    steps.add(hardening);
    return steps;
  }

  /** Runs every step and returns the image's root filesystem. */
  public RootFs assemble() {
    return assemble(List.of());
  }

  /**
   * Runs every step, with {@code ownSteps} (the spec's own files and directories) after the
   * conventions and before the copyrights, status files and the hardening check, so the check sees
   * them too.
   */
  public RootFs assemble(List<RootFsStep> ownSteps) {
    List<RootFsStep> steps = new ArrayList<>(steps(closure()));
    int at = 0;
    while (at < steps.size() && !(steps.get(at) instanceof Copyrights)) {
      at++;
    }
    steps.addAll(at, ownSteps);
    RootFs.Builder image = RootFs.builder();
    for (RootFsStep step : steps) {
      step.applyTo(image);
    }
    return image.build();
  }

  /** Collects the inputs; everything but the packages and the suite has a default. */
  public static final class Builder {
    private RootFs packages;
    private List<String> executables = List.of();
    private List<String> modules = List.of();
    private List<String> paths = List.of();
    private List<String> globs = List.of();
    private List<String> excludes = List.of();
    private List<Account> extraAccounts = List.of();
    private String suite;
    private String debianVersion;
    private boolean caCertificates = true;
    private boolean tzdata;
    private Map<String, ControlStanza> controls = Map.of();
    private Map<String, Map<String, String>> md5sums = Map.of();
    private HardeningCheck hardening = HardeningCheck.strict();

    private Builder() {}

    /** Executables whose ELF closure is kept. */
    public Builder executables(List<String> v) {
      executables = v;
      return this;
    }

    /** dlopen'd libraries (e.g. nginx modules) whose ELF closure is kept too. */
    public Builder modules(List<String> v) {
      modules = v;
      return this;
    }

    /** Exact paths to keep (a directory keeps its tree). */
    public Builder paths(List<String> v) {
      paths = v;
      return this;
    }

    public Builder globs(List<String> v) {
      globs = v;
      return this;
    }

    public Builder excludes(List<String> v) {
      excludes = v;
      return this;
    }

    public Builder extraAccounts(List<Account> v) {
      extraAccounts = v;
      return this;
    }

    /** bookworm or trixie; {@code debianVersion} (e.g. 12.8) may be null. */
    public Builder suite(String codename, String debianVersion) {
      suite = codename;
      this.debianVersion = debianVersion;
      return this;
    }

    /** Whether to build /etc/ssl/certs/ca-certificates.crt (default true). */
    public Builder caCertificates(boolean v) {
      caCertificates = v;
      return this;
    }

    /** Whether to keep usr/share/zoneinfo (default false). */
    public Builder tzdata(boolean v) {
      tzdata = v;
      return this;
    }

    /** Package name -> control stanza, and package name -> (path -> md5) from the .debs. */
    public Builder packageData(
        Map<String, ControlStanza> controls, Map<String, Map<String, String>> md5sums) {
      this.controls = controls;
      this.md5sums = md5sums;
      return this;
    }

    public Builder hardening(HardeningCheck v) {
      hardening = v;
      return this;
    }

    public DistrolessRootFs build() {
      return new DistrolessRootFs(this);
    }
  }
}
