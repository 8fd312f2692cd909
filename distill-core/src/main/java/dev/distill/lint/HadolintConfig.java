package dev.distill.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.distill.DistillException;
import dev.distill.findings.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads hadolint's {@code .hadolint.yaml}: {@code ignored}, {@code override} (error, warning, info,
 * style), {@code trustedRegistries}, {@code label-schema}, {@code strict-labels}, {@code
 * failure-threshold} and {@code no-fail}, on top of a base configuration.
 */
public final class HadolintConfig {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private HadolintConfig() {}

  public static LintConfig load(Path file, LintConfig base) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new DistillException("cannot read lint config " + file + ": " + e.getMessage(), e);
    }
    return parse(file.toString(), text, base);
  }

  public static LintConfig parse(String name, String yaml, LintConfig base) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new DistillException(name + ": not valid YAML: " + e.getMessage().split("\n")[0], e);
    }
    LintConfig c = base;
    if (root == null || root.isMissingNode() || root.isNull()) {
      return c;
    }
    if (!root.isObject()) {
      throw new DistillException(
          name + ": expected a mapping of hadolint settings at the top level");
    }
    Set<String> ignored = new HashSet<>(c.ignored());
    ignored.addAll(strings(name, root, "ignored"));
    c = c.withIgnored(ignored);
    JsonNode override = root.path("override");
    if (override.isObject()) {
      Map<String, Severity> o = new HashMap<>(c.overrides());
      for (String level : List.of("error", "warning", "info", "style")) {
        for (String id : strings(name, override, level)) {
          o.put(id, Severity.parse(level));
        }
      }
      c = c.withOverrides(o);
    }
    List<String> registries = new ArrayList<>(c.trustedRegistries());
    registries.addAll(strings(name, root, "trustedRegistries"));
    c = c.withTrustedRegistries(registries);
    JsonNode schema = root.path("label-schema");
    boolean strict = root.path("strict-labels").asBoolean(c.strictLabels());
    Map<String, String> labels = new LinkedHashMap<>(c.labelSchema());
    if (schema.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        labels.put(e.getKey(), e.getValue().asText());
      }
    }
    c = c.withLabelSchema(labels, strict);
    Severity threshold = c.failureThreshold();
    boolean noFail = root.path("no-fail").asBoolean(c.noFail());
    if (root.has("failure-threshold")) {
      String t = root.get("failure-threshold").asText().toLowerCase(Locale.ROOT);
      if (t.equals("none")) {
        noFail = true;
      } else {
        threshold = threshold(name, t);
      }
    }
    return c.withFailureThreshold(threshold, noFail);
  }

  /** Parses error, warning, info or style. */
  public static Severity threshold(String where, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "error" -> Severity.ERROR;
      case "warning" -> Severity.WARNING;
      case "info" -> Severity.INFO;
      case "style", "ignore" -> Severity.STYLE;
      default ->
          throw new DistillException(
              where
                  + ": unknown failure threshold '"
                  + value
                  + "'; use error, warning, info, style or none");
    };
  }

  private static List<String> strings(String name, JsonNode parent, String key) {
    JsonNode n = parent.path(key);
    List<String> out = new ArrayList<>();
    if (n.isMissingNode() || n.isNull()) {
      return out;
    }
    if (!n.isArray()) {
      throw new DistillException(name + ": '" + key + "' must be a list");
    }
    n.forEach(e -> out.add(e.asText()));
    return out;
  }
}
