package dev.distill.secrets;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs a {@link SecretsConfig} over fragments the way gitleaks does: global and rule path/commit
 * allowlists, keyword prefilter, regex, secret group, entropy, {@code gitleaks:allow}, finding
 * allowlists, decoding passes, and dropping generic findings that a specific rule also made.
 * Thread-safe: one detector serves every worker.
 */
public final class Detector {
  /** The inline comment that silences a line. */
  public static final String ALLOW_COMMENT = "gitleaks:allow";

  private final SecretsConfig config;
  private final KeywordMatcher keywords;
  private final int[][] ruleKeywordIndexes;
  private final BitSet[] keywordRules; // per keyword, the rules that have it
  private final BitSet rulesWithoutKeywords;
  private final BitSet genericRules; // run after the others: see skippedAsGenericDuplicate
  private final boolean[][] ruleKeywordMask;
  // Each rule's compiled matchers (see compiled(int)), built on first use: most rules never run
  // on a given tree.
  private final AtomicReferenceArray<Object> ruleProbes;
  private final int maxDecodeDepth;
  private final boolean honourAllowComments;

  /**
   * @param maxDecodeDepth decoding passes after the first (0 disables decoding)
   * @param honourAllowComments false to report lines marked {@code gitleaks:allow} too
   */
  public Detector(SecretsConfig config, int maxDecodeDepth, boolean honourAllowComments) {
    this.config = config;
    this.maxDecodeDepth = Math.max(0, maxDecodeDepth);
    this.honourAllowComments = honourAllowComments;
    List<String> all = new ArrayList<>();
    for (SecretRule r : config.rules()) {
      all.addAll(r.keywords());
    }
    this.keywords = new KeywordMatcher(all);
    List<String> kws = keywords.keywords();
    int n = config.rules().size();
    ruleKeywordIndexes = new int[n][];
    ruleKeywordMask = new boolean[n][kws.size()];
    ruleProbes = new AtomicReferenceArray<>(n);
    keywordRules = new BitSet[kws.size()];
    for (int k = 0; k < kws.size(); k++) {
      keywordRules[k] = new BitSet(n);
    }
    rulesWithoutKeywords = new BitSet(n);
    genericRules = new BitSet(n);
    for (int i = 0; i < n; i++) {
      SecretRule r = config.rules().get(i);
      ruleKeywordIndexes[i] = r.keywords().stream().mapToInt(kws::indexOf).toArray();
      for (int k : ruleKeywordIndexes[i]) {
        ruleKeywordMask[i][k] = true;
        keywordRules[k].set(i);
      }
      if (ruleKeywordIndexes[i].length == 0) {
        rulesWithoutKeywords.set(i);
      }
      if (isGeneric(r.id())) {
        genericRules.set(i);
      }
    }
  }

  /** Rule {@code i}'s compiled matchers, built once (two threads may race; one wins). */
  private Compiled compiled(int i) {
    Object p = ruleProbes.get(i);
    if (p == null) {
      SecretRule rule = config.rules().get(i);
      Pattern regex = rule.regex();
      Compiled built;
      if (regex == null) {
        built = new Compiled(null, null, MatchLength.UNBOUNDED, MatchLength.UNBOUNDED, NO_LIMIT);
      } else {
        Pattern cheaper = MatchProbe.of(regex);
        LazyDfa probe = LazyDfa.of(cheaper != null ? cheaper : regex);
        int startsBy = NO_LIMIT;
        if (probe != null && cheaper == null) {
          startsBy = ANY_TEXT; // the rule's own regex: its match contains its keyword
        } else if (probe != null && probe.everyMatchStartsWithOneOf(keywordsOf(i))) {
          startsBy = ASCII_TEXT;
        }
        built =
            new Compiled(
                probe,
                Backtracker.of(regex),
                MatchLength.of(regex.pattern()),
                MatchLength.newlines(regex.pattern()),
                startsBy);
      }
      ruleProbes.compareAndSet(i, null, built);
      p = ruleProbes.get(i);
    }
    return (Compiled) p;
  }

