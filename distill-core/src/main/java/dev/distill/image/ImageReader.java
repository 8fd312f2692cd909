package dev.distill.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distill.DistillException;
import dev.distill.image.tar.DigestingOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Reads an image back into memory from an OCI image layout directory or a docker-archive tar
 * ({@code docker save}, also gzip-compressed): config, layers and the flattened file tree. Every
 * blob is checked against its digest, and every layer's diff_id against the config.
 */
public final class ImageReader {
  private ImageReader() {}

  /**
   * Which image to read and what to keep. {@code refName} selects by the OCI ref name annotation
   * or, in a docker-archive, by repo tag; {@code platform} selects in a multi-arch layout; {@code
   * keepContent} says for which paths file bytes are kept in the RootFs (others get empty content
   * but their real size in the listing).
   */
  public record Options(String refName, Platform platform, Predicate<String> keepContent) {
    public Options {
      keepContent = keepContent == null ? p -> true : keepContent;
    }

    public static Options defaults() {
      return new Options(null, null, p -> true);
    }

    public Options withPlatform(Platform p) {
      return new Options(refName, p, keepContent);
    }

    public Options withRefName(String r) {
      return new Options(r, platform, keepContent);
    }

    public Options keepingContent(Predicate<String> keep) {
      return new Options(refName, platform, keep);
    }
  }

  /** Reads {@code source}: a directory is read as an OCI layout, a file as a docker-archive. */
  public static ReadImage read(Path source, Options options) {
    if (Files.isDirectory(source)) {
      return readOciLayout(source, options);
    }
    if (Files.isRegularFile(source)) {
      return readDockerArchive(source, options);
    }
    throw new DistillException(
        source + " does not exist: give an OCI layout directory or a docker-archive tar");
  }

  // ---------------------------------------------------------------- OCI layout

  public static ReadImage readOciLayout(Path dir, Options options) {
    Path layoutFile = dir.resolve("oci-layout");
    if (!Files.isRegularFile(layoutFile)) {
      throw new DistillException(dir + " is not an OCI image layout: it has no oci-layout file");
    }
    JsonNode layout = CanonicalJson.parse(readFile(layoutFile), layoutFile.toString());
    if (!"1.0.0".equals(Json.text(layout, "imageLayoutVersion"))) {
      throw new DistillException(
          layoutFile
              + " has imageLayoutVersion "
              + Json.text(layout, "imageLayoutVersion")
              + "; only 1.0.0 is supported");
    }
    Path indexFile = dir.resolve("index.json");
    ImageIndex index = ImageIndex.fromJson(readFile(indexFile), indexFile.toString());
    List<Descriptor> candidates = new ArrayList<>();
    for (Descriptor d : index.manifests()) {
      if (options.refName() == null
          || options.refName().equals(d.annotations().get(MediaTypes.REF_NAME_ANNOTATION))) {
        candidates.add(d);
      }
    }
    if (candidates.isEmpty()) {
      throw new DistillException(
          indexFile
              + " has no image named '"
              + options.refName()
              + "'; it has "
              + index.manifests().stream()
                  .map(
                      d ->
                          d.annotations().getOrDefault(MediaTypes.REF_NAME_ANNOTATION, "(unnamed)"))
                  .toList());
    }
    BlobStore blobs =
        d -> {
          Path p = dir.resolve("blobs").resolve(d.digest().algorithm()).resolve(d.digest().hex());
          try {
            return new VerifyingInputStream(
                Files.newInputStream(p), d, "blob " + d.digest() + " in " + dir);
          } catch (NoSuchFileException e) {
            throw new DistillException(
                dir + " is missing blob " + d.digest() + " (" + d.mediaType() + ")");
          }
        };
    Descriptor manifestDescriptor = selectManifest(candidates, blobs, options, dir.toString());
    return readFromBlobs(dir.toString(), manifestDescriptor, blobs, options);
  }

  /**
   * Opens a blob by descriptor. Implementations should wrap the stream with {@link #verifying} so a
   * corrupt blob fails with a clear message.
   */
  public interface BlobStore {
    InputStream open(Descriptor d) throws IOException;
  }

  /** Wraps {@code in} so that reading it to the end checks size and digest against {@code d}. */
  public static InputStream verifying(InputStream in, Descriptor d, String what) {
    return new VerifyingInputStream(in, d, what);
  }

