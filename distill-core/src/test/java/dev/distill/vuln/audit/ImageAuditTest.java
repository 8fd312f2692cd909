package dev.distill.vuln.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distill.findings.Finding;
import dev.distill.pkgdb.DirectoryFileTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageAuditTest {
  @TempDir Path dir;

  private void write(String rel, String content) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private Set<String> ruleIds(List<Finding> findings) {
    return findings.stream().map(Finding::ruleId).collect(Collectors.toSet());
  }

  @Test
  void aBadImageTripsEveryCheckpoint() throws IOException {
    write("bin/sh", "#!");
    write("usr/bin/dpkg", "x");
    write("usr/bin/passwd", "x");
    Files.setAttribute(dir.resolve("usr/bin/passwd"), "unix:mode", 04755);
    write("etc/app.conf", "x");
    Files.setPosixFilePermissions(
        dir.resolve("etc/app.conf"), PosixFilePermissions.fromString("rw-rw-rw-"));
    write("tmp/scratch", "x");
    Files.setPosixFilePermissions(
        dir.resolve("tmp/scratch"), PosixFilePermissions.fromString("rw-rw-rw-"));
    write(
        "etc/passwd",
        "root:x:0:0::/root:/bin/sh\ntoor:x:0:0::/root:/bin/sh\nnonroot:x:65532:65532::/home/nonroot:/sbin/nologin\n");
    write("etc/group", "root:x:0:\nnonroot:x:65532:\n");
    write("etc/shadow", "root:*:19000::::::\nnonroot::19000::::::\n");
    ImageConfig config =
        new ImageConfig(
            "",
            List.of("PATH=/usr/bin", "DB_PASSWORD=hunter2", "API_TOKEN="),
            Map.of("aws_secret_access_key", "abc"),
            List.of(new ImageConfig.HistoryEntry("/bin/sh -c #(nop) ENV GITHUB_TOKEN=ghp_x", "")),
            Optional.empty(),
            List.of("example.com/app:latest", "example.com/app:1.2"));

    List<Finding> f = ImageAudit.run(AuditTarget.image("app", new DirectoryFileTree(dir), config));

    assertThat(ruleIds(f))
        .containsExactlyInAnyOrder(
            "DA001", "DA002", "DA003", "DA004", "DA005", "DA006", "DA007", "DA008", "DA009",
            "DA010");
    assertThat(f)
        .filteredOn(x -> x.ruleId().equals("DA005"))
        .extracting(Finding::message)
        .singleElement()
        .asString()
        .startsWith("/etc/app.conf");
    assertThat(f)
        .filteredOn(x -> x.ruleId().equals("DA006"))
        .hasSize(3)
        .noneMatch(x -> x.message().contains("hunter2"));
    assertThat(f).filteredOn(x -> x.ruleId().equals("DA007")).hasSize(1);
    assertThat(f)
        .filteredOn(x -> x.ruleId().equals("DA009"))
        .singleElement()
        .extracting(Finding::message)
        .asString()
        .contains("root, toor");
    assertThat(f)
        .filteredOn(x -> x.ruleId().equals("DA010"))
        .singleElement()
        .extracting(Finding::message)
        .asString()
        .contains("nonroot");
  }

  @Test
  void aHardenedImagePasses() throws IOException {
    write(
        "etc/passwd",
        "root:x:0:0::/root:/sbin/nologin\nnonroot:x:65532:65532::/home/nonroot:/sbin/nologin\n");
    write("etc/group", "root:x:0:\nnonroot:x:65532:\n");
    write("usr/bin/redis-server", "ELF");
    Files.createDirectories(dir.resolve("tmp"));
    Files.setAttribute(dir.resolve("tmp"), "unix:mode", 01777);
    ImageConfig config =
        new ImageConfig(
            "65532:65532",
            List.of("PATH=/usr/bin"),
            Map.of("org.opencontainers.image.source", "x"),
            List.of(),
            Optional.of(List.of("CMD", "/usr/bin/redis-cli", "ping")),
            List.of("example.com/redis:7.0.15@sha256:" + "a".repeat(64)));
    assertThat(ImageAudit.run(AuditTarget.image("redis", new DirectoryFileTree(dir), config)))
        .isEmpty();
  }

  @Test
  void rootfsTargetsSkipConfigChecks() throws IOException {
    write("etc/passwd", "root:x:0:0::/root:/sbin/nologin\n");
    assertThat(ImageAudit.run(AuditTarget.rootfs(new DirectoryFileTree(dir)))).isEmpty();
    assertThat(ImageAudit.rules()).hasSize(10);
  }
}
