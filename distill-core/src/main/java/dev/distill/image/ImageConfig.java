package dev.distill.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distill.DistillException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The OCI image configuration: platform, the runtime settings (User, Entrypoint, Cmd, Env,
 * ExposedPorts, WorkingDir, Labels, StopSignal, Volumes), history, creation time and the layers'
 * diff_ids. Null strings and empty collections are left out of the JSON. Build with {@link
 * #builder()}; {@link #toJson()} is canonical.
 */
public record ImageConfig(
    Platform platform,
    Instant created,
    String author,
    String user,
    List<String> entrypoint,
    List<String> cmd,
    List<String> env,
    SortedSet<String> exposedPorts,
    String workingDir,
    SortedMap<String, String> labels,
    String stopSignal,
    SortedSet<String> volumes,
    List<History> history,
    List<Digest> diffIds) {

  public ImageConfig {
    Objects.requireNonNull(platform, "platform");
    entrypoint = List.copyOf(entrypoint == null ? List.of() : entrypoint);
    cmd = List.copyOf(cmd == null ? List.of() : cmd);
    env = List.copyOf(env == null ? List.of() : env);
    exposedPorts =
        Collections.unmodifiableSortedSet(
            new TreeSet<>(exposedPorts == null ? Set.of() : exposedPorts));
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels == null ? Map.of() : labels));
    volumes =
        Collections.unmodifiableSortedSet(new TreeSet<>(volumes == null ? Set.of() : volumes));
    history = List.copyOf(history == null ? List.of() : history);
    diffIds = List.copyOf(diffIds == null ? List.of() : diffIds);
  }

  public static Builder builder(Platform platform) {
    return new Builder(platform);
  }

  public Builder toBuilder() {
    Builder b = new Builder(platform);
    b.created = created;
    b.author = author;
    b.user = user;
    b.entrypoint = entrypoint;
    b.cmd = cmd;
    b.env = env;
    b.exposedPorts = exposedPorts;
    b.workingDir = workingDir;
    b.labels = labels;
    b.stopSignal = stopSignal;
    b.volumes = volumes;
    b.history = history;
    b.diffIds = diffIds;
    return b;
  }

  /** The same config with these layer diff_ids. */
  public ImageConfig withDiffIds(List<Digest> ids) {
    return toBuilder().diffIds(ids).build();
  }

  /** The value of {@code NAME} in Env, if set. */
  public String envValue(String name) {
    for (String e : env) {
      if (e.startsWith(name + "=")) {
        return e.substring(name.length() + 1);
      }
    }
    return null;
  }

  /**
   * Field order: created, author, architecture, variant, os, config (User, ExposedPorts, Env,
   * Entrypoint, Cmd, Volumes, WorkingDir, Labels, StopSignal), rootfs, history.
   */
  public ObjectNode toJson() {
    ObjectNode o = CanonicalJson.object();
    if (created != null) {
      o.put("created", created.toString());
    }
    if (author != null) {
      o.put("author", author);
    }
    o.put("architecture", platform.architecture());
    if (platform.variant() != null) {
      o.put("variant", platform.variant());
    }
    o.put("os", platform.os());
    ObjectNode c = CanonicalJson.object();
    if (user != null) {
      c.put("User", user);
    }
    if (!exposedPorts.isEmpty()) {
      c.set("ExposedPorts", CanonicalJson.emptyObjects(exposedPorts));
    }
    if (!env.isEmpty()) {
      c.set("Env", CanonicalJson.strings(env));
    }
    if (!entrypoint.isEmpty()) {
      c.set("Entrypoint", CanonicalJson.strings(entrypoint));
    }
    if (!cmd.isEmpty()) {
      c.set("Cmd", CanonicalJson.strings(cmd));
    }
    if (!volumes.isEmpty()) {
      c.set("Volumes", CanonicalJson.emptyObjects(volumes));
    }
    if (workingDir != null) {
      c.put("WorkingDir", workingDir);
    }
    if (!labels.isEmpty()) {
      c.set("Labels", CanonicalJson.sortedStrings(labels));
    }
    if (stopSignal != null) {
      c.put("StopSignal", stopSignal);
    }
    o.set("config", c);
    ObjectNode rootfs = CanonicalJson.object();
    rootfs.put("type", "layers");
    rootfs.set("diff_ids", CanonicalJson.strings(diffIds.stream().map(Digest::toString).toList()));
    o.set("rootfs", rootfs);
    if (!history.isEmpty()) {
      ArrayNode h = CanonicalJson.array();
      history.forEach(e -> h.add(e.toJson()));
      o.set("history", h);
    }
    return o;
  }

  public byte[] toBytes() {
    return CanonicalJson.bytes(toJson());
  }

  /** Reads an OCI or Docker image config; unknown fields are ignored. */
  public static ImageConfig fromJson(byte[] bytes, String what) {
    JsonNode o = CanonicalJson.parse(bytes, what);
    if (!o.isObject()) {
      throw new DistillException(what + " is not a JSON object");
    }
    Platform platform =
        new Platform(
            Objects.requireNonNullElse(Json.text(o, "os"), "linux"),
            Json.requiredText(o, "architecture", what),
            Json.text(o, "variant"));
    JsonNode c = o.path("config");
    List<Digest> diffIds = new ArrayList<>();
    for (String d : Json.strings(o.path("rootfs"), "diff_ids")) {
      diffIds.add(Digest.parse(d));
    }
    List<History> history = new ArrayList<>();
    o.path("history").forEach(h -> history.add(History.fromJson(h)));
    return new ImageConfig(
        platform,
        parseTime(Json.text(o, "created")),
        Json.text(o, "author"),
        emptyToNull(Json.text(c, "User")),
        Json.strings(c, "Entrypoint"),
        Json.strings(c, "Cmd"),
        Json.strings(c, "Env"),
        Json.keys(c, "ExposedPorts"),
        emptyToNull(Json.text(c, "WorkingDir")),
        Json.stringMap(c, "Labels"),
        emptyToNull(Json.text(c, "StopSignal")),
        Json.keys(c, "Volumes"),
        history,
        diffIds);
  }

  static Instant parseTime(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null; // a foreign image with an odd timestamp is still readable
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** Mutable builder; every setter returns this. */
  public static final class Builder {
    private final Platform platform;
    private Instant created;
    private String author;
    private String user;
    private List<String> entrypoint = List.of();
    private List<String> cmd = List.of();
    private List<String> env = List.of();
    private Set<String> exposedPorts = Set.of();
    private String workingDir;
    private Map<String, String> labels = Map.of();
    private String stopSignal;
    private Set<String> volumes = Set.of();
    private List<History> history = List.of();
    private List<Digest> diffIds = List.of();

    private Builder(Platform platform) {
      this.platform = platform;
    }

    public Builder created(Instant v) {
      created = v;
      return this;
    }

    public Builder author(String v) {
      author = v;
      return this;
    }

    public Builder user(String v) {
      user = v;
      return this;
    }

    public Builder entrypoint(List<String> v) {
      entrypoint = v;
      return this;
    }

    public Builder cmd(List<String> v) {
      cmd = v;
      return this;
    }

    public Builder env(List<String> v) {
      env = v;
      return this;
    }

    /** Ports as {@code 8080/tcp}; a bare number gets {@code /tcp}. */
    public Builder exposedPorts(Set<String> v) {
      Set<String> normalised = new TreeSet<>();
      for (String p : v) {
        normalised.add(p.contains("/") ? p : p + "/tcp");
      }
      exposedPorts = normalised;
      return this;
    }

    public Builder workingDir(String v) {
      workingDir = v;
      return this;
    }

    public Builder labels(Map<String, String> v) {
      labels = v;
      return this;
    }

    public Builder stopSignal(String v) {
      stopSignal = v;
      return this;
    }

    public Builder volumes(Set<String> v) {
      volumes = v;
      return this;
    }

    public Builder history(List<History> v) {
      history = v;
      return this;
    }

    public Builder diffIds(List<Digest> v) {
      diffIds = v;
      return this;
    }

    public ImageConfig build() {
      return new ImageConfig(
          platform,
          created,
          author,
          user,
          entrypoint,
          cmd,
          env,
          new TreeSet<>(exposedPorts),
          workingDir,
          new TreeMap<>(labels),
          stopSignal,
          new TreeSet<>(volumes),
          history,
          diffIds);
    }
  }
}
