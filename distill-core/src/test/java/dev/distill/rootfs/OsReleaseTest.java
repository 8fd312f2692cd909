package dev.distill.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.fs.RootFs;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OsReleaseTest {

  /** Parses os-release(5) the way scanners do: KEY=value, optional double quotes. */
  private static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      String v = line.substring(eq + 1);
      if (v.startsWith("\"") && v.endsWith("\"")) {
        v = v.substring(1, v.length() - 1);
      }
      out.put(line.substring(0, eq), v);
    }
    return out;
  }

  @Test
  void bookwormKeepsDebianIdentity() {
    RootFs.Builder b = RootFs.builder();
    OsRelease.forSuite("bookworm").applyTo(b);
    RootFs fs = b.build();

    Map<String, String> fields = parse(Fixtures.text(fs, "etc/os-release"));
    assertThat(fields)
        .containsEntry("ID", "debian")
        .containsEntry("VERSION_ID", "12")
        .containsEntry("VERSION_CODENAME", "bookworm")
        .containsEntry("NAME", "Debian GNU/Linux");
    assertThat(fields.get("PRETTY_NAME")).contains("Distroless").contains("12 (bookworm)");
    assertThat(Fixtures.text(fs, "usr/lib/os-release"))
        .isEqualTo(Fixtures.text(fs, "etc/os-release"));
    assertThat(Fixtures.text(fs, "etc/debian_version")).isEqualTo("12\n");
    assertThat(fs.get("etc/os-release").orElseThrow().mode()).isEqualTo(0644);
  }

  @Test
  void trixieWithPointRelease() {
    RootFs.Builder b = RootFs.builder();
    new OsRelease("Trixie", "13.2").applyTo(b);
    RootFs fs = b.build();

    assertThat(parse(Fixtures.text(fs, "etc/os-release")))
        .containsEntry("VERSION_ID", "13")
        .containsEntry("VERSION_CODENAME", "trixie");
    assertThat(Fixtures.text(fs, "etc/debian_version")).isEqualTo("13.2\n");
  }

  @Test
  void unknownSuiteIsRejected() {
    assertThatThrownBy(() -> OsRelease.forSuite("buster"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("buster");
  }

  @Test
  void nsswitchUsesFilesThenDns() {
    RootFs.Builder b = RootFs.builder();
    new NsSwitch().applyTo(b);
    String text = Fixtures.text(b.build(), "etc/nsswitch.conf");
    assertThat(text).containsPattern("(?m)^passwd:\\s+files$");
    assertThat(text).containsPattern("(?m)^group:\\s+files$");
    assertThat(text).containsPattern("(?m)^hosts:\\s+files dns$");
  }
}
