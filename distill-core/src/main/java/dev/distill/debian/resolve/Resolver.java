package dev.distill.debian.resolve;

import dev.distill.DistillException;
import dev.distill.debian.repo.BinaryPackage;
import dev.distill.debian.repo.MultiArch;
import dev.distill.debian.repo.PackageUniverse;
import dev.distill.debian.version.DebianVersion;
import dev.distill.debian.version.Relation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Computes the closure of Depends and Pre-Depends of root packages over one architecture's package
 * universe, choosing like apt does from nothing installed with {@code --no-install-recommends}:
 *
 * <ul>
 *   <li>each package's candidate is its highest version across the suites, so {@code -security} and
 *       {@code -updates} win;
 *   <li>a dependency group already satisfied by a chosen package is not touched again;
 *   <li>otherwise the alternatives are tried in order, each as the real package's candidate first
 *       and then its providers (Provides, versioned where the relation is versioned), preferring
 *       essential, then more important priority;
 *   <li>{@code :any} is satisfied only by {@code Multi-Arch: allowed} packages.
 * </ul>
 *
 * Only one architecture is installed (packages of that architecture and {@code all}). Recommends,
 * Suggests, Conflicts and Breaks are not considered.
 */
public final class Resolver {
  private final PackageUniverse universe;
  private final String arch;
  private final Map<String, List<BinaryPackage>> versionsByName = new HashMap<>();