  /**
   * What a rule needs once it runs: the probe answers "any match here?", the backtracker finds
   * RE2J's match and groups (either null when RE2J's program cannot be read: RE2J itself is used
   * then); the longest match and most newlines a match can span bound its windows. {@code startsBy}
   * says in which texts a probe's match starts at or before a keyword occurrence, so the probe may
   * stop once past the window's last keyword and every match begun there has failed: {@link
   * #ANY_TEXT} when the probe is the rule's regex (a match contains its keyword), {@link
   * #ASCII_TEXT} when the probe (the regex without its leading run) was shown to begin every match
   * with one of the rule's keywords, else {@link #NO_LIMIT}.
   */
  private record Compiled(
      LazyDfa probe, Backtracker backtracker, int maxLength, int maxNewlines, int startsBy) {}

  private static final int NO_LIMIT = 0;
  private static final int ASCII_TEXT = 1;
  private static final int ANY_TEXT = 2;

  private List<String> keywordsOf(int rule) {
    List<String> out = new ArrayList<>();
    for (int k : ruleKeywordIndexes[rule]) {
      out.add(keywords.keywords().get(k));
    }
    return out;
  }

  public Detector(SecretsConfig config) {
    this(config, 5, true);
  }

  public SecretsConfig config() {
    return config;
  }

  /**
   * Makes now the tables a scan makes on first use anyway (the prescan's automaton, allowlists'
   * stopword automata and pattern DFAs), so a caller with a core to spare can make them before the
   * scan starts. Optional: without it they are made when first needed. Safe to call from any
   * thread, at any time, more than once.
   */
  public void prepare() {
    keywords.withMarkers().byteTable();
    for (Allowlist a : config.allowlists()) {
      a.prepare();
    }
    for (SecretRule r : config.rules()) {
      for (Allowlist a : r.allowlists()) {
        a.prepare();
      }
    }
  }

  /** The findings in one fragment. */
  public List<SecretFinding> detect(Fragment fragment) {
    return detect(fragment, null);
  }

  /**
   * The first pass over a chunk's bytes {@code utf8[0, length)} when they are all ASCII, else null:
   * what {@link #detect(Fragment, AsciiPrescan)} would otherwise search the text for.
   */
  AsciiPrescan prescan(byte[] utf8, int length) {
    return AsciiPrescan.of(keywords, utf8, length);
  }

  /** The findings in one fragment, with the first pass over its bytes if there was one. */
  List<SecretFinding> detect(Fragment fragment, AsciiPrescan prescan) {
    String sha = fragment.commit() == null ? null : fragment.commit().sha();
    PathChecks paths = new PathChecks(fragment.path());
    for (Allowlist a : config.allowlists()) {
      if (a.allowsFragment(sha, paths.allowed(a))) {
        return List.of();
      }
    }
    List<SecretFinding> findings = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String text = fragment.raw();
    List<Decoder.Pass> passes = new ArrayList<>();
    LineIndex lines = new LineIndex(fragment.raw(), prescan == null ? null : prescan.newlines());
    for (int depth = 0; ; depth++) {
      long[] occurrences =
          depth == 0 && prescan != null ? prescan.occurrences() : keywords.findAll(text);
      // The rules to run: those without keywords and those with a keyword found, in rule order.
      BitSet run = (BitSet) rulesWithoutKeywords.clone();
      BitSet hits = new BitSet();
      for (long o : occurrences) {
        int k = (int) (o >>> 32);
        if (!hits.get(k)) {
          hits.set(k);
          run.or(keywordRules[k]);
        }
      }
      // Specific rules first, generic ones after: a generic match that a specific rule's finding
      // already covers is then dropped before its allowlists are asked.
      BitSet generic = (BitSet) run.clone();
      generic.and(genericRules);
      run.andNot(genericRules);
      for (BitSet rules : List.of(run, generic)) {
        for (int i = rules.nextSetBit(0); i >= 0; i = rules.nextSetBit(i + 1)) {
          int[] windows =
              ruleKeywordIndexes[i].length == 0
                  ? new int[] {0, text.length(), text.length(), text.length()}
                  : windows(text, i, occurrences, depth == 0 ? lines.known() : null);
          boolean ascii = depth == 0 && prescan != null;
          detectRule(fragment, text, windows, ascii, i, passes, lines, findings, seen, paths);
        }
      }
      if (depth >= maxDecodeDepth) {
        break;
      }
      Decoder.Pass pass =
          depth == 0 && prescan != null && !prescan.hasPercent()
              ? Decoder.decode(text, prescan.base64Starts())
              : Decoder.decode(text);
      if (pass.segments().isEmpty()) {
        break;
      }
      passes.add(pass);
      text = pass.text();
    }
    return dropGenericDuplicates(findings);
  }

