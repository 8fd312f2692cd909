package dev.distill.image;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distill.DistillException;
import dev.distill.image.tar.TarWriter;
import dev.distill.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Writes a docker-archive tar that {@code docker load} and {@code skopeo copy docker-archive:}
 * accept: {@code manifest.json} (Config, RepoTags, Layers), the config blob and the gzip layer
 * blobs under {@code blobs/sha256/}. The archive itself is a reproducible tar.
 */
public final class DockerArchiveWriter {
  private static final long MTIME = 0;

  private DockerArchiveWriter() {}

  /**
   * Writes {@code image} to {@code file}; {@code repoTags} like {@code distill/nginx:latest} (a
   * name without a tag gets {@code :latest}).
   */
  public static void write(Path file, Image image, List<String> repoTags) {
    List<String> tags = repoTags.stream().map(DockerArchiveWriter::withTag).toList();
    String configPath = "blobs/sha256/" + image.imageId().hex();
    ObjectNode entry = CanonicalJson.object();
    entry.put("Config", configPath);
    entry.set("RepoTags", CanonicalJson.strings(tags));
    List<String> layerPaths = new ArrayList<>();
    for (Layer l : image.layers()) {
      layerPaths.add("blobs/sha256/" + l.digest().hex());
    }
    entry.set("Layers", CanonicalJson.strings(layerPaths));
    ArrayNode manifest = CanonicalJson.array();
    manifest.add(entry);
    byte[] manifestJson = CanonicalJson.bytes(manifest);

    // path -> writer, sorted so the archive's order is fixed
    TreeMap<String, Object> blobs = new TreeMap<>();
    blobs.put(configPath, image.configBlob());
    for (Layer l : image.layers()) {
      blobs.putIfAbsent("blobs/sha256/" + l.digest().hex(), l);
    }
    try {
      AtomicFiles.write(
          file,
          out -> {
            TarWriter tar = new TarWriter(out);
            tar.directory("blobs", 0755, 0, 0, MTIME);
            tar.directory("blobs/sha256", 0755, 0, 0, MTIME);
            for (var b : blobs.entrySet()) {
              if (b.getValue() instanceof byte[] bytes) {
                tar.file(b.getKey(), 0644, 0, 0, MTIME, bytes);
              } else {
                Layer l = (Layer) b.getValue();
                try (InputStream in = l.openStream()) {
                  tar.file(b.getKey(), 0644, 0, 0, MTIME, l.size(), in);
                }
              }
            }
            tar.file("manifest.json", 0644, 0, 0, MTIME, manifestJson);
            tar.finish();
          });
    } catch (IOException e) {
      throw new DistillException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Adds {@code :latest} to a reference without a tag; rejects digests (docker needs a tag). */
  static String withTag(String ref) {
    if (ref.contains("@")) {
      throw new DistillException(
          "docker-archive tag '" + ref + "' has a digest; give name:tag, e.g. distill/nginx:1.0");
    }
    int slash = ref.lastIndexOf('/');
    return ref.indexOf(':', slash + 1) >= 0 ? ref : ref + ":latest";
  }
}
