package dev.distill.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated image spec ({@code images/<name>/distill.yaml}): which Debian packages to take, which
 * executables and paths to keep from them, what to add, and how the image runs. Built by {@link
 * SpecLoader}; every list and map is immutable.
 */
public record ImageSpec(
    Path directory,
    String name,
    String description,
    List<String> releases,
    List<String> archs,
    List<String> packages,
    List<String> executables,
    List<String> keep,
    List<OwnFile> files,
    List<Directory> directories,
    List<Account> users,
    List<Group> groups,
    RunAs runAs,
    List<String> entrypoint,
    List<String> cmd,
    String workdir,
    Map<String, String> env,
    List<String> ports,
    List<String> volumes,
    Map<String, String> labels,
    Optional<String> stopSignal,
    boolean tzdata,
    boolean caCertificates,
    boolean allowShell,
    List<String> allowSetuid,
    List<Check> checks) {

  public ImageSpec {
    releases = List.copyOf(releases);
    archs = List.copyOf(archs);
    packages = List.copyOf(packages);
    executables = List.copyOf(executables);
    keep = List.copyOf(keep);
    files = List.copyOf(files);
    directories = List.copyOf(directories);
    users = List.copyOf(users);
    groups = List.copyOf(groups);
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    env = Map.copyOf(env);
    ports = List.copyOf(ports);
    volumes = List.copyOf(volumes);
    labels = Map.copyOf(labels);
    allowSetuid = List.copyOf(allowSetuid);
    checks = List.copyOf(checks);
  }

  /**
   * The {@code keep} entries that apply to {@code arch}, qualifier removed. An entry may end in a
   * Debian-style architecture qualifier: {@code /lib64 [amd64]} only on amd64, {@code /x [!arm64]}
   * everywhere but arm64 (the dynamic loader lives at a different path on each).
   */
  public List<String> keepFor(String arch) {
    List<String> out = new java.util.ArrayList<>();
    for (String k : keep) {
      java.util.regex.Matcher m = ARCH_QUALIFIED.matcher(k);
      if (!m.matches()) {
        out.add(k);
        continue;
      }
      List<String> archs = List.of(m.group(2).strip().split("\\s+"));
      boolean negated = archs.get(0).startsWith("!");
      boolean listed = archs.contains(negated ? "!" + arch : arch);
      if (negated != listed) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /** {@code PATH [arch ...]} or {@code PATH [!arch ...]}. */
  public static final java.util.regex.Pattern ARCH_QUALIFIED =
      java.util.regex.Pattern.compile("(\\S+)\\s+\\[([!a-z0-9 ]+)\\]");

  /** The release built when none is asked for: the first one listed. */
  public String defaultRelease() {
    return releases.get(0);
  }

  /**
   * A file of the spec's own, copied from {@code source} (relative to the spec) to {@code path}.
   */
  public record OwnFile(Path source, String path, int mode, int uid, int gid) {}

  /** A directory to create. */
  public record Directory(String path, int mode, int uid, int gid) {}

  /** A user account beyond the distroless defaults (root, nonroot, nobody). */
  public record Account(String name, int uid, int gid, String home, String shell) {}

  /** A group beyond the defaults. */
  public record Group(String name, int gid) {}

  /** The user the image runs as. */
  public record RunAs(int uid, int gid) {
    /** The {@code User} value of the OCI config. */
    public String configValue() {
      return uid + ":" + gid;
    }
  }

  /**
   * A smoke check run against the built image: {@code http} (GET a path, expect a status), {@code
   * tcp} (a port accepts connections), {@code redis} (PING/SET/GET), or {@code no-shell}.
   */
  public record Check(String type, int port, String path, int expectStatus) {}
}
