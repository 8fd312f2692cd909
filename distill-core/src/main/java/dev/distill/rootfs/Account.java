package dev.distill.rootfs;

import dev.distill.DistillException;
import java.util.regex.Pattern;

/**
 * A user of the image, written to /etc/passwd with a group of the same name and gid in /etc/group.
 *
 * @param name login name
 * @param uid user id
 * @param gid primary group id
 * @param home home directory (absolute); {@code /nonexistent} gets no directory
 * @param shell login shell; distroless uses {@code /sbin/nologin}
 */
public record Account(String name, int uid, int gid, String home, String shell) {
  public static final String NO_LOGIN = "/sbin/nologin";
  public static final String NO_HOME = "/nonexistent";
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

  public Account {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new DistillException(
          "account name '" + name + "' is not valid: use lower-case letters, digits, '_' or '-'");
    }
    if (uid < 0 || gid < 0) {
      throw new DistillException("account " + name + ": uid and gid must not be negative");
    }
    if (home == null || !home.startsWith("/") || home.contains(":") || home.contains("\n")) {
      throw new DistillException(
          "account " + name + ": home '" + home + "' must be an absolute path");
    }
    if (shell == null || !shell.startsWith("/") || shell.contains(":") || shell.contains("\n")) {
      throw new DistillException(
          "account " + name + ": shell '" + shell + "' must be an absolute path");
    }
  }

  /** An account with gid = uid, home /home/NAME and no login shell. */
  public static Account of(String name, int uid) {
    return new Account(name, uid, uid, "/home/" + name, NO_LOGIN);
  }

  public static final Account ROOT = new Account("root", 0, 0, "/root", NO_LOGIN);
  public static final Account NOBODY = new Account("nobody", 65534, 65534, NO_HOME, NO_LOGIN);
  public static final Account NONROOT =
      new Account("nonroot", 65532, 65532, "/home/nonroot", NO_LOGIN);

  /** The passwd(5) line, without newline. */
  String passwdLine() {
    return name + ":x:" + uid + ":" + gid + ":" + name + ":" + home + ":" + shell;
  }
}
