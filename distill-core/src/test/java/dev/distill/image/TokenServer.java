package dev.distill.image;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny bearer-token server for docker-registry's {@code auth: token} mode, on 127.0.0.1: it
 * checks HTTP basic credentials and answers with an RS256 JWT carrying the certificate in {@code
 * x5c}, granting the scope asked for. The key and self-signed certificate come from openssl.
 */
final class TokenServer implements AutoCloseable {
  static final String ISSUER = "distill-test-issuer";
  static final String SERVICE = "distill-test-registry";

  private final HttpServer server;
  private final PrivateKey key;
  private final X509Certificate cert;
  private final Path certPem;
  private final String user;
  private final String password;
  final AtomicInteger tokensIssued = new AtomicInteger();

  TokenServer(Path workDir, String user, String password) throws Exception {
    this.user = user;
    this.password = password;
    Path keyPem = workDir.resolve("token-key.pem");
    certPem = workDir.resolve("token-cert.pem");
    ProcessRunner.run(
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            keyPem.toString(),
            "-out",
            certPem.toString(),
            "-days",
            "2",
            "-subj",
            "/CN=distill-token-test")
        .ok();
    String pem = Files.readString(keyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    try (var in = Files.newInputStream(certPem)) {
      cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/token",
        exchange -> {
          try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String expected =
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(auth)) {
              exchange.sendResponseHeaders(401, -1);
              return;
            }
            Map<String, String> query = new HashMap<>();
            String raw = exchange.getRequestURI().getRawQuery();
            for (String pair : raw == null ? new String[0] : raw.split("&")) {
              String[] kv = pair.split("=", 2);
              query.put(
                  kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            byte[] body;
            try {
              String token = jwt(query.get("scope"));
              body =
                  ("{\"token\":\"" + token + "\",\"expires_in\":300}")
                      .getBytes(StandardCharsets.UTF_8);
            } catch (Exception e) {
              exchange.sendResponseHeaders(500, -1);
              return;
            }
            tokensIssued.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        });
    server.start();
  }

  String realm() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  Path certPem() {
    return certPem;
  }

  private String jwt(String scope) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header =
        "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"x5c\":[\""
            + Base64.getEncoder().encodeToString(cert.getEncoded())
            + "\"]}";
    String access = "[]";
    if (scope != null) {
      String[] parts = scope.split(":");
      StringBuilder actions = new StringBuilder();
      for (String a : parts[2].split(",")) {
        actions.append(actions.length() == 0 ? "" : ",").append('"').append(a).append('"');
      }
      access =
          "[{\"type\":\""
              + parts[0]
              + "\",\"name\":\""
              + parts[1]
              + "\",\"actions\":["
              + actions
              + "]}]";
    }
    long now = Instant.now().getEpochSecond();
    String claims =
        "{\"iss\":\""
            + ISSUER
            + "\",\"sub\":\""
            + user
            + "\",\"aud\":\""
            + SERVICE
            + "\",\"exp\":"
            + (now + 300)
            + ",\"nbf\":"
            + (now - 60)
            + ",\"iat\":"
            + (now - 60)
            + ",\"jti\":\""
            + UUID.randomUUID()
            + "\",\"access\":"
            + access
            + "}";
    String signingInput =
        b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key);
    rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + b64.encodeToString(rsa.sign());
  }

  @Override
  public void close() throws IOException {
    server.stop(0);
  }
}
