package dev.distill.rootfs;

import dev.distill.DistillException;
import dev.distill.fs.RootFs;
import java.util.Locale;

/**
 * /etc/os-release and /etc/debian_version naming the Debian release, so scanners (Trivy, Grype, our
 * own) detect the distribution: ID=debian, VERSION_ID and VERSION_CODENAME are kept as Debian
 * writes them; only PRETTY_NAME says the image is a distroless one made by distill.
 */
public final class OsRelease implements RootFsStep {
  private final String codename;
  private final String versionId;
  private final String debianVersion;

  /**
   * @param codename bookworm or trixie
   * @param debianVersion the content of /etc/debian_version, e.g. {@code 12.8} from base-files;
   *     null for the major version alone
   */
  public OsRelease(String codename, String debianVersion) {
    this.codename = codename.toLowerCase(Locale.ROOT);
    this.versionId =
        switch (this.codename) {
          case "bookworm" -> "12";
          case "trixie" -> "13";
          default ->
              throw new DistillException(
                  "suite '" + codename + "' is not supported; use bookworm (12) or trixie (13)");
        };
    this.debianVersion = debianVersion == null ? versionId : debianVersion;
  }

  public static OsRelease forSuite(String codename) {
    return new OsRelease(codename, null);
  }

  String osReleaseText() {
    return "PRETTY_NAME=\"Distroless (distill) Debian GNU/Linux "
        + versionId
        + " ("
        + codename
        + ")\"\n"
        + "NAME=\"Debian GNU/Linux\"\n"
        + "VERSION_ID=\""
        + versionId
        + "\"\n"
        + "VERSION=\""
        + versionId
        + " ("
        + codename
        + ")\"\n"
        + "VERSION_CODENAME="
        + codename
        + "\n"
        + "ID=debian\n"
        + "HOME_URL=\"https://www.debian.org/\"\n"
        + "SUPPORT_URL=\"https://www.debian.org/support\"\n"
        + "BUG_REPORT_URL=\"https://bugs.debian.org/\"\n";
  }

  @Override
  public void applyTo(RootFs.Builder builder) {
    String text = osReleaseText();
    builder.put(Accounts.file("etc/os-release", text));
    builder.put(Accounts.file("usr/lib/os-release", text));
    builder.put(Accounts.file("etc/debian_version", debianVersion + "\n"));
  }
}
