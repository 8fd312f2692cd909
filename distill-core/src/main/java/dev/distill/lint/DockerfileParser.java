package dev.distill.lint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.distill.DistillException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Dockerfile text into {@link Dockerfile}: parser directives, continuation lines (with
 * comments inside them), heredocs, JSON and shell forms, flags and ONBUILD triggers. Errors are
 * {@link DistillException}s that name the file, line and column.
 */
public final class DockerfileParser {

  /** Longest physical line accepted; longer lines are almost surely not a Dockerfile. */
  public static final int MAX_LINE_LENGTH = 1 << 20;

  static final Set<String> KEYWORDS =
      Set.of(
          "ADD",
          "ARG",
          "CMD",
          "COPY",
          "ENTRYPOINT",
          "ENV",
          "EXPOSE",
          "FROM",
          "HEALTHCHECK",
          "LABEL",
          "MAINTAINER",
          "ONBUILD",
          "RUN",
          "SHELL",
          "STOPSIGNAL",
          "USER",
          "VOLUME",
          "WORKDIR");
  private static final Set<String> JSON_CAPABLE =
      Set.of("RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME");
  private static final Set<String> FLAG_CAPABLE =
      Set.of("FROM", "RUN", "COPY", "ADD", "HEALTHCHECK");
  private static final Set<String> HEREDOC_CAPABLE = Set.of("RUN", "COPY", "ADD");
  private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");
  private static final Pattern DIRECTIVE =
      Pattern.compile("^#\\s*([A-Za-z][A-Za-z0-9_-]*)\\s*=\\s*(.*?)\\s*$");
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER).build();

  private final String path;
  private String[] lines;
  private char escape = '\\';

  private DockerfileParser(String path) {
    this.path = path;
  }

  /** Reads and parses a Dockerfile from disk. */
  public static Dockerfile parse(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new DistillException(
          "cannot read Dockerfile " + file + ": " + e.getMessage() + "; check the path", e);
    }
    return parse(file.toString(), bytes);
  }

  /** Parses Dockerfile bytes (UTF-8); binary or non-UTF-8 input is rejected with a location. */
  public static Dockerfile parse(String path, byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        int[] lc = lineColumn(bytes, i);
        throw new DistillException(
            path
                + ":"
                + lc[0]
                + ":"
                + lc[1]
                + ": binary content (NUL byte) - this is not a Dockerfile text file");
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text;
    try {
      text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(bytes);
      int[] lc = lineColumn(bytes, bad);
      throw new DistillException(
          path
              + ":"
              + lc[0]
              + ":"
              + lc[1]
              + ": invalid UTF-8 byte sequence - save the Dockerfile as UTF-8 text");
    }
    return parse(path, text);
  }

  /** Parses Dockerfile text. */
  public static Dockerfile parse(String path, String text) {
    return new DockerfileParser(path).run(text);
  }

  private Dockerfile run(String text) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    lines = splitLines(text);
    Map<String, String> directives = new LinkedHashMap<>();
    List<Comment> comments = new ArrayList<>();
    List<Instruction> instructions = new ArrayList<>();
    boolean directivesOpen = true;
    int i = 0;
    while (i < lines.length) {
      String raw = lines[i];
      String trimmed = raw.strip();
      if (directivesOpen) {
        Matcher m = DIRECTIVE.matcher(trimmed);
        if (m.matches() && DIRECTIVES.contains(m.group(1).toLowerCase(Locale.ROOT))) {
          String key = m.group(1).toLowerCase(Locale.ROOT);
          if (!directives.containsKey(key)) {
            directives.put(key, m.group(2));
            if (key.equals("escape")) {
              if (m.group(2).equals("`")) {
                escape = '`';
              } else if (!m.group(2).equals("\\")) {
                throw error(i + 1, 1, "invalid escape directive '" + m.group(2) + "'; use \\ or `");
              }
            }
            comments.add(new Comment(i + 1, trimmed));
            i++;
            continue;
          }
        }
        directivesOpen = false;
      }
      if (trimmed.isEmpty()) {
        i++;
        continue;
      }
      if (trimmed.startsWith("#")) {
        comments.add(new Comment(i + 1, trimmed));
        i++;
        continue;
      }
      int start = i;
      StringBuilder logical = new StringBuilder();
      String current = stripLeading(raw);
      while (true) {
        int cut = continuationCut(current);
        if (cut < 0) {
          logical.append(current);
          i++;
          break;
        }
        logical.append(current, 0, cut);
        i++;
        while (i < lines.length && isBlankOrComment(lines[i])) {
          i++;
        }
        if (i >= lines.length) {
          break;
        }
        current = lines[i];
      }
      int[] next = {i};
      Instruction ins = instruction(logical.toString(), start + 1, next, 1);
      i = next[0];
      instructions.add(ins);
    }
    return new Dockerfile(path, directives, comments, instructions);
  }

  private Instruction instruction(String text, int line, int[] next, int column) {
    int k = 0;
    while (k < text.length() && !Character.isWhitespace(text.charAt(k))) {
      k++;
    }
    String word = text.substring(0, k);
    String keyword = word.toUpperCase(Locale.ROOT);
    if (!KEYWORDS.contains(keyword)) {
      String shown = word.length() > 40 ? word.substring(0, 40) + "…" : word;
      throw error(
          line,
          column,
          "unknown instruction '"
              + printable(shown)
              + "'; expected one of "
              + "FROM, RUN, COPY, … (is this a Dockerfile?)");
    }
    String rest = text.substring(k).strip();
    List<Flag> flags = new ArrayList<>();
    if (FLAG_CAPABLE.contains(keyword)) {
      while (rest.startsWith("--")) {
        int end = tokenEnd(rest);
        String token = rest.substring(2, end);
        int eq = token.indexOf('=');
        flags.add(
            eq < 0
                ? new Flag(token, "")
                : new Flag(token.substring(0, eq), token.substring(eq + 1)));
        rest = rest.substring(end).strip();
      }
    }
    int lastLine = line;
    List<Heredoc> heredocs = new ArrayList<>();
    if (keyword.equals("ONBUILD")) {
      if (rest.isEmpty()) {
        throw error(line, column, "ONBUILD needs an instruction to trigger");
      }
      Instruction trigger = instruction(rest, line, next, column + k + 1);
      return new Instruction(
          keyword,
          line,
          Math.max(lastLine, trigger.endLine()),
          flags,
          rest,
          null,
          List.of(),
          trigger);
    }
    if (HEREDOC_CAPABLE.contains(keyword)) {
      for (String[] marker : heredocMarkers(rest)) {
        boolean strip = marker[0].equals("-");
        String delimiter = marker[2];
        int bodyStart = next[0];
        StringBuilder body = new StringBuilder();
        boolean closed = false;
        while (next[0] < lines.length) {
          String l = lines[next[0]++];
          String cmp = strip ? stripLeadingTabs(l) : l;
          if (cmp.equals(delimiter)) {
            closed = true;
            break;
          }
          body.append(strip ? cmp : l).append('\n');
        }
        if (!closed) {
          throw error(
              line,
              column,
              "heredoc <<"
                  + delimiter
                  + " is not terminated: no line '"
                  + delimiter
                  + "' follows; add it after the heredoc body");
        }
        lastLine = next[0];
        heredocs.add(
            new Heredoc(delimiter, strip, !marker[1].isEmpty(), body.toString(), bodyStart + 1));
      }
    }
    List<String> json = null;
    if (JSON_CAPABLE.contains(keyword) && rest.startsWith("[")) {
      json = jsonArray(rest);
    }
    if (keyword.equals("FROM") && rest.isEmpty()) {
      throw error(line, column, "FROM needs an image, e.g. FROM debian:12");
    }
    if (keyword.equals("SHELL") && json == null) {
      throw error(line, column, "SHELL needs the JSON form, e.g. SHELL [\"/bin/bash\", \"-c\"]");
    }
    return new Instruction(
        keyword, line, Math.max(lastLine, line), flags, rest, json, heredocs, null);
  }

  /** Heredoc markers outside quotes: {strip "-" or "", quote or "", word}. */
  private static List<String[]> heredocMarkers(String s) {
    List<String[]> out = new ArrayList<>();
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"') {
          i++;
        }
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
        continue;
      }
      if (c == '\\') {
        i++;
        continue;
      }
      if (c == '<'
          && i + 1 < s.length()
          && s.charAt(i + 1) == '<'
          && (i == 0 || s.charAt(i - 1) != '<')) {
        int j = i + 2;
        if (j < s.length() && s.charAt(j) == '<') {
          i = j;
          continue; // here-string <<<
        }
        String strip = "";
        if (j < s.length() && s.charAt(j) == '-') {
          strip = "-";
          j++;
        }
        String q = "";
        if (j < s.length() && (s.charAt(j) == '"' || s.charAt(j) == '\'')) {
          q = String.valueOf(s.charAt(j));
          j++;
        }
        int w = j;
        while (j < s.length()
            && (Character.isLetterOrDigit(s.charAt(j)) || "_.-".indexOf(s.charAt(j)) >= 0)) {
          j++;
        }
        if (j > w && (q.isEmpty() || (j < s.length() && s.charAt(j) == q.charAt(0)))) {
          out.add(new String[] {strip, q, s.substring(w, j)});
          i = q.isEmpty() ? j - 1 : j;
        }
      }
    }
    return out;
  }

  private static List<String> jsonArray(String s) {
    try (JsonParser p = JSON.createParser(s)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      List<String> out = new ArrayList<>();
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t != JsonToken.VALUE_STRING) {
          return null;
        }
        out.add(p.getText());
      }
      if (p.nextToken() != null) {
        return null;
      }
      return out;
    } catch (IOException e) {
      return null;
    }
  }

  /** End of a flag token: first whitespace outside quotes. */
  private static int tokenEnd(String s) {
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (Character.isWhitespace(c)) {
        return i;
      }
    }
    return s.length();
  }

  /** Index where the escape char ends the line (a continuation), or -1. */
  private int continuationCut(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    if (end > 0 && line.charAt(end - 1) == escape) {
      return end - 1;
    }
    return -1;
  }

  private static String stripLeadingTabs(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '\t') {
      i++;
    }
    return s.substring(i);
  }

  private static boolean isBlankOrComment(String line) {
    String t = line.strip();
    return t.isEmpty() || t.startsWith("#");
  }

  private static String stripLeading(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return s.substring(i);
  }

  private String[] splitLines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      if (i == n || text.charAt(i) == '\n') {
        int end = i;
        if (end > start && text.charAt(end - 1) == '\r') {
          end--;
        }
        if (end - start > MAX_LINE_LENGTH) {
          throw error(
              out.size() + 1,
              MAX_LINE_LENGTH + 1,
              "line is "
                  + (end - start)
                  + " characters long, over the limit of "
                  + MAX_LINE_LENGTH
                  + "; is this a Dockerfile?");
        }
        if (i < n || start < n) {
          out.add(text.substring(start, end));
        }
        start = i + 1;
      }
    }
    return out.toArray(String[]::new);
  }

  private DistillException error(int line, int column, String message) {
    return new DistillException(path + ":" + line + ":" + column + ": " + message);
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return b.toString();
  }

  private static int[] lineColumn(byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, offset - lineStart + 1};
  }

  private static int firstInvalidUtf8(byte[] b) {
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xff;
      int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : -1;
      if (len < 0 || i + len > b.length) {
        return i;
      }
      for (int k = 1; k < len; k++) {
        if ((b[i + k] & 0xc0) != 0x80) {
          return i;
        }
      }
      i += len;
    }
    return Math.max(0, b.length - 1);
  }
}
