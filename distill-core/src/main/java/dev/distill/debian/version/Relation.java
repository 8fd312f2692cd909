package dev.distill.debian.version;

import dev.distill.DistillException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One package relation such as {@code libc6:any (>= 2.36)}: a name, an optional architecture
 * qualifier ({@code any}, {@code native} or an arch), and an optional version constraint.
 */
public record Relation(
    String name,
    Optional<String> archQualifier,
    Optional<Operator> operator,
    Optional<DebianVersion> version) {

  /** The version operators of Debian relations. */
  public enum Operator {
    LT("<<"),
    LE("<="),
    EQ("="),
    GE(">="),
    GT(">>");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    static Operator parse(String s, String context) {
      return switch (s) {
        case "<<" -> LT;
        case "<=", "<" -> LE; // "<" and ">" are obsolete spellings of <= and >=
        case "=" -> EQ;
        case ">=", ">" -> GE;
        case ">>" -> GT;
        default ->
            throw new DistillException(
                "Invalid relation operator '" + s + "' in '" + context + "'");
      };
    }
  }

  public Relation {
    if (operator.isPresent() != version.isPresent()) {
      throw new IllegalArgumentException("operator and version go together");
    }
  }

  /** Whether {@code candidate} satisfies this relation's version constraint (true without one). */
  public boolean allows(DebianVersion candidate) {
    if (operator.isEmpty()) {
      return true;
    }
    int c = candidate.compareTo(version.get());
    return switch (operator.get()) {
      case LT -> c < 0;
      case LE -> c <= 0;
      case EQ -> c == 0;
      case GE -> c >= 0;
      case GT -> c > 0;
    };
  }

  /** Parses one relation, e.g. {@code libssl3t64 (>= 3.0.0)}. */
  public static Relation parse(String text) {
    String s = text.strip();
    // Build-profile and arch restrictions ([amd64], <!nocheck>) only appear in source relations.
    int paren = s.indexOf('(');
    String head = (paren >= 0 ? s.substring(0, paren) : s).strip();
    if (head.isEmpty() || head.contains(" ")) {
      throw new DistillException("Invalid package relation '" + text + "'");
    }
    String name = head;
    Optional<String> arch = Optional.empty();
    int colon = head.indexOf(':');
    if (colon >= 0) {
      name = head.substring(0, colon);
      arch = Optional.of(head.substring(colon + 1));
    }
    if (paren < 0) {
      return new Relation(name, arch, Optional.empty(), Optional.empty());
    }
    int close = s.indexOf(')', paren);
    if (close < 0) {
      throw new DistillException("Invalid package relation '" + text + "': missing ')'");
    }
    if (!s.substring(close + 1).isBlank()) {
      throw new DistillException(
          "Invalid package relation '" + text + "': unexpected text after ')'");
    }
    String inside = s.substring(paren + 1, close).strip();
    int i = 0;
    while (i < inside.length() && "<>=".indexOf(inside.charAt(i)) >= 0) {
      i++;
    }
    if (i == 0) {
      throw new DistillException("Invalid package relation '" + text + "': missing operator");
    }
    Operator op = Operator.parse(inside.substring(0, i), text);
    DebianVersion v = DebianVersion.parse(inside.substring(i).strip());
    return new Relation(name, arch, Optional.of(op), Optional.of(v));
  }

  /**
   * Parses a relation field (Depends, Pre-Depends, Provides…) into its comma-separated groups of
   * {@code |}-separated alternatives.
   */
  public static List<List<Relation>> parseField(String field) {
    List<List<Relation>> groups = new ArrayList<>();
    if (field == null || field.isBlank()) {
      return groups;
    }
    for (String group : field.replace('\n', ' ').split(",")) {
      if (group.isBlank()) {
        continue;
      }
      List<Relation> alternatives = new ArrayList<>();
      for (String alt : group.split("\\|")) {
        alternatives.add(parse(alt));
      }
      groups.add(List.copyOf(alternatives));
    }
    return List.copyOf(groups);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(name);
    archQualifier.ifPresent(a -> b.append(':').append(a));
    operator.ifPresent(
        op -> b.append(" (").append(op.symbol()).append(' ').append(version.get()).append(')'));
    return b.toString();
  }
}
