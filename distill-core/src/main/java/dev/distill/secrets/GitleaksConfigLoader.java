package dev.distill.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.distill.DistillException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads gitleaks TOML configurations: {@code [[rules]]} with their allowlists (the old {@code
 * [rules.allowlist]} table and the new {@code [[rules.allowlists]]} array), the global {@code
 * [allowlist]} / {@code [[allowlists]]}, and {@code [extend]} (useDefault, path, disabledRules).
 */
public final class GitleaksConfigLoader {
  /** Where the default rule set lives on the class path. */
  public static final String DEFAULT_RESOURCE = "default-gitleaks.toml";

  private static final int MAX_EXTEND_DEPTH = 3;

  /**
   * Matching costs text length times program size; gitleaks' largest default rule is about 1,000.
   */
  static final int MAX_PROGRAM_SIZE = 5_000;

  /** Jackson's TOML reader, created on first use: the bundled rules do not need it. */
  private static final class Toml {
    static final TomlMapper MAPPER = new TomlMapper();
  }

  private GitleaksConfigLoader() {}

  /** gitleaks' default rule set (gitleaks/gitleaks at b58d3f10, MIT licence). */
  public static SecretsConfig loadDefault() {
    return parse(readDefault(), DEFAULT_ORIGIN, null, 0, true);
  }

  private static final String DEFAULT_ORIGIN = "default gitleaks rules";

