package dev.distill.rootfs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathGlobTest {
  @Test
  void starsAndDoubleStars() {
    PathGlob tree = PathGlob.of("/usr/share/nginx/**");
    assertThat(tree.matches("usr/share/nginx")).isTrue();
    assertThat(tree.matches("usr/share/nginx/html/index.html")).isTrue();
    assertThat(tree.matches("usr/share/nginx-doc")).isFalse();

    PathGlob star = PathGlob.of("etc/nginx/*.conf");
    assertThat(star.matches("etc/nginx/nginx.conf")).isTrue();
    assertThat(star.matches("etc/nginx/conf.d/x.conf")).isFalse();

    PathGlob anyDir = PathGlob.of("**/copyright");
    assertThat(anyDir.matches("copyright")).isTrue();
    assertThat(anyDir.matches("usr/share/doc/x/copyright")).isTrue();
    assertThat(anyDir.matches("usr/share/doc/x/copyright.gz")).isFalse();

    PathGlob mid = PathGlob.of("usr/lib/**/modules/?.so");
    assertThat(mid.matches("usr/lib/modules/a.so")).isTrue();
    assertThat(mid.matches("usr/lib/nginx/x/modules/b.so")).isTrue();
    assertThat(mid.matches("usr/lib/nginx/modules/bb.so")).isFalse();

    assertThat(PathGlob.of("usr/lib/libc.so.6").matches("usr/lib/libcXso.6")).isFalse();
    assertThat(PathGlob.isGlob("etc/*")).isTrue();
    assertThat(PathGlob.isGlob("etc/passwd")).isFalse();
  }
}
