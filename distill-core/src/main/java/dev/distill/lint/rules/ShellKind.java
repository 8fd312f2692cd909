package dev.distill.lint.rules;

import java.util.Locale;

/** Recognises shells that are not POSIX shells (PowerShell, cmd). */
public final class ShellKind {
  private ShellKind() {}

  public static boolean nonPosix(String shell) {
    if (shell == null) {
      return false;
    }
    String s = shell.toLowerCase(Locale.ROOT).replace('\\', '/');
    String base = s.substring(s.lastIndexOf('/') + 1);
    return base.startsWith("pwsh") || base.startsWith("powershell") || base.startsWith("cmd");
  }
}
