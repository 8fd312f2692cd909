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

/** An image manifest (OCI, or Docker schema 2 when read): config and layer descriptors. */
public record Manifest(
    String mediaType,
    Descriptor config,
    List<Descriptor> layers,
    SortedMap<String, String> annotations) {

  public Manifest {
    layers = List.copyOf(layers);
    annotations = new TreeMap<>(annotations == null ? Map.of() : annotations);
  }

  public static Manifest oci(Descriptor config, List<Descriptor> layers) {
    return new Manifest(MediaTypes.OCI_MANIFEST, config, layers, null);
  }

  /** Field order: schemaVersion, mediaType, config, layers, annotations. */
  public ObjectNode toJson() {
    ObjectNode o = CanonicalJson.object();
    o.put("schemaVersion", 2);
    o.put("mediaType", mediaType);
    o.set("config", config.toJson());
    ArrayNode l = CanonicalJson.array();
    layers.forEach(d -> l.add(d.toJson()));
    o.set("layers", l);
    if (!annotations.isEmpty()) {
      o.set("annotations", CanonicalJson.sortedStrings(annotations));
    }
    return o;
  }

  public byte[] toBytes() {
    return CanonicalJson.bytes(toJson());
  }

  public static Manifest fromJson(byte[] bytes, String what) {
    JsonNode o = CanonicalJson.parse(bytes, what);
    if (o.path("schemaVersion").asInt() != 2) {
      throw new DistillException(what + " is not a schema 2 image manifest");
    }
    String mediaType = Json.text(o, "mediaType");
    if (mediaType == null) {
      mediaType = MediaTypes.OCI_MANIFEST;
    }
    if (!MediaTypes.isManifest(mediaType)) {
      throw new DistillException(what + " has media type " + mediaType + ", not an image manifest");
    }
    List<Descriptor> layers = new ArrayList<>();
    int i = 0;
    for (JsonNode l : o.path("layers")) {
      layers.add(Descriptor.fromJson(l, what + " layer " + i++));
    }
    return new Manifest(
        mediaType,
        Descriptor.fromJson(o.get("config"), what + " config"),
        layers,
        Json.stringMap(o, "annotations"));
  }
}
