package dev.distill.secrets;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Set;

/**
 * A gitleaks allowlist: a finding is allowed when its commit, path, regex target or a stopword
 * matches (condition OR), or when every non-empty criterion matches (condition AND).
 */
public record Allowlist(
    String description,
    Condition condition,
    Set<String> commits,
    List<Pattern> paths,
    List<Pattern> regexes,
    RegexTarget regexTarget,
    List<String> stopwords) {

  /** How the criteria of one allowlist combine. */
  public enum Condition {
    OR,
    AND
  }

  /** What an allowlist's regexes are matched against. */
  public enum RegexTarget {
    SECRET,
    MATCH,
    LINE
  }

  public Allowlist {
    commits = Set.copyOf(commits);
    paths = paths instanceof Patterns known ? known : Patterns.of(paths);
    regexes = regexes instanceof Patterns known ? known : Patterns.of(regexes);
    stopwords = stopwords instanceof Stopwords known ? known : new Stopwords(stopwords);
  }

  boolean commitAllowed(String commit) {
    return commit != null && !commit.isEmpty() && commits.contains(commit);
  }

  boolean pathAllowed(String path) {
    if (path == null || path.isEmpty()) {
      return false;
    }
    return ((Patterns) paths).anyFoundIn(path);
  }

  boolean regexAllowed(String target) {
    return ((Patterns) regexes).anyFoundIn(target);
  }

  /** Makes the stopword automaton and the patterns' DFAs now rather than on first use. */
  void prepare() {
    ((Stopwords) stopwords).prepare();
    ((Patterns) paths).prepare();
    ((Patterns) regexes).prepare();
  }

  boolean containsStopword(String secret) {
    return ((Stopwords) stopwords).foundIn(secret);
  }

  /**
   * Whether the commit or path alone allow the whole fragment, before any regex runs. An AND
   * allowlist with regexes or stopwords is decided later, per finding.
   */
  boolean allowsFragment(String commit, String path) {
    return allowsFragment(commit, pathAllowed(path));
  }

  /** {@link #allowsFragment(String, String)} given {@link #pathAllowed} of the path. */
  boolean allowsFragment(String commit, boolean pathAllowed) {
    boolean commitAllowed = commitAllowed(commit);
    if (condition == Condition.AND) {
      if (!regexes.isEmpty() || !stopwords.isEmpty()) {
        return false;
      }
      boolean any = false;
      if (!commits.isEmpty()) {
        any = true;
        if (!commitAllowed) {
          return false;
        }
      }
      if (!paths.isEmpty()) {
        any = true;
        if (!pathAllowed) {
          return false;
        }
      }
      return any;
    }
    return commitAllowed || pathAllowed;
  }

  /** Whether a finding is allowed, given its secret, match, line, commit and path. */
  boolean allowsFinding(String secret, String match, String line, String commit, String path) {
    return allowsFinding(secret, match, line, commit, pathAllowed(path));
  }

  /** {@link #allowsFinding(String, String, String, String, String)} given {@link #pathAllowed}. */
  boolean allowsFinding(
      String secret, String match, String line, String commit, boolean pathAllowed) {
    String target =
        switch (regexTarget) {
          case MATCH -> match;
          case LINE -> line;
          case SECRET -> secret;
        };
    if (condition == Condition.AND) {
      boolean any = false;
      if (!commits.isEmpty()) {
        any = true;
        if (!commitAllowed(commit)) {
          return false;
        }
      }
      if (!paths.isEmpty()) {
        any = true;
        if (!pathAllowed) {
          return false;
        }
      }
      if (!regexes.isEmpty()) {
        any = true;
        if (!regexAllowed(target)) {
          return false;
        }
      }
      if (!stopwords.isEmpty()) {
        any = true;
        if (!containsStopword(secret)) {
          return false;
        }
      }
      return any;
    }
    return commitAllowed(commit) || pathAllowed || regexAllowed(target) || containsStopword(secret);
  }
}