  /**
   * The parts of {@code text} where rule {@code i} can match around its keyword occurrences, in
   * text order, as {@code [from, lineTo, to, keywordStart]} quadruples, one per occurrence: from up
   * to {@value #PREFIX} chars before the keyword (not before its line) to the end of its line
   * ({@code lineTo}), or of as many lines more as the rule's match can span newlines ({@code to}),
   * never beyond the rule's longest match. A rule whose match can span any number of lines gets the
   * whole text. This assumes, as gitleaks' rules are written, that a match contains its keyword and
   * starts at most {@value #PREFIX} chars before, on its line. {@code newlines}, the text's newline
   * positions when known (else null), spare searching the text for line ends (~2% of a source
   * tree's scan): the occurrences come in text order, so one cursor walks them.
   */
  private int[] windows(String text, int i, long[] occurrences, int[] newlines) {
    Compiled compiled = compiled(i);
    int max = compiled.maxLength();
    int spanned = compiled.maxNewlines();
    int len = text.length();
    if (spanned == MatchLength.UNBOUNDED || len <= SMALL_TEXT) {
      return new int[] {0, len, len, len};
    }
    boolean[] mask = ruleKeywordMask[i];
    int[] out = new int[4 * 4];
    int count = 0;
    long reach = max == MatchLength.UNBOUNDED ? LONG_LINE : (long) max + 1;
    int cursor = 0; // into newlines: the first at or after the last occurrence's end
    for (long o : occurrences) {
      int k = (int) (o >>> 32);
      if (!mask[k]) {
        continue;
      }
      int end = (int) o;
      int start = end - keywords.keywords().get(k).length();
      int from = Math.max(0, start - Math.min(max, PREFIX) - 1);
      int lineStart;
      int lineEnd; // the newline ending the keyword's line, or -1 for the text's end
      int lastLineEnd; // the newline ending the last line a match can reach, or -1
      if (newlines != null) {
        while (cursor > 0 && newlines[cursor - 1] >= end) {
          cursor--; // an occurrence out of text order (none is): the same windows all the same
        }
        while (cursor < newlines.length && newlines[cursor] < end) {
          cursor++;
        }
        int before = cursor;
        while (before > 0 && newlines[before - 1] >= start) {
          before--; // a keyword with a newline inside (none of gitleaks' has one)
        }
        lineStart = before == 0 ? -1 : newlines[before - 1];
        lineEnd = cursor < newlines.length ? newlines[cursor] : -1;
        long last = (long) cursor + spanned;
        lastLineEnd = last < newlines.length ? newlines[(int) last] : -1;
      } else {
        lineStart = text.lastIndexOf('\n', start - 1);
        lineEnd = text.indexOf('\n', end);
        lastLineEnd = lineEnd;
        for (int n = 0; n < spanned && lastLineEnd >= 0 && lastLineEnd < start + reach; n++) {
          lastLineEnd = text.indexOf('\n', lastLineEnd + 1);
        }
      }
      if (lineStart > from) {
        from = lineStart; // keep the newline itself as context for anchors and \s
      }
      if (count + 4 > out.length) {
        out = java.util.Arrays.copyOf(out, out.length * 2);
      }
      out[count++] = from;
      out[count++] = windowEnd(lineEnd, start, end, reach, len);
      out[count++] = windowEnd(lastLineEnd, start, end, reach, len);
      out[count++] = start;
    }
    return java.util.Arrays.copyOf(out, count);
  }

