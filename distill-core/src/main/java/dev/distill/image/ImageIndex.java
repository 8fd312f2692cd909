package dev.distill.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distill.DistillException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** An image index (OCI, or a Docker manifest list when read): descriptors of manifests. */
public record ImageIndex(
    String mediaType, List<Descriptor> manifests, SortedMap<String, String> annotations) {

  public ImageIndex {
    manifests = List.copyOf(manifests);
    annotations = new TreeMap<>(annotations == null ? Map.of() : annotations);
  }

  public static ImageIndex oci(List<Descriptor> manifests) {
    return new ImageIndex(MediaTypes.OCI_INDEX, manifests, null);
  }

  /** Field order: schemaVersion, mediaType, manifests, annotations. */
  public ObjectNode toJson() {
    ObjectNode o = CanonicalJson.object();
    o.put("schemaVersion", 2);
    o.put("mediaType", mediaType);
    ArrayNode m = CanonicalJson.array();
    manifests.forEach(d -> m.add(d.toJson()));
    o.set("manifests", m);
    if (!annotations.isEmpty()) {
      o.set("annotations", CanonicalJson.sortedStrings(annotations));
    }
    return o;
  }

  public byte[] toBytes() {
    return CanonicalJson.bytes(toJson());
  }

  public static ImageIndex fromJson(byte[] bytes, String what) {
    JsonNode o = CanonicalJson.parse(bytes, what);
    if (o.path("schemaVersion").asInt() != 2 || !o.path("manifests").isArray()) {
      throw new DistillException(what + " is not a schema 2 image index");
    }
    List<Descriptor> manifests = new ArrayList<>();
    int i = 0;
    for (JsonNode m : o.path("manifests")) {
      manifests.add(Descriptor.fromJson(m, what + " manifest " + i++));
    }
    String mediaType = Json.text(o, "mediaType");
    return new ImageIndex(
        mediaType == null ? MediaTypes.OCI_INDEX : mediaType,
        manifests,
        Json.stringMap(o, "annotations"));
  }
}
