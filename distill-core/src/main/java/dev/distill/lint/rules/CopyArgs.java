package dev.distill.lint.rules;

import dev.distill.lint.Instruction;
import java.util.ArrayList;
import java.util.List;

/** Source and destination words of COPY/ADD, from JSON or shell form, quotes kept off. */
final class CopyArgs {
  private CopyArgs() {}

  static List<String> words(Instruction i) {
    if (i.json() != null) {
      return i.json();
    }
    List<String> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    char quote = 0;
    String s = i.arguments();
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          b.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (Character.isWhitespace(c)) {
        if (b.length() > 0) {
          out.add(b.toString());
          b.setLength(0);
        }
      } else {
        b.append(c);
      }
    }
    if (b.length() > 0) {
      out.add(b.toString());
    }
    return out;
  }
}