  public Resolver(PackageUniverse universe) {
    this.universe = universe;
    this.arch = universe.architecture();
    for (BinaryPackage p : universe.packages()) {
      if (p.architecture().equals(arch) || p.architecture().equals("all")) {
        versionsByName.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p);
      }
    }
  }

  /**
   * Resolves {@code roots}: package names, optionally {@code name=version} or {@code name:arch}.
   *
   * @throws DistillException when a root is unknown or a dependency cannot be satisfied; the
   *     message names the chain of packages from the root and the failing relation
   */
  public Resolution resolve(List<String> roots) {
    if (roots.isEmpty()) {
      throw new DistillException("No packages to resolve: name at least one package.");
    }
    Map<String, BinaryPackage> candidates = new HashMap<>();
    for (Map.Entry<String, List<BinaryPackage>> e : versionsByName.entrySet()) {
      candidates.put(e.getKey(), newest(e.getValue()));
    }
    List<BinaryPackage> rootPackages = new ArrayList<>();
    for (String root : roots) {
      BinaryPackage p = rootPackage(root, candidates);
      candidates.put(p.name(), p); // name=version overrides the candidate, like apt does
      rootPackages.add(p);
    }
    Run run = new Run(candidates);
    // Like apt-get install: mark every root first, then pull in their dependencies.
    for (BinaryPackage p : rootPackages) {
      BinaryPackage already = run.selected.get(p.name());
      if (already != null && !already.equals(p)) {
        throw new DistillException(
            "Conflicting requests: " + already.id() + " and " + p.id() + " were both asked for.");
      }
      run.select(p);
    }
    for (BinaryPackage p : rootPackages) {
      Failure f = run.installDependencies(p, List.of(p.name()));
      if (f != null) {
        throw new DistillException(
            "Cannot resolve for "
                + universe.release()
                + "/"
                + arch
                + ": "
                + f.message
                + ". Check the package names and versions, or the suite.");
      }
    }
    List<BinaryPackage> sorted = new ArrayList<>(run.selected.values());
    sorted.sort(Comparator.comparing(BinaryPackage::name));
    return new Resolution(
        universe.release(), arch, universe.releaseDate(), universe.releaseDates(), roots, sorted);
  }

  /** A dependency that could not be satisfied, with the chain that led there. */
  private record Failure(String message) {}

  /** The mutable state of one resolution; discarded afterwards. */
  private final class Run {
    private final Map<String, BinaryPackage> candidates;
    private final Map<String, List<Provider>> providers = new HashMap<>();
    private final LinkedHashMap<String, BinaryPackage> selected = new LinkedHashMap<>();
    private final List<String> order = new ArrayList<>();

    Run(Map<String, BinaryPackage> candidates) {
      this.candidates = candidates;
      for (BinaryPackage p : candidates.values()) {
        for (Relation provided : p.provides()) {
          providers
              .computeIfAbsent(provided.name(), k -> new ArrayList<>())
              .add(new Provider(p, provided));
        }
      }
    }

    void select(BinaryPackage p) {
      selected.put(p.name(), p);
      order.add(p.name());
    }

    void rollback(int size) {
      while (order.size() > size) {
        selected.remove(order.remove(order.size() - 1));
      }
    }

    /** Marks {@code p} and, depth first, everything it needs; null on success. */
    Failure install(BinaryPackage p, List<String> chain) {
      if (selected.containsKey(p.name())) {
        return null;
      }
      select(p);
      return installDependencies(p, chain);
    }

    Failure installDependencies(BinaryPackage p, List<String> chain) {
      List<List<Relation>> groups = new ArrayList<>(p.preDepends());
      groups.addAll(p.depends());
      for (List<Relation> group : groups) {
        if (satisfiedBySelected(group)) {
          continue;
        }
        Failure deeper = null;
        boolean done = false;
        for (Relation alternative : group) {
          for (BinaryPackage target : targets(alternative)) {
            int mark = order.size();
            List<String> next = new ArrayList<>(chain);
            next.add(target.name());
            Failure f = install(target, next);
            if (f == null) {
              done = true;
              break;
            }
            rollback(mark);
            if (deeper == null) {
              deeper = f;
            }
          }
          if (done) {
            break;
          }
        }
        if (!done) {
          return deeper != null ? deeper : noCandidate(chain, group);
        }
      }
      return null;
    }

    boolean satisfiedBySelected(List<Relation> group) {
      for (Relation r : group) {
        BinaryPackage real = selected.get(r.name());
        if (real != null && satisfiesDirectly(r, real)) {
          return true;
        }
        for (Provider pr : providers.getOrDefault(r.name(), List.of())) {
          if (pr.pkg == selected.get(pr.pkg.name()) && satisfiesByProvide(r, pr)) {
            return true;
          }
        }
      }
      return false;
    }

    /** The candidates that satisfy {@code r}: the real package first, then sorted providers. */
    List<BinaryPackage> targets(Relation r) {
      List<BinaryPackage> out = new ArrayList<>();
      BinaryPackage real = candidates.get(r.name());
      if (real != null && satisfiesDirectly(r, real)) {
        out.add(real);
      }
      List<BinaryPackage> provided = new ArrayList<>();
      for (Provider pr : providers.getOrDefault(r.name(), List.of())) {
        if (satisfiesByProvide(r, pr) && !out.contains(pr.pkg) && !provided.contains(pr.pkg)) {
          provided.add(pr.pkg);
        }
      }
      provided.sort(PROVIDER_PREFERENCE);
      out.addAll(provided);
      return out;
    }

    Failure noCandidate(List<String> chain, List<Relation> group) {
      String alternatives =
          group.stream().map(Relation::toString).collect(Collectors.joining(" | "));
      List<String> why = new ArrayList<>();
      for (Relation r : group) {
        BinaryPackage real = candidates.get(r.name());
        if (real != null) {
          why.add(
              group.size() > 1
                  ? r.name() + ": newest is " + real.version()
                  : "newest is " + real.version());
        } else if (providers.containsKey(r.name())) {
          why.add(r.name() + " is virtual; no provider satisfies it");
        } else {
          why.add(r.name() + " is not in " + universe.release() + " for " + arch);
        }
      }
      return new Failure(
          String.join(" -> ", chain)
              + " -> "
              + alternatives
              + " : no candidate; "
              + String.join("; ", why));
    }
  }

  /** A candidate package that provides a (possibly versioned) virtual name. */
  private record Provider(BinaryPackage pkg, Relation provided) {}

  private boolean satisfiesDirectly(Relation r, BinaryPackage p) {
    return archQualifierAllows(r, p) && r.allows(p.version());
  }

  private boolean satisfiesByProvide(Relation r, Provider pr) {
    if (!archQualifierAllows(r, pr.pkg)) {
      return false;
    }
    if (r.operator().isEmpty()) {
      return true;
    }
    // A versioned relation is satisfied only by a versioned provide ("Provides: foo (= 1.0)").
    Optional<DebianVersion> v = pr.provided.version();
    return v.isPresent() && r.allows(v.get());
  }

  private boolean archQualifierAllows(Relation r, BinaryPackage p) {
    if (r.archQualifier().isEmpty()) {
      return true;
    }
    String q = r.archQualifier().get().toLowerCase(Locale.ROOT);
    return switch (q) {
      case "any" -> p.multiArch() == MultiArch.ALLOWED;
      case "native" -> true;
      default -> q.equals(p.architecture()) || (q.equals(arch) && p.architecture().equals("all"));
    };
  }

  /** Essential first, then more important priority, then name (for a stable order). */
  private static final Comparator<BinaryPackage> PROVIDER_PREFERENCE =
      Comparator.comparing((BinaryPackage p) -> !p.essential())
          .thenComparingInt(p -> priorityRank(p.priority()))
          .thenComparing(BinaryPackage::name);

  private static int priorityRank(String priority) {
    return switch (priority.toLowerCase(Locale.ROOT)) {
      case "required" -> 1;
      case "important" -> 2;
      case "standard" -> 3;
      case "optional" -> 4;
      case "extra" -> 5;
      default -> 6;
    };
  }

  private static BinaryPackage newest(List<BinaryPackage> versions) {
    BinaryPackage best = versions.get(0);
    for (BinaryPackage p : versions) {
      if (p.version().compareTo(best.version()) > 0) {
        best = p;
      }
    }
    return best;
  }

  private BinaryPackage rootPackage(String spec, Map<String, BinaryPackage> candidates) {
    String name = spec.strip();
    String version = null;
    int eq = name.indexOf('=');
    if (eq >= 0) {
      version = name.substring(eq + 1).strip();
      name = name.substring(0, eq).strip();
    }
    int colon = name.indexOf(':');
    if (colon >= 0) {
      String qualifier = name.substring(colon + 1);
      name = name.substring(0, colon);
      if (!qualifier.equals(arch) && !qualifier.equals("native") && !qualifier.equals("all")) {
        throw new DistillException(
            "'"
                + spec
                + "' asks for architecture "
                + qualifier
                + " but this resolution is for "
                + arch
                + "; use --arch "
                + qualifier
                + ".");
      }
    }
    if (name.isEmpty()) {
      throw new DistillException("Empty package name in '" + spec + "'.");
    }
    List<BinaryPackage> versions = versionsByName.get(name);
    if (versions == null) {
      return virtualRoot(spec, name, candidates);
    }
    if (version == null) {
      return candidates.get(name);
    }
    DebianVersion wanted = DebianVersion.parse(version);
    for (BinaryPackage p : versions) {
      if (p.version().equals(wanted)) {
        return p;
      }
    }
    throw new DistillException(
        "Version "
            + version
            + " of "
            + name
            + " is not in "
            + universe.release()
            + " for "
            + arch
            + "; available: "
            + versions.stream()
                .map(p -> p.version() + " (" + p.suite() + ")")
                .distinct()
                .collect(Collectors.joining(", "))
            + ".");
  }

  /** A root naming a virtual package is accepted when exactly one package provides it. */
  private BinaryPackage virtualRoot(
      String spec, String name, Map<String, BinaryPackage> candidates) {
    List<BinaryPackage> providing = new ArrayList<>();
    for (BinaryPackage p : candidates.values()) {
      for (Relation provided : p.provides()) {
        if (provided.name().equals(name) && !providing.contains(p)) {
          providing.add(p);
        }
      }
    }
    if (providing.size() == 1) {
      return providing.get(0);
    }
    if (providing.isEmpty()) {
      throw new DistillException(
          "Package '"
              + spec
              + "' is not in "
              + universe.release()
              + " (main, "
              + arch
              + "). Check the spelling, or the suite and architecture.");
    }
    providing.sort(Comparator.comparing(BinaryPackage::name));
    throw new DistillException(
        "'"
            + name
            + "' is a virtual package provided by "
            + providing.stream().map(BinaryPackage::name).collect(Collectors.joining(", "))
            + "; name one of them explicitly.");
  }
}
