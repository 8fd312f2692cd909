package dev.distill.debian.repo;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One suite of the archive: its name as used in {@code dists/<name>}, the release it belongs to,
 * the mirror it is served from, and the component used.
 */
public record Suite(String name, String release, URI mirror, String component) {
  public Suite {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(mirror, "mirror");
    Objects.requireNonNull(component, "component");
  }

  /** The URI of a file below {@code dists/<suite>/}. */
  public URI distsUri(String relativePath) {
    return URI.create(mirror + "/dists/" + name + "/" + relativePath);
  }

  /** The URI of the suite's InRelease file. */
  public URI inReleaseUri() {
    return distsUri("InRelease");
  }

  /** The path of the binary Packages index of {@code arch} in the Release file. */
  public String packagesPath(String arch, String compressionSuffix) {
    return component + "/binary-" + arch + "/Packages" + compressionSuffix;
  }

  /**
   * The three suites of a release in apt order: the release itself, {@code -updates} and {@code
   * -security}.
   */
  public static List<Suite> forRelease(String release, MirrorConfig mirrors) {
    DebianReleases.requireSupported(release);
    return List.of(
        new Suite(release, release, mirrors.main(), "main"),
        new Suite(release + "-updates", release, mirrors.main(), "main"),
        new Suite(release + "-security", release, mirrors.security(), "main"));
  }
}
