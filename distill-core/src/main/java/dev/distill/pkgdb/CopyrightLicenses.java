package dev.distill.pkgdb;

import dev.distill.DistillException;
import dev.distill.debian.ControlFile;
import dev.distill.debian.ControlStanza;
import java.util.List;
import java.util.TreeSet;

/**
 * Licence short names from a machine-readable (DEP-5) {@code debian/copyright} file: the first line
 * of every {@code License:} field. Free-form copyright files give nothing (no guessing).
 */
public final class CopyrightLicenses {
  private CopyrightLicenses() {}

  public static List<String> parse(String text) {
    String head = text.stripLeading();
    if (!head.regionMatches(true, 0, "Format:", 0, 7)) {
      return List.of();
    }
    TreeSet<String> out = new TreeSet<>();
    try {
      for (ControlStanza s : ControlFile.parse(text, "copyright")) {
        s.get("License")
            .map(v -> v.split("\n", 2)[0].strip())
            .filter(v -> !v.isEmpty())
            .ifPresent(out::add);
      }
    } catch (DistillException e) {
      // A malformed copyright file only costs us the licence hint.
      return List.copyOf(out);
    }
    return List.copyOf(out);
  }
}
