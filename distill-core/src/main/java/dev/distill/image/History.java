package dev.distill.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** One history entry of an image config; {@code emptyLayer} marks a step without a layer. */
public record History(Instant created, String createdBy, String comment, boolean emptyLayer) {

  ObjectNode toJson() {
    ObjectNode o = CanonicalJson.object();
    if (created != null) {
      o.put("created", created.toString());
    }
    if (createdBy != null) {
      o.put("created_by", createdBy);
    }
    if (comment != null) {
      o.put("comment", comment);
    }
    if (emptyLayer) {
      o.put("empty_layer", true);
    }
    return o;
  }

  static History fromJson(JsonNode node) {
    String created = Json.text(node, "created");
    return new History(
        ImageConfig.parseTime(created),
        Json.text(node, "created_by"),
        Json.text(node, "comment"),
        node.path("empty_layer").asBoolean(false));
  }
}
