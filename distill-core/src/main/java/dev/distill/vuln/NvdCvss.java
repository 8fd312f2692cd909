package dev.distill.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distill.DistillException;
import dev.distill.findings.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads CVSS metrics from NVD CVE API 2.0 data: either an API response page ({@code
 * {"vulnerabilities":[{"cve":{…}}]}}) or JSON lines of {@code cve} objects.
 */
public final class NvdCvss {
  /** The NVD CVE API 2.0 endpoint; pages are fetched with {@code startIndex}. */
  public static final URI API = URI.create("https://services.nvd.nist.gov/rest/json/cves/2.0");

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] METRIC_KEYS = {
    "cvssMetricV31", "cvssMetricV30", "cvssMetricV40", "cvssMetricV2"
  };

  private NvdCvss() {}

  /** Parses an API 2.0 response page; returns the number of CVEs read. */
  public static int loadApiPage(
      InputStream in, String origin, BiConsumer<String, List<Cvss>> sink) {
    try {
      JsonNode root = MAPPER.readTree(in);
      if (root == null || !root.path("vulnerabilities").isArray()) {
        throw new DistillException(
            origin + " is not an NVD CVE API 2.0 response (no 'vulnerabilities' array)");
      }
      int n = 0;
      for (JsonNode v : root.path("vulnerabilities")) {
        n += loadCve(v.path("cve"), sink);
      }
      return n;
    } catch (IOException e) {
      throw new DistillException(origin + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Parses JSON lines, one {@code cve} object per line. */
  public static int loadJsonLines(
      InputStream in, String origin, BiConsumer<String, List<Cvss>> sink) {
    int n = 0;
    int lineNo = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode cve = MAPPER.readTree(line);
        if (cve.has("cve")) {
          cve = cve.get("cve");
        }
        if (!cve.has("id")) {
          throw new DistillException(origin + " line " + lineNo + ": not an NVD cve object");
        }
        n += loadCve(cve, sink);
      }
    } catch (IOException e) {
      throw new DistillException(
          origin + " line " + lineNo + " is not valid JSON: " + e.getMessage(), e);
    }
    return n;
  }

  private static int loadCve(JsonNode cve, BiConsumer<String, List<Cvss>> sink) {
    String id = cve.path("id").asText("");
    if (id.isEmpty()) {
      return 0;
    }
    sink.accept(id, metrics(cve.path("metrics")));
    return 1;
  }

  /** The metrics in preference order: v3.1, v3.0, v4.0, v2; within a version, Primary first. */
  static List<Cvss> metrics(JsonNode metrics) {
    List<Cvss> out = new ArrayList<>();
    for (String key : METRIC_KEYS) {
      List<Cvss> secondary = new ArrayList<>();
      for (JsonNode m : metrics.path(key)) {
        JsonNode data = m.path("cvssData");
        double score = data.path("baseScore").asDouble(0);
        String sev = data.path("baseSeverity").asText(m.path("baseSeverity").asText(""));
        Severity severity;
        try {
          severity = sev.isEmpty() ? Cvss.fromScore(score) : Severity.parse(sev);
        } catch (IllegalArgumentException e) {
          severity = Cvss.fromScore(score);
        }
        boolean primary = m.path("type").asText("").equals("Primary");
        Cvss c =
            new Cvss(
                data.path("version").asText(key),
                data.path("vectorString").asText(""),
                score,
                severity,
                m.path("source").asText(""),
                primary);
        (primary ? out : secondary).add(c);
      }
      out.addAll(secondary);
    }
    return out;
  }
}
