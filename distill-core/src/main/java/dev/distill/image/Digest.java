package dev.distill.image;

import dev.distill.DistillException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest as used by OCI ({@code sha256:<64 lowercase hex>}). Only sha256 and sha512 are
 * accepted; anything else is rejected with a message that shows the bad value.
 */
public record Digest(String algorithm, String hex) implements Comparable<Digest> {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern SHA512 = Pattern.compile("[0-9a-f]{128}");

  public Digest {
    boolean ok =
        switch (algorithm) {
          case "sha256" -> SHA256.matcher(hex).matches();
          case "sha512" -> SHA512.matcher(hex).matches();
          default -> false;
        };
    if (!ok) {
      throw new DistillException(
          "invalid digest '"
              + algorithm
              + ":"
              + hex
              + "': expected sha256:<64 lowercase hex digits>");
    }
  }

  /** Parses {@code sha256:<hex>}; throws {@link DistillException} for anything else. */
  public static Digest parse(String text) {
    if (text == null) {
      throw new DistillException("missing digest: expected sha256:<64 lowercase hex digits>");
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new DistillException(
          "invalid digest '" + text + "': expected sha256:<64 lowercase hex digits>");
    }
    return new Digest(text.substring(0, colon), text.substring(colon + 1));
  }

  /** True when {@code text} is a well-formed digest. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (DistillException e) {
      return false;
    }
  }

  /** The sha256 digest of {@code bytes}. */
  public static Digest sha256(byte[] bytes) {
    return fromSha256(newSha256().digest(bytes));
  }

  /** Wraps a finished 32-byte sha256 hash. */
  public static Digest fromSha256(byte[] hash) {
    return new Digest("sha256", HexFormat.of().formatHex(hash));
  }

  /** A new SHA-256 MessageDigest (always present on every JDK). */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** A MessageDigest for this digest's algorithm, to verify content against it. */
  public MessageDigest newMessageDigest() {
    try {
      return MessageDigest.getInstance(algorithm.equals("sha256") ? "SHA-256" : "SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no " + algorithm, e);
    }
  }

  /** True when {@code bytes} hash to this digest. */
  public boolean matches(byte[] bytes) {
    return HexFormat.of().formatHex(newMessageDigest().digest(bytes)).equals(hex);
  }

  @Override
  public int compareTo(Digest o) {
    return toString().compareTo(o.toString());
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }
}
