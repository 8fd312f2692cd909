package dev.distill.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Dockerfiles distill ships lint clean under its own linter with the default rules. */
class ShippedDockerfilesTest {
  @ParameterizedTest
  @ValueSource(strings = {"nginx", "redis"})
  void lintsClean(String service) {
    Path dockerfile = Path.of("..", "images", service, "Dockerfile");
    LintResult result = new Linter(LintConfig.defaults()).lint(dockerfile);
    assertThat(result.findings()).isEmpty();
  }
}
