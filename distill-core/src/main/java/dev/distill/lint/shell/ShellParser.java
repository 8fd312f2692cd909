package dev.distill.lint.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small POSIX shell word splitter, good enough for lint rules: splits on {@code && || ; | &},
 * newlines and parentheses, removes quotes and escapes, drops redirections, takes leading {@code
 * VAR=value} assignments apart, and looks into {@code $(…)} and back-ticks. It never fails: odd
 * input (an unterminated quote) just ends the last word.
 */
public final class ShellParser {
  private static final Set<String> PREFIX_KEYWORDS =
      Set.of("if", "then", "else", "elif", "while", "until", "do", "!", "{", "time");
  private static final Set<String> SKIP_KEYWORDS = Set.of("fi", "done", "esac", "}", ";;");

  private final String s;
  private int pos;
  private final List<ShellCommand> commands;
  private boolean pipes;

  private ShellParser(String s, List<ShellCommand> commands) {
    this.s = s;
    this.commands = commands;
  }

  public static ShellScript parse(String script) {
    List<ShellCommand> out = new ArrayList<>();
    ShellParser p = new ShellParser(script, out);
    p.run();
    return new ShellScript(out, p.pipes);
  }

  private void run() {
    List<String> words = new ArrayList<>();
    List<String> nested = new ArrayList<>();
    while (true) {
      skipBlanks();
      if (pos >= s.length()) {
        emit(words);
        break;
      }
      char c = s.charAt(pos);
      if (c == '#') {
        while (pos < s.length() && s.charAt(pos) != '\n') {
          pos++;
        }
        continue;
      }
      if (c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
        if (c == '|' && !(pos + 1 < s.length() && s.charAt(pos + 1) == '|')) {
          pipes = true;
        }
        if (c == '&' && pos + 1 < s.length() && s.charAt(pos + 1) == '>') {
          pos += 2; // &> file
          if (pos < s.length() && s.charAt(pos) == '>') {
            pos++;
          }
          skipBlanks();
          word(nested);
          continue;
        }
        pos++;
        if (pos < s.length() && (s.charAt(pos) == c || (c == '|' && s.charAt(pos) == '&'))) {
          pos++;
        }
        emit(words);
        words = new ArrayList<>();
        continue;
      }
      if (isRedirection()) {
        skipRedirectionOperator();
        skipBlanks();
        word(nested);
        continue;
      }
      words.add(word(nested));
    }
    for (String inner : nested) {
      ShellParser p = new ShellParser(inner, commands);
      p.run();
      pipes |= p.pipes;
    }
  }

  private void emit(List<String> words) {
    int i = 0;
    while (i < words.size()
        && (PREFIX_KEYWORDS.contains(words.get(i)) || SKIP_KEYWORDS.contains(words.get(i)))) {
      i++;
    }
    Map<String, String> assignments = new LinkedHashMap<>();
    while (i < words.size() && isAssignment(words.get(i))) {
      String w = words.get(i);
      int eq = w.indexOf('=');
      assignments.put(w.substring(0, eq), w.substring(eq + 1));
      i++;
    }
    if (i < words.size()) {
      List<String> args = new ArrayList<>(words.subList(i + 1, words.size()));
      commands.add(new ShellCommand(assignments, words.get(i), args, commands.size()));
    } else if (!assignments.isEmpty()) {
      commands.add(new ShellCommand(assignments, "", List.of(), commands.size()));
    }
  }

  private static boolean isAssignment(String w) {
    int eq = w.indexOf('=');
    if (eq <= 0) {
      return false;
    }
    for (int i = 0; i < eq; i++) {
      char c = w.charAt(i);
      if (!(c == '_' || Character.isLetter(c) || (i > 0 && Character.isDigit(c)))) {
        return false;
      }
    }
    return true;
  }

  private boolean isRedirection() {
    int p = pos;
    while (p < s.length() && Character.isDigit(s.charAt(p))) {
      p++;
    }
    return p < s.length() && (s.charAt(p) == '>' || s.charAt(p) == '<');
  }

  private void skipRedirectionOperator() {
    while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
      pos++;
    }
    while (pos < s.length() && "<>&|-".indexOf(s.charAt(pos)) >= 0) {
      if (s.charAt(pos) == '&' && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1))) {
        pos++;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
          pos++;
        }
        return;
      }
      pos++;
    }
  }

  private void skipBlanks() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '\\' && pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
        pos += 2;
      } else {
        break;
      }
    }
  }

  /** Reads one word, quotes removed; command substitutions are kept verbatim and queued. */
  private String word(List<String> nested) {
    StringBuilder b = new StringBuilder();
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '&' || c == '|'
          || c == '(' || c == ')' || c == '<' || c == '>') {
        if ((c == '(' || c == ')') && b.length() > 0 && b.charAt(b.length() - 1) == '=') {
          // array assignment a=( … ): keep going as a word
        } else {
          break;
        }
      }
      if (c == '\\') {
        if (pos + 1 < s.length()) {
          if (s.charAt(pos + 1) != '\n') {
            b.append(s.charAt(pos + 1));
          }
          pos += 2;
        } else {
          pos++;
        }
      } else if (c == '\'') {
        int end = s.indexOf('\'', pos + 1);
        end = end < 0 ? s.length() : end;
        b.append(s, pos + 1, end);
        pos = Math.min(s.length(), end + 1);
      } else if (c == '"') {
        pos++;
        while (pos < s.length() && s.charAt(pos) != '"') {
          char d = s.charAt(pos);
          if (d == '\\' && pos + 1 < s.length()) {
            char e = s.charAt(pos + 1);
            if (e == '"' || e == '\\' || e == '$' || e == '`') {
              b.append(e);
            } else if (e != '\n') {
              b.append(d).append(e);
            }
            pos += 2;
          } else if (d == '$' && pos + 1 < s.length() && s.charAt(pos + 1) == '(') {
            b.append(substitution(nested));
          } else if (d == '`') {
            b.append(backtick(nested));
          } else {
            b.append(d);
            pos++;
          }
        }
        pos++;
      } else if (c == '$' && pos + 1 < s.length() && s.charAt(pos + 1) == '(') {
        b.append(substitution(nested));
      } else if (c == '$' && pos + 1 < s.length() && s.charAt(pos + 1) == '{') {
        int end = s.indexOf('}', pos);
        end = end < 0 ? s.length() - 1 : end;
        b.append(s, pos, end + 1);
        pos = end + 1;
      } else if (c == '`') {
        b.append(backtick(nested));
      } else {
        b.append(c);
        pos++;
      }
    }
    return b.toString();
  }

  /** Reads {@code $( … )} balancing parentheses; queues its body to be parsed as commands. */
  private String substitution(List<String> nested) {
    int start = pos;
    pos += 2;
    int depth = 1;
    char quote = 0;
    while (pos < s.length() && depth > 0) {
      char c = s.charAt(pos);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"') {
          pos++;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '\\') {
        pos++;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      pos++;
    }
    String body =
        s.substring(Math.min(start + 2, pos), Math.max(start + 2, depth == 0 ? pos - 1 : pos));
    if (!body.startsWith("(")) {
      nested.add(body);
    }
    return s.substring(start, Math.min(pos, s.length()));
  }

  private String backtick(List<String> nested) {
    int start = pos;
    int end = s.indexOf('`', pos + 1);
    end = end < 0 ? s.length() : end;
    nested.add(s.substring(start + 1, end));
    pos = Math.min(s.length(), end + 1);
    return s.substring(start, pos);
  }
}
