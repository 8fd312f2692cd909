package dev.distill.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distill.DistillException;
import dev.distill.spec.ImageSpec.Account;
import dev.distill.spec.ImageSpec.Check;
import dev.distill.spec.ImageSpec.Directory;
import dev.distill.spec.ImageSpec.Group;
import dev.distill.spec.ImageSpec.OwnFile;
import dev.distill.spec.ImageSpec.RunAs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates {@code distill.yaml}. Every error names the file, the line and the field, and
 * says what is expected. The accepted shape is published as {@code docs/distill-spec.schema.json}.
 */
public final class SpecLoader {
  public static final String FILE_NAME = "distill.yaml";

  static final Set<String> RELEASES = Set.of("bookworm", "trixie");
  static final Set<String> ARCHS = Set.of("amd64", "arm64");
  private static final Set<String> TOP_LEVEL =
      Set.of(
          "name",
          "description",
          "releases",
          "archs",
          "packages",
          "executables",
          "keep",
          "files",
          "directories",
          "accounts",
          "runAs",
          "entrypoint",
          "cmd",
          "workdir",
          "env",
          "ports",
          "volumes",
          "labels",
          "stopSignal",
          "tzdata",
          "caCertificates",
          "allowShell",
          "allowSetuid",
          "checks");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.-]+(:[a-z0-9]+)?");
  private static final Pattern PORT = Pattern.compile("\\d{1,5}(/(tcp|udp|sctp))?");
  private static final Pattern SIGNAL = Pattern.compile("SIG[A-Z0-9+-]+|\\d+");
  private static final Set<String> CHECK_TYPES = Set.of("http", "tcp", "redis", "no-shell");

  private SpecLoader() {}

  /** Loads {@code distill.yaml} from an image directory, or the spec file itself. */
  public static ImageSpec load(Path dirOrFile) {
    Path file = Files.isDirectory(dirOrFile) ? dirOrFile.resolve(FILE_NAME) : dirOrFile;
    if (!Files.isRegularFile(file)) {
      throw new DistillException(
          "No image spec at " + file + ": expected a directory holding " + FILE_NAME);
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DistillException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toAbsolutePath().getParent(), file.toString());
  }

  /** Parses spec text; {@code directory} is where relative {@code files[].source} paths start. */
  public static ImageSpec parse(String text, Path directory, String source) {
    LocatedYaml y = LocatedYaml.parse(text, source);
    JsonNode root = y.root();
    if (!root.isObject()) {
      throw y.error("", "the spec must be a mapping of fields");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!TOP_LEVEL.contains(field)) {
        throw y.error("/" + field, "unknown field; known fields are " + sorted(TOP_LEVEL));
      }
    }
    String name = requiredText(y, "/name");
    if (!NAME.matcher(name).matches()) {
      throw y.error(
          "/name",
          "'" + name + "' is not a valid name (lower-case letters, digits, '.', '_', '-')");
    }
    List<String> releases = stringList(y, "/releases", List.of("bookworm"));
    for (int i = 0; i < releases.size(); i++) {
      if (!RELEASES.contains(releases.get(i))) {
        throw y.error(
            "/releases/" + i,
            "unknown release '" + releases.get(i) + "'; use one of " + sorted(RELEASES));
      }
    }
    if (releases.isEmpty()) {
      throw y.error("/releases", "name at least one release");
    }
    List<String> archs = stringList(y, "/archs", List.of("amd64"));
    for (int i = 0; i < archs.size(); i++) {
      if (!ARCHS.contains(archs.get(i))) {
        throw y.error(
            "/archs/" + i,
            "unknown architecture '" + archs.get(i) + "'; use one of " + sorted(ARCHS));
      }
    }
    if (archs.isEmpty()) {
      throw y.error("/archs", "name at least one architecture");
    }
    List<String> packages = stringList(y, "/packages", List.of());
    for (int i = 0; i < packages.size(); i++) {
      // "a | b" takes the first alternative the release has (libssl3t64 in trixie, libssl3 before).
      for (String alternative : packages.get(i).split("\\|")) {
        if (!PACKAGE.matcher(alternative.strip()).matches()) {
          throw y.error(
              "/packages/" + i,
              "'" + packages.get(i) + "' is not a Debian package name (or 'a | b' alternatives)");
        }
      }
    }
    List<String> executables = absolutePaths(y, "/executables");
    if (!executables.isEmpty() && packages.isEmpty()) {
      throw y.error("/executables", "executables come from packages, but no packages are listed");
    }
    List<String> keep = stringList(y, "/keep", List.of());
    for (int i = 0; i < keep.size(); i++) {
      String entry = keep.get(i);
      java.util.regex.Matcher m = ImageSpec.ARCH_QUALIFIED.matcher(entry);
      if (m.matches()) {
        List<String> qualifiers = List.of(m.group(2).strip().split("\\s+"));
        boolean negated = qualifiers.get(0).startsWith("!");
        for (String q : qualifiers) {
          String a = q.startsWith("!") ? q.substring(1) : q;
          if (q.startsWith("!") != negated || !ARCHS.contains(a)) {
            throw y.error(
                "/keep/" + i,
                "'"
                    + entry
                    + "': the qualifier lists architectures ("
                    + sorted(ARCHS)
                    + "), all with '!' or none");
          }
        }
        entry = m.group(1);
      }
      checkAbsolute(y, "/keep/" + i, entry);
    }
    List<OwnFile> files = files(y, directory);
    List<Directory> dirs = directories(y);
    List<Account> users = new ArrayList<>();
    List<Group> groups = new ArrayList<>();
    accounts(y, users, groups);
    RunAs runAs = runAs(y, users);
    List<String> entrypoint = stringList(y, "/entrypoint", List.of());
    List<String> cmd = stringList(y, "/cmd", List.of());
    String workdir = optionalText(y, "/workdir").orElse("/");
    if (!workdir.startsWith("/")) {
      throw y.error("/workdir", "must be an absolute path");
    }
    Map<String, String> env = stringMap(y, "/env");
    List<String> ports = stringList(y, "/ports", List.of());
    for (int i = 0; i < ports.size(); i++) {
      String port = ports.get(i);
      if (!PORT.matcher(port).matches()
          || Integer.parseInt(port.split("/")[0]) > 65535
          || Integer.parseInt(port.split("/")[0]) == 0) {
        throw y.error("/ports/" + i, "'" + port + "' is not a port such as 8080 or 8080/tcp");
      }
    }
    List<String> volumes = absolutePaths(y, "/volumes");
    Map<String, String> labels = stringMap(y, "/labels");
    Optional<String> stopSignal = optionalText(y, "/stopSignal");
    if (stopSignal.isPresent() && !SIGNAL.matcher(stopSignal.get()).matches()) {
      throw y.error("/stopSignal", "'" + stopSignal.get() + "' is not a signal such as SIGQUIT");
    }
    boolean tzdata = bool(y, "/tzdata", false);
    boolean ca = bool(y, "/caCertificates", packages.contains("ca-certificates"));
    boolean allowShell = bool(y, "/allowShell", false);
    List<String> allowSetuid = absolutePaths(y, "/allowSetuid");
    List<Check> checks = checks(y);
    return new ImageSpec(
        directory,
        name,
        optionalText(y, "/description").orElse(""),
        releases,
        archs,
        packages,
        executables,
        keep,
        files,
        dirs,
        users,
        groups,
        runAs,
        entrypoint,
        cmd,
        workdir,
        env,
        ports,
        volumes,
        labels,
        stopSignal,
        tzdata,
        ca,
        allowShell,
        allowSetuid,
        checks);
  }

  private static List<OwnFile> files(LocatedYaml y, Path directory) {
    List<OwnFile> out = new ArrayList<>();
    JsonNode list = node(y, "/files");
    if (list == null) {
      return out;
    }
    if (!list.isArray()) {
      throw y.error("/files", "expected a list of {source, path, mode, owner}");
    }
    for (int i = 0; i < list.size(); i++) {
      String at = "/files/" + i;
      onlyFields(y, at, Set.of("source", "path", "mode", "owner"));
      String source = requiredText(y, at + "/source");
      Path src = directory.resolve(source).normalize();
      if (!src.startsWith(directory.normalize())) {
        throw y.error(at + "/source", "'" + source + "' points outside the spec's directory");
      }
      if (!Files.isRegularFile(src)) {
        throw y.error(at + "/source", "no such file: " + src);
      }
      String path = absolutePath(y, at + "/path");
      int mode = mode(y, at + "/mode", 0644);
      int[] owner = owner(y, at + "/owner");
      out.add(new OwnFile(src, path, mode, owner[0], owner[1]));
    }
    return out;
  }

  private static List<Directory> directories(LocatedYaml y) {
    List<Directory> out = new ArrayList<>();
    JsonNode list = node(y, "/directories");
    if (list == null) {
      return out;
    }
    if (!list.isArray()) {
      throw y.error("/directories", "expected a list of {path, mode, owner}");
    }
    for (int i = 0; i < list.size(); i++) {
      String at = "/directories/" + i;
      onlyFields(y, at, Set.of("path", "mode", "owner"));
      int[] owner = owner(y, at + "/owner");
      out.add(
          new Directory(
              absolutePath(y, at + "/path"), mode(y, at + "/mode", 0755), owner[0], owner[1]));
    }
    return out;
  }

  private static void accounts(LocatedYaml y, List<Account> users, List<Group> groups) {
    JsonNode accounts = node(y, "/accounts");
    if (accounts == null) {
      return;
    }
    onlyFields(y, "/accounts", Set.of("users", "groups"));
    JsonNode u = node(y, "/accounts/users");
    if (u != null) {
      if (!u.isArray()) {
        throw y.error("/accounts/users", "expected a list of {name, uid, gid, home, shell}");
      }
      for (int i = 0; i < u.size(); i++) {
        String at = "/accounts/users/" + i;
        onlyFields(y, at, Set.of("name", "uid", "gid", "home", "shell"));
        int uid = id(y, at + "/uid", -1);
        if (uid < 0) {
          throw y.error(at + "/uid", "a uid is required");
        }
        users.add(
            new Account(
                requiredText(y, at + "/name"),
                uid,
                id(y, at + "/gid", uid),
                optionalText(y, at + "/home").orElse("/nonexistent"),
                optionalText(y, at + "/shell").orElse("/sbin/nologin")));
      }
    }
    JsonNode g = node(y, "/accounts/groups");
    if (g != null) {
      if (!g.isArray()) {
        throw y.error("/accounts/groups", "expected a list of {name, gid}");
      }
      for (int i = 0; i < g.size(); i++) {
        String at = "/accounts/groups/" + i;
        onlyFields(y, at, Set.of("name", "gid"));
        int gid = id(y, at + "/gid", -1);
        if (gid < 0) {
          throw y.error(at + "/gid", "a gid is required");
        }
        groups.add(new Group(requiredText(y, at + "/name"), gid));
      }
    }
  }

  private static RunAs runAs(LocatedYaml y, List<Account> users) {
    JsonNode n = node(y, "/runAs");
    if (n == null) {
      return new RunAs(65532, 65532);
    }
    String text = n.asText();
    switch (text) {
      case "nonroot":
        return new RunAs(65532, 65532);
      case "root":
        return new RunAs(0, 0);
      case "nobody":
        return new RunAs(65534, 65534);
      default:
        break;
    }
    for (Account a : users) {
      if (a.name().equals(text)) {
        return new RunAs(a.uid(), a.gid());
      }
    }
    String[] parts = text.split(":", -1);
    try {
      int uid = Integer.parseInt(parts[0]);
      int gid = parts.length > 1 ? Integer.parseInt(parts[1]) : uid;
      if (parts.length > 2 || uid < 0 || gid < 0) {
        throw new NumberFormatException();
      }
      return new RunAs(uid, gid);
    } catch (NumberFormatException e) {
      throw y.error(
          "/runAs", "'" + text + "' is not nonroot, root, nobody, a listed user, or uid[:gid]");
    }
  }

  private static List<Check> checks(LocatedYaml y) {
    List<Check> out = new ArrayList<>();
    JsonNode list = node(y, "/checks");
    if (list == null) {
      return out;
    }
    if (!list.isArray()) {
      throw y.error("/checks", "expected a list of checks");
    }
    for (int i = 0; i < list.size(); i++) {
      String at = "/checks/" + i;
      onlyFields(y, at, Set.of("type", "port", "path", "expectStatus"));
      String type = requiredText(y, at + "/type");
      if (!CHECK_TYPES.contains(type)) {
        throw y.error(
            at + "/type", "unknown check '" + type + "'; use one of " + sorted(CHECK_TYPES));
      }
      int port = id(y, at + "/port", 0);
      if (!type.equals("no-shell") && (port <= 0 || port > 65535)) {
        throw y.error(at + "/port", "a " + type + " check needs a port between 1 and 65535");
      }
      out.add(
          new Check(
              type,
              port,
              optionalText(y, at + "/path").orElse("/"),
              id(y, at + "/expectStatus", 200)));
    }
    return out;
  }

  // --- small typed readers, each naming the field and line on error ---

  private static JsonNode node(LocatedYaml y, String pointer) {
    JsonNode n = y.root().at(pointer);
    return n.isMissingNode() || n.isNull() ? null : n;
  }

  private static void onlyFields(LocatedYaml y, String pointer, Set<String> allowed) {
    JsonNode n = node(y, pointer);
    if (n == null || !n.isObject()) {
      throw y.error(pointer, "expected a mapping with " + sorted(allowed));
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw y.error(pointer + "/" + f, "unknown field; expected one of " + sorted(allowed));
      }
    }
  }

  private static String requiredText(LocatedYaml y, String pointer) {
    return optionalText(y, pointer).orElseThrow(() -> y.error(pointer, "this field is required"));
  }

  private static Optional<String> optionalText(LocatedYaml y, String pointer) {
    JsonNode n = node(y, pointer);
    if (n == null) {
      return Optional.empty();
    }
    if (!n.isValueNode()) {
      throw y.error(pointer, "expected a single value");
    }
    String s = n.asText();
    if (s.isBlank()) {
      throw y.error(pointer, "must not be empty");
    }
    return Optional.of(s);
  }

  private static boolean bool(LocatedYaml y, String pointer, boolean fallback) {
    JsonNode n = node(y, pointer);
    if (n == null) {
      return fallback;
    }
    if (!n.isBoolean()) {
      throw y.error(pointer, "expected true or false");
    }
    return n.booleanValue();
  }

  private static List<String> stringList(LocatedYaml y, String pointer, List<String> fallback) {
    JsonNode n = node(y, pointer);
    if (n == null) {
      return fallback;
    }
    if (!n.isArray()) {
      throw y.error(pointer, "expected a list");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      JsonNode item = n.get(i);
      if (!item.isValueNode() || item.isNull()) {
        throw y.error(pointer + "/" + i, "expected a text value");
      }
      out.add(item.asText());
    }
    return out;
  }

  private static Map<String, String> stringMap(LocatedYaml y, String pointer) {
    JsonNode n = node(y, pointer);
    Map<String, String> out = new LinkedHashMap<>();
    if (n == null) {
      return out;
    }
    if (!n.isObject()) {
      throw y.error(pointer, "expected a mapping of names to values");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw y.error(pointer + "/" + e.getKey(), "expected a text value");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  private static List<String> absolutePaths(LocatedYaml y, String pointer) {
    List<String> list = stringList(y, pointer, List.of());
    for (int i = 0; i < list.size(); i++) {
      checkAbsolute(y, pointer + "/" + i, list.get(i));
    }
    return list;
  }

  private static String absolutePath(LocatedYaml y, String pointer) {
    String p = requiredText(y, pointer);
    checkAbsolute(y, pointer, p);
    return p;
  }

  private static void checkAbsolute(LocatedYaml y, String pointer, String p) {
    if (!p.startsWith("/")) {
      throw y.error(pointer, "'" + p + "' must be an absolute path inside the image");
    }
    for (String part : p.split("/")) {
      if (part.equals("..")) {
        throw y.error(pointer, "'" + p + "' must not contain '..'");
      }
    }
  }

  private static int mode(LocatedYaml y, String pointer, int fallback) {
    JsonNode n = node(y, pointer);
    if (n == null) {
      return fallback;
    }
    String s = n.asText();
    try {
      int mode = Integer.parseInt(s, 8);
      if (mode < 0 || mode > 07777) {
        throw new NumberFormatException();
      }
      return mode;
    } catch (NumberFormatException e) {
      throw y.error(pointer, "'" + s + "' is not an octal mode such as \"0644\"");
    }
  }

  private static int[] owner(LocatedYaml y, String pointer) {
    JsonNode n = node(y, pointer);
    if (n == null) {
      return new int[] {0, 0};
    }
    String s = n.asText();
    String[] parts = s.split(":", -1);
    try {
      int uid = Integer.parseInt(parts[0]);
      int gid = parts.length > 1 ? Integer.parseInt(parts[1]) : uid;
      if (parts.length > 2 || uid < 0 || gid < 0) {
        throw new NumberFormatException();
      }
      return new int[] {uid, gid};
    } catch (NumberFormatException e) {
      throw y.error(pointer, "'" + s + "' is not a numeric owner such as \"65532:65532\"");
    }
  }

  private static int id(LocatedYaml y, String pointer, int fallback) {
    JsonNode n = node(y, pointer);
    if (n == null) {
      return fallback;
    }
    if (!n.canConvertToInt() || n.asInt() < 0) {
      throw y.error(pointer, "expected a non-negative whole number");
    }
    return n.asInt();
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }
}
