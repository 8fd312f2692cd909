package dev.distill.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distill.DistillException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An OCI content descriptor: what a blob is ({@code mediaType}), its {@code digest} and {@code
 * size}, optional annotations (sorted) and, in an index, the platform of the manifest it points to.
 */
public record Descriptor(
    String mediaType,
    Digest digest,
    long size,
    SortedMap<String, String> annotations,
    Platform platform) {

  public Descriptor {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size);
    }
    annotations =
        Collections.unmodifiableSortedMap(
            new TreeMap<>(annotations == null ? Map.of() : annotations));
  }

  public static Descriptor of(String mediaType, Digest digest, long size) {
    return new Descriptor(mediaType, digest, size, null, null);
  }

  /** A descriptor of {@code bytes} with the given media type. */
  public static Descriptor ofBytes(String mediaType, byte[] bytes) {
    return of(mediaType, Digest.sha256(bytes), bytes.length);
  }

  public Descriptor withAnnotation(String key, String value) {
    SortedMap<String, String> a = new TreeMap<>(annotations);
    a.put(key, value);
    return new Descriptor(mediaType, digest, size, a, platform);
  }

  public Descriptor withPlatform(Platform p) {
    return new Descriptor(mediaType, digest, size, annotations, p);
  }

  /** Field order: mediaType, digest, size, annotations, platform. */
  public ObjectNode toJson() {
    ObjectNode o = CanonicalJson.object();
    o.put("mediaType", mediaType);
    o.put("digest", digest.toString());
    o.put("size", size);
    if (!annotations.isEmpty()) {
      o.set("annotations", CanonicalJson.sortedStrings(annotations));
    }
    if (platform != null) {
      ObjectNode p = CanonicalJson.object();
      p.put("architecture", platform.architecture());
      p.put("os", platform.os());
      if (platform.variant() != null) {
        p.put("variant", platform.variant());
      }
      o.set("platform", p);
    }
    return o;
  }

  public static Descriptor fromJson(JsonNode node, String what) {
    if (node == null || !node.isObject()) {
      throw new DistillException(what + " is not a JSON object");
    }
    String mediaType = Json.requiredText(node, "mediaType", what);
    Digest digest = Digest.parse(Json.requiredText(node, "digest", what));
    JsonNode size = node.get("size");
    if (size == null || !size.canConvertToLong() || size.asLong() < 0) {
      throw new DistillException(what + " has no valid 'size'");
    }
    Platform platform = null;
    JsonNode p = node.get("platform");
    if (p != null && p.isObject()) {
      platform =
          new Platform(
              Json.requiredText(p, "os", what + " platform"),
              Json.requiredText(p, "architecture", what + " platform"),
              Json.text(p, "variant"));
    }
    return new Descriptor(
        mediaType, digest, size.asLong(), Json.stringMap(node, "annotations"), platform);
  }
}
