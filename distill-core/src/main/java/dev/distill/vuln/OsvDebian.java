package dev.distill.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distill.DistillException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Loads OSV records for Debian ({@code DEBIAN-CVE-*}, {@code DSA-*}, {@code DLA-*}): each {@code
 * affected[]} entry with ecosystem {@code Debian:<major>} and an ECOSYSTEM range becomes an
 * advisory for that release: fixed in the range's {@code fixed} event, open when there is none.
 */
public final class OsvDebian {
  /** Where osv.dev publishes all Debian records. */
  public static final URI URL =
      URI.create("https://osv-vulnerabilities.storage.googleapis.com/Debian/all.zip");

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, String> CODENAMES =
      Map.of(
          "7",
          "wheezy",
          "8",
          "jessie",
          "9",
          "stretch",
          "10",
          "buster",
          "11",
          "bullseye",
          "12",
          "bookworm",
          "13",
          "trixie",
          "14",
          "forky");

  private OsvDebian() {}

  /** Reads every {@code *.json} entry of an {@code all.zip} stream; returns the advisory count. */
  public static int loadZip(InputStream zip, String origin, Consumer<Advisory> sink) {
    int count = 0;
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(zip)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        entries++;
        if (e.isDirectory() || !e.getName().endsWith(".json")) {
          continue;
        }
        count += loadRecord(MAPPER.readTree(in.readAllBytes()), origin + "!" + e.getName(), sink);
      }
    } catch (IOException e) {
      throw new DistillException(
          origin + " is not a readable OSV zip (" + e.getMessage() + "); download it again", e);
    }
    if (entries == 0) {
      throw new DistillException(
          origin + " is not an OSV all.zip (no zip entries found); download it again");
    }
    return count;
  }

  /** Reads every {@code *.json} file of a directory of OSV records. */
  public static int loadDirectory(Path dir, Consumer<Advisory> sink) {
    int count = 0;
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        count += loadRecord(MAPPER.readTree(p.toFile()), p.toString(), sink);
      }
    } catch (IOException e) {
      throw new DistillException("Cannot read OSV records in " + dir + ": " + e.getMessage(), e);
    }
    return count;
  }

  private static boolean namesACve(JsonNode ids) {
    for (JsonNode i : ids) {
      if (i.asText("").startsWith("CVE-")) {
        return true;
      }
    }
    return false;
  }

  /** Converts one OSV record; advisories (DSA/DLA) that name CVEs are skipped, see above. */
  public static int loadRecord(JsonNode rec, String origin, Consumer<Advisory> sink) {
    String osvId = rec.path("id").asText("");
    if (osvId.isEmpty() || !rec.path("affected").isArray()) {
      throw new DistillException(origin + " is not an OSV record: it lacks 'id' or 'affected'");
    }
    String id = osvId;
    if (osvId.startsWith("DEBIAN-")) {
      id = osvId.substring("DEBIAN-".length());
    } else if (namesACve(rec.path("aliases")) || namesACve(rec.path("upstream"))) {
      // A DSA/DLA/DTSA that names CVEs repeats what the DEBIAN-CVE records say; keeping both
      // would report every fix twice.
      return 0;
    }
    String description = rec.path("details").asText(rec.path("summary").asText(""));
    int count = 0;
    for (JsonNode aff : rec.path("affected")) {
      String eco = aff.path("package").path("ecosystem").asText("");
      String name = aff.path("package").path("name").asText("");
      if (!eco.startsWith("Debian:") || name.isEmpty()) {
        continue;
      }
      String release = CODENAMES.get(eco.substring("Debian:".length()).split("\\.")[0]);
      if (release == null) {
        continue;
      }
      Optional<String> fixed = Optional.empty();
      boolean ecosystemRange = false;
      for (JsonNode range : aff.path("ranges")) {
        if (!range.path("type").asText().equals("ECOSYSTEM")) {
          continue;
        }
        ecosystemRange = true;
        for (JsonNode ev : range.path("events")) {
          if (ev.has("fixed")) {
            fixed = Optional.of(ev.get("fixed").asText());
          }
        }
      }
      if (!ecosystemRange) {
        continue;
      }
      String urgency = aff.path("ecosystem_specific").path("urgency").asText("not yet assigned");
      sink.accept(
          new Advisory(
              id,
              name,
              release,
              fixed.isPresent() ? TrackerStatus.RESOLVED : TrackerStatus.OPEN,
              fixed,
              urgency,
              Optional.empty(),
              description,
              "osv"));
      count++;
    }
    return count;
  }
}
