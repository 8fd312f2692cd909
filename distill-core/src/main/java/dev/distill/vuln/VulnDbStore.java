package dev.distill.vuln;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distill.DistillException;
import dev.distill.io.AtomicFiles;
import dev.distill.net.HttpFetcher;
import dev.distill.progress.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local vulnerability DB: a directory ({@code ~/.cache/distill/db} by default) holding the
 * Debian tracker JSON, the OSV Debian {@code all.zip}, NVD CVE API pages or JSON lines under {@code
 * nvd/}, and {@code metadata.json} with the time of the last download. Downloads go to a temp file
 * and are renamed into place, so a failed update never leaves half a file.
 */
public final class VulnDbStore {
  public static final String TRACKER = "debian-tracker.json";
  public static final String OSV = "osv-debian-all.zip";
  public static final String NVD_DIR = "nvd";
  public static final String METADATA = "metadata.json";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Path dir;

  public VulnDbStore(Path dir) {
    this.dir = dir;
  }

  /** {@code $XDG_CACHE_HOME/distill/db}, else {@code ~/.cache/distill/db}. */
  public static Path defaultDir(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("distill").resolve("db");
  }

  public Path dir() {
    return dir;
  }

  /** True when the directory holds at least one advisory source. */
  public boolean exists() {
    return Files.isRegularFile(dir.resolve(TRACKER)) || Files.isRegularFile(dir.resolve(OSV));
  }

  /** When the data was downloaded: metadata.json, else the newest data file's time. */
  public Optional<Instant> updated() {
    Path meta = dir.resolve(METADATA);
    if (Files.isRegularFile(meta)) {
      try {
        String t = MAPPER.readTree(meta.toFile()).path("updated").asText("");
        if (!t.isEmpty()) {
          return Optional.of(Instant.parse(t));
        }
      } catch (IOException | DateTimeParseException e) {
        throw new DistillException(
            meta + " is damaged (" + e.getMessage() + "); delete it or update the DB", e);
      }
    }
    Instant newest = null;
    for (String f : List.of(TRACKER, OSV)) {
      Path p = dir.resolve(f);
      if (Files.isRegularFile(p)) {
        try {
          Instant t = Files.getLastModifiedTime(p).toInstant();
          newest = newest == null || t.isAfter(newest) ? t : newest;
        } catch (IOException e) {
          throw new DistillException("Cannot read " + p + ": " + e.getMessage(), e);
        }
      }
    }
    return Optional.ofNullable(newest);
  }

  /** How old the data is, if known. */
  public Optional<Duration> age(Clock clock) {
    return updated().map(t -> Duration.between(t, clock.instant()));
  }

  /** Loads everything the directory holds: tracker first, so it wins over OSV. */
  public VulnDatabase load(ProgressListener progress) {
    if (!Files.isDirectory(dir)) {
      throw new DistillException(
          "No vulnerability DB at "
              + dir
              + ": run 'distill scan' without --offline to download it, or give --db PATH");
    }
    if (!exists()) {
      throw new DistillException(
          "The vulnerability DB at "
              + dir
              + " holds neither "
              + TRACKER
              + " nor "
              + OSV
              + ": update it or point --db at a DB directory");
    }
    VulnDatabase.Builder b = VulnDatabase.builder();
    updated().ifPresent(b::updated);
    Path tracker = dir.resolve(TRACKER);
    if (Files.isRegularFile(tracker)) {
      progress.started("load " + TRACKER, -1);
      try (InputStream in = Files.newInputStream(tracker)) {
        int n = DebianTrackerJson.load(in, tracker.toString(), b::add);
        b.source("debian-tracker (" + n + " release entries)");
      } catch (IOException e) {
        throw new DistillException("Cannot read " + tracker + ": " + e.getMessage(), e);
      }
      progress.finished("load " + TRACKER);
    }
    Path osv = dir.resolve(OSV);
    if (Files.isRegularFile(osv)) {
      progress.started("load " + OSV, -1);
      try (InputStream in = Files.newInputStream(osv)) {
        int n = OsvDebian.loadZip(in, osv.toString(), b::add);
        b.source("osv-debian (" + n + " release entries)");
      } catch (IOException e) {
        throw new DistillException("Cannot read " + osv + ": " + e.getMessage(), e);
      }
      progress.finished("load " + OSV);
    }
    Path nvd = dir.resolve(NVD_DIR);
    if (Files.isDirectory(nvd)) {
      int n = 0;
      try (Stream<Path> s = Files.list(nvd)) {
        for (Path p : s.sorted().toList()) {
          try (InputStream in = Files.newInputStream(p)) {
            if (p.toString().endsWith(".jsonl")) {
              n += NvdCvss.loadJsonLines(in, p.toString(), b::addCvss);
            } else if (p.toString().endsWith(".json")) {
              n += NvdCvss.loadApiPage(in, p.toString(), b::addCvss);
            }
          }
        }
      } catch (IOException e) {
        throw new DistillException("Cannot read " + nvd + ": " + e.getMessage(), e);
      }
      b.source("nvd (" + n + " CVEs)");
    }
    return b.build();
  }

