package dev.distill.vuln;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Loads the vulndata copies in test resources. */
final class TestDb {
  private TestDb() {}

  static InputStream resource(String name) {
    InputStream in = TestDb.class.getResourceAsStream("/vulndata/" + name);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + name);
    }
    return in;
  }

  static Path path(String name) {
    try {
      return Path.of(TestDb.class.getResource("/vulndata/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Tracker JSON + NVD, as the oracles were computed. */
  static VulnDatabase trackerAndNvd() {
    VulnDatabase.Builder b = VulnDatabase.builder();
    try (InputStream t = resource("debian-tracker-data.json");
        InputStream n = resource("nvd-cve-2.0-trimmed.jsonl")) {
      DebianTrackerJson.load(t, "tracker", b::add);
      NvdCvss.loadJsonLines(n, "nvd", b::addCvss);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.build();
  }
}
