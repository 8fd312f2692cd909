package dev.distill.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * Reads the small part of TOML that the bundled gitleaks rules use (tables, arrays of tables, bare
 * keys, literal and escape-free basic strings, arrays, integers, decimals, booleans) into the tree
 * Jackson's TOML parser builds from the same text. On a cold JVM Jackson's TOML parser takes over
 * half a second for the bundled file, this a few milliseconds; a test checks the two trees are
 * equal. Anything outside that part of TOML is refused ({@link #parse} returns null), and the
 * caller uses Jackson.
 */
final class BundledToml {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String text;
  private int pos;

  private BundledToml(String text) {
    this.text = text;
  }

  /** The document's tree, or null when it uses TOML this reader does not take. */
  static ObjectNode parse(String text) {
    try {
      return new BundledToml(text).document();
    } catch (Unsupported e) {
      return null;
    }
  }

  /** Thrown on any construct outside the supported part of TOML. */
  private static final class Unsupported extends Exception {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  private ObjectNode document() throws Unsupported {
    ObjectNode root = NODES.objectNode();
    ObjectNode table = root;
    while (true) {
      skipBlankLinesAndComments();
      if (pos >= text.length()) {
        return root;
      }
      if (text.charAt(pos) == '[') {
        table = header(root);
      } else {
        String key = bareKey();
        if (key.indexOf('.') >= 0) {
          throw new Unsupported(); // dotted keys: left to Jackson
        }
        skipSpaces();
        expect('=');
        skipSpaces();
        JsonNode value = value();
        if (table.has(key)) {
          throw new Unsupported();
        }
        table.set(key, value);
      }
      endOfLine();
    }
  }

  /** A {@code [a.b]} or {@code [[a.b]]} header: the table the following keys go into. */
  private ObjectNode header(ObjectNode root) throws Unsupported {
    boolean arrayOfTables = text.startsWith("[[", pos);
    pos += arrayOfTables ? 2 : 1;
    skipSpaces();
    String[] names = bareKey().split("\\.", -1);
    skipSpaces();
    expect(']');
    if (arrayOfTables) {
      expect(']');
    }
    ObjectNode parent = root;
    for (int i = 0; i < names.length - 1; i++) {
      JsonNode n = parent.get(names[i]);
      if (n instanceof ArrayNode a && a.size() > 0 && a.get(a.size() - 1) instanceof ObjectNode o) {
        parent = o;
      } else if (n instanceof ObjectNode o) {
        parent = o;
      } else {
        throw new Unsupported();
      }
    }
    String last = names[names.length - 1];
    JsonNode existing = parent.get(last);
    ObjectNode table = NODES.objectNode();
    if (arrayOfTables) {
      if (existing == null) {
        parent.set(last, NODES.arrayNode().add(table));
      } else if (existing instanceof ArrayNode a) {
        a.add(table);
      } else {
        throw new Unsupported();
      }
    } else {
      if (existing != null) {
        throw new Unsupported();
      }
      parent.set(last, table);
    }
    return table;
  }

  private JsonNode value() throws Unsupported {
    if (pos >= text.length()) {
      throw new Unsupported();
    }
    char c = text.charAt(pos);
    if (text.startsWith("'''", pos)) {
      return NODES.textNode(until("'''", pos + 3));
    }
    if (c == '\'') {
      return NODES.textNode(until("'", pos + 1));
    }
    if (c == '"') {
      if (text.startsWith("\"\"\"", pos)) {
        throw new Unsupported();
      }
      String s = until("\"", pos + 1);
      if (s.indexOf('\\') >= 0) {
        throw new Unsupported(); // escapes: left to Jackson
      }
      return NODES.textNode(s);
    }
    if (c == '[') {
      pos++;
      ArrayNode array = NODES.arrayNode();
      while (true) {
        skipBlankLinesAndComments();
        if (pos < text.length() && text.charAt(pos) == ']') {
          pos++;
          return array;
        }
        array.add(value());
        skipBlankLinesAndComments();
        if (pos < text.length() && text.charAt(pos) == ',') {
          pos++;
        } else if (pos >= text.length() || text.charAt(pos) != ']') {
          throw new Unsupported();
        }
      }
    }
    if (text.startsWith("true", pos) || text.startsWith("false", pos)) {
      boolean b = text.charAt(pos) == 't';
      pos += b ? 4 : 5;
      return NODES.booleanNode(b);
    }
    int start = pos;
    if (c == '-' || c == '+') {
      pos++;
    }
    int digits = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos == digits || pos - digits > 9 || text.charAt(digits) == '0' && pos - digits > 1) {
      throw new Unsupported(); // no digits, big, or leading zero: left to Jackson
    }
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      int fraction = pos;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      if (pos == fraction) {
        throw new Unsupported();
      }
      return NODES.numberNode(new BigDecimal(text.substring(start, pos)));
    }
    return NODES.numberNode(Integer.parseInt(text.substring(start, pos)));
  }

  /** The text from {@code from} to the next {@code close} on the same line; moves past it. */
  private String until(String close, int from) throws Unsupported {
    int end = text.indexOf(close, from);
    int newline = text.indexOf('\n', from);
    if (end < 0 || newline >= 0 && newline < end) {
      throw new Unsupported(); // unterminated or multi-line: left to Jackson
    }
    pos = end + close.length();
    return text.substring(from, end);
  }

  private String bareKey() throws Unsupported {
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '-'
          || c == '.') {
        pos++;
      } else {
        break;
      }
    }
    String key = text.substring(start, pos);
    if (key.isEmpty() || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
      throw new Unsupported();
    }
    return key;
  }

  private void expect(char c) throws Unsupported {
    if (pos >= text.length() || text.charAt(pos) != c) {
      throw new Unsupported();
    }
    pos++;
  }

  private void skipSpaces() {
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      pos++;
    }
  }

  /** Spaces, then a comment or nothing, then a newline or the end. */
  private void endOfLine() throws Unsupported {
    skipSpaces();
    if (pos < text.length() && text.charAt(pos) == '#') {
      skipComment();
    }
    if (pos < text.length()) {
      if (text.startsWith("\r\n", pos)) {
        pos++;
      }
      expect('\n');
    }
  }

  private void skipBlankLinesAndComments() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pos++;
      } else if (c == '#') {
        skipComment();
      } else {
        return;
      }
    }
  }

  private void skipComment() {
    int nl = text.indexOf('\n', pos);
    pos = nl < 0 ? text.length() : nl;
  }
}
