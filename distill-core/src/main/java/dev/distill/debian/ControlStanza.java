package dev.distill.debian;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One paragraph of a Debian control-format (deb822) file: Packages, Release, dpkg status, a .deb's
 * control file. Field names are case-insensitive; the original order and spelling are kept.
 */
public final class ControlStanza {
  private final Map<String, String> fields;
  private final Map<String, String> byLowerName;
  private final int line;

  public ControlStanza(Map<String, String> fields, int line) {
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    Map<String, String> lower = new LinkedHashMap<>();
    fields.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    this.byLowerName = Collections.unmodifiableMap(lower);
    this.line = line;
  }

  /** The field's value with continuation lines joined by newlines, or empty. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The field's value, or {@code fallback} when absent. */
  public String get(String name, String fallback) {
    return get(name).orElse(fallback);
  }

  /** All fields, in file order, as written. */
  public Map<String, String> fields() {
    return fields;
  }

  /** The 1-based line where the stanza starts in its file. */
  public int line() {
    return line;
  }

  /** Renders the stanza back in control format (without a trailing blank line). */
  public String render() {
    StringBuilder out = new StringBuilder();
    fields.forEach(
        (k, v) -> {
          out.append(k).append(':');
          String[] lines = v.split("\n", -1);
          if (!lines[0].isEmpty()) {
            out.append(' ').append(lines[0]);
          }
          out.append('\n');
          for (int i = 1; i < lines.length; i++) {
            out.append(' ').append(lines[i].isEmpty() ? "." : lines[i]).append('\n');
          }
        });
    return out.toString();
  }

  @Override
  public String toString() {
    return "ControlStanza" + fields;
  }
}
