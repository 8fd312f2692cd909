package dev.distill.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.distill.DistillException;
import dev.distill.net.HttpFetcher;
import dev.distill.progress.ProgressListener;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DB downloads through the shared HttpFetcher, from a server on 127.0.0.1. */
class VulnDbUpdateTest {
  private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
  private HttpServer server;
  private String base;

  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          byte[] body = bodies.get(ex.getRequestURI().getPath());
          ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
          if (body != null) {
            try (OutputStream o = ex.getResponseBody()) {
              o.write(body);
            }
          }
          ex.close();
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static byte[] resource(String name) throws Exception {
    try (InputStream in = TestDb.resource(name)) {
      return in.readAllBytes();
    }
  }

  private void update(VulnDbStore store, Clock clock) {
    store.update(
        new HttpFetcher(Duration.ofSeconds(5), 1, Duration.ofMillis(10), Map.of()),
        ProgressListener.NONE,
        clock,
        URI.create(base + "/tracker.json"),
        URI.create(base + "/all.zip"),
        URI.create(base + "/nvd"),
        0);
  }

  @Test
  void downloadsValidatesAndRecordsTheTime() throws Exception {
    bodies.put("/tracker.json", resource("debian-tracker-data.json"));
    bodies.put("/all.zip", resource("osv-debian-all.zip"));
    VulnDbStore store = new VulnDbStore(dir.resolve("db"));
    Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    update(store, clock);
    assertThat(store.updated()).contains(Instant.parse("2026-11-29T12:00:00Z"));
    assertThat(store.load(ProgressListener.NONE).advisoryCount()).isGreaterThan(400);

    // A broken download is refused and the previous file stays in place.
    byte[] before = Files.readAllBytes(store.dir().resolve(VulnDbStore.TRACKER));
    bodies.put("/tracker.json", "<html>captive portal</html>".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> update(store, clock))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("downloaded debian-tracker.json");
    assertThat(Files.readAllBytes(store.dir().resolve(VulnDbStore.TRACKER))).isEqualTo(before);
    try (var files = Files.list(store.dir())) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void aMissingFeedIsAClearError() {
    assertThatThrownBy(() -> update(new VulnDbStore(dir.resolve("db")), Clock.systemUTC()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("not found");
  }
}
