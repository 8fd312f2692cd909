package dev.distill.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.distill.findings.Finding;
import dev.distill.findings.RuleDescriptor;
import dev.distill.findings.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SARIF 2.1.0: one run per report, with the tool's rule catalogue in {@code tool.driver.rules},
 * results pointing at their rule by id and index, a physical location with a region, and the
 * finding's fingerprint in {@code partialFingerprints}. Rules that findings use but the catalogue
 * lacks (e.g. ShellCheck's SC codes) are added to the run's rules.
 */
public final class SarifReportWriter implements ReportWriter {
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public void write(List<Report> reports, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      for (Report r : reports) {
        writeRun(g, r);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void writeRun(JsonGenerator g, Report r) throws IOException {
    Map<String, RuleDescriptor> rules = new LinkedHashMap<>();
    r.rules().forEach(d -> rules.putIfAbsent(d.id(), d));
    for (Finding f : r.findings()) {
      rules.computeIfAbsent(
          f.ruleId(), id -> new RuleDescriptor(id, f.severity(), id, helpFor(id)));
    }
    List<String> ids = new ArrayList<>(rules.keySet());
    g.writeStartObject();
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", r.tool());
    g.writeStringField("version", r.toolVersion());
    g.writeArrayFieldStart("rules");
    for (RuleDescriptor d : rules.values()) {
      g.writeStartObject();
      g.writeStringField("id", d.id());
      g.writeObjectFieldStart("shortDescription");
      g.writeStringField("text", d.shortDescription());
      g.writeEndObject();
      if (d.helpUri() != null && !d.helpUri().isEmpty()) {
        g.writeStringField("helpUri", d.helpUri());
      }
      g.writeObjectFieldStart("defaultConfiguration");
      g.writeStringField("level", level(d.defaultSeverity()));
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
    g.writeArrayFieldStart("results");
    for (Finding f : r.findings()) {
      g.writeStartObject();
      g.writeStringField("ruleId", f.ruleId());
      g.writeNumberField("ruleIndex", ids.indexOf(f.ruleId()));
      g.writeStringField("level", level(f.severity()));
      g.writeObjectFieldStart("message");
      g.writeStringField("text", f.message());
      g.writeEndObject();
      g.writeArrayFieldStart("locations");
      g.writeStartObject();
      g.writeObjectFieldStart("physicalLocation");
      g.writeObjectFieldStart("artifactLocation");
      g.writeStringField("uri", uri(f.location().path()));
      g.writeEndObject();
      if (f.location().line() > 0) {
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", f.location().line());
        if (f.location().column() > 0) {
          g.writeNumberField("startColumn", f.location().column());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndArray();
      if (f.fingerprint() != null && !f.fingerprint().isEmpty()) {
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField("distillFingerprint/v1", f.fingerprint());
        g.writeEndObject();
      }
      if (!f.properties().isEmpty()) {
        g.writeObjectFieldStart("properties");
        for (Map.Entry<String, String> e : new TreeMap<>(f.properties()).entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** SARIF's level for a severity: error, warning or note. */
  public static String level(Severity s) {
    return switch (s) {
      case ERROR, HIGH, CRITICAL -> "error";
      case WARNING, MEDIUM, LOW -> "warning";
      case INFO, STYLE, UNKNOWN -> "note";
    };
  }

  private static String helpFor(String id) {
    return id.matches("SC\\d+") ? "https://www.shellcheck.net/wiki/" + id : "";
  }

  static String uri(String path) {
    String p = path.replace('\\', '/');
    try {
      return new URI(null, null, p, null).toASCIIString();
    } catch (URISyntaxException e) {
      return p;
    }
  }
}
