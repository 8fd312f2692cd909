package dev.distill.debian.repo;

import dev.distill.DistillException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;

/**
 * Where the Debian archive and the security archive are fetched from. Explicit values (CLI flags)
 * win over the environment ({@code DISTILL_MIRROR}, {@code DISTILL_SECURITY_MIRROR}), which wins
 * over the defaults.
 */
public record MirrorConfig(URI main, URI security) {
  public static final URI DEFAULT_MAIN = URI.create("http://deb.debian.org/debian");
  public static final URI DEFAULT_SECURITY = URI.create("http://deb.debian.org/debian-security");
  public static final String ENV_MAIN = "DISTILL_MIRROR";
  public static final String ENV_SECURITY = "DISTILL_SECURITY_MIRROR";

  public MirrorConfig {
    main = normalise(Objects.requireNonNull(main, "main"));
    security = normalise(Objects.requireNonNull(security, "security"));
  }

  /** deb.debian.org for both archives. */
  public static MirrorConfig defaults() {
    return new MirrorConfig(DEFAULT_MAIN, DEFAULT_SECURITY);
  }

  /**
   * Resolves the mirrors from explicit values (null when not given), then {@code env}, then the
   * defaults.
   */
  public static MirrorConfig resolve(
      String explicitMain, String explicitSecurity, Map<String, String> env) {
    return new MirrorConfig(
        pick(explicitMain, env.get(ENV_MAIN), DEFAULT_MAIN, "mirror"),
        pick(explicitSecurity, env.get(ENV_SECURITY), DEFAULT_SECURITY, "security mirror"));
  }

  /** Resolves from the process environment. */
  public static MirrorConfig fromEnvironment(String explicitMain, String explicitSecurity) {
    return resolve(explicitMain, explicitSecurity, System.getenv());
  }

  private static URI pick(String explicit, String fromEnv, URI fallback, String what) {
    String value =
        explicit != null && !explicit.isBlank()
            ? explicit
            : fromEnv != null && !fromEnv.isBlank() ? fromEnv : null;
    if (value == null) {
      return fallback;
    }
    try {
      URI uri = new URI(value.strip());
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null) {
        throw new URISyntaxException(value, "expected an http or https URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new DistillException(
          "Invalid "
              + what
              + " URL '"
              + value
              + "': "
              + e.getReason()
              + ". Use e.g. http://deb.debian.org/debian.");
    }
  }

  private static URI normalise(URI uri) {
    String s = uri.toString();
    return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
  }
}