  /**
   * Downloads the tracker JSON and the OSV zip (and, when {@code nvdPages} > 0, that many NVD API
   * pages of 2000 CVEs), then records the time. Each file is checked by parsing before it replaces
   * the old one.
   */
  public void update(HttpFetcher fetcher, ProgressListener progress, Clock clock, int nvdPages) {
    update(fetcher, progress, clock, DebianTrackerJson.URL, OsvDebian.URL, NvdCvss.API, nvdPages);
  }

  /** As {@link #update(HttpFetcher, ProgressListener, Clock, int)}, from other URLs (mirrors). */
  public void update(
      HttpFetcher fetcher,
      ProgressListener progress,
      Clock clock,
      URI trackerUrl,
      URI osvUrl,
      URI nvdApi,
      int nvdPages) {
    try {
      Files.createDirectories(dir);
      download(fetcher, trackerUrl, TRACKER, progress);
      download(fetcher, osvUrl, OSV, progress);
      if (nvdPages > 0) {
        Files.createDirectories(dir.resolve(NVD_DIR));
        for (int page = 0; page < nvdPages; page++) {
          URI uri = URI.create(nvdApi + "?resultsPerPage=2000&startIndex=" + (page * 2000));
          String name = NVD_DIR + "/page-" + String.format("%05d", page) + ".json";
          download(fetcher, uri, name, progress);
        }
      }
      ObjectNode meta = MAPPER.createObjectNode();
      meta.put("updated", clock.instant().toString());
      List<String> urls = new ArrayList<>(List.of(trackerUrl.toString(), osvUrl.toString()));
      meta.putPOJO("sources", urls);
      writeAtomically(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta), METADATA);
    } catch (IOException e) {
      throw new DistillException(
          "Cannot write the vulnerability DB in " + dir + ": " + e.getMessage(), e);
    }
  }

  private void download(HttpFetcher fetcher, URI uri, String name, ProgressListener progress)
      throws IOException {
    progress.started("download " + uri, -1);
    Path tmp = Files.createTempFile(dir, ".download-", ".tmp");
    try {
      try (InputStream in = fetcher.open(uri)) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      verify(tmp, name);
      AtomicFiles.move(tmp, dir.resolve(name));
    } finally {
      Files.deleteIfExists(tmp);
    }
    progress.finished("download " + uri);
  }

  /** Parses a downloaded file before it is used, so a broken download is refused. */
  private static void verify(Path file, String name) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      if (name.equals(TRACKER)) {
        DebianTrackerJson.load(in, "downloaded " + name, a -> {});
      } else if (name.equals(OSV)) {
        OsvDebian.loadZip(in, "downloaded " + name, a -> {});
      } else {
        NvdCvss.loadApiPage(in, "downloaded " + name, (c, m) -> {});
      }
    }
  }

  private void writeAtomically(byte[] data, String name) throws IOException {
    Path tmp = Files.createTempFile(dir, ".write-", ".tmp");
    try {
      Files.write(tmp, data);
      AtomicFiles.move(tmp, dir.resolve(name));
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
