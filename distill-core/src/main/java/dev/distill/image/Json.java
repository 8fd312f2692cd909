package dev.distill.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distill.DistillException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** Lenient readers for fields of OCI and Docker JSON documents (null or absent means empty). */
final class Json {
  private Json() {}

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static String requiredText(JsonNode node, String field, String what) {
    String v = text(node, field);
    if (v == null) {
      throw new DistillException(what + " has no '" + field + "' field");
    }
    return v;
  }

  static List<String> strings(JsonNode node, String field) {
    JsonNode v = node.get(field);
    List<String> out = new ArrayList<>();
    if (v != null && v.isArray()) {
      v.forEach(e -> out.add(e.asText()));
    } else if (v != null && v.isTextual()) {
      out.add(v.asText());
    }
    return out;
  }

  static java.util.SortedMap<String, String> stringMap(JsonNode node, String field) {
    JsonNode v = node.get(field);
    java.util.SortedMap<String, String> out = new TreeMap<>();
    if (v != null && v.isObject()) {
      v.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  static java.util.SortedSet<String> keys(JsonNode node, String field) {
    JsonNode v = node.get(field);
    java.util.SortedSet<String> out = new TreeSet<>();
    if (v != null && v.isObject()) {
      v.fieldNames().forEachRemaining(out::add);
    }
    return out;
  }
}
