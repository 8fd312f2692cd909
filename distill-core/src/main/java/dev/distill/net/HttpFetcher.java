package dev.distill.net;

import dev.distill.DistillException;
import dev.distill.Lazy;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Fetches URLs with a timeout, retries with exponential backoff on transient failures, and the
 * usual proxy variables ({@code http_proxy}, {@code https_proxy}, {@code no_proxy}). A 404 is not
 * retried: it is reported at once as {@link NotFoundException}.
 */
public final class HttpFetcher {
  /** Made on first use: setting up TLS costs a build that finds everything cached ~0.2 s. */
  private final Lazy<HttpClient> client;

  private final Duration timeout;
  private final int attempts;
  private final Duration firstBackoff;

  public HttpFetcher(
      Duration timeout, int attempts, Duration firstBackoff, Map<String, String> env) {
    this.timeout = timeout;
    this.attempts = Math.max(1, attempts);
    this.firstBackoff = firstBackoff;
    Optional<ProxySelector> proxy = proxyFrom(env);
    this.client =
        Lazy.of(
            () -> {
              HttpClient.Builder builder =
                  HttpClient.newBuilder()
                      .connectTimeout(timeout)
                      .followRedirects(HttpClient.Redirect.NORMAL);
              proxy.ifPresent(builder::proxy);
              return builder.build();
            });
  }

  /** A fetcher with sensible defaults: 60 s timeout, 4 attempts, 500 ms first backoff. */
  public static HttpFetcher defaults() {
    return new HttpFetcher(Duration.ofSeconds(60), 4, Duration.ofMillis(500), System.getenv());
  }

  /** Raised when the server says the resource does not exist (HTTP 404 or 410). */
  public static final class NotFoundException extends DistillException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
      super(message);
    }
  }

  /** Returns the body of {@code uri} as bytes. */
  public byte[] fetchBytes(URI uri) {
    return fetch(uri, HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * Opens the body of {@code uri} as a stream; the caller closes it. Retries happen only before the
   * first byte is returned.
   */
  public InputStream open(URI uri) {
    return fetch(uri, HttpResponse.BodyHandlers.ofInputStream());
  }

  private <T> T fetch(URI uri, HttpResponse.BodyHandler<T> handler) {
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "distill").GET().build();
    Exception last = null;
    Duration backoff = firstBackoff;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        HttpResponse<T> response = client.get().send(request, handler);
        int status = response.statusCode();
        if (status == 200) {
          return response.body();
        }
        closeQuietly(response.body());
        if (status == 404 || status == 410) {
          throw new NotFoundException(uri + " was not found (HTTP " + status + ")");
        }
        last = new IOException("HTTP " + status);
        if (status < 500 && status != 429 && status != 408) {
          break;
        }
      } catch (IOException e) {
        last = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DistillException("Interrupted while fetching " + uri, e);
      }
      if (attempt < attempts) {
        sleep(backoff);
        backoff = backoff.multipliedBy(2);
      }
    }
    throw new DistillException(
        "Could not fetch "
            + uri
            + " after "
            + attempts
            + " attempt(s): "
            + describe(last)
            + ". Check the network or the mirror URL, or use --offline with a filled cache.",
        last);
  }

  private static String describe(Exception e) {
    if (e == null) {
      return "unknown error";
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
  }

  private static void closeQuietly(Object body) {
    if (body instanceof InputStream in) {
      try {
        in.close();
      } catch (IOException ignored) {
        // The response is discarded anyway.
      }
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DistillException("Interrupted while waiting to retry", e);
    }
  }

  /** Builds a proxy selector from the conventional environment variables, if any is set. */
  static Optional<ProxySelector> proxyFrom(Map<String, String> env) {
    String proxy = firstNonBlank(env, "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY");
    if (proxy == null) {
      return Optional.empty();
    }
    URI uri = URI.create(proxy.contains("://") ? proxy : "http://" + proxy);
    int port = uri.getPort() > 0 ? uri.getPort() : 80;
    String noProxy = firstNonBlank(env, "no_proxy", "NO_PROXY");
    ProxySelector direct = ProxySelector.of(null);
    ProxySelector viaProxy = ProxySelector.of(new InetSocketAddress(uri.getHost(), port));
    return Optional.of(
        new ProxySelector() {
          @Override
          public java.util.List<java.net.Proxy> select(URI target) {
            return bypass(target.getHost(), noProxy)
                ? direct.select(target)
                : viaProxy.select(target);
          }

          @Override
          public void connectFailed(URI target, java.net.SocketAddress sa, IOException ioe) {}
        });
  }

  static boolean bypass(String host, String noProxy) {
    if (noProxy == null || host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    for (String entry : noProxy.split(",")) {
      String e = entry.strip().toLowerCase(Locale.ROOT);
      if (e.isEmpty()) {
        continue;
      }
      if (e.equals("*")) {
        return true;
      }
      String suffix = e.startsWith(".") ? e : "." + e;
      if (h.equals(e.startsWith(".") ? e.substring(1) : e) || h.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  private static String firstNonBlank(Map<String, String> env, String... names) {
    for (String n : names) {
      String v = env.get(n);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
