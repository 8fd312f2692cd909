package dev.distill.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distill.DistillException;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * Deterministic JSON for OCI documents: no whitespace, UTF-8, object fields in the order the model
 * puts them (fixed per type) and map-valued fields sorted by key. The same model therefore always
 * gives the same bytes and the same digest.
 */
public final class CanonicalJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .disable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private CanonicalJson() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  public static ArrayNode strings(Collection<String> values) {
    ArrayNode a = array();
    values.forEach(a::add);
    return a;
  }

  /** An object with the map's entries sorted by key (the map should be sorted already). */
  public static ObjectNode sortedStrings(Map<String, String> values) {
    ObjectNode o = object();
    values.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> o.put(e.getKey(), e.getValue()));
    return o;
  }

  /** {@code {"k": {}}} for each key, sorted, as used by ExposedPorts and Volumes. */
  public static ObjectNode emptyObjects(Collection<String> keys) {
    ObjectNode o = object();
    keys.stream().sorted().forEach(k -> o.set(k, object()));
    return o;
  }

  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise JSON", e);
    }
  }

  /** Parses {@code bytes}; {@code what} names the document for the error message. */
  public static JsonNode parse(byte[] bytes, String what) {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new DistillException(what + " is empty: expected a JSON document");
      }
      return node;
    } catch (IOException e) {
      throw new DistillException(what + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }
}