  /** Past the newline at {@code lineEnd} (-1: the text's end), within the longest match. */
  private static int windowEnd(int lineEnd, int start, int end, long reach, int len) {
    long to = Math.min(lineEnd < 0 ? len : lineEnd + 1L, start + reach);
    return (int) Math.min(len, Math.max(to, end));
  }

  /** How far before its keyword a match may start. */
  static final int PREFIX = 64;

  /** Texts this short are matched whole. */
  private static final int SMALL_TEXT = 2048;

  /** How far after its keyword a long-line match may run. */
  private static final int LONG_LINE = 4096;

  private void detectRule(
      Fragment fragment,
      String text,
      int[] windows,
      boolean ascii,
      int ruleIndex,
      List<Decoder.Pass> passes,
      LineIndex lines,
      List<SecretFinding> findings,
      Set<String> seen,
      PathChecks paths) {
    SecretRule rule = config.rules().get(ruleIndex);
    String sha = fragment.commit() == null ? null : fragment.commit().sha();
    for (Allowlist a : rule.allowlists()) {
      if (a.allowsFragment(sha, paths.allowed(a))) {
        return;
      }
    }
    boolean decoded = !passes.isEmpty();
    if (rule.path() != null) {
      boolean pathMatches = LazyDfa.matches(rule.path(), fragment.path());
      if (rule.regex() == null) {
        if (pathMatches && !decoded && fragment.firstOfFile()) {
          findings.add(
              new SecretFinding(
                  rule.id(),
                  rule.description(),
                  fragment.path(),
                  0,
                  0,
                  0,
                  0,
                  "file detected: " + fragment.path(),
                  "",
                  "",
                  0,
                  rule.tags(),
                  fragment.commit()));
        }
        return;
      }
      if (!pathMatches) {
        return;
      }
    }
    if (rule.regex() == null) {
      return;
    }
    Compiled compiled = compiled(ruleIndex);
    LazyDfa probe = compiled.probe();
    // Whether the probe's match starts by a keyword here: then each occurrence's window is probed
    // alone, and the probe stops a few chars past its keyword once every match begun has failed.
    boolean byKeyword =
        probe != null
            && (compiled.startsBy() == ANY_TEXT || (compiled.startsBy() == ASCII_TEXT && ascii));
    for (int w = 0; w < windows.length; ) {
      // Overlapping windows are matched as one, so matches are found once and left to right. With
      // the probe stopping by keyword, a window reaches past its keyword's line only where a match
      // begun there is still alive at the line's end (rare: most die a few chars past the keyword).
      int from = windows[w];
      int to = windows[w + (byKeyword ? 1 : 2)];
      int lastStart = windows[w + 3];
      boolean found = probe == null;
      int next = w;
      while (next < windows.length && windows[next] <= to) {
        int end = windows[next + (byKeyword ? 1 : 2)];
        lastStart = Math.max(lastStart, windows[next + 3]);
        if (byKeyword && !found) {
          int outcome = probe.search(text, windows[next], end, -1, windows[next + 3]);
          if (outcome == LazyDfa.ALIVE && windows[next + 2] > end) {
            end = windows[next + 2];
            outcome = probe.search(text, windows[next], end, -1, windows[next + 3]);
          }
          found = outcome == LazyDfa.FOUND;
        }
        to = Math.max(to, end);
        next += 4;
      }
      if (!byKeyword && !found) {
        found = probe.find(text, from, to, -1);
      }
      // No match when the probe finds none: it finds one exactly when the rule's regex does.
      if (found) {
        matchWindow(
            fragment, text, from, to, lastStart, rule, compiled, passes, lines, findings, seen,
            paths);
      }
      w = next;
    }
  }

