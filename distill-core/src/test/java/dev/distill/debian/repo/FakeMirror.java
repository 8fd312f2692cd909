package dev.distill.debian.repo;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * A Debian archive served on 127.0.0.1: {@code /debian} and {@code /debian-security}, InRelease
 * files signed by a test key, and Packages.xz files listed in them.
 */
final class FakeMirror implements AutoCloseable {
  final HttpServer server;
  final Map<String, byte[]> files = new ConcurrentHashMap<>();
  final List<String> requests = new CopyOnWriteArrayList<>();
  private final TestSigner signer;

  FakeMirror(TestSigner signer) throws IOException {
    this.signer = signer;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.add(path);
          byte[] body = files.get(path);
          if (body == null) {
            exchange.sendResponseHeaders(404, -1);
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

  MirrorConfig mirrors() {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    return new MirrorConfig(URI.create(base + "/debian"), URI.create(base + "/debian-security"));
  }

  static String archive(String suite) {
    return suite.endsWith("-security") ? "/debian-security" : "/debian";
  }

  /**
   * Publishes {@code packagesText} as the amd64 Packages.xz of {@code suite}, with a signed
   * InRelease listing it; {@code servedBytes} (if not null) replaces what is actually served.
   */
  void publish(
      String suite, String packagesText, boolean byHash, String validUntil, byte[] served) {
    byte[] xz = xz(packagesText);
    String sha = sha256(xz);
    String dists = archive(suite) + "/dists/" + suite + "/";
    String release =
        "Origin: Debian\n"
            + "Suite: "
            + suite
            + "\nCodename: "
            + suite
            + "\nDate: Sat, 11 Jul 2026 10:16:37 UTC\n"
            + (validUntil == null ? "" : "Valid-Until: " + validUntil + "\n")
            + (byHash ? "Acquire-By-Hash: yes\n" : "")
            + "Architectures: amd64 arm64\nComponents: main\nSHA256:\n "
            + sha
            + " "
            + xz.length
            + " main/binary-amd64/Packages.xz\n";
    files.put(
        dists + "InRelease", signer.clearSign(release, "\n").getBytes(StandardCharsets.UTF_8));
    byte[] body = served != null ? served : xz;
    files.put(
        dists
            + (byHash
                ? "main/binary-amd64/by-hash/SHA256/" + sha
                : "main/binary-amd64/Packages.xz"),
        body);
  }

  long requestsMatching(String fragment) {
    return requests.stream().filter(r -> r.contains(fragment)).count();
  }

  static byte[] xz(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XZOutputStream out = new XZOutputStream(bytes, new LZMA2Options())) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