  /**
   * Expands indexes among {@code candidates} and picks the one manifest for the wanted platform;
   * several matches without a platform choice are an error.
   */
  public static Descriptor selectManifest(
      List<Descriptor> candidates, BlobStore blobs, Options options, String where) {
    List<Descriptor> manifests = new ArrayList<>();
    expand(candidates, blobs, manifests, where, 0);
    List<Descriptor> matching = new ArrayList<>();
    for (Descriptor d : manifests) {
      if (options.platform() == null
          || d.platform() == null
          || d.platform().matches(options.platform())) {
        matching.add(d);
      }
    }
    if (matching.isEmpty()) {
      throw new DistillException(
          where
              + " has no image for platform "
              + options.platform()
              + "; it has "
              + manifests.stream().map(d -> String.valueOf(d.platform())).toList());
    }
    if (matching.size() > 1) {
      throw new DistillException(
          where
              + " holds "
              + matching.size()
              + " images ("
              + matching.stream().map(d -> String.valueOf(d.platform())).toList()
              + "); choose one by platform or ref name");
    }
    return matching.get(0);
  }

  private static void expand(
      List<Descriptor> descriptors,
      BlobStore blobs,
      List<Descriptor> out,
      String where,
      int depth) {
    if (depth > 4) {
      throw new DistillException(where + " nests image indexes too deeply");
    }
    for (Descriptor d : descriptors) {
      if (MediaTypes.isIndex(d.mediaType())) {
        ImageIndex nested = ImageIndex.fromJson(readBlob(blobs, d), "index " + d.digest());
        expand(nested.manifests(), blobs, out, where, depth + 1);
      } else if (MediaTypes.isManifest(d.mediaType())) {
        out.add(d);
      }
      // other artifacts (attestations, signatures) are not images
    }
  }

  /** Reads the image whose manifest is {@code manifestDescriptor} from {@code blobs}. */
  public static ReadImage readFromBlobs(
      String source, Descriptor manifestDescriptor, BlobStore blobs, Options options) {
    Manifest manifest =
        Manifest.fromJson(
            readBlob(blobs, manifestDescriptor), "manifest " + manifestDescriptor.digest());
    ImageConfig config =
        ImageConfig.fromJson(
            readBlob(blobs, manifest.config()), "config " + manifest.config().digest());
    checkLayerCount(source, config, manifest.layers().size());
    LayerFlattener flattener = new LayerFlattener(options.keepContent());
    List<LayerSummary> summaries = new ArrayList<>();
    for (int i = 0; i < manifest.layers().size(); i++) {
      Descriptor d = manifest.layers().get(i);
      String what = "layer " + i + " (" + d.digest() + ") of " + source;
      LayerFlattener.Applied applied;
      try (InputStream in = blobs.open(d)) {
        applied = flattener.apply(in, what);
        in.transferTo(OutputStream.nullOutputStream()); // reach the end so the digest is checked
      } catch (IOException e) {
        throw new DistillException("cannot read " + what + ": " + e.getMessage(), e);
      }
      checkDiffId(what, config, i, applied.diffId());
      summaries.add(
          new LayerSummary(d, applied.diffId(), applied.uncompressedSize(), applied.entryCount()));
    }
    return new ReadImage(
        source,
        manifestDescriptor.digest(),
        config,
        summaries,
        flattener.files(),
        flattener.rootFs());
  }

  private static byte[] readBlob(BlobStore blobs, Descriptor d) {
    try (InputStream in = blobs.open(d)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new DistillException("cannot read blob " + d.digest() + ": " + e.getMessage(), e);
    }
  }

  private static void checkLayerCount(String source, ImageConfig config, int layers) {
    if (config.diffIds().size() != layers) {
      throw new DistillException(
          source
              + ": the config lists "
              + config.diffIds().size()
              + " diff_ids but there are "
              + layers
              + " layers");
    }
  }

  private static void checkDiffId(String what, ImageConfig config, int i, Digest actual) {
    Digest expected = config.diffIds().get(i);
    if (!expected.equals(actual)) {
      throw new DistillException(
          what
              + " is corrupt: its uncompressed tar has "
              + actual
              + " but the config says "
              + expected);
    }
  }

