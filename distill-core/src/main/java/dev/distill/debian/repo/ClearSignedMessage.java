package dev.distill.debian.repo;

import dev.distill.DistillException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An OpenPGP cleartext-signed message (RFC 4880 section 7) split into the text and the armored
 * signature. Nothing outside the signed part is accepted, so the text handed on is exactly the text
 * that was signed.
 *
 * @param text the message as the reader sees it: dash-escaping removed, lines ending in {@code \n}
 * @param signedBytes the canonical form the signature covers: trailing blanks removed, lines joined
 *     by CRLF, no line ending after the last line
 * @param armoredSignature the {@code BEGIN PGP SIGNATURE} block
 */
public record ClearSignedMessage(String text, byte[] signedBytes, byte[] armoredSignature) {
  static final String BEGIN_MESSAGE = "-----BEGIN PGP SIGNED MESSAGE-----";
  static final String BEGIN_SIGNATURE = "-----BEGIN PGP SIGNATURE-----";
  static final String END_SIGNATURE = "-----END PGP SIGNATURE-----";

  /** Thrown when the input is not a cleartext-signed message at all. */
  public static final class NotSignedException extends DistillException {
    private static final long serialVersionUID = 1L;

    public NotSignedException(String message) {
      super(message);
    }
  }

  /** Splits {@code content}; {@code source} names it in error messages. */
  public static ClearSignedMessage parse(String content, String source) {
    List<String> lines = splitLines(content);
    int i = 0;
    while (i < lines.size() && lines.get(i).isBlank()) {
      i++;
    }
    if (i >= lines.size() || !stripTrailing(lines.get(i)).equals(BEGIN_MESSAGE)) {
      throw new NotSignedException(
          source + " is not an OpenPGP clear-signed message (no signature)");
    }
    i++;
    // Armor headers ("Hash: SHA256") up to the first empty line.
    while (i < lines.size() && !stripTrailing(lines.get(i)).isEmpty()) {
      String header = lines.get(i);
      if (!header.startsWith("Hash:")) {
        throw new DistillException(source + ": unexpected armor header '" + header + "'");
      }
      i++;
    }
    if (i >= lines.size()) {
      throw new NotSignedException(source + " is truncated: no signed text and no signature");
    }
    i++;
    List<String> body = new ArrayList<>();
    int sigStart = -1;
    for (; i < lines.size(); i++) {
      String line = stripTrailing(lines.get(i));
      if (line.equals(BEGIN_SIGNATURE)) {
        sigStart = i;
        break;
      }
      if (line.startsWith("- ")) {
        line = line.substring(2);
      } else if (line.startsWith("-")) {
        throw new DistillException(
            source + ": line '" + line + "' of the signed text should be dash-escaped");
      }
      body.add(line);
    }
    if (sigStart < 0) {
      throw new NotSignedException(source + " has no OpenPGP signature block");
    }
    int sigEnd = -1;
    for (int j = sigStart; j < lines.size(); j++) {
      if (stripTrailing(lines.get(j)).equals(END_SIGNATURE)) {
        sigEnd = j;
        break;
      }
    }
    if (sigEnd < 0) {
      throw new NotSignedException(source + ": the OpenPGP signature block is not terminated");
    }
    for (int j = sigEnd + 1; j < lines.size(); j++) {
      if (!lines.get(j).isBlank()) {
        throw new DistillException(source + ": unsigned data follows the signature");
      }
    }
    StringBuilder signed = new StringBuilder();
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < body.size(); k++) {
      if (k > 0) {
        signed.append("\r\n");
      }
      signed.append(body.get(k));
      text.append(body.get(k)).append('\n');
    }
    StringBuilder armor = new StringBuilder();
    for (int j = sigStart; j <= sigEnd; j++) {
      armor.append(stripTrailing(lines.get(j))).append('\n');
    }
    return new ClearSignedMessage(
        text.toString(),
        signed.toString().getBytes(StandardCharsets.UTF_8),
        armor.toString().getBytes(StandardCharsets.US_ASCII));
  }

  /** Splits on LF, dropping a CR before it; a final newline does not start another line. */
  private static List<String> splitLines(String content) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < content.length()) {
      int nl = content.indexOf('\n', start);
      int end = nl < 0 ? content.length() : nl;
      String line = content.substring(start, end);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      lines.add(line);
      start = end + 1;
    }
    return lines;
  }

  /** Removes trailing spaces and tabs (not other whitespace), as RFC 4880 7.1 asks. */
  static String stripTrailing(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    return line.substring(0, end);
  }
}
