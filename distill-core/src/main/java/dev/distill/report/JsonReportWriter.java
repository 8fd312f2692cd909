package dev.distill.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.distill.findings.Finding;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A JSON array with one object per finding: tool, code, level, message, file, line, column,
 * fingerprint and properties (hadolint's json fields plus ours).
 */
public final class JsonReportWriter implements ReportWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public String format() {
    return "json";
  }

  @Override
  public void write(List<Report> reports, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.useDefaultPrettyPrinter();
      g.writeStartArray();
      for (Report r : reports) {
        for (Finding f : r.findings()) {
          g.writeStartObject();
          g.writeStringField("tool", f.tool());
          g.writeStringField("code", f.ruleId());
          g.writeStringField("level", f.severity().name().toLowerCase(Locale.ROOT));
          g.writeStringField("message", f.message());
          g.writeStringField("file", f.location().path());
          g.writeNumberField("line", f.location().line());
          g.writeNumberField("column", f.location().column());
          g.writeStringField("fingerprint", f.fingerprint());
          if (!f.properties().isEmpty()) {
            g.writeObjectFieldStart("properties");
            for (Map.Entry<String, String> e : new TreeMap<>(f.properties()).entrySet()) {
              g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
          }
          g.writeEndObject();
        }
      }
      g.writeEndArray();
    }
    out.write('\n');
    out.flush();
  }
}
