package dev.distill.image.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Registry credentials: none, or a user name and password (or token) for basic/bearer auth. */
public record Credentials(String username, String password) {
  public static final Credentials ANONYMOUS = new Credentials(null, null);

  public static Credentials basic(String username, String password) {
    return new Credentials(username, password);
  }

  public boolean isAnonymous() {
    return username == null;
  }

  /** The value of an {@code Authorization: Basic …} header. */
  String basicHeader() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return isAnonymous() ? "anonymous" : "user " + username;
  }
}