  private void matchWindow(
      Fragment fragment,
      String text,
      int windowStart,
      int windowEnd,
      int lastStart,
      SecretRule rule,
      Compiled compiled,
      List<Decoder.Pass> passes,
      LineIndex lines,
      List<SecretFinding> findings,
      Set<String> seen,
      PathChecks paths) {
    LazyDfa probe = compiled.probe();
    String window =
        windowStart == 0 && windowEnd == text.length()
            ? text
            : text.substring(windowStart, windowEnd);
    int from = 0;
    int last = lastStart - windowStart; // matches contain a keyword: none starts later
    int[] found;
    while (from <= Math.min(window.length(), last)
        && anotherMatch(probe, window, from)
        && (found = find(rule, compiled.backtracker(), window, from, last)) != null) {
      int start = windowStart + found[0];
      int end = windowStart + found[1];
      from = found[1] > found[0] ? found[1] : found[1] + 1;
      candidate(fragment, text, start, end, rule, compiled, passes, lines, findings, seen, paths);
    }
  }

  /**
   * One match of a rule's regex at {@code text[start, end)}: a finding unless its line is marked,
   * its secret's entropy is too low, an allowlist allows it or it was already found. Kept apart
   * from the window loop, which runs far more often, so each is compiled on its own.
   */
  private void candidate(
      Fragment fragment,
      String text,
      int start,
      int end,
      SecretRule rule,
      Compiled compiled,
      List<Decoder.Pass> passes,
      LineIndex lines,
      List<SecretFinding> findings,
      Set<String> seen,
      PathChecks paths) {
    boolean decoded = !passes.isEmpty();
    String secret = trimNewlines(text.substring(start, end));
    List<String> tags = new ArrayList<>(rule.tags());
    String currentLine;
    int origStart;
    int origEnd;
    if (decoded) {
      Decoder.Pass last = passes.get(passes.size() - 1);
      List<Decoder.Segment> overlap = last.overlapping(start, end);
      if (overlap.isEmpty()) {
        return; // already reported in an earlier pass
      }
      origStart = toOriginal(passes, overlap.get(0).start());
      origEnd = toOriginal(passes, overlap.get(overlap.size() - 1).end() - 1) + 1;
      Set<String> encodings = new LinkedHashSet<>();
      for (Decoder.Segment s : overlap) {
        encodings.add("decoded:" + s.encoding());
      }
      tags.addAll(encodings);
      tags.add("decode-depth:" + passes.size());
      currentLine = lineAround(text, start, end);
    } else {
      int lead = text.substring(start, end).indexOf(secret);
      origStart = start + Math.max(0, lead);
      origEnd = origStart + secret.length();
      currentLine = null;
    }
    String raw = fragment.raw();
    int startLine = lines.lineOf(origStart);
    int endLine = lines.lineOf(Math.max(origStart, origEnd - 1));
    int startColumn = origStart - lines.lineStart(startLine) + 1;
    int endColumn = origEnd - lines.lineStart(endLine);
    if (startLine == 0) {
      startColumn += fragment.startColumnOffset();
    }
    if (endLine == 0) {
      endColumn += fragment.startColumnOffset();
    }
    String line = raw.substring(lines.lineStart(startLine), lines.lineEnd(endLine));
    if (honourAllowComments && line.contains(ALLOW_COMMENT)) {
      return;
    }
    if (currentLine == null) {
      currentLine = line;
    }
    String match = secret;
    String[] groups = groups(rule, compiled.backtracker(), match);
    if (groups != null) {
      if (rule.secretGroup() > 0) {
        String g = groups[rule.secretGroup()];
        secret = g == null ? "" : g;
      } else {
        for (int g = 1; g < groups.length; g++) {
          String s = groups[g];
          if (s != null && !s.isEmpty()) {
            secret = s;
            break;
          }
        }
      }
    }
    int absoluteLine = fragment.startLine() + startLine;
    if (skippedAsGenericDuplicate(rule.id(), absoluteLine, secret, findings)) {
      return;
    }
    double entropy = ShannonEntropy.of(secret);
    if (rule.entropy() != 0 && entropy <= rule.entropy()) {
      return;
    }
    if (allowed(config.allowlists(), secret, match, currentLine, fragment, paths)
        || allowed(rule.allowlists(), secret, match, currentLine, fragment, paths)) {
      return;
    }
    if (!seen.add(rule.id() + "\u0000" + absoluteLine + "\u0000" + secret)) {
      return;
    }
    findings.add(
        new SecretFinding(
            rule.id(),
            rule.description(),
            fragment.path(),
            absoluteLine,
            fragment.startLine() + endLine,
            startColumn,
            endColumn,
            match,
            secret,
            line,
            entropy,
            tags,
            fragment.commit()));
  }

