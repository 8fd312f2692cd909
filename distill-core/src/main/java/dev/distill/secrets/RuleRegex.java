package dev.distill.secrets;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.distill.Lazy;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * A rule's regex: its syntax is checked when the config loads, with RE2J's own parser, and it is
 * compiled with RE2J when first used. Most rules never run on a given tree (their keywords do not
 * occur), and compiling gitleaks' rules, whose counted repetitions expand to programs of hundreds
 * of instructions, is most of the time it takes to load them. When RE2J's parser cannot be reached
 * (another RE2J version) the regex is compiled at once, as before.
 */
public final class RuleRegex {
  private static final MethodHandle PARSE; // RE2J's Parser.parse(String, int) -> Regexp
  private static final MethodHandle MAX_CAP; // Regexp.maxCap()
  private static final int PERL; // the flags Pattern.compile(String) parses with

  static {
    MethodHandle parse = null;
    MethodHandle maxCap = null;
    int perl = 0;
    try {
      Class<?> parser = Class.forName("com.google.re2j.Parser");
      Class<?> regexp = Class.forName("com.google.re2j.Regexp");
      Method p = parser.getDeclaredMethod("parse", String.class, int.class);
      p.setAccessible(true);
      Method m = regexp.getDeclaredMethod("maxCap");
      m.setAccessible(true);
      Field f = Class.forName("com.google.re2j.RE2").getDeclaredField("PERL");
      f.setAccessible(true);
      perl = f.getInt(null);
      parse =
          MethodHandles.lookup()
              .unreflect(p)
              .asType(MethodType.methodType(Object.class, String.class, int.class));
      maxCap =
          MethodHandles.lookup()
              .unreflect(m)
              .asType(MethodType.methodType(int.class, Object.class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      parse = null; // compile at once instead
      maxCap = null;
    }
    PARSE = parse;
    MAX_CAP = maxCap;
    PERL = perl;
  }

  private final String expression;
  private final Lazy<Integer> groupCount;
  private final Lazy<Pattern> pattern;

  private RuleRegex(String expression, Lazy<Integer> groupCount, Lazy<Pattern> pattern) {
    this.expression = expression;
    this.groupCount = groupCount;
    this.pattern = pattern;
  }

  /** An already compiled pattern. */
  public static RuleRegex of(Pattern pattern) {
    Lazy<Pattern> compiled = Lazy.of(() -> pattern);
    compiled.get();
    return new RuleRegex(pattern.pattern(), Lazy.of(pattern::groupCount), compiled);
  }

  /**
   * Checks {@code expression} as {@link Pattern#compile(String)} would, leaving the compilation for
   * its first use.
   *
   * @throws PatternSyntaxException when RE2J would reject it
   */
  public static RuleRegex parse(String expression) {
    if (PARSE == null) {
      return of(Pattern.compile(expression));
    }
    int groups;
    try {
      groups = (int) MAX_CAP.invokeExact(PARSE.invokeExact(expression, PERL));
    } catch (PatternSyntaxException | Error e) {
      throw e;
    } catch (Throwable e) {
      return of(Pattern.compile(expression)); // RE2J's parser failed otherwise: let it say how
    }
    int count = groups;
    return new RuleRegex(
        expression, Lazy.of(() -> count), Lazy.of(() -> Pattern.compile(expression)));
  }

  /**
   * As {@link #parse}, without checking the syntax now: for the bundled rules only, which a test
   * loads with every check (a third of their load time). The group count parses on first call.
   */
  static RuleRegex unchecked(String expression) {
    return new RuleRegex(
        expression,
        Lazy.of(() -> parse(expression).groupCount()),
        Lazy.of(() -> Pattern.compile(expression)));
  }

  /** The expression, as written (after any Go-to-RE2J adaptation). */
  public String expression() {
    return expression;
  }

  /** The number of capturing groups, as {@link Pattern#groupCount()}. */
  public int groupCount() {
    return groupCount.get();
  }

  /** The compiled pattern, compiled on the first call (the same instance for every caller). */
  public Pattern pattern() {
    return pattern.get();
  }

  /** Whether {@link #pattern()} has compiled it yet. */
  boolean isCompiled() {
    return pattern.isMade();
  }

  @Override
  public String toString() {
    return expression;
  }
}
