package dev.distill.debian.fetch;

import java.nio.file.Path;

/**
 * A .deb in the cache, verified against its reference.
 *
 * @param ref what was asked for
 * @param path the cached file (content-addressed, read-only by convention)
 * @param downloaded true when this run downloaded it, false when it came from the cache
 */
public record FetchedDeb(DebRef ref, Path path, boolean downloaded) {}
