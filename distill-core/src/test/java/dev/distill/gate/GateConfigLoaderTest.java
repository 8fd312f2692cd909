package dev.distill.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.findings.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateConfigLoaderTest {
  @TempDir Path root;

  @Test
  void withoutAFileEveryGateIsOnAndThePeersFilesAreFound() throws IOException {
    Files.writeString(root.resolve(".gitleaks.toml"), "[extend]\nuseDefault = true\n");
    Files.writeString(root.resolve(".trivyignore"), "CVE-2020-0001\n");
    GateConfig c = GateConfigLoader.load(root);
    assertThat(c.secrets().enabled()).isTrue();
    assertThat(c.secrets().history()).isTrue();
    assertThat(c.secrets().config()).contains(root.resolve(".gitleaks.toml"));
    assertThat(c.secrets().gitleaksIgnore()).isEmpty();
    assertThat(c.lint().config()).isEmpty();
    assertThat(c.vulnerabilities().ignoreFile()).contains(root.resolve(".trivyignore"));
    assertThat(c.vulnerabilities().failOn()).isEqualTo(Severity.HIGH);
    assertThat(c.smoke()).isTrue();
    assertThat(c.output()).isEqualTo(root.resolve("out/check"));
    assertThat(c.services()).isEmpty();
  }

  @Test
  void readsEveryField() {
    GateConfig c =
        GateConfigLoader.parse(
            """
            images: containers
            services: [web, cache]
            release: trixie
            output: build/gate
            secrets: {enabled: true, history: false, config: sec/gl.toml}
            lint: {enabled: false}
            smoke: false
            audit: {fail-on: medium}
            vulnerabilities:
              db: vulndb
              offline: true
              fail-on: CRITICAL
              ignore-unfixed: true
              ignorefile: sec/.trivyignore
              vex: [sec/a.vex.json]
            sbom: false
            """,
            root,
            "distill.yaml");
    assertThat(c.imagesDir()).isEqualTo("containers");
    assertThat(c.services()).containsExactly("web", "cache");
    assertThat(c.release()).contains("trixie");
    assertThat(c.output()).isEqualTo(root.resolve("build/gate"));
    assertThat(c.secrets().history()).isFalse();
    assertThat(c.secrets().config()).contains(root.resolve("sec/gl.toml"));
    assertThat(c.lint().enabled()).isFalse();
    assertThat(c.smoke()).isFalse();
    assertThat(c.audit().failOn()).isEqualTo(Severity.MEDIUM);
    GateConfig.Vulnerabilities v = c.vulnerabilities();
    assertThat(v.db()).contains(root.resolve("vulndb"));
    assertThat(v.offline()).isTrue();
    assertThat(v.failOn()).isEqualTo(Severity.CRITICAL);
    assertThat(v.ignoreUnfixed()).isTrue();
    assertThat(v.ignoreFile()).contains(root.resolve("sec/.trivyignore"));
    assertThat(v.vex()).containsExactly(root.resolve("sec/a.vex.json"));
    assertThat(c.sbom()).isFalse();
  }

  @Test
  void anEmptyOrCommentOnlyFileMeansDefaults() {
    GateConfig c = GateConfigLoader.parse("# nothing set\n\n", root, "distill.yaml");
    assertThat(c).isEqualTo(GateConfig.defaults(root));
  }

  @Test
  void aTypoIsAnErrorWithLineAndField() {
    assertThatThrownBy(
            () -> GateConfigLoader.parse("services: [nginx]\nsmok: false\n", root, "distill.yaml"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("distill.yaml line 2")
        .hasMessageContaining("'smok'")
        .hasMessageContaining("unknown field");
    assertThatThrownBy(
            () ->
                GateConfigLoader.parse("vulnerabilities:\n  failon: HIGH\n", root, "distill.yaml"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("vulnerabilities.failon");
  }

  @Test
  void wrongValuesAreErrors() {
    assertThatThrownBy(() -> GateConfigLoader.parse("smoke: yes please\n", root, "d.yaml"))
        .hasMessageContaining("field 'smoke'")
        .hasMessageContaining("true or false");
    assertThatThrownBy(
            () -> GateConfigLoader.parse("vulnerabilities: {fail-on: SEVERE}\n", root, "d.yaml"))
        .hasMessageContaining("'SEVERE' is not one of LOW, MEDIUM, HIGH, CRITICAL");
    assertThatThrownBy(() -> GateConfigLoader.parse("release: buster\n", root, "d.yaml"))
        .hasMessageContaining("unknown release 'buster'");
    assertThatThrownBy(() -> GateConfigLoader.parse("services: [Web App]\n", root, "d.yaml"))
        .hasMessageContaining("'Web App' is not an image directory name");
    assertThatThrownBy(() -> GateConfigLoader.parse("- a\n- b\n", root, "d.yaml"))
        .hasMessageContaining("must be a mapping");
  }

  @Test
  void servicesDefaultToTheRunnableSpecs() throws IOException {
    Path images = Files.createDirectories(root.resolve("images"));
    Files.createDirectories(images.resolve("base"));
    Files.writeString(images.resolve("base/distill.yaml"), "name: base\npackages: [base-files]\n");
    Files.createDirectories(images.resolve("web"));
    Files.writeString(
        images.resolve("web/distill.yaml"),
        "name: web\npackages: [nginx]\nexecutables: [/usr/sbin/nginx]\n"
            + "entrypoint: [/usr/sbin/nginx]\n");
    Files.createDirectories(images.resolve("notes"));
    GateConfig c = GateConfig.defaults(root);
    assertThat(SecurityGate.services(c)).containsExactly("web");
    assertThat(SecurityGate.services(c.withServices(List.of("base")))).containsExactly("base");
    assertThatThrownBy(() -> SecurityGate.services(c.withServices(List.of("db"))))
        .hasMessageContaining("service 'db' has no image spec");
    assertThat(c.withRelease(Optional.of("trixie")).release()).contains("trixie");
  }
}
