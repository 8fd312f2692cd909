package dev.distill.debian.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distill.debian.repo.BinaryPackage;
import dev.distill.debian.repo.DebianRepository;
import dev.distill.debian.repo.PackageUniverse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Resolves against the real Debian mirror and compares with what apt itself installs from nothing
 * with {@code --no-install-recommends}, using its own temporary state directory.
 */
class ResolverIT {
  private static final Path CACHE = Path.of("target", "it-cache", "distill");
  private static final Map<String, PackageUniverse> UNIVERSES = new HashMap<>();
  private static final Map<String, Path> APT_ROOTS = new HashMap<>();
  private static final Pattern INST = Pattern.compile("^Inst (\\S+) \\((\\S+) .*\\[(\\S+)\\]\\)");

  @AfterAll
  static void cleanUp() throws IOException {
    for (Path root : APT_ROOTS.values()) {
      try (var walk = Files.walk(root)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "bookworm, nginx",
    "bookworm, redis-server",
    "trixie, nginx",
    "trixie, redis-server",
    // Broader evidence: virtual packages, alternatives, versioned provides, several roots.
    "bookworm, openssh-server",
    "bookworm, postgresql",
    "bookworm, exim4",
    "bookworm, default-jre-headless",
    "bookworm, nginx redis-server curl",
    "trixie, mariadb-server",
    "trixie, build-essential",
    "trixie, php-fpm",
  })
  void matchesAptFromNothingInstalled(String release, String pkgs) throws Exception {
    List<String> roots = List.of(pkgs.split(" "));
    Resolution ours = new Resolver(universe(release, "amd64")).resolve(roots);
    Map<String, String> apt = aptInstall(release, roots);

    Map<String, String> mine = new TreeMap<>();
    for (BinaryPackage p : ours.packages()) {
      mine.put(p.name(), p.version().toString());
    }
    assertThat(apt).isNotEmpty().containsKeys(roots.toArray(String[]::new));
    assertThat(mine).isEqualTo(apt);
    assertThat(ours.releaseDate()).isEqualTo(universe(release, "amd64").releaseDate());
  }

  @Test
  void resolvesNginxForArm64() {
    PackageUniverse universe = universe("bookworm", "arm64");
    Resolution r = new Resolver(universe).resolve(List.of("nginx"));

    assertThat(r.architecture()).isEqualTo("arm64");
    assertThat(r.packages()).extracting(BinaryPackage::name).contains("nginx", "libc6", "libssl3");
    assertThat(r.packages())
        .allSatisfy(p -> assertThat(p.architecture()).isIn("arm64", "all"))
        .allSatisfy(p -> assertThat(p.filename()).startsWith("pool/"));
  }

  private static synchronized PackageUniverse universe(String release, String arch) {
    return UNIVERSES.computeIfAbsent(
        release + "/" + arch,
        k -> DebianRepository.builder().cacheDir(CACHE).build().load(release, arch));
  }

  /** Runs apt-get in a private root: update from the real mirror, then simulate the install. */
  private static Map<String, String> aptInstall(String release, List<String> roots)
      throws Exception {
    Path root = aptRoot(release);
    List<String> command =
        new ArrayList<>(
            List.of(
                "apt-get",
                "install",
                "-s",
                "--no-install-recommends",
                "-o",
                "APT::Architecture=amd64"));
    command.addAll(roots);
    List<String> out = run(root, command.toArray(String[]::new));
    Map<String, String> installed = new TreeMap<>();
    for (String line : out) {
      Matcher m = INST.matcher(line);
      if (m.find()) {
        installed.put(m.group(1), m.group(2));
      }
    }
    return installed;
  }

  private static synchronized Path aptRoot(String release) throws Exception {
    Path existing = APT_ROOTS.get(release);
    if (existing != null && Files.isDirectory(existing.resolve("lists"))) {
      return existing;
    }
    Path root = Files.createTempDirectory("distill-apt-" + release);
    APT_ROOTS.put(release, root); // registered first so @AfterAll removes it even on failure
    for (String dir :
        new String[] {
          "lists/partial", "cache/archives/partial", "state", "etc/parts", "etc/prefs"
        }) {
      Files.createDirectories(root.resolve(dir));
    }
    Files.writeString(root.resolve("status"), "");
    String opts = "[arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg]";
    Files.writeString(
        root.resolve("sources.list"),
        "deb "
            + opts
            + " http://deb.debian.org/debian "
            + release
            + " main\n"
            + "deb "
            + opts
            + " http://deb.debian.org/debian "
            + release
            + "-updates main\n"
            + "deb "
            + opts
            + " http://deb.debian.org/debian-security "
            + release
            + "-security main\n");
    String conf =
        String.join(
            "\n",
            "Dir::State \"" + root.resolve("state") + "\";",
            "Dir::State::status \"" + root.resolve("status") + "\";",
            "Dir::State::Lists \"" + root.resolve("lists") + "\";",
            "Dir::Cache \"" + root.resolve("cache") + "\";",
            "Dir::Etc::SourceList \"" + root.resolve("sources.list") + "\";",
            "Dir::Etc::SourceParts \"" + root.resolve("etc/parts") + "\";",
            "Dir::Etc::Parts \"" + root.resolve("etc/parts") + "\";",
            "Dir::Etc::Preferences \"" + root.resolve("etc/prefs/none") + "\";",
            "Dir::Etc::PreferencesParts \"" + root.resolve("etc/prefs") + "\";",
            "APT::Architecture \"amd64\";",
            "APT::Architectures { \"amd64\"; };",
            "Acquire::Languages \"none\";",
            "APT::Sandbox::User \"root\";",
            "");
    Files.writeString(root.resolve("apt.conf"), conf);
    List<String> update = run(root, "apt-get", "-q", "update");
    assertThat(String.join("\n", update)).doesNotContain("W: ", "E: ");
    return root;
  }

  private static List<String> run(Path root, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("APT_CONFIG", root.resolve("apt.conf").toString());
    pb.environment().put("LC_ALL", "C");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    return new ArrayList<>(output.lines().toList());
  }
}
