package dev.distill.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.progress.ProgressListener;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VulnDbStoreTest {
  @TempDir Path dir;

  private void fill() throws Exception {
    try (InputStream t = TestDb.resource("debian-tracker-data.json");
        InputStream o = TestDb.resource("osv-debian-all.zip");
        InputStream n = TestDb.resource("nvd-cve-2.0-trimmed.jsonl")) {
      Files.copy(t, dir.resolve(VulnDbStore.TRACKER));
      Files.copy(o, dir.resolve(VulnDbStore.OSV));
      Files.createDirectories(dir.resolve("nvd"));
      Files.copy(n, dir.resolve("nvd/part.jsonl"));
    }
    Files.writeString(dir.resolve(VulnDbStore.METADATA), "{\"updated\":\"2026-11-20T00:00:00Z\"}");
  }

  @Test
  void loadsAllSourcesAndReportsAge() throws Exception {
    fill();
    VulnDbStore store = new VulnDbStore(dir);
    VulnDatabase db = store.load(ProgressListener.NONE);
    assertThat(db.sources()).hasSize(3);
    // 13 NVD records, one of which (CVE-2024-2961) has no metrics yet.
    assertThat(db.cvssCount()).isEqualTo(12);
    // The tracker entry wins over OSV: the no-dsa reason survives.
    assertThat(db.advisories("bookworm", "nginx"))
        .filteredOn(a -> a.id().equals("CVE-2013-0337"))
        .singleElement()
        .satisfies(a -> assertThat(a.origin()).isEqualTo("debian-tracker"));
    Clock clock = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);
    assertThat(store.age(clock)).contains(Duration.ofDays(9));
  }

  @Test
  void missingOrWrongFormatDbIsAClearError() throws Exception {
    assertThatThrownBy(() -> new VulnDbStore(dir.resolve("none")).load(ProgressListener.NONE))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("No vulnerability DB");
    assertThatThrownBy(() -> new VulnDbStore(dir).load(ProgressListener.NONE))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("holds neither");
    Files.writeString(dir.resolve(VulnDbStore.TRACKER), "<html>proxy error</html>");
    assertThatThrownBy(() -> new VulnDbStore(dir).load(ProgressListener.NONE))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("not valid Debian tracker JSON");
  }

  @Test
  void defaultDirFollowsXdg() {
    assertThat(VulnDbStore.defaultDir(Map.of("XDG_CACHE_HOME", "/c")))
        .isEqualTo(Path.of("/c/distill/db"));
  }
}
