package dev.distill.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
  @TempDir Path dir;

  private ImageSpec parse(String yaml) {
    return SpecLoader.parse(yaml, dir, "distill.yaml");
  }

  @Test
  void readsAFullSpecWithDefaults() throws IOException {
    Files.writeString(dir.resolve("app.conf"), "x");
    ImageSpec spec =
        parse(
            """
            name: app
            packages: [nginx, "libssl3t64 | libssl3"]
            executables: [/usr/sbin/nginx]
            files:
              - source: app.conf
                path: /etc/app.conf
                mode: 0640
                owner: "0:65532"
            directories:
              - path: /data
                mode: "0750"
                owner: 65532
            ports: [8080, 53/udp]
            env: {TZ: UTC}
            """);
    assertThat(spec.name()).isEqualTo("app");
    assertThat(spec.releases()).containsExactly("bookworm");
    assertThat(spec.archs()).containsExactly("amd64");
    assertThat(spec.runAs().configValue()).isEqualTo("65532:65532");
    assertThat(spec.files().get(0).mode()).isEqualTo(0640);
    assertThat(spec.files().get(0).gid()).isEqualTo(65532);
    assertThat(spec.directories().get(0).mode()).isEqualTo(0750);
    assertThat(spec.directories().get(0).uid()).isEqualTo(65532);
    assertThat(spec.ports()).containsExactly("8080", "53/udp");
    assertThat(spec.env()).containsEntry("TZ", "UTC");
    assertThat(spec.workdir()).isEqualTo("/");
  }

  @Test
  void unknownFieldNamesFieldAndLine() {
    assertThatThrownBy(() -> parse("name: app\npackages: [a1]\nexecutable: [/bin/x]\n"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("'executable'")
        .hasMessageContaining("unknown field");
  }

  @Test
  void badValuesNameTheirField() {
    assertThatThrownBy(() -> parse("name: app\nreleases: [buster]\n"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("releases.0")
        .hasMessageContaining("buster");
    assertThatThrownBy(() -> parse("name: app\nports:\n  - 8080\n  - http\n"))
        .hasMessageContaining("line 4")
        .hasMessageContaining("ports.1");
    assertThatThrownBy(
            () -> parse("name: app\ndirectories:\n  - path: /data\n    mode: \"0999\"\n"))
        .hasMessageContaining("line 4")
        .hasMessageContaining("directories.0.mode")
        .hasMessageContaining("octal");
    assertThatThrownBy(() -> parse("name: app\nkeep: [etc/x]\n"))
        .hasMessageContaining("keep.0")
        .hasMessageContaining("absolute");
    assertThatThrownBy(() -> parse("name: app\nrunAs: somebody\n")).hasMessageContaining("runAs");
  }

  @Test
  void missingNameAndMissingSourceFile() {
    assertThatThrownBy(() -> parse("packages: [a1]\n"))
        .hasMessageContaining("'name'")
        .hasMessageContaining("required");
    assertThatThrownBy(
            () -> parse("name: app\nfiles:\n  - source: ../../etc/passwd\n    path: /x\n"))
        .hasMessageContaining("outside");
    assertThatThrownBy(() -> parse("name: app\nfiles:\n  - source: nope.conf\n    path: /x\n"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("no such file");
  }

  @Test
  void brokenYamlGivesALine() {
    assertThatThrownBy(() -> parse("name: app\npackages: [a, b\n"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("invalid YAML");
    assertThatThrownBy(() -> parse("name: a\nname: b\n")).hasMessageContaining("twice");
  }

  @Test
  void runAsAcceptsNamesAndIds() {
    assertThat(parse("name: a\nrunAs: root\n").runAs().uid()).isZero();
    assertThat(parse("name: a\nrunAs: \"1000:2000\"\n").runAs().gid()).isEqualTo(2000);
    assertThat(
            parse("name: a\naccounts:\n  users:\n    - {name: app, uid: 1001}\nrunAs: app\n")
                .runAs()
                .uid())
        .isEqualTo(1001);
  }

  @Test
  void everyShippedSpecLoads() throws IOException {
    Path images = Path.of("..", "images");
    List<Path> specs;
    try (Stream<Path> s = Files.list(images)) {
      specs = s.filter(p -> Files.isRegularFile(p.resolve("distill.yaml"))).sorted().toList();
    }
    assertThat(specs)
        .extracting(p -> p.getFileName().toString())
        .contains("static", "base", "cc", "nginx", "redis");
    for (Path p : specs) {
      ImageSpec spec = SpecLoader.load(p);
      assertThat(spec.releases()).containsExactly("bookworm", "trixie");
      assertThat(spec.runAs().uid()).isEqualTo(65532);
    }
  }

  @Test
  void keepEntriesCanBeLimitedToArchitecturesAsDebianDoes() {
    ImageSpec spec =
        parse(
            "name: x\narchs: [amd64, arm64]\npackages: [libc6]\nkeep:\n"
                + "  - /usr/lib/*-linux-gnu/**\n"
                + "  - /lib64 [amd64]\n"
                + "  - /lib/ld-linux-aarch64.so.1 [arm64]\n"
                + "  - /etc/x [!arm64]\n");
    assertThat(spec.keepFor("amd64"))
        .containsExactly("/usr/lib/*-linux-gnu/**", "/lib64", "/etc/x");
    assertThat(spec.keepFor("arm64"))
        .containsExactly("/usr/lib/*-linux-gnu/**", "/lib/ld-linux-aarch64.so.1");
    assertThatThrownBy(() -> parse("name: x\npackages: [libc6]\nkeep: [\"/lib64 [i386]\"]\n"))
        .hasMessageContaining("field 'keep.0'")
        .hasMessageContaining("the qualifier lists architectures");
    assertThatThrownBy(() -> parse("name: x\npackages: [libc6]\nkeep: [\"/a [amd64 !arm64]\"]\n"))
        .hasMessageContaining("all with '!' or none");
    assertThatThrownBy(() -> parse("name: x\npackages: [libc6]\nkeep: [\"lib64 [amd64]\"]\n"))
        .hasMessageContaining("must be an absolute path");
  }
}
