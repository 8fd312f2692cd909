package dev.distill.vuln.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an OCI image config the audit reads: user, environment ({@code KEY=value}), labels,
 * history, the HEALTHCHECK test (empty when none) and the tags the image is known by. The image
 * package fills it from a real config; for a bare root filesystem use {@link #none()}.
 */
public record ImageConfig(
    String user,
    List<String> env,
    Map<String, String> labels,
    List<HistoryEntry> history,
    Optional<List<String>> healthcheck,
    List<String> tags) {

  public ImageConfig {
    env = List.copyOf(env);
    labels = Map.copyOf(labels);
    history = List.copyOf(history);
    tags = List.copyOf(tags);
  }

  /** No config known (a root filesystem directory): only file checks apply meaningfully. */
  public static ImageConfig none() {
    return new ImageConfig("", List.of(), Map.of(), List.of(), Optional.empty(), List.of());
  }

  /** One history entry: the instruction that made a layer and its comment. */
  public record HistoryEntry(String createdBy, String comment) {}
}
