package dev.distill.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distill.DistillException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Registry credentials: none, or a user name and password (or token) for basic/bearer auth. */
public record Credentials(String username, String password) {
  public static final Credentials ANONYMOUS = new Credentials(null, null);

  public static Credentials basic(String username, String password) {
    return new Credentials(username, password);
  }

  /**
   * {@code DISTILL_REGISTRY_USERNAME} and {@code DISTILL_REGISTRY_PASSWORD} from {@code env}, or
   * empty when either is unset.
   */
  public static Optional<Credentials> fromEnvironment(Map<String, String> env) {
    String user = env.get("DISTILL_REGISTRY_USERNAME");
    String password = env.get("DISTILL_REGISTRY_PASSWORD");
    if (user == null || user.isEmpty() || password == null) {
      return Optional.empty();
    }
    return Optional.of(basic(user, password));
  }

  /**
   * The credentials for {@code registry} stored inline in a docker {@code config.json} ({@code
   * auths.<registry>.auth} or {@code username}/{@code password}); credential helpers are not run.
   */
  public static Optional<Credentials> fromDockerConfig(Path configJson, String registry) {
    if (!Files.isRegularFile(configJson)) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(configJson));
    } catch (IOException e) {
      throw new DistillException(configJson + " is not valid JSON: " + e.getMessage(), e);
    }
    JsonNode entry = root.path("auths").path(registry);
    if (entry.isMissingNode()) {
      entry = root.path("auths").path("https://" + registry);
    }
    if (entry.hasNonNull("auth")) {
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(entry.get("auth").asText()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new DistillException(
            configJson + ": the auth entry for " + registry + " is not base64");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw new DistillException(
            configJson + ": the auth entry for " + registry + " is not user:password");
      }
      return Optional.of(basic(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
    if (entry.hasNonNull("username") && entry.hasNonNull("password")) {
      return Optional.of(basic(entry.get("username").asText(), entry.get("password").asText()));
    }
    return Optional.empty();
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

  /** Never shows the password. */
  @Override
  public String toString() {
    return isAnonymous() ? "anonymous" : "user " + username;
  }
}
