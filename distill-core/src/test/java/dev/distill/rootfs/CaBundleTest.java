package dev.distill.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.distill.DistillException;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CaBundleTest {

  @Test
  void concatenatesCertificatesInByteOrderWithNewlines() {
    RootFs packages =
        RootFs.builder()
            .put(
                Fixtures.file(
                    "usr/share/ca-certificates/mozilla/b_Root.crt", "B\n", "ca-certificates"))
            .put(
                Fixtures.file(
                    "usr/share/ca-certificates/mozilla/C_Root.crt", "C", "ca-certificates"))
            .put(
                Fixtures.file(
                    "usr/share/ca-certificates/mozilla/A_Root.crt", "A\n", "ca-certificates"))
            .put(Fixtures.file("usr/share/ca-certificates/local/Z.crt", "Z\n", "ca-certificates"))
            .put(Fixtures.file("usr/share/ca-certificates/mozilla/README", "no", "ca-certificates"))
            .put(Fixtures.file("usr/share/doc/ca-certificates/x.crt", "doc", "ca-certificates"))
            .build();
    RootFs.Builder b = RootFs.builder();

    new CaBundle(packages).applyTo(b);

    RootFs fs = b.build();
    // "local" < "mozilla"; upper case sorts before lower case in the C locale.
    assertThat(Fixtures.text(fs, CaBundle.BUNDLE)).isEqualTo("Z\nA\nC\nB\n");
    FsEntry bundle = fs.get("etc/ssl/certs/ca-certificates.crt").orElseThrow();
    assertThat(bundle.mode()).isEqualTo(0644);
    assertThat(bundle.uid()).isZero();
  }

  @Test
  void withoutCertificatesTheStepSaysWhatToAdd() {
    assertThatThrownBy(() -> new CaBundle(RootFs.builder().build()).applyTo(RootFs.builder()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("ca-certificates");
  }

  /**
   * On a Debian host, update-ca-certificates built /etc/ssl/certs/ca-certificates.crt from the same
   * files with the default configuration (local certificates, if any, are appended after them), so
   * the host bundle must start with ours byte for byte.
   */
  @Test
  void matchesUpdateCaCertificatesOnThisHost() throws IOException {
    Path source = Path.of("/usr/share/ca-certificates");
    Path hostBundle = Path.of("/etc/ssl/certs/ca-certificates.crt");
    assumeTrue(
        Files.isDirectory(source) && Files.isRegularFile(hostBundle),
        "this host has no ca-certificates package installed");
    assumeTrue(
        allEnabled(Path.of("/etc/ca-certificates.conf")),
        "this host's /etc/ca-certificates.conf deselects some certificates");
    RootFs.Builder packages = RootFs.builder();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
        packages.put(
            FsEntry.file(
                p.toString().substring(1), 0644, 0, 0, Files.readAllBytes(p), "ca-certificates"));
      }
    }

    byte[] ours = new CaBundle(packages.build()).bundle();
    byte[] host = Files.readAllBytes(hostBundle);

    assertThat(ours.length).isGreaterThan(100_000);
    assertThat(Arrays.copyOf(host, Math.min(host.length, ours.length))).isEqualTo(ours);
    assertThat(new String(ours, StandardCharsets.US_ASCII))
        .startsWith("-----BEGIN CERTIFICATE-----");
  }

  private static boolean allEnabled(Path conf) throws IOException {
    if (!Files.isRegularFile(conf)) {
      return false;
    }
    List<String> lines =
        Files.readAllLines(conf).stream().filter(l -> !l.isBlank()).collect(Collectors.toList());
    return lines.stream().noneMatch(l -> l.startsWith("!"));
  }
}
