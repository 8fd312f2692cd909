package dev.distill.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.spec.LockFile.LockedPackage;
import dev.distill.spec.LockFile.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFileTest {
  @TempDir Path dir;

  private static LockedPackage pkg(String name) {
    return new LockedPackage(
        name,
        "1.0-1",
        "amd64",
        name,
        "1.0-1",
        "bookworm",
        "pool/main/" + name.charAt(0) + "/" + name + "/" + name + "_1.0-1_amd64.deb",
        "a".repeat(64),
        1234);
  }

  @Test
  void roundTripsSortedAndStable() throws IOException {
    LockFile lock =
        new LockFile(
            1,
            "distill.yaml",
            null,
            List.of(
                new Target("trixie", "amd64", Map.of("trixie", "d2"), List.of(pkg("zlib1g"))),
                new Target(
                    "bookworm",
                    "amd64",
                    Map.of("bookworm-security", "d1", "bookworm", "d0"),
                    List.of(pkg("zlib1g"), pkg("libc6")))));
    Path file = dir.resolve(LockFile.FILE_NAME);
    lock.write(file);
    String first = Files.readString(file);
    LockFile back = LockFile.read(file);
    assertThat(back).isEqualTo(lock);
    assertThat(back.targets().get(0).release()).isEqualTo("bookworm");
    assertThat(back.targets().get(0).packages())
        .extracting(LockedPackage::name)
        .containsExactly("libc6", "zlib1g");
    back.write(file);
    assertThat(Files.readString(file)).isEqualTo(first);
    assertThat(first.indexOf("\"bookworm\"")).isLessThan(first.indexOf("\"bookworm-security\""));
    assertThat(dir.toFile().list()).containsExactly(LockFile.FILE_NAME);
  }

  @Test
  void withReplacesTheSameTarget() {
    LockFile lock =
        new LockFile(
            1, "s", null, List.of(new Target("bookworm", "amd64", Map.of(), List.of(pkg("a1")))));
    LockFile changed = lock.with(new Target("bookworm", "amd64", Map.of(), List.of(pkg("b1"))));
    assertThat(changed.targets()).hasSize(1);
    assertThat(changed.target("bookworm", "amd64").orElseThrow().packages().get(0).name())
        .isEqualTo("b1");
  }

  @Test
  void refusesTamperedOrBrokenLocks() throws IOException {
    Path file = dir.resolve(LockFile.FILE_NAME);
    Files.writeString(file, "{not json");
    assertThatThrownBy(() -> LockFile.read(file))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("distill lock");
    new LockFile(
            1, "s", null, List.of(new Target("bookworm", "amd64", Map.of(), List.of(pkg("a1")))))
        .write(file);
    Files.writeString(file, Files.readString(file).replace("a".repeat(64), "xyz"));
    assertThatThrownBy(() -> LockFile.read(file)).hasMessageContaining("sha256");
    Files.writeString(
        file,
        Files.readString(file).replace("xyz", "b".repeat(64)).replace("pool/main", "../../etc"));
    assertThatThrownBy(() -> LockFile.read(file)).hasMessageContaining("invalid filename");
  }
}
