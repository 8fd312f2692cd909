package dev.distill.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distill.DistillException;
import dev.distill.image.Descriptor;
import dev.distill.image.Digest;
import dev.distill.image.Image;
import dev.distill.image.ImageIndex;
import dev.distill.image.ImageReader;
import dev.distill.image.ImageSet;
import dev.distill.image.Layer;
import dev.distill.image.MediaTypes;
import dev.distill.image.ReadImage;
import dev.distill.progress.ProgressListener;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client for the OCI distribution API: push an {@link ImageSet} (blobs by HEAD check and
 * monolithic or chunked upload, manifests, and an index for several platforms), fetch manifests and
 * blobs, and read an image back by tag or digest. Authenticates anonymously, with HTTP basic, or
 * with bearer tokens fetched from the realm named in {@code WWW-Authenticate}. Loopback registries
 * are spoken to over HTTP, all others over HTTPS.
 */
public final class RegistryClient {
  /** Blobs larger than this are uploaded in chunks of this size. */
  public static final long DEFAULT_CHUNK_SIZE = 32L * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANIFEST_ACCEPT =
      String.join(
          ", ",
          MediaTypes.OCI_MANIFEST,
          MediaTypes.OCI_INDEX,
          MediaTypes.DOCKER_MANIFEST,
          MediaTypes.DOCKER_MANIFEST_LIST);

  private final Credentials credentials;
  private final ProgressListener progress;
  private final long chunkSize;
  private final Duration timeout;
  private final HttpClient http;

  /** Authorization header values by "host|repository|actions" (bearer) or "host" (basic). */
  private final Map<String, String> authorizations = new ConcurrentHashMap<>();

  public RegistryClient(Credentials credentials) {
    this(credentials, ProgressListener.NONE, DEFAULT_CHUNK_SIZE, Duration.ofSeconds(60));
  }

