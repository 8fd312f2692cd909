package dev.distill.debian;

import dev.distill.DistillException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Parses Debian control-format (deb822) text into {@link ControlStanza}s. */
public final class ControlFile {
  private ControlFile() {}

  /** Parses all stanzas of {@code text}; {@code source} names the input in error messages. */
  public static List<ControlStanza> parse(String text, String source) {
    List<ControlStanza> out = new ArrayList<>();
    parse(new StringReader(text), source, out::add);
    return out;
  }

  /**
   * Streams the stanzas of {@code reader} to {@code sink}, so that large indexes are not held
   * twice.
   */
  public static void parse(Reader reader, String source, Consumer<ControlStanza> sink) {
    try (BufferedReader in = new BufferedReader(reader, 1 << 16)) {
      Map<String, String> fields = new LinkedHashMap<>();
      String field = null;
      StringBuilder value = null;
      int start = 0;
      int lineNo = 0;
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          if (field != null) {
            fields.put(field, value.toString());
            sink.accept(new ControlStanza(fields, start));
            fields = new LinkedHashMap<>();
            field = null;
          }
          continue;
        }
        if (line.startsWith("#") && field == null) {
          continue;
        }
        char first = line.charAt(0);
        if (first == ' ' || first == '\t') {
          if (field == null) {
            throw new DistillException(
                source + " line " + lineNo + ": a continuation line comes before any field");
          }
          String cont = line.substring(1);
          value.append('\n').append(cont.equals(".") ? "" : cont);
          continue;
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
          throw new DistillException(
              source
                  + " line "
                  + lineNo
                  + ": expected 'Field: value' but found '"
                  + abbreviate(line)
                  + "'");
        }
        if (field == null) {
          start = lineNo;
        } else {
          fields.put(field, value.toString());
        }
        field = line.substring(0, colon);
        value = new StringBuilder(line.substring(colon + 1).strip());
      }
      if (field != null) {
        fields.put(field, value.toString());
        sink.accept(new ControlStanza(fields, start));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