  /** Loads a configuration file; {@code [extend] path} is resolved against its directory. */
  public static SecretsConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DistillException(
          "cannot read secrets config " + file + ": " + e.getMessage() + "; check the path", e);
    }
    return parse(text, file.toString(), file.toAbsolutePath().getParent(), 0, false);
  }

  /** Parses configuration text; {@code origin} names it in error messages. */
  public static SecretsConfig parse(String text, String origin) {
    return parse(text, origin, null, 0, false);
  }

  private static String readDefault() {
    try (InputStream in = GitleaksConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /**
   * @param bundled whether {@code text} is the bundled rule set: our own resource, which a test
   *     loads with every check (regex syntax, program size, secret groups), so a run skips them
   */
  private static SecretsConfig parse(
      String text, String origin, Path baseDir, int depth, boolean bundled) {
    JsonNode root = bundled ? BundledToml.parse(text) : null;
    try {
      if (root == null) {
        root = Toml.MAPPER.readTree(text);
      }
    } catch (IOException e) {
      throw new DistillException(
          "bad TOML in secrets config " + origin + ": " + firstLine(e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new DistillException("secrets config " + origin + " is empty or not a TOML table");
    }
    List<String> notes = new ArrayList<>();
    Map<String, SecretRule> rules = new LinkedHashMap<>();
    List<Allowlist> globals = new ArrayList<>();

    JsonNode extend = root.path("extend");
    if (extend.isObject()) {
      if (depth >= MAX_EXTEND_DEPTH) {
        throw new DistillException(
            "secrets config " + origin + ": [extend] nests deeper than " + MAX_EXTEND_DEPTH);
      }
      SecretsConfig base = null;
      if (extend.path("useDefault").asBoolean(false)) {
        base = parse(readDefault(), DEFAULT_ORIGIN, null, depth + 1, true);
      } else if (extend.hasNonNull("path")) {
        Path p = Path.of(extend.get("path").asText());
        if (!p.isAbsolute() && baseDir != null && !Files.exists(p)) {
          p = baseDir.resolve(p);
        }
        SecretsConfig loaded;
        try {
          loaded =
              parse(
                  Files.readString(p, StandardCharsets.UTF_8),
                  p.toString(),
                  p.toAbsolutePath().getParent(),
                  depth + 1,
                  false);
        } catch (IOException e) {
          throw new DistillException(
              "secrets config " + origin + ": cannot read [extend] path " + p + ": " + e);
        }
        base = loaded;
      }
      if (base != null) {
        Set<String> disabled = new HashSet<>(strings(extend.path("disabledRules")));
        for (SecretRule r : base.rules()) {
          if (!disabled.contains(r.id())) {
            rules.put(r.id(), r);
          }
        }
        globals.addAll(base.allowlists());
        notes.addAll(base.notes());
      }
    }

    // The global allowlist, old single-table and new array forms.
    JsonNode oldGlobal = root.path("allowlist");
    if (oldGlobal.isObject()) {
      globals.add(allowlist(oldGlobal, origin + " [allowlist]", notes, bundled));
    }
    JsonNode newGlobals = root.path("allowlists");
    if (newGlobals.isArray()) {
      int i = 0;
      for (JsonNode a : newGlobals) {
        globals.add(allowlist(a, origin + " [[allowlists]] #" + (++i), notes, bundled));
      }
    }

    JsonNode ruleNodes = root.path("rules");
    if (!ruleNodes.isMissingNode() && !ruleNodes.isArray()) {
      throw new DistillException("secrets config " + origin + ": 'rules' must be [[rules]] tables");
    }
    int index = 0;
    Set<String> definedHere = new HashSet<>(); // rules from [extend] were checked in their file
    for (JsonNode r : ruleNodes) {
      index++;
      SecretRule rule = rule(r, origin, index, notes, bundled);
      SecretRule existing = rules.get(rule.id());
      rules.put(rule.id(), existing == null ? rule : merge(existing, rule));
      definedHere.add(rule.id());
    }
    for (SecretRule rule : rules.values()) {
      if (!bundled && definedHere.contains(rule.id())) {
        validate(rule, "secrets config " + origin + ", rule " + rule.id());
      }
    }
    return new SecretsConfig(origin, new ArrayList<>(rules.values()), globals, notes);
  }

  /** Checked after merging, since a rule extending a default one may set only some fields. */
  private static void validate(SecretRule rule, String where) {
    if (rule.ruleRegex() == null && rule.path() == null) {
      throw new DistillException(where + ": a rule needs a regex, a path, or both");
    }
    int groups = rule.ruleRegex() == null ? 0 : rule.ruleRegex().groupCount();
    if (rule.secretGroup() < 0 || rule.secretGroup() > groups) {
      throw new DistillException(
          where
              + ": secretGroup "
              + rule.secretGroup()
              + " but the regex has "
              + groups
              + " groups");
    }
  }

  /** A rule that extends a base rule keeps the base's settings where it sets none. */
  private static SecretRule merge(SecretRule base, SecretRule over) {
    List<String> keywords = new ArrayList<>(base.keywords());
    keywords.addAll(over.keywords());
    List<String> tags = new ArrayList<>(base.tags());
    tags.addAll(over.tags());
    List<Allowlist> allowlists = new ArrayList<>(base.allowlists());
    allowlists.addAll(over.allowlists());
    return new SecretRule(
        over.id(),
        over.description().isEmpty() ? base.description() : over.description(),
        over.ruleRegex() != null ? over.ruleRegex() : base.ruleRegex(),
        over.secretGroup() != 0 ? over.secretGroup() : base.secretGroup(),
        over.entropy() != 0 ? over.entropy() : base.entropy(),
        keywords,
        over.path() != null ? over.path() : base.path(),
        tags,
        allowlists);
  }

  private static SecretRule rule(
      JsonNode r, String origin, int index, List<String> notes, boolean bundled) {
    String id = r.path("id").asText("");
    String where = "secrets config " + origin + ", rule " + (id.isEmpty() ? "#" + index : id);
    if (id.isEmpty()) {
      throw new DistillException(where + ": every [[rules]] needs an id");
    }
    RuleRegex regex = null;
    if (r.hasNonNull("regex")) {
      String expr = r.get("regex").asText();
      regex = bundled ? RuleRegex.unchecked(expr) : ruleRegex(expr, where, notes);
    }
    if (regex != null && !bundled) {
      int size = MatchLength.programSize(regex.expression());
      if (size > MAX_PROGRAM_SIZE) {
        throw new DistillException(
            where
                + ": regex is too complex: its counted repetitions expand to about "
                + (size == MatchLength.UNBOUNDED ? "unboundedly many" : Integer.toString(size))
                + " steps per character (limit "
                + MAX_PROGRAM_SIZE
                + "); simplify nested {n,m} repetitions");
      }
    }
    Pattern path =
        r.hasNonNull("path") ? regex(r.get("path").asText(), where, "path", notes) : null;
    int secretGroup = r.path("secretGroup").asInt(0);
    double entropy = r.path("entropy").asDouble(0);
    List<Allowlist> allowlists = new ArrayList<>();
    if (r.path("allowlist").isObject()) {
      allowlists.add(allowlist(r.get("allowlist"), where + " allowlist", notes, bundled));
    }
    if (r.path("allowlists").isArray()) {
      int i = 0;
      for (JsonNode a : r.get("allowlists")) {
        allowlists.add(allowlist(a, where + " allowlists #" + (++i), notes, bundled));
      }
    }
    return new SecretRule(
        id,
        r.path("description").asText(""),
        regex,
        secretGroup,
        entropy,
        strings(r.path("keywords")),
        path,
        strings(r.path("tags")),
        allowlists);
  }

  /**
   * @param bundled whether it is the bundled rules' (see {@link #parse}): their patterns, which a
   *     test compiles, are compiled on first use
   */
  private static Allowlist allowlist(
      JsonNode a, String where, List<String> notes, boolean bundled) {
    Allowlist.Condition condition;
    String cond = a.path("condition").asText("OR").strip().toUpperCase(Locale.ROOT);
    switch (cond) {
      case "", "OR" -> condition = Allowlist.Condition.OR;
      case "AND" -> condition = Allowlist.Condition.AND;
      default ->
          throw new DistillException(where + ": condition must be OR or AND, not '" + cond + "'");
    }
    Allowlist.RegexTarget target;
    String t = a.path("regexTarget").asText("secret").strip().toLowerCase(Locale.ROOT);
    switch (t) {
      case "", "secret" -> target = Allowlist.RegexTarget.SECRET;
      case "match" -> target = Allowlist.RegexTarget.MATCH;
      case "line" -> target = Allowlist.RegexTarget.LINE;
      default ->
          throw new DistillException(
              where + ": regexTarget must be secret, match or line, not '" + t + "'");
    }
    List<Pattern> paths = patterns(strings(a.path("paths")), where, "paths", notes, bundled);
    List<Pattern> regexes = patterns(strings(a.path("regexes")), where, "regexes", notes, bundled);
    List<String> commits = strings(a.path("commits"));
    List<String> stopwords = strings(a.path("stopwords"));
    if (commits.isEmpty() && paths.isEmpty() && regexes.isEmpty() && stopwords.isEmpty()) {
      throw new DistillException(
          where + ": an allowlist needs commits, paths, regexes or stopwords");
    }
    return new Allowlist(
        a.path("description").asText(""),
        condition,
        new HashSet<>(commits),
        paths,
        regexes,
        target,
        stopwords);
  }

  private static List<Pattern> patterns(
      List<String> expressions, String where, String field, List<String> notes, boolean bundled) {
    if (bundled) {
      return Patterns.compiledOnUse(
          expressions, expr -> regex(expr, where, field, new ArrayList<>()));
    }
    List<Pattern> compiled = new ArrayList<>();
    for (String expr : expressions) {
      compiled.add(regex(expr, where, field, notes));
    }
    return compiled;
  }

  private static Pattern regex(String expr, String where, String field, List<String> notes) {
    try {
      return GoRegex.compile(expr, where + " " + field, notes);
    } catch (PatternSyntaxException e) {
      throw new DistillException(
          where
              + ": bad "
              + field
              + " regex '"
              + expr
              + "': "
              + e.getDescription()
              + "; fix the expression (RE2 syntax)");
    }
  }

  /** A rule's regex, checked now and compiled on first use; errors as {@link #regex}'s. */
  private static RuleRegex ruleRegex(String expr, String where, List<String> notes) {
    try {
      return GoRegex.parse(expr, where + " regex", notes);
    } catch (PatternSyntaxException e) {
      throw new DistillException(
          where
              + ": bad regex regex '"
              + expr
              + "': "
              + e.getDescription()
              + "; fix the expression (RE2 syntax)");
    }
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      for (JsonNode e : n) {
        out.add(e.asText());
      }
    } else if (n.isTextual()) {
      out.add(n.asText());
    }
    return out;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