  private static byte[] readFile(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (NoSuchFileException e) {
      throw new DistillException(p + " is missing");
    } catch (IOException e) {
      throw new DistillException("cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------- docker-archive

  public static ReadImage readDockerArchive(Path file, Options options) {
    Path tarPath = file;
    Path tmp = null;
    try {
      if (isGzip(file)) {
        tmp = Files.createTempFile("distill-archive-", ".tar");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 65536);
            OutputStream out = Files.newOutputStream(tmp)) {
          in.transferTo(out);
        }
        tarPath = tmp;
      }
      try (TarFile tar = new TarFile(tarPath)) {
        return readDockerTar(file.toString(), tar, options);
      }
    } catch (IOException e) {
      throw new DistillException(
          file + " is not a readable docker-archive tar: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // our own temp file; the OS cleans /tmp eventually
        }
      }
    }
  }

  private static ReadImage readDockerTar(String source, TarFile tar, Options options)
      throws IOException {
    Map<String, TarArchiveEntry> byName = new HashMap<>();
    for (TarArchiveEntry e : tar.getEntries()) {
      byName.put(stripDot(e.getName()), e);
    }
    TarArchiveEntry manifestEntry = byName.get("manifest.json");
    if (manifestEntry == null) {
      throw new DistillException(
          source
              + " is not a docker-archive: it has no manifest.json (was it made by docker save?)");
    }
    JsonNode manifest;
    try (InputStream in = tar.getInputStream(manifestEntry)) {
      manifest = CanonicalJson.parse(in.readAllBytes(), source + " manifest.json");
    }
    if (!manifest.isArray() || manifest.isEmpty()) {
      throw new DistillException(source + " manifest.json lists no image");
    }
    JsonNode chosen = null;
    if (options.refName() == null) {
      if (manifest.size() > 1) {
        throw new DistillException(
            source + " holds " + manifest.size() + " images; choose one by repo tag");
      }
      chosen = manifest.get(0);
    } else {
      for (JsonNode m : manifest) {
        if (Json.strings(m, "RepoTags").contains(options.refName())
            || Json.strings(m, "RepoTags")
                .contains(DockerArchiveWriter.withTag(options.refName()))) {
          chosen = m;
        }
      }
      if (chosen == null) {
        throw new DistillException(source + " has no image tagged " + options.refName());
      }
    }
    String configPath = Json.requiredText(chosen, "Config", source + " manifest.json");
    byte[] configBytes = readMember(source, tar, byName, configPath);
    ImageConfig config = ImageConfig.fromJson(configBytes, source + " " + configPath);
    List<String> layerPaths = Json.strings(chosen, "Layers");
    checkLayerCount(source, config, layerPaths.size());
    LayerFlattener flattener = new LayerFlattener(options.keepContent());
    List<LayerSummary> summaries = new ArrayList<>();
    for (int i = 0; i < layerPaths.size(); i++) {
      String path = layerPaths.get(i);
      TarArchiveEntry entry = member(source, byName, path);
      String what = "layer " + i + " (" + path + ") of " + source;
      DigestingOutputStream raw = new DigestingOutputStream(OutputStream.nullOutputStream());
      LayerFlattener.Applied applied;
      try (InputStream in = new TeeInputStream(tar.getInputStream(entry), raw)) {
        applied = flattener.apply(in, what);
      }
      checkDiffId(what, config, i, applied.diffId());
      String mediaType =
          raw.count() == applied.uncompressedSize()
              ? MediaTypes.OCI_LAYER_TAR
              : MediaTypes.OCI_LAYER_GZIP;
      summaries.add(
          new LayerSummary(
              Descriptor.of(mediaType, raw.digest(), raw.count()),
              applied.diffId(),
              applied.uncompressedSize(),
              applied.entryCount()));
    }
    return new ReadImage(source, null, config, summaries, flattener.files(), flattener.rootFs());
  }

  private static TarArchiveEntry member(
      String source, Map<String, TarArchiveEntry> byName, String path) {
    TarArchiveEntry e = byName.get(stripDot(path));
    if (e == null) {
      throw new DistillException(
          source + " is missing " + path + ", which its manifest.json names");
    }
    return e;
  }

  private static byte[] readMember(
      String source, TarFile tar, Map<String, TarArchiveEntry> byName, String path)
      throws IOException {
    try (InputStream in = tar.getInputStream(member(source, byName, path))) {
      return in.readAllBytes();
    }
  }

  private static String stripDot(String name) {
    return name.startsWith("./") ? name.substring(2) : name;
  }

  private static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] m = in.readNBytes(2);
      return m.length == 2 && (m[0] & 0xff) == 0x1f && (m[1] & 0xff) == 0x8b;
    }
  }
}