  /**
   * The [start, end) of the rule's first match in {@code window} at or after {@code from}, as
   * RE2J's {@code matcher(window).find(from)}, or null; through the backtracker when it takes the
   * window, which tries no start past {@code lastStart}.
   */
  private static int[] find(
      SecretRule rule, Backtracker backtracker, String window, int from, int lastStart) {
    if (backtracker != null && backtracker.fits(window.length() - from)) {
      return backtracker.match(window, from, window.length(), 2, lastStart);
    }
    Matcher m = rule.regex().matcher(window);
    return m.find(from) ? new int[] {m.start(), m.end()} : null;
  }

  /**
   * Groups 0 to n of the rule's first match in {@code match} (null for a group that took no part),
   * or null when the regex has no groups or does not match: as RE2J's {@code matcher(match)}, then
   * {@code find()} and {@code group(g)}, which finds the match and then finds it again with groups
   * in the text up to one character past its end.
   */
  private static String[] groups(SecretRule rule, Backtracker backtracker, String match) {
    int count = rule.regex().groupCount();
    if (count < 1) {
      return null;
    }
    String[] out = new String[count + 1];
    if (backtracker == null || !backtracker.fits(match.length())) {
      Matcher m = rule.regex().matcher(match);
      if (!m.find()) {
        return null;
      }
      for (int g = 0; g <= count; g++) {
        out[g] = m.group(g);
      }
      return out;
    }
    int[] whole = backtracker.match(match, 0, match.length(), 2);
    if (whole == null) {
      return null;
    }
    int[] caps =
        backtracker.match(match, whole[0], Math.min(whole[1] + 1, match.length()), 2 * (count + 1));
    if (caps == null) {
      throw new IllegalStateException("inconsistency in matching group data"); // as RE2J
    }
    for (int g = 0; g <= count; g++) {
      int start = caps[2 * g];
      int end = caps[2 * g + 1];
      out[g] = start < 0 && end < 0 ? null : match.substring(start, end);
    }
    return out;
  }

  /** Whether a match may start at or after {@code from}: the probe's answer, else yes. */
  private static boolean anotherMatch(LazyDfa probe, String window, int from) {
    return from == 0
        || probe == null
        || probe.find(window, from, window.length(), window.charAt(from - 1));
  }

