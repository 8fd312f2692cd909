package dev.distill.findings;

import java.util.Optional;

/**
 * Where a finding is: a path (file, image path, or image reference), and optionally a 1-based line
 * and column. Extra context (a commit, a layer digest) goes into {@link Finding#properties()}.
 */
public record Location(String path, int line, int column) {

  public static Location of(String path) {
    return new Location(path, 0, 0);
  }

  public static Location of(String path, int line) {
    return new Location(path, line, 0);
  }

  public Optional<Integer> lineNumber() {
    return line > 0 ? Optional.of(line) : Optional.empty();
  }

  @Override
  public String toString() {
    if (line <= 0) {
      return path;
    }
    return column > 0 ? path + ":" + line + ":" + column : path + ":" + line;
  }
}
