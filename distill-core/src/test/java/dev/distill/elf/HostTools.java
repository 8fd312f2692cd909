package dev.distill.elf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs host tools (readelf, ldd) as oracles for tests; a missing tool fails the test. */
final class HostTools {
  private HostTools() {}

  static String run(String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish");
    }
    String text = new String(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + text);
    }
    return text;
  }

  /** The bracketed values of readelf -d lines of one kind, e.g. "(NEEDED)". */
  static List<String> readelfDynamic(String text, String tag) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.contains("(" + tag + ")")) {
        out.add(line.substring(line.indexOf('[') + 1, line.lastIndexOf(']')));
      }
    }
    return out;
  }
}