  private static boolean allowed(
      List<Allowlist> lists,
      String secret,
      String match,
      String line,
      Fragment fragment,
      PathChecks paths) {
    String sha = fragment.commit() == null ? null : fragment.commit().sha();
    for (Allowlist a : lists) {
      if (a.allowsFinding(secret, match, line, sha, paths.allowed(a))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether each allowlist's paths allow the fragment's path, asked once per fragment: the answer
   * is the same for every rule and every match in it.
   */
  private static final class PathChecks {
    private final String path;
    private final java.util.IdentityHashMap<Allowlist, Boolean> answers =
        new java.util.IdentityHashMap<>();

    PathChecks(String path) {
      this.path = path;
    }

    boolean allowed(Allowlist a) {
      Boolean known = answers.get(a);
      if (known == null) {
        known = a.pathAllowed(path);
        answers.put(a, known);
      }
      return known;
    }
  }

  private static int toOriginal(List<Decoder.Pass> passes, int pos) {
    for (int i = passes.size() - 1; i >= 0; i--) {
      pos = passes.get(i).toPrevious(pos);
    }
    return pos;
  }

  private static String lineAround(String text, int start, int end) {
    int s = text.lastIndexOf('\n', Math.max(0, start - 1));
    int e = text.indexOf('\n', end);
    return text.substring(s < 0 ? 0 : s + 1, e < 0 ? text.length() : e);
  }

  private static String trimNewlines(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && s.charAt(b) == '\n') {
      b++;
    }
    while (e > b && s.charAt(e - 1) == '\n') {
      e--;
    }
    return s.substring(b, e);
  }

  private static boolean isGeneric(String ruleId) {
    return ruleId.toLowerCase(Locale.ROOT).contains("generic");
  }

  /**
   * Whether a generic rule's candidate would be dropped by {@link #dropGenericDuplicates} whatever
   * else is found: a specific rule's finding on its line already holds its secret (specific
   * findings are never dropped). Spares its entropy and allowlists, the costliest checks of a
   * candidate (a tree where each of 6,411 tokens is found by both github-pat and generic-api-key:
   * ~50 ms of the workers' time).
   */
  private static boolean skippedAsGenericDuplicate(
      String ruleId, int line, String secret, List<SecretFinding> findings) {
    if (findings.isEmpty() || !isGeneric(ruleId)) {
      return false;
    }
    for (SecretFinding o : findings) {
      if (o.startLine() == line
          && !o.ruleId().equals(ruleId)
          && o.secret().contains(secret)
          && !isGeneric(o.ruleId())) {
        return true;
      }
    }
    return false;
  }

  /** A generic rule's finding is dropped when a specific rule found a secret containing it. */
  private static List<SecretFinding> dropGenericDuplicates(List<SecretFinding> findings) {
    if (findings.size() < 2) {
      return findings;
    }
    List<SecretFinding> out = new ArrayList<>(findings.size());
    for (SecretFinding f : findings) {
      boolean keep = true;
      if (isGeneric(f.ruleId())) {
        for (SecretFinding o : findings) {
          if (o != f
              && o.startLine() == f.startLine()
              && !o.ruleId().equals(f.ruleId())
              && o.secret().contains(f.secret())
              && !isGeneric(o.ruleId())) {
            keep = false;
            break;
          }
        }
      }
      if (keep) {
        out.add(f);
      }
    }
    return out;
  }

  /** Newline positions of a fragment, computed once, for line and column numbers. */
  private static final class LineIndex {
    private final String raw;
    private int[] newlines;

    /**
     * @param newlines the newline positions if known, else null (found on first use)
     */
    LineIndex(String raw, int[] newlines) {
      this.raw = raw;
      this.newlines = newlines;
    }

    /** The newline positions if they were given, else null (none are looked for). */
    int[] known() {
      return newlines;
    }

    private int[] newlines() {
      if (newlines == null) {
        int[] nl = new int[Math.max(16, raw.length() / 32)];
        int k = 0;
        for (int i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) {
          if (k == nl.length) {
            nl = java.util.Arrays.copyOf(nl, k * 2);
          }
          nl[k++] = i;
        }
        newlines = java.util.Arrays.copyOf(nl, k);
      }
      return newlines;
    }

    /** 0-based line of a position. */
    int lineOf(int pos) {
      int[] nl = newlines();
      int i = java.util.Arrays.binarySearch(nl, pos);
      return i >= 0 ? i : -i - 1;
    }

    int lineStart(int line) {
      return line == 0 ? 0 : newlines()[line - 1] + 1;
    }

    int lineEnd(int line) {
      int[] nl = newlines();
      int end = line < nl.length ? nl[line] : raw.length();
      return end > lineStart(line) && raw.charAt(end - 1) == '\r' ? end - 1 : end;
    }
  }
}
