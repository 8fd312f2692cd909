package dev.distill.debian.fetch;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny HTTP mirror on 127.0.0.1 serving fixed bodies by path; anything else is a 404. */
final class LocalMirror implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final Map<String, Boolean> cutOff = new ConcurrentHashMap<>();

  LocalMirror() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          byte[] body = files.get(path);
          if (body == null) {
            exchange.sendResponseHeaders(404, -1);
          } else if (cutOff.containsKey(path)) {
            // Promise the whole body, send half, then drop the connection.
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
          } else {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.start();
  }

  /** The mirror base, e.g. {@code http://127.0.0.1:12345/debian/}. */
  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/debian/");
  }

  void put(String filename, byte[] body) {
    files.put("/debian/" + filename, body);
  }

  /** Serves {@code filename} as a connection that breaks off halfway. */
  void cutOffHalfway(String filename) {
    cutOff.put("/debian/" + filename, true);
  }

  int hits(String filename) {
    AtomicInteger n = hits.get("/debian/" + filename);
    return n == null ? 0 : n.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
