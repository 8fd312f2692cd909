package dev.distill.lint.rules;

import dev.distill.lint.Regex;
import java.util.Set;

/** A list of common SPDX license identifiers; expressions with AND/OR/WITH are split. */
final class SpdxIds {
  private SpdxIds() {}

  private static final Set<String> IDS =
      Set.of(
          "0BSD",
          "AFL-3.0",
          "AGPL-3.0",
          "AGPL-3.0-only",
          "AGPL-3.0-or-later",
          "Apache-1.1",
          "Apache-2.0",
          "APSL-2.0",
          "Artistic-2.0",
          "BSD-1-Clause",
          "BSD-2-Clause",
          "BSD-2-Clause-Patent",
          "BSD-3-Clause",
          "BSD-3-Clause-Clear",
          "BSD-4-Clause",
          "BSL-1.0",
          "CC-BY-3.0",
          "CC-BY-4.0",
          "CC-BY-SA-3.0",
          "CC-BY-SA-4.0",
          "CC0-1.0",
          "CDDL-1.0",
          "CDDL-1.1",
          "CPL-1.0",
          "ECL-2.0",
          "EPL-1.0",
          "EPL-2.0",
          "EUPL-1.1",
          "EUPL-1.2",
          "GPL-1.0-only",
          "GPL-1.0-or-later",
          "GPL-2.0",
          "GPL-2.0-only",
          "GPL-2.0-or-later",
          "GPL-3.0",
          "GPL-3.0-only",
          "GPL-3.0-or-later",
          "ISC",
          "LGPL-2.0-only",
          "LGPL-2.0-or-later",
          "LGPL-2.1",
          "LGPL-2.1-only",
          "LGPL-2.1-or-later",
          "LGPL-3.0",
          "LGPL-3.0-only",
          "LGPL-3.0-or-later",
          "MIT",
          "MIT-0",
          "MPL-1.1",
          "MPL-2.0",
          "MPL-2.0-no-copyleft-exception",
          "MS-PL",
          "MS-RL",
          "NCSA",
          "OFL-1.1",
          "OpenSSL",
          "OSL-3.0",
          "PHP-3.01",
          "PostgreSQL",
          "Python-2.0",
          "Ruby",
          "Unlicense",
          "UPL-1.0",
          "Vim",
          "W3C",
          "WTFPL",
          "X11",
          "Zlib",
          "ZPL-2.1",
          "curl",
          "libpng-2.0",
          "BlueOak-1.0.0",
          "Classpath-exception-2.0",
          "LLVM-exception",
          "GCC-exception-3.1");

  static boolean valid(String expr) {
    String e = expr.replace("(", " ").replace(")", " ").strip();
    if (e.isEmpty()) {
      return false;
    }
    for (String token : Regex.words(e)) {
      if (token.equals("AND") || token.equals("OR") || token.equals("WITH")) {
        continue;
      }
      String id = token.endsWith("+") ? token.substring(0, token.length() - 1) : token;
      if (!IDS.contains(id) && !id.startsWith("LicenseRef-") && !id.startsWith("DocumentRef-")) {
        return false;
      }
    }
    return true;
  }
}
