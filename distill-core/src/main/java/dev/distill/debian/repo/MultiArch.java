package dev.distill.debian.repo;

import dev.distill.DistillException;
import java.util.Locale;

/** The {@code Multi-Arch} field of a binary package. */
public enum MultiArch {
  NO,
  SAME,
  FOREIGN,
  ALLOWED;

  /** Parses the field value; an absent field means {@link #NO}. */
  public static MultiArch parse(String value, String context) {
    if (value == null || value.isBlank()) {
      return NO;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "no" -> NO;
      case "same" -> SAME;
      case "foreign" -> FOREIGN;
      case "allowed" -> ALLOWED;
      default ->
          throw new DistillException(
              context + ": unknown Multi-Arch value '" + value.strip() + "'");
    };
  }
}