  public RegistryClient(
      Credentials credentials, ProgressListener progress, long chunkSize, Duration timeout) {
    this.credentials = credentials == null ? Credentials.ANONYMOUS : credentials;
    this.progress = progress;
    this.chunkSize = chunkSize;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  // ------------------------------------------------------------------ push

  /**
   * Pushes {@code images} to {@code ref}: every blob the registry lacks, each manifest, and for
   * several platforms an index under the tag. Returns the digest of what the tag now names.
   */
  public Digest push(ImageSet images, ImageReference ref) {
    String task = "push " + ref;
    List<Descriptor> blobs = new ArrayList<>();
    for (Image image : images.images()) {
      image.layers().forEach(l -> blobs.add(l.descriptor()));
      blobs.add(image.configDescriptor());
    }
    progress.started(task, blobs.size());
    int done = 0;
    for (Image image : images.images()) {
      for (Layer layer : image.layers()) {
        uploadIfMissing(ref, layer.descriptor(), layer.bytes());
        progress.advanced(task, ++done, blobs.size());
      }
      uploadIfMissing(ref, image.configDescriptor(), image.configBlob());
      progress.advanced(task, ++done, blobs.size());
      if (images.isMultiPlatform()) {
        putManifest(ref, image.digest().toString(), MediaTypes.OCI_MANIFEST, image.manifestBlob());
      }
    }
    Descriptor top = images.topDescriptor();
    String reference = ref.tag() != null ? ref.tag() : top.digest().toString();
    if (ref.digest() != null && !ref.digest().equals(top.digest())) {
      throw new DistillException(
          "cannot push to " + ref + ": the image's digest is " + top.digest());
    }
    putManifest(ref, reference, top.mediaType(), images.topBlob());
    progress.finished(task);
    return top.digest();
  }

  /** True when the repository of {@code ref} already holds the blob {@code digest}. */
  public boolean blobExists(ImageReference ref, Digest digest) {
    HttpResponse<byte[]> r =
        send(ref, "pull", "HEAD", api(ref, "/blobs/" + digest), Map.of(), null);
    if (r.statusCode() == 200) {
      return true;
    }
    if (r.statusCode() == 404) {
      return false;
    }
    throw failure(ref, "checking blob " + digest, r);
  }

  private void uploadIfMissing(ImageReference ref, Descriptor d, byte[] bytes) {
    if (blobExists(ref, d.digest())) {
      return;
    }
    HttpResponse<byte[]> start =
        send(ref, "pull,push", "POST", api(ref, "/blobs/uploads/"), Map.of(), new byte[0]);
    if (start.statusCode() != 202) {
      throw failure(ref, "starting the upload of " + d.digest(), start);
    }
    URI location = location(ref, start);
    if (bytes.length > chunkSize) {
      for (long off = 0; off < bytes.length; off += chunkSize) {
        int end = (int) Math.min(bytes.length, off + chunkSize);
        HttpResponse<byte[]> patch =
            send(
                ref,
                "pull,push",
                "PATCH",
                location,
                Map.of(
                    "Content-Type",
                    "application/octet-stream",
                    "Content-Range",
                    off + "-" + (end - 1)),
                Arrays.copyOfRange(bytes, (int) off, end));
        if (patch.statusCode() != 202) {
          throw failure(ref, "uploading a chunk of " + d.digest(), patch);
        }
        location = location(ref, patch);
      }
      bytes = new byte[0];
    }
    HttpResponse<byte[]> put =
        send(
            ref,
            "pull,push",
            "PUT",
            withQuery(
                location,
                "digest=" + URLEncoder.encode(d.digest().toString(), StandardCharsets.UTF_8)),
            Map.of("Content-Type", "application/octet-stream"),
            bytes);
    if (put.statusCode() != 201) {
      throw failure(ref, "finishing the upload of " + d.digest(), put);
    }
  }

  private void putManifest(ImageReference ref, String reference, String mediaType, byte[] body) {
    HttpResponse<byte[]> r =
        send(
            ref,
            "pull,push",
            "PUT",
            api(ref, "/manifests/" + reference),
            Map.of("Content-Type", mediaType),
            body);
    if (r.statusCode() != 201) {
      throw failure(ref, "putting manifest " + reference, r);
    }
    Optional<String> echoed = r.headers().firstValue("Docker-Content-Digest");
    Digest expected = Digest.sha256(body);
    if (echoed.isPresent() && !echoed.get().equals(expected.toString())) {
      throw new DistillException(
          "registry "
              + ref.registry()
              + " stored manifest "
              + reference
              + " as "
              + echoed.get()
              + " but distill sent "
              + expected);
    }
  }

  // ------------------------------------------------------------------ pull

  /** Fetches the manifest or index {@code ref} names; a digest reference is verified. */
  public RawManifest fetchManifest(ImageReference ref) {
    HttpResponse<byte[]> r =
        send(
            ref,
            "pull",
            "GET",
            api(ref, "/manifests/" + ref.manifestReference()),
            Map.of("Accept", MANIFEST_ACCEPT),
            null);
    if (r.statusCode() == 404) {
      throw new DistillException(ref + " was not found in the registry (HTTP 404)");
    }
    if (r.statusCode() != 200) {
      throw failure(ref, "fetching manifest " + ref.manifestReference(), r);
    }
    byte[] body = r.body();
    Digest digest = Digest.sha256(body);
    if (ref.digest() != null && !ref.digest().equals(digest)) {
      throw new DistillException(
          "registry " + ref.registry() + " served " + digest + " when asked for " + ref.digest());
    }
    String mediaType =
        r.headers().firstValue("Content-Type").map(s -> s.split(";")[0].trim()).orElse(null);
    if (mediaType == null || !(MediaTypes.isIndex(mediaType) || MediaTypes.isManifest(mediaType))) {
      JsonNode node;
      try {
        node = JSON.readTree(body);
      } catch (IOException e) {
        throw new DistillException(ref + ": the manifest is not JSON", e);
      }
      mediaType = node.path("mediaType").asText(MediaTypes.OCI_MANIFEST);
    }
    return new RawManifest(mediaType, body, digest);
  }

  /** Fetches and verifies one blob into memory. */
  public byte[] fetchBlob(ImageReference ref, Descriptor d) {
    try (InputStream in = openBlob(ref, d)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new DistillException(
          "cannot read blob " + d.digest() + " of " + ref + ": " + e.getMessage(), e);
    }
  }

  private InputStream openBlob(ImageReference ref, Descriptor d) {
    HttpResponse<InputStream> r = sendStreaming(ref, "GET", api(ref, "/blobs/" + d.digest()));
    if (r.statusCode() != 200) {
      byte[] body;
      try (InputStream in = r.body()) {
        body = in.readAllBytes();
      } catch (IOException e) {
        body = new byte[0];
      }
      if (r.statusCode() == 404) {
        throw new DistillException(ref + " is missing blob " + d.digest() + " (HTTP 404)");
      }
      throw new DistillException(
          "registry "
              + ref.registry()
              + " failed fetching blob "
              + d.digest()
              + " (HTTP "
              + r.statusCode()
              + "): "
              + errorText(body));
    }
    return ImageReader.verifying(r.body(), d, "blob " + d.digest() + " from " + ref);
  }

  /**
   * Reads the image {@code ref} names (by tag or digest; an index is narrowed by the options'
   * platform) into memory, verifying every blob and diff_id.
   */
  public ReadImage read(ImageReference ref, ImageReader.Options options) {
    RawManifest top = fetchManifest(ref);
    Map<Digest, byte[]> manifests = new ConcurrentHashMap<>();
    manifests.put(top.digest(), top.bytes());
    ImageReader.BlobStore blobs =
        d -> {
          byte[] known = manifests.get(d.digest());
          if (known != null) {
            return new ByteArrayInputStream(known);
          }
          if (MediaTypes.isManifest(d.mediaType()) || MediaTypes.isIndex(d.mediaType())) {
            RawManifest m = fetchManifest(ref.withDigest(d.digest()));
            manifests.put(m.digest(), m.bytes());
            return new ByteArrayInputStream(m.bytes());
          }
          return openBlob(ref, d);
        };
    Descriptor chosen = top.descriptor();
    if (MediaTypes.isIndex(top.mediaType())) {
      ImageIndex index = ImageIndex.fromJson(top.bytes(), "index " + top.digest());
      chosen = ImageReader.selectManifest(index.manifests(), blobs, options, ref.toString());
    }
    return ImageReader.readFromBlobs(ref.toString(), chosen, blobs, options);
  }

  /** Checks that the registry answers {@code /v2/} (authenticating if it asks). */
  public void ping(ImageReference ref) {
    HttpResponse<byte[]> r = send(ref, "pull", "GET", base(ref).resolve("/v2/"), Map.of(), null);
    if (r.statusCode() != 200) {
      throw failure(ref, "checking the API at /v2/", r);
    }
  }

  // ------------------------------------------------------------------ HTTP and auth

  private static URI base(ImageReference ref) {
    return URI.create((ref.isLoopback() ? "http://" : "https://") + ref.apiHost() + "/");
  }

  private static URI api(ImageReference ref, String path) {
    return base(ref).resolve("/v2/" + ref.repository() + path);
  }

  private static URI location(ImageReference ref, HttpResponse<?> r) {
    String loc =
        r.headers()
            .firstValue("Location")
            .orElseThrow(
                () ->
                    new DistillException(
                        "registry " + ref.registry() + " started an upload without a Location"));
    return base(ref).resolve(loc);
  }

  private static URI withQuery(URI uri, String query) {
    String s = uri.toString();
    return URI.create(s + (s.contains("?") ? "&" : "?") + query);
  }

  private HttpResponse<byte[]> send(
      ImageReference ref,
      String actions,
      String method,
      URI uri,
      Map<String, String> headers,
      byte[] body) {
    return exchange(
        ref, actions, method, uri, headers, body, HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<InputStream> sendStreaming(ImageReference ref, String method, URI uri) {
    return exchange(
        ref, "pull", method, uri, Map.of(), null, HttpResponse.BodyHandlers.ofInputStream());
  }

  private <T> HttpResponse<T> exchange(
      ImageReference ref,
      String actions,
      String method,
      URI uri,
      Map<String, String> headers,
      byte[] body,
      HttpResponse.BodyHandler<T> handler) {
    String tried = null;
    for (int attempt = 0; ; attempt++) {
      String auth = authorization(ref, actions);
      HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout);
      b.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      headers.forEach(b::header);
      b.header("User-Agent", "distill");
      if (auth != null) {
        b.header("Authorization", auth);
      }
      HttpResponse<T> r = call(ref, b.build(), handler, attempt);
      if (r == null) {
        continue; // transient failure, retried with backoff
      }
      if (r.statusCode() != 401) {
        return r;
      }
      closeBody(r);
      if (auth != null && auth.equals(tried)) {
        throw new DistillException(
            "registry "
                + ref.registry()
                + " rejected the credentials of "
                + credentials
                + " for "
                + method
                + " "
                + uri.getPath()
                + " (HTTP 401); check the user name and password");
      }
      tried = auth;
      String header =
          r.headers()
              .firstValue("WWW-Authenticate")
              .orElseThrow(
                  () ->
                      new DistillException(
                          "registry " + ref.registry() + " answered 401 without WWW-Authenticate"));
      authorize(ref, actions, AuthChallenge.parse(header));
      if (attempt > 3) {
        throw new DistillException("registry " + ref.registry() + " keeps asking to authenticate");
      }
    }
  }

  private <T> HttpResponse<T> call(
      ImageReference ref, HttpRequest request, HttpResponse.BodyHandler<T> handler, int attempt) {
    try {
      HttpResponse<T> r = http.send(request, handler);
      boolean idempotent = request.method().equals("GET") || request.method().equals("HEAD");
      if (idempotent && r.statusCode() >= 500 && attempt < 2) {
        closeBody(r);
        backoff(attempt);
        return null;
      }
      return r;
    } catch (ConnectException e) {
      throw new DistillException(
          "cannot reach registry "
              + ref.registry()
              + " at "
              + base(ref)
              + " (connection refused); is it running?",
          e);
    } catch (HttpTimeoutException e) {
      throw new DistillException(
          "registry " + ref.registry() + " did not answer within " + timeout.toSeconds() + " s", e);
    } catch (IOException e) {
      if (attempt < 2) {
        backoff(attempt);
        return null;
      }
      throw new DistillException(
          "cannot talk to registry " + ref.registry() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DistillException("interrupted while talking to registry " + ref.registry());
    }
  }

  private static void backoff(int attempt) {
    try {
      Thread.sleep(250L << attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String authorization(ImageReference ref, String actions) {
    String bearer = authorizations.get(ref.apiHost() + "|" + ref.repository() + "|" + actions);
    return bearer != null ? bearer : authorizations.get(ref.apiHost());
  }

  private void authorize(ImageReference ref, String actions, AuthChallenge challenge) {
    if (challenge.isBasic()) {
      if (credentials.isAnonymous()) {
        throw new DistillException(
            "registry "
                + ref.registry()
                + " requires a user name and password (HTTP basic auth); give credentials");
      }
      authorizations.put(ref.apiHost(), credentials.basicHeader());
      return;
    }
    if (!challenge.isBearer() || challenge.param("realm") == null) {
      throw new DistillException(
          "registry " + ref.registry() + " asks for unsupported auth '" + challenge.scheme() + "'");
    }
    String scope = "repository:" + ref.repository() + ":" + actions;
    StringBuilder query = new StringBuilder();
    if (challenge.param("service") != null) {
      query
          .append("service=")
          .append(URLEncoder.encode(challenge.param("service"), StandardCharsets.UTF_8));
    }
    query
        .append(query.length() == 0 ? "" : "&")
        .append("scope=")
        .append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
    URI tokenUri = withQuery(URI.create(challenge.param("realm")), query.toString());
    HttpRequest.Builder b =
        HttpRequest.newBuilder(tokenUri).timeout(timeout).header("User-Agent", "distill").GET();
    if (!credentials.isAnonymous()) {
      b.header("Authorization", credentials.basicHeader());
    }
    HttpResponse<byte[]> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new DistillException(
          "cannot get a token for " + ref.registry() + " from " + tokenUri + ": " + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DistillException("interrupted while fetching a registry token");
    }
    if (r.statusCode() == 401 || r.statusCode() == 403) {
      throw new DistillException(
          "the token server "
              + tokenUri.getHost()
              + " for registry "
              + ref.registry()
              + " rejected "
              + credentials
              + " (HTTP "
              + r.statusCode()
              + "); check the user name and password");
    }
    if (r.statusCode() != 200) {
      throw new DistillException(
          "the token server for " + ref.registry() + " answered HTTP " + r.statusCode());
    }
    String token;
    try {
      JsonNode node = JSON.readTree(r.body());
      token =
          node.hasNonNull("token")
              ? node.get("token").asText()
              : node.path("access_token").asText(null);
    } catch (IOException e) {
      throw new DistillException("the token server for " + ref.registry() + " sent no JSON", e);
    }
    if (token == null || token.isEmpty()) {
      throw new DistillException("the token server for " + ref.registry() + " sent no token");
    }
    authorizations.put(ref.apiHost() + "|" + ref.repository() + "|" + actions, "Bearer " + token);
  }

  private static void closeBody(HttpResponse<?> r) {
    if (r.body() instanceof Closeable c) {
      try {
        c.close();
      } catch (IOException ignored) {
        // nothing to do for a body we discard
      }
    }
  }

  private static DistillException failure(
      ImageReference ref, String doing, HttpResponse<byte[]> r) {
    return new DistillException(
        "registry "
            + ref.registry()
            + " failed "
            + doing
            + " for "
            + ref.repository()
            + " (HTTP "
            + r.statusCode()
            + ")"
            + (r.body() == null || r.body().length == 0 ? "" : ": " + errorText(r.body())));
  }

  /** The registry's error messages from {@code {"errors":[{"code","message"}]}}, or the body. */
  private static String errorText(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      List<String> parts = new ArrayList<>();
      node.path("errors")
          .forEach(e -> parts.add(e.path("code").asText() + " " + e.path("message").asText()));
      if (!parts.isEmpty()) {
        return String.join("; ", parts);
      }
    } catch (IOException e) {
      // not JSON: show the text
    }
    String s = new String(body, StandardCharsets.UTF_8).trim();
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
