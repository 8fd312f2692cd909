package dev.distill.vuln;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distill.DistillException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Loads the Debian Security Tracker's JSON export ({@code /tracker/data/json}): {@code { source
 * package: { CVE: { description, releases: { codename: { status, fixed_version, urgency, nodsa,
 * nodsa_reason, repositories } } } } }}. Streams package by package, since the real file is large.
 */
public final class DebianTrackerJson {
  /** Where the tracker publishes the export. */
  public static final URI URL = URI.create("https://security-tracker.debian.org/tracker/data/json");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DebianTrackerJson() {}

  /** Parses the export and hands each release entry to {@code sink}; returns the entry count. */
  public static int load(InputStream in, String origin, Consumer<Advisory> sink) {
    int count = 0;
    try (JsonParser p = new JsonFactory(MAPPER).createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw bad(origin, "the top level is not a JSON object of source packages");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String pkg = p.currentName();
        p.nextToken();
        JsonNode cves = MAPPER.readTree(p);
        if (!cves.isObject()) {
          throw bad(origin, "package '" + pkg + "' is not an object of CVE entries");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = cves.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> cve = it.next();
          count += loadCve(pkg, cve.getKey(), cve.getValue(), origin, sink);
        }
      }
    } catch (IOException e) {
      throw new DistillException(
          origin
              + " is not valid Debian tracker JSON ("
              + e.getMessage().split("\n")[0]
              + "); download it again with 'distill scan --db-update' or give another --db",
          e);
    }
    return count;
  }

  private static int loadCve(
      String pkg, String id, JsonNode cve, String origin, Consumer<Advisory> sink) {
    JsonNode releases = cve.path("releases");
    if (!releases.isObject()) {
      return 0;
    }
    String description = cve.path("description").asText("");
    int count = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = releases.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> rel = it.next();
      JsonNode r = rel.getValue();
      String statusText = r.path("status").asText("");
      TrackerStatus status =
          switch (statusText) {
            case "resolved" -> TrackerStatus.RESOLVED;
            case "open" -> TrackerStatus.OPEN;
            case "undetermined" -> TrackerStatus.UNDETERMINED;
            default ->
                throw bad(
                    origin,
                    pkg + " " + id + " " + rel.getKey() + ": unknown status '" + statusText + "'");
          };
      String urgency = r.path("urgency").asText("not yet assigned");
      Optional<String> fixed = text(r, "fixed_version");
      sink.accept(
          new Advisory(
              id,
              pkg,
              rel.getKey(),
              status,
              fixed,
              urgency,
              status == TrackerStatus.RESOLVED ? Optional.empty() : unfixedReason(r, urgency),
              description,
              "debian-tracker"));
      count++;
    }
    return count;
  }

  /**
   * The reason an open entry will not be fixed by a security update: the nodsa reason (ignored,
   * postponed) or plain no-dsa with its note, or end-of-life (given as the urgency).
   */
  static Optional<String> unfixedReason(JsonNode r, String urgency) {
    Optional<String> reason = text(r, "nodsa_reason");
    Optional<String> note = text(r, "nodsa");
    if (reason.isPresent()) {
      return Optional.of(reason.get() + note.map(n -> ": " + n).orElse(""));
    }
    if (note.isPresent()) {
      return Optional.of("no-dsa: " + note.get());
    }
    if (urgency.toLowerCase(Locale.ROOT).startsWith("end-of-life")) {
      return Optional.of("end-of-life");
    }
    return Optional.empty();
  }

  private static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(v.asText().strip());
  }

  private static DistillException bad(String origin, String what) {
    return new DistillException(
        origin + " is not Debian tracker JSON: " + what + ". Check the --db path or update the DB");
  }
}
