package dev.distill.debian.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.debian.ControlFile;
import dev.distill.debian.repo.BinaryPackage;
import dev.distill.debian.repo.MirrorConfig;
import dev.distill.debian.repo.PackageUniverse;
import dev.distill.debian.repo.ReleaseFile;
import dev.distill.debian.repo.Suite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ResolverTest {
  private static final Instant DATE = Instant.parse("2026-07-11T10:16:37Z");

  /** A stanza with the mandatory download fields filled in. */
  static String pkg(String name, String version, String arch, String... fields) {
    StringBuilder b = new StringBuilder();
    b.append("Package: ").append(name).append('\n');
    b.append("Version: ").append(version).append('\n');
    b.append("Architecture: ").append(arch).append('\n');
    for (String f : fields) {
      b.append(f).append('\n');
    }
    b.append("Filename: pool/main/").append(name).append('_').append(version).append(".deb\n");
    b.append("Size: 100\n");
    b.append("SHA256: ").append("a".repeat(64)).append("\n\n");
    return b.toString();
  }

  /**
   * A bookworm universe whose suites hold the given Packages texts (release, updates, security).
   */
  static PackageUniverse universe(String arch, String base, String updates, String security) {
    List<Suite> suites = Suite.forRelease("bookworm", MirrorConfig.defaults());
    String[] texts = {base, updates, security};
    List<PackageUniverse.LoadedSuite> loaded = new ArrayList<>();
    List<BinaryPackage> packages = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Suite s = suites.get(i);
      loaded.add(
          new PackageUniverse.LoadedSuite(
              s,
              new ReleaseFile(
                  Optional.of(s.name()),
                  Optional.of(s.name()),
                  DATE.plusSeconds(i),
                  Optional.empty(),
                  List.of(arch),
                  List.of("main"),
                  true,
                  Map.of())));
      final int index = i;
      ControlFile.parse(texts[i], s.name())
          .forEach(
              st -> packages.add(BinaryPackage.fromStanza(st, s.name(), s.mirror(), "t" + index)));
    }
    return new PackageUniverse("bookworm", arch, loaded, packages);
  }

  static PackageUniverse universe(String packages) {
    return universe("amd64", packages, "", "");
  }

  static String names(Resolution r) {
    return r.packages().stream().map(BinaryPackage::id).collect(Collectors.joining(" "));
  }

  @Test
  void closureFollowsDependsAndPreDependsButNotRecommends() {
    PackageUniverse u =
        universe(
            pkg("app", "1.0", "amd64", "Pre-Depends: pre", "Depends: lib (>= 2)", "Recommends: rec")
                + pkg("pre", "1", "amd64")
                + pkg("lib", "2.1", "amd64", "Depends: app")
                + pkg("rec", "1", "all")
                + pkg("unrelated", "1", "amd64"));

    Resolution r = new Resolver(u).resolve(List.of("app"));

    assertThat(names(r)).isEqualTo("app=1.0 lib=2.1 pre=1");
    assertThat(r.releaseDate()).isEqualTo(DATE);
    assertThat(r.suiteDates()).containsEntry("bookworm-security", DATE.plusSeconds(2));
    assertThat(r.architecture()).isEqualTo("amd64");
  }

  @Test
  void highestVersionAcrossSuitesWinsSoSecurityUpdatesAreUsed() {
    PackageUniverse u =
        universe(
            "amd64",
            pkg("app", "1.0", "amd64", "Depends: libssl3")
                + pkg("libssl3", "3.0.15-1~deb12u1", "amd64"),
            pkg("libssl3", "3.0.16-1~deb12u1", "amd64"),
            pkg("libssl3", "3.0.17-1~deb12u2", "amd64") + pkg("app", "0.9", "amd64"));

    Resolution r = new Resolver(u).resolve(List.of("app"));

    assertThat(names(r)).isEqualTo("app=1.0 libssl3=3.0.17-1~deb12u2");
    assertThat(r.packages().get(1).suite()).isEqualTo("bookworm-security");
    assertThat(r.packages().get(1).downloadUri().toString())
        .startsWith("http://deb.debian.org/debian-security/pool/main/libssl3");
  }

  @Test
  void firstSatisfiableAlternativeIsChosenUnlessAnotherIsAlreadyChosen() {
    PackageUniverse u =
        universe(
            pkg("app", "1", "amd64", "Depends: a (>= 5) | b, c")
                + pkg("a", "4", "amd64")
                + pkg("b", "1", "amd64")
                + pkg("c", "1", "amd64", "Depends: b | a")
                + pkg("other", "1", "amd64", "Depends: x | a", "Pre-Depends: a")
                + pkg("x", "1", "amd64"));

    assertThat(names(new Resolver(u).resolve(List.of("app")))).isEqualTo("app=1 b=1 c=1");
    // Pre-Depends come first, so 'a' is chosen and then satisfies 'x | a'.
    assertThat(names(new Resolver(u).resolve(List.of("other")))).isEqualTo("a=4 other=1");
  }

  @Test
  void alternativeWhoseDependenciesFailIsAbandonedForTheNext() {
    PackageUniverse u =
        universe(
            pkg("app", "1", "amd64", "Depends: broken | good")
                + pkg("broken", "1", "amd64", "Depends: missing-lib")
                + pkg("good", "1", "amd64"));

    assertThat(names(new Resolver(u).resolve(List.of("app")))).isEqualTo("app=1 good=1");
  }

  @Test
  void virtualPackagesAreSatisfiedByProvidersAndVersionedProvides() {
    PackageUniverse u =
        universe(
            pkg("app", "1", "amd64", "Depends: mail-transport-agent, awk (>= 1.3)")
                + pkg(
                    "postfix", "3", "amd64", "Provides: mail-transport-agent", "Priority: optional")
                + pkg("exim4", "4", "amd64", "Provides: mail-transport-agent", "Priority: standard")
                + pkg("mawk", "1.3.4", "amd64", "Provides: awk")
                + pkg("gawk", "5.2", "amd64", "Provides: awk (= 1.3.5)"));

    // exim4 wins on priority; only gawk's versioned provide satisfies awk (>= 1.3).
    assertThat(names(new Resolver(u).resolve(List.of("app")))).isEqualTo("app=1 exim4=4 gawk=5.2");
  }

  @Test
  void essentialProviderIsPreferred() {
    PackageUniverse u =
        universe(
            pkg("app", "1", "amd64", "Depends: awk")
                + pkg("zawk", "1", "amd64", "Provides: awk", "Priority: required", "Essential: yes")
                + pkg("aawk", "1", "amd64", "Provides: awk", "Priority: required"));

    assertThat(names(new Resolver(u).resolve(List.of("app")))).isEqualTo("app=1 zawk=1");
  }

  @Test
  void anyQualifierNeedsMultiArchAllowed() {
    PackageUniverse u =
        universe(
            pkg("tool", "1", "amd64", "Depends: python3:any")
                + pkg("python3", "3.11", "amd64", "Multi-Arch: allowed")
                + pkg("bad", "1", "amd64", "Depends: perl:any")
                + pkg("perl", "5.36", "amd64"));

    assertThat(names(new Resolver(u).resolve(List.of("tool")))).isEqualTo("python3=3.11 tool=1");
    assertThatThrownBy(() -> new Resolver(u).resolve(List.of("bad")))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("bad -> perl:any : no candidate");
  }

  @Test
  void otherArchitecturesAreIgnoredAndArchAllIsUsed() {
    PackageUniverse u =
        universe(
            "arm64",
            pkg("app", "1", "arm64", "Depends: data, lib")
                + pkg("data", "1", "all")
                + pkg("lib", "1", "arm64")
                + pkg("lib", "9", "amd64"),
            "",
            "");

    assertThat(names(new Resolver(u).resolve(List.of("app:arm64"))))
        .isEqualTo("app=1 data=1 lib=1");
    assertThatThrownBy(() -> new Resolver(u).resolve(List.of("app:amd64")))
        .hasMessageContaining("--arch amd64");
  }

  @Test
  void unsatisfiableVersionNamesTheChainAndTheNewestVersion() {
    PackageUniverse u =
        universe(
            pkg("nginx", "1.22", "amd64", "Depends: nginx-core")
                + pkg("nginx-core", "1.22", "amd64", "Depends: libc6, libssl3 (>= 3.9)")
                + pkg("libc6", "2.36", "amd64")
                + pkg("libssl3", "3.0.15-1~deb12u1", "amd64"));

    assertThatThrownBy(() -> new Resolver(u).resolve(List.of("nginx")))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining(
            "nginx -> nginx-core -> libssl3 (>= 3.9) : no candidate; newest is 3.0.15-1~deb12u1");
  }

  @Test
  void missingPackageAndUnknownRootAreReported() {
    PackageUniverse u = universe(pkg("app", "1", "amd64", "Depends: ghost | phantom (>= 2)"));

    assertThatThrownBy(() -> new Resolver(u).resolve(List.of("app")))
        .hasMessageContaining("app -> ghost | phantom (>= 2) : no candidate")
        .hasMessageContaining("ghost is not in bookworm for amd64");
    assertThatThrownBy(() -> new Resolver(u).resolve(List.of("nosuch")))
        .hasMessageContaining("'nosuch' is not in bookworm");
  }

  @Test
  void rootWithVersionPinsThatVersion() {
    PackageUniverse u =
        universe(
            "amd64",
            pkg("app", "1.0", "amd64", "Depends: lib"),
            pkg("app", "1.1", "amd64", "Depends: lib (>= 2)"),
            pkg("lib", "1", "amd64") + pkg("lib", "2", "amd64"));

    assertThat(names(new Resolver(u).resolve(List.of("app=1.0")))).isEqualTo("app=1.0 lib=2");
    assertThat(names(new Resolver(u).resolve(List.of("app")))).isEqualTo("app=1.1 lib=2");
    assertThat(names(new Resolver(u).resolve(List.of("lib=1", "app=1.0"))))
        .isEqualTo("app=1.0 lib=1");
    assertThatThrownBy(() -> new Resolver(u).resolve(List.of("app=3")))
        .hasMessageContaining("Version 3 of app is not in bookworm")
        .hasMessageContaining("1.0 (bookworm)");
  }

  @Test
  void virtualRootWithOneProviderResolvesToIt() {
    PackageUniverse u =
        universe(
            pkg("mawk", "1", "amd64", "Provides: awk")
                + pkg("a", "1", "amd64", "Provides: mta")
                + pkg("b", "1", "amd64", "Provides: mta"));

    assertThat(names(new Resolver(u).resolve(List.of("awk")))).isEqualTo("mawk=1");
    assertThatThrownBy(() -> new Resolver(u).resolve(List.of("mta")))
        .hasMessageContaining("virtual package provided by a, b");
  }

  @Test
  void outputIsSortedAndDeterministicWhateverTheInputOrder() {
    String a = pkg("zz", "1", "amd64", "Depends: mm, aa");
    String b = pkg("mm", "1", "amd64", "Depends: aa");
    String c = pkg("aa", "1", "amd64", "Depends: zz");

    String first = names(new Resolver(universe(a + b + c)).resolve(List.of("zz")));
    String second = names(new Resolver(universe(c + a + b)).resolve(List.of("zz")));

    assertThat(first).isEqualTo("aa=1 mm=1 zz=1").isEqualTo(second);
  }
}
