package dev.distill.debian.repo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/** A throw-away Ed25519 OpenPGP key that clear-signs text the way gpg does. */
final class TestSigner {
  private final PGPKeyPair keyPair;

  TestSigner(long seed) {
    try {
      Ed25519KeyPairGenerator gen = new Ed25519KeyPairGenerator();
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      gen.init(new Ed25519KeyGenerationParameters(random));
      AsymmetricCipherKeyPair kp = gen.generateKeyPair();
      keyPair =
          new BcPGPKeyPair(
              org.bouncycastle.bcpg.PublicKeyPacket.VERSION_4,
              PublicKeyAlgorithmTags.EDDSA_LEGACY,
              kp,
              Date.from(java.time.Instant.parse("2024-01-01T00:00:00Z")));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A verifier that trusts only this key. */
  InReleaseVerifier verifier(Clock clock) {
    return new InReleaseVerifier(keyring(), clock);
  }

  PGPPublicKeyRingCollection keyring() {
    return new PGPPublicKeyRingCollection(
        List.of(new PGPPublicKeyRing(List.of(keyPair.getPublicKey()))));
  }

  /**
   * Clear-signs {@code text} (lines separated by {@code \n}): dash-escapes lines starting with '-',
   * signs the canonical form (trailing blanks removed, CRLF, no final newline) and writes the lines
   * as given, joined by {@code eol}.
   */
  String clearSign(String text, String eol) {
    String[] lines = text.split("\n", -1);
    int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
    StringBuilder canonical = new StringBuilder();
    StringBuilder out = new StringBuilder();
    out.append("-----BEGIN PGP SIGNED MESSAGE-----\n");
    out.append("Hash: SHA512\n\n");
    for (int i = 0; i < count; i++) {
      String line = lines[i];
      if (i > 0) {
        canonical.append("\r\n");
      }
      canonical.append(line.replaceAll("[ \t]+$", ""));
      out.append(line.startsWith("-") ? "- " + line : line).append('\n');
    }
    out.append(armoredSignature(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    return out.toString().replace("\n", eol);
  }

  String armoredSignature(byte[] canonical) {
    try {
      PGPSignatureGenerator gen =
          new PGPSignatureGenerator(
              new BcPGPContentSignerBuilder(
                  PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA512),
              keyPair.getPublicKey());
      gen.init(PGPSignature.CANONICAL_TEXT_DOCUMENT, keyPair.getPrivateKey());
      gen.update(canonical);
      PGPSignature sig = gen.generate();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ArmoredOutputStream armor = new ArmoredOutputStream(bytes)) {
        sig.encode(armor);
      }
      return bytes.toString(StandardCharsets.US_ASCII);
    } catch (PGPException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
