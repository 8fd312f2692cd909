package dev.distill.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.debian.ControlFile;
import dev.distill.debian.ControlStanza;
import dev.distill.fs.RootFs;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DpkgStatusDTest {
  private static final ControlStanza NGINX =
      ControlFile.parse(
              """
              Package: nginx
              Version: 1.22.1-9+deb12u1
              Architecture: amd64
              Maintainer: Debian Nginx Maintainers <pkg-nginx-maintainers@alioth-lists.debian.net>
              Installed-Size: 1234
              Depends: libc6 (>= 2.34)
              Section: httpd
              Priority: optional
              Description: small, powerful, scalable web/proxy server
               Nginx is a web server.
               .
               Second paragraph.
              """,
              "control")
          .get(0);
  private static final ControlStanza LIBC =
      ControlFile.parse("Package: libc6\nStatus: deinstall ok config-files\nVersion: 2.36-9\n", "c")
          .get(0);
  private static final ControlStanza DOCS =
      ControlFile.parse("Package: nginx-doc\nVersion: 1\n", "c").get(0);

  private static RootFs.Builder image() {
    return RootFs.builder()
        .put(Fixtures.file("usr/sbin/nginx", "nginx-binary", "nginx"))
        .put(Fixtures.file("etc/nginx/nginx.conf", "conf", "nginx"))
        .put(Fixtures.file("usr/lib/x86_64-linux-gnu/libc.so.6", "libc", "libc6"))
        .put(Fixtures.link("usr/lib/x86_64-linux-gnu/libc.so", "libc.so.6", "libc6"))
        .put(Fixtures.dir("usr/share/doc/nginx-doc", 0755, "nginx-doc"))
        .put(Fixtures.file("etc/passwd", "root", "distill"));
  }

  @Test
  void writesStatusAndKeptMd5sumsForContributingPackages() {
    Map<String, String> nginxSums =
        DpkgStatusD.parseMd5sums(
            "0123456789abcdef0123456789abcdef  usr/sbin/nginx\n"
                + "fedcba9876543210fedcba9876543210  usr/share/doc/nginx/copyright\n"
                + "00000000000000000000000000000000  usr/share/man/man8/nginx.8.gz\n",
            "nginx md5sums");
    RootFs.Builder b = image();

    new DpkgStatusD(
            Map.of("nginx", NGINX, "libc6", LIBC, "nginx-doc", DOCS), Map.of("nginx", nginxSums))
        .applyTo(b);
    RootFs fs = b.build();

    String status = Fixtures.text(fs, "var/lib/dpkg/status.d/nginx");
    assertThat(status)
        .startsWith("Package: nginx\nStatus: install ok installed\nVersion: 1.22.1-9+deb12u1\n")
        .contains(
            "Description: small, powerful, scalable web/proxy server\n Nginx is a web server.\n .\n Second paragraph.\n");
    // Parses back as one stanza with the same fields.
    ControlStanza reparsed = ControlFile.parse(status, "status").get(0);
    assertThat(reparsed.get("Depends")).contains("libc6 (>= 2.34)");
    assertThat(reparsed.get("Description")).isEqualTo(NGINX.get("Description"));

    // Only kept regular files: not the copyright (not kept) nor the man page.
    assertThat(Fixtures.text(fs, "var/lib/dpkg/status.d/nginx.md5sums"))
        .isEqualTo("0123456789abcdef0123456789abcdef  usr/sbin/nginx\n");

    // An old Status is replaced; md5sums computed when the package's own were not given.
    assertThat(Fixtures.text(fs, "var/lib/dpkg/status.d/libc6"))
        .isEqualTo("Package: libc6\nStatus: install ok installed\nVersion: 2.36-9\n");
    assertThat(Fixtures.text(fs, "var/lib/dpkg/status.d/libc6.md5sums"))
        .isEqualTo("e5823ba08cf6f8acc6662017ec572078  usr/lib/x86_64-linux-gnu/libc.so.6\n");

    // A package that only owns a directory did not contribute a file.
    assertThat(fs.get("var/lib/dpkg/status.d/nginx-doc")).isEmpty();
    assertThat(fs.get("var/lib/dpkg/status.d/distill")).isEmpty();
    assertThat(fs.get("var/lib/dpkg/status.d/nginx").orElseThrow().mode()).isEqualTo(0644);
  }

  @Test
  void md5sumsPathsBehindUsrmergeLinksCount() {
    RootFs.Builder b =
        RootFs.builder()
            .put(Fixtures.link("lib", "usr/lib", "distill"))
            .put(Fixtures.file("usr/lib/x86_64-linux-gnu/libc.so.6", "libc", "libc6"));
    Map<String, String> sums =
        DpkgStatusD.parseMd5sums(
            "e5823ba08cf6f8acc6662017ec572078  lib/x86_64-linux-gnu/libc.so.6\n"
                + "11111111111111111111111111111111  lib/x86_64-linux-gnu/libm.so.6\n",
            "libc6 md5sums");

    new DpkgStatusD(Map.of("libc6", LIBC), Map.of("libc6", sums)).applyTo(b);

    assertThat(Fixtures.text(b.build(), "var/lib/dpkg/status.d/libc6.md5sums"))
        .isEqualTo("e5823ba08cf6f8acc6662017ec572078  lib/x86_64-linux-gnu/libc.so.6\n");
  }

  @Test
  void missingControlIsAnError() {
    assertThatThrownBy(() -> new DpkgStatusD(Map.of("nginx", NGINX), Map.of()).applyTo(image()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("libc6");
  }

  @Test
  void md5sumsParserRejectsGarbageAndStripsMarkers() {
    assertThat(DpkgStatusD.parseMd5sums("0123456789ABCDEF0123456789abcdef */usr/bin/x y\n", "m"))
        .containsExactly(Map.entry("usr/bin/x y", "0123456789abcdef0123456789abcdef"));
    assertThatThrownBy(() -> DpkgStatusD.parseMd5sums("nothex  usr/bin/x\n", "pkg md5sums"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("pkg md5sums line 1");
  }

  @Test
  void md5sumsKeepThePackagesOwnLineOrder() {
    // Forty kept files listed in reverse name order: the output must follow the .deb's order,
    // whatever order a hash map would give (that order changes from one JVM to the next).
    RootFs.Builder b = RootFs.builder();
    StringBuilder md5sums = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    for (int i = 40; i > 0; i--) {
      String path = String.format("usr/lib/x86_64-linux-gnu/lib%02d.so", i);
      b.put(Fixtures.file(path, "lib" + i, "libc6"));
      String line = String.format("%032x  %s%n", i, path);
      md5sums.append(line);
      expected.append(line);
    }
    new DpkgStatusD(
            Map.of("libc6", LIBC),
            Map.of("libc6", DpkgStatusD.parseMd5sums(md5sums.toString(), "libc6 md5sums")))
        .applyTo(b);
    assertThat(Fixtures.text(b.build(), "var/lib/dpkg/status.d/libc6.md5sums"))
        .isEqualTo(expected.toString());
  }
}
