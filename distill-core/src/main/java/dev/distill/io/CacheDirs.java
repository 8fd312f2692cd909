package dev.distill.io;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where distill keeps its caches: {@code $DISTILL_CACHE}, else {@code $XDG_CACHE_HOME/distill},
 * else {@code ~/.cache/distill}.
 */
public final class CacheDirs {
  private CacheDirs() {}

  public static Path defaultRoot(Map<String, String> env, String home) {
    String explicit = env.get("DISTILL_CACHE");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "distill");
    }
    return Path.of(home, ".cache", "distill");
  }

  /** The default root for this process's environment. */
  public static Path defaultRoot() {
    return defaultRoot(System.getenv(), System.getProperty("user.home"));
  }
}
