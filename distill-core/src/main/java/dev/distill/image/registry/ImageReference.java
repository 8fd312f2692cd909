package dev.distill.image.registry;

import dev.distill.DistillException;
import dev.distill.image.Digest;
import java.util.regex.Pattern;

/**
 * A registry image reference: {@code registry[:port]/repository[:tag][@digest]}. Without a registry
 * part the reference means Docker Hub ({@code docker.io}, with {@code library/} for one-part
 * names), as the docker CLI does.
 */
public record ImageReference(String registry, String repository, String tag, Digest digest) {
  private static final Pattern REPOSITORY =
      Pattern.compile(
          "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  public ImageReference {
    if (!REPOSITORY.matcher(repository).matches()) {
      throw new DistillException(
          "invalid repository name '"
              + repository
              + "': use lowercase letters, digits, '.', '_', '-' and '/'");
    }
    if (tag != null && !TAG.matcher(tag).matches()) {
      throw new DistillException("invalid tag '" + tag + "' in image reference");
    }
  }

  public static ImageReference parse(String text) {
    String rest = text;
    Digest digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = Digest.parse(rest.substring(at + 1));
      rest = rest.substring(0, at);
    }
    String registry = "docker.io";
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first;
        rest = rest.substring(slash + 1);
      }
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    if (rest.isEmpty()) {
      throw new DistillException("image reference '" + text + "' has no repository name");
    }
    if (registry.equals("docker.io") && !rest.contains("/")) {
      rest = "library/" + rest;
    }
    if (tag == null && digest == null) {
      tag = "latest";
    }
    return new ImageReference(registry, rest, tag, digest);
  }

  /** The tag, or else the digest, as used in {@code /v2/<name>/manifests/<reference>}. */
  public String manifestReference() {
    return digest != null ? digest.toString() : tag;
  }

  public ImageReference withDigest(Digest d) {
    return new ImageReference(registry, repository, null, d);
  }

  public ImageReference withTag(String t) {
    return new ImageReference(registry, repository, t, null);
  }

  /** The host the API lives on: Docker Hub's API host for docker.io. */
  public String apiHost() {
    return registry.equals("docker.io") ? "registry-1.docker.io" : registry;
  }

  /** Loopback registries are spoken to over plain HTTP; everything else over HTTPS. */
  public boolean isLoopback() {
    String host =
        registry.startsWith("[")
            ? registry.substring(0, registry.indexOf(']') + 1)
            : registry.split(":")[0];
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
  }

  @Override
  public String toString() {
    return registry
        + "/"
        + repository
        + (tag != null ? ":" + tag : "")
        + (digest != null ? "@" + digest : "");
  }
}
