package dev.distill.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FsPathsTest {
  @Test
  void normaliseDropsLeadingSlashesDotsAndEmptyParts() {
    assertThat(FsPaths.normalise("usr/bin/x")).isEqualTo("usr/bin/x");
    assertThat(FsPaths.normalise("/usr/bin/x")).isEqualTo("usr/bin/x");
    assertThat(FsPaths.normalise("./usr/bin/x")).isEqualTo("usr/bin/x");
    assertThat(FsPaths.normalise("usr//bin/./x/")).isEqualTo("usr/bin/x");
    assertThat(FsPaths.normalise("usr/bin/.")).isEqualTo("usr/bin");
    assertThat(FsPaths.normalise("")).isEmpty();
    assertThat(FsPaths.normalise("/")).isEmpty();
    assertThat(FsPaths.normalise(".")).isEmpty();
    // Names that only start with dots are ordinary names.
    assertThat(FsPaths.normalise("etc/.profile")).isEqualTo("etc/.profile");
    assertThat(FsPaths.normalise("a/..b/...")).isEqualTo("a/..b/...");
  }

  @Test
  void normaliseRefusesClimbingOut() {
    for (String climbing : new String[] {"..", "../etc", "usr/../../etc", "/a/..", "a/b/.."}) {
      assertThatThrownBy(() -> FsPaths.normalise(climbing))
          .as(climbing)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("climbs out");
    }
  }
}
