package dev.distill.debian.repo;

import dev.distill.DistillException;
import dev.distill.debian.repo.RepositoryVerificationException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.bc.BcPGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Verifies InRelease files: an OpenPGP clear-signature by a trusted key, the expected suite, and an
 * unexpired {@code Valid-Until}. Like apt, signatures by unknown keys are ignored as long as one
 * trusted key signed; any signature by a trusted key that does not verify rejects the file.
 */
public final class InReleaseVerifier {
  /**
   * Debian's archive signing keys (bullseye, bookworm, trixie), as shipped in
   * debian-archive-keyring.
   */
  public static final String DEBIAN_KEYRING_RESOURCE = "debian-archive-keyring.gpg";

  private final PGPPublicKeyRingCollection keys;
  private final Clock clock;

  public InReleaseVerifier(PGPPublicKeyRingCollection keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /** A verifier trusting Debian's archive keys. */
  public static InReleaseVerifier debian(Clock clock) {
    try (InputStream in = InReleaseVerifier.class.getResourceAsStream(DEBIAN_KEYRING_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEBIAN_KEYRING_RESOURCE);
      }
      return new InReleaseVerifier(readKeyring(in), clock);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEBIAN_KEYRING_RESOURCE, e);
    }
  }

  /** A verifier trusting the keys of a keyring file (binary or ASCII-armored). */
  public static InReleaseVerifier fromKeyring(Path keyring, Clock clock) {
    try (InputStream in = Files.newInputStream(keyring)) {
      return new InReleaseVerifier(readKeyring(in), clock);
    } catch (IOException e) {
      throw new DistillException("Cannot read keyring " + keyring + ": " + e.getMessage(), e);
    }
  }

  /** Reads a binary or armored public keyring. */
  public static PGPPublicKeyRingCollection readKeyring(InputStream in) throws IOException {
    try {
      return new BcPGPPublicKeyRingCollection(PGPUtil.getDecoderStream(in));
    } catch (PGPException e) {
      throw new IOException("invalid OpenPGP keyring: " + e.getMessage(), e);
    }
  }

  /**
   * Verifies an InRelease file fetched for {@code suite} from {@code uri} and returns its parsed
   * Release content. Every refusal is a {@link RepositoryVerificationException}.
   */
  public ReleaseFile verify(byte[] inRelease, String suite, String uri) {
    String where = "InRelease of " + suite + " (" + uri + ")";
    ClearSignedMessage message;
    try {
      message = ClearSignedMessage.parse(new String(inRelease, StandardCharsets.UTF_8), where);
    } catch (ClearSignedMessage.NotSignedException e) {
      throw new RepositoryVerificationException(
          Reason.MISSING_SIGNATURE,
          e.getMessage()
              + ". distill only uses signed repositories; check the mirror URL or a proxy that"
              + " rewrites responses.");
    }
    verifySignatures(message, where);
    ReleaseFile release = ReleaseFile.parse(message.text(), where);
    String codename = release.codename().orElse("");
    String suiteName = release.suite().orElse("");
    if (!codename.equals(suite) && !suiteName.equals(suite)) {
      throw new RepositoryVerificationException(
          Reason.WRONG_SUITE,
          where
              + " is signed but describes suite '"
              + suiteName
              + "' (codename '"
              + codename
              + "'), not '"
              + suite
              + "'. The mirror serves the wrong file; check the mirror URL.");
    }
    Instant now = clock.instant();
    if (release.validUntil().isPresent() && now.isAfter(release.validUntil().get())) {
      throw new RepositoryVerificationException(
          Reason.EXPIRED,
          where
              + " expired at "
              + release.validUntil().get()
              + " (Valid-Until); it is now "
              + now
              + ". The mirror is stale or replaying old metadata: use an up-to-date mirror, or"
              + " refresh the cache online if this came from --offline.");
    }
    return release;
  }

  private void verifySignatures(ClearSignedMessage message, String where) {
    List<PGPSignature> signatures = readSignatures(message.armoredSignature(), where);
    if (signatures.isEmpty()) {
      throw new RepositoryVerificationException(
          Reason.MISSING_SIGNATURE, where + " contains an empty signature block.");
    }
    List<String> unknown = new ArrayList<>();
    int good = 0;
    for (PGPSignature sig : signatures) {
      String keyId = keyId(sig.getKeyID());
      PGPPublicKey key = keys.getPublicKey(sig.getKeyID());
      if (key == null) {
        unknown.add(keyId);
        continue;
      }
      if (!usable(key)) {
        unknown.add(keyId + " (revoked or expired)");
        continue;
      }
      if (isWeak(sig.getHashAlgorithm())) {
        throw new RepositoryVerificationException(
            Reason.BAD_SIGNATURE,
            where + " is signed by key " + keyId + " with a weak hash algorithm; refusing it.");
      }
      boolean ok;
      try {
        sig.init(new BcPGPContentVerifierBuilderProvider(), key);
        sig.update(message.signedBytes());
        ok = sig.getSignatureType() == PGPSignature.CANONICAL_TEXT_DOCUMENT && sig.verify();
      } catch (PGPException | RuntimeException e) {
        ok = false;
      }
      if (!ok) {
        throw new RepositoryVerificationException(
            Reason.BAD_SIGNATURE,
            where
                + " has a BAD signature by trusted key "
                + keyId
                + ": the file was modified after signing. Do not use this mirror; check the"
                + " mirror URL and any proxy in between.");
      }
      good++;
    }
    if (good == 0) {
      throw new RepositoryVerificationException(
          Reason.UNKNOWN_KEY,
          where
              + " is signed only by unknown key(s) "
              + String.join(", ", unknown)
              + ", none of which is a Debian archive key. Check the mirror URL; distill trusts"
              + " only the keys shipped in debian-archive-keyring.");
    }
  }

  private boolean usable(PGPPublicKey key) {
    if (key.hasRevocation()) {
      return false;
    }
    long valid = key.getValidSeconds();
    if (valid <= 0) {
      return true;
    }
    Instant expires = key.getCreationTime().toInstant().plusSeconds(valid);
    return clock.instant().isBefore(expires);
  }

  private static boolean isWeak(int hashAlgorithm) {
    return hashAlgorithm == HashAlgorithmTags.MD5
        || hashAlgorithm == HashAlgorithmTags.SHA1
        || hashAlgorithm == HashAlgorithmTags.RIPEMD160;
  }

  private static List<PGPSignature> readSignatures(byte[] armored, String where) {
    List<PGPSignature> out = new ArrayList<>();
    try (InputStream in = new ArmoredInputStream(new ByteArrayInputStream(armored))) {
      BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
      Object o;
      while ((o = factory.nextObject()) != null) {
        if (o instanceof PGPSignatureList list) {
          for (PGPSignature s : list) {
            out.add(s);
          }
        } else {
          throw new IOException("unexpected " + o.getClass().getSimpleName() + " in signature");
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new RepositoryVerificationException(
          Reason.BAD_SIGNATURE,
          where + " has a corrupt signature block (" + e.getMessage() + "); refusing it.",
          e);
    }
    return out;
  }

  private static String keyId(long id) {
    return HexFormat.of().withUpperCase().formatHex(longBytes(id)).toUpperCase(Locale.ROOT);
  }

  private static byte[] longBytes(long v) {
    byte[] b = new byte[8];
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) v;
      v >>>= 8;
    }
    return b;
  }
}
