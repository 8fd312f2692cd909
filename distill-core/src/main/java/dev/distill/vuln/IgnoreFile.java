package dev.distill.vuln;

import dev.distill.DistillException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code .trivyignore}-compatible ignore file: one id per line, {@code #} starts a comment, and
 * an optional {@code exp:YYYY-MM-DD} after the id ends the suppression after that day.
 */
public final class IgnoreFile {
  private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9._:/-]*[A-Za-z0-9]");

  private IgnoreFile() {}

  public static List<Suppression> read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new DistillException("Cannot read ignore file " + file + ": " + e.getMessage(), e);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new DistillException(
          "Ignore file " + file + " is not UTF-8 text: give a .trivyignore with one id per line");
    }
    return parse(text, file.toString());
  }

  public static List<Suppression> parse(String text, String origin) {
    List<Suppression> out = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = line.indexOf('#');
      String comment = hash >= 0 ? line.substring(hash + 1).strip() : "";
      String body = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (body.isEmpty()) {
        continue;
      }
      String[] parts = body.split("\\s+");
      String id = parts[0];
      if (!ID.matcher(id).matches()) {
        throw garbage(origin, i + 1, line, "'" + id + "' is not a vulnerability or rule id");
      }
      Optional<LocalDate> exp = Optional.empty();
      for (int k = 1; k < parts.length; k++) {
        if (!parts[k].startsWith("exp:")) {
          throw garbage(origin, i + 1, line, "unexpected '" + parts[k] + "' after the id");
        }
        try {
          exp = Optional.of(LocalDate.parse(parts[k].substring(4)));
        } catch (DateTimeParseException e) {
          throw garbage(origin, i + 1, line, "expiry must be exp:YYYY-MM-DD");
        }
      }
      out.add(
          new Suppression(
              id,
              Optional.empty(),
              comment.isEmpty() ? "listed in ignore file" : comment,
              exp,
              origin + ":" + (i + 1)));
    }
    return List.copyOf(out);
  }

  private static DistillException garbage(String origin, int line, String text, String what) {
    String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
    return new DistillException(
        "Ignore file "
            + origin
            + " line "
            + line
            + ": "
            + what
            + " (line: '"
            + shown
            + "'). Write one id per line, optionally followed by exp:YYYY-MM-DD; # starts a"
            + " comment");
  }
}
