package dev.distill.debian.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.debian.repo.RepositoryVerificationException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InReleaseVerifierTest {
  private static final Clock NOV_29 = clockAt("2026-11-29T12:00:00Z");
  private static final String RELEASE =
      """
      Origin: Debian
      Label: Debian
      Suite: oldstable
      Codename: bookworm
      Date: Sat, 11 Jul 2026 10:16:37 UTC
      Valid-Until: Sat, 18 Jul 2026 10:16:37 UTC
      Acquire-By-Hash: yes
      Architectures: all amd64 arm64
      Components: main
      Description: test release
      SHA256:
       0000000000000000000000000000000000000000000000000000000000000000 10 main/binary-amd64/Packages.xz
      """;

  static Clock clockAt(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = InReleaseVerifierTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void realBookwormInReleaseVerifiesAgainstShippedDebianKeys() throws IOException {
    byte[] inRelease = resource("bookworm.InRelease");

    ReleaseFile release =
        InReleaseVerifier.debian(NOV_29).verify(inRelease, "bookworm", "test:bookworm");

    assertThat(release.codename()).contains("bookworm");
    assertThat(release.date()).isEqualTo(Instant.parse("2026-07-11T10:16:37Z"));
    assertThat(release.validUntil()).isEmpty();
    assertThat(release.acquireByHash()).isTrue();
    assertThat(release.architectures()).contains("amd64", "arm64");
    assertThat(release.file("main/binary-amd64/Packages.xz")).isPresent();
    assertThat(release.file("main/binary-arm64/Packages.xz").get().size()).isPositive();
  }

  @Test
  void realSecurityInReleaseIsRefusedAfterValidUntil() throws IOException {
    byte[] inRelease = resource("bookworm-security.InRelease");
    ReleaseFile ok =
        InReleaseVerifier.debian(NOV_29).verify(inRelease, "bookworm-security", "test:sec");
    assertThat(ok.validUntil()).contains(Instant.parse("2026-12-05T02:53:00Z"));

    assertThatThrownBy(
            () ->
                InReleaseVerifier.debian(clockAt("2026-12-05T02:53:01Z"))
                    .verify(inRelease, "bookworm-security", "http://mirror/sec/InRelease"))
        .isInstanceOfSatisfying(
            RepositoryVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED))
        .hasMessageContaining("bookworm-security")
        .hasMessageContaining("http://mirror/sec/InRelease")
        .hasMessageContaining("Valid-Until");
  }

  @Test
  void tamperedRealInReleaseHasBadSignature() throws IOException {
    String text = new String(resource("bookworm.InRelease"), StandardCharsets.UTF_8);
    int at = text.indexOf("main/binary-amd64/Packages.xz");
    int lineStart = text.lastIndexOf('\n', at) + 2;
    char c = text.charAt(lineStart);
    String tampered =
        text.substring(0, lineStart) + (c == '0' ? '1' : '0') + text.substring(lineStart + 1);

    assertThatThrownBy(
            () ->
                InReleaseVerifier.debian(NOV_29)
                    .verify(tampered.getBytes(StandardCharsets.UTF_8), "bookworm", "u"))
        .isInstanceOfSatisfying(
            RepositoryVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE))
        .hasMessageContaining("BAD signature");
  }

  @Test
  void realInReleaseWithCrlfLineEndingsStillVerifies() throws IOException {
    String text = new String(resource("bookworm.InRelease"), StandardCharsets.UTF_8);
    byte[] crlf = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);

    ReleaseFile release = InReleaseVerifier.debian(NOV_29).verify(crlf, "bookworm", "u");

    assertThat(release.file("main/binary-amd64/Packages.xz")).isPresent();
  }

  @Test
  void missingSignatureIsRefused() throws IOException {
    String text = new String(resource("bookworm.InRelease"), StandardCharsets.UTF_8);
    String body =
        text.substring(text.indexOf("\n\n") + 2, text.indexOf("-----BEGIN PGP SIGNATURE-----"));

    assertThatThrownBy(
            () ->
                InReleaseVerifier.debian(NOV_29)
                    .verify(body.getBytes(StandardCharsets.UTF_8), "bookworm", "u"))
        .isInstanceOfSatisfying(
            RepositoryVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_SIGNATURE))
        .hasMessageContaining("bookworm");
  }

  @Test
  void signatureByUnknownKeyIsRefused() {
    String signed = new TestSigner(1).clearSign(RELEASE, "\n");

    assertThatThrownBy(
            () ->
                InReleaseVerifier.debian(clockAt("2026-07-12T00:00:00Z"))
                    .verify(signed.getBytes(StandardCharsets.UTF_8), "bookworm", "u"))
        .isInstanceOfSatisfying(
            RepositoryVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY))
        .hasMessageContaining("unknown key");
  }

  @Test
  void expiredValidUntilIsRefusedEvenWithAGoodSignature() {
    TestSigner signer = new TestSigner(2);
    byte[] signed = signer.clearSign(RELEASE, "\n").getBytes(StandardCharsets.UTF_8);

    assertThat(
            signer
                .verifier(clockAt("2026-07-18T10:16:37Z"))
                .verify(signed, "bookworm", "u")
                .codename())
        .contains("bookworm");
    assertThatThrownBy(
            () -> signer.verifier(clockAt("2026-07-18T10:16:38Z")).verify(signed, "bookworm", "u"))
        .isInstanceOfSatisfying(
            RepositoryVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
  }

  @Test
  void signatureByAnotherTestKeyIsUnknown() {
    byte[] signed = new TestSigner(3).clearSign(RELEASE, "\n").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () ->
                new TestSigner(4)
                    .verifier(clockAt("2026-07-12T00:00:00Z"))
                    .verify(signed, "bookworm", "u"))
        .isInstanceOfSatisfying(
            RepositoryVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
  }

  @Test
  void dashEscapedLinesTrailingBlanksAndCrlfAreCanonicalised() {
    TestSigner signer = new TestSigner(5);
    String text = RELEASE + "X-Note: trailing blanks   \t\n -- a dashed continuation\n";
    for (String eol : new String[] {"\n", "\r\n"}) {
      String signed = signer.clearSign(text.replace(" -- a", "-- a"), eol);
      assertThat(signed).contains("- -- a dashed continuation");

      ClearSignedMessage msg = ClearSignedMessage.parse(signed, "t");
      assertThat(msg.text()).contains("\n-- a dashed continuation\n");
      assertThat(msg.text()).contains("X-Note: trailing blanks\n");
      assertThat(new String(msg.signedBytes(), StandardCharsets.UTF_8))
          .startsWith("Origin: Debian\r\nLabel: Debian\r\n")
          .doesNotEndWith("\n");
    }
  }

  @Test
  void dashEscapedTrailingBlankAndCrlfSignedFilesVerifyAndTamperingFails() {
    TestSigner signer = new TestSigner(6);
    // A field name starting with '-' is dash-escaped by the signer; trailing blanks are not signed.
    String text = RELEASE + "-Dashed: yes  \t\n";
    Clock clock = clockAt("2026-07-12T00:00:00Z");
    for (String eol : new String[] {"\n", "\r\n"}) {
      String signed = signer.clearSign(text, eol);
      assertThat(signed).contains("- -Dashed: yes");

      ReleaseFile release =
          signer.verifier(clock).verify(signed.getBytes(StandardCharsets.UTF_8), "bookworm", "u");
      assertThat(release.codename()).contains("bookworm");

      String tampered = signed.replace("- -Dashed: yes", "- -Dashed: no");
      assertThatThrownBy(
              () ->
                  signer
                      .verifier(clock)
                      .verify(tampered.getBytes(StandardCharsets.UTF_8), "bookworm", "u"))
          .isInstanceOfSatisfying(
              RepositoryVerificationException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }
  }

  @Test
  void aLineStartingWithADashThatIsNotEscapedIsRefused() {
    String signed = new TestSigner(9).clearSign(RELEASE, "\n").replace("Label: Debian", "-Label");

    assertThatThrownBy(() -> ClearSignedMessage.parse(signed, "t"))
        .hasMessageContaining("dash-escaped");
  }

  @Test
  void signedReleaseOfAnotherSuiteIsRefused() {
    TestSigner signer = new TestSigner(7);
    byte[] signed = signer.clearSign(RELEASE, "\n").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () -> signer.verifier(clockAt("2026-07-12T00:00:00Z")).verify(signed, "trixie", "u"))
        .isInstanceOfSatisfying(
            RepositoryVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_SUITE))
        .hasMessageContaining("trixie");
  }

  @Test
  void unsignedDataAfterTheSignatureIsRefused() {
    TestSigner signer = new TestSigner(8);
    String signed = signer.clearSign(RELEASE, "\n") + "Injected: yes\n";

    assertThatThrownBy(
            () ->
                signer
                    .verifier(clockAt("2026-07-12T00:00:00Z"))
                    .verify(signed.getBytes(StandardCharsets.UTF_8), "bookworm", "u"))
        .hasMessageContaining("unsigned data");
  }
}
