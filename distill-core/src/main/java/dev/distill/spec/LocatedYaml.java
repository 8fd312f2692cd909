package dev.distill.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.distill.DistillException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document read into a Jackson tree together with the line of every node, so validation
 * errors can name the field and the line it is on.
 */
public final class LocatedYaml {
  private static final YAMLFactory YAML = new YAMLFactory();

  private final JsonNode root;
  private final Map<String, Integer> lines;
  private final String source;

  private LocatedYaml(JsonNode root, Map<String, Integer> lines, String source) {
    this.root = root;
    this.lines = lines;
    this.source = source;
  }

  /** Parses {@code text}; {@code source} names it in errors. */
  public static LocatedYaml parse(String text, String source) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = YAML.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new DistillException(source + ": the spec is empty");
      }
      JsonNode root = read(p, "", lines);
      return new LocatedYaml(root, lines, source);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new DistillException(
          source + (line > 0 ? " line " + line : "") + ": invalid YAML: " + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new DistillException(source + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static JsonNode read(JsonParser p, String path, Map<String, Integer> lines)
      throws IOException {
    lines.put(path, p.currentTokenLocation().getLineNr());
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (p.currentToken()) {
      case START_OBJECT -> {
        ObjectNode obj = f.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          String childPath = path + "/" + name;
          lines.put(childPath, p.currentTokenLocation().getLineNr());
          p.nextToken();
          int keyLine = lines.get(childPath);
          JsonNode value = read(p, childPath, lines);
          // A key's own line is the most useful place to point at.
          lines.put(childPath, keyLine);
          if (obj.has(name)) {
            throw new DistillException("line " + keyLine + ": '" + name + "' appears twice");
          }
          obj.set(name, value);
        }
        return obj;
      }
      case START_ARRAY -> {
        ArrayNode arr = f.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          arr.add(read(p, path + "/" + i, lines));
          i++;
        }
        return arr;
      }
      case VALUE_STRING -> {
        return f.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        // Keep "0644" as written: file modes are octal, whatever YAML 1.1 would make of them.
        String raw = p.getText();
        return raw.length() > 1 && raw.startsWith("0")
            ? f.textNode(raw)
            : f.numberNode(p.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return f.numberNode(p.getDecimalValue());
      }
      case VALUE_TRUE -> {
        return f.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return f.booleanNode(false);
      }
      case VALUE_NULL -> {
        return f.nullNode();
      }
      default -> throw new DistillException("Unexpected YAML token " + p.currentToken());
    }
  }

  public JsonNode root() {
    return root;
  }

  public String source() {
    return source;
  }

  /** The line of the node at a JSON pointer such as {@code /files/0/mode}, or 0 when unknown. */
  public int line(String pointer) {
    return lines.getOrDefault(pointer, 0);
  }

  /** An error that names the field (as a dotted path) and its line. */
  public DistillException error(String pointer, String message) {
    int line = line(pointer);
    String field = pointer.isEmpty() ? "(top level)" : pointer.substring(1).replace('/', '.');
    return new DistillException(
        source + (line > 0 ? " line " + line : "") + ", field '" + field + "': " + message);
  }
}
