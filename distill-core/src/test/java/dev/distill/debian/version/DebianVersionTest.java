package dev.distill.debian.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class DebianVersionTest {

  /** One line of dpkg-oracle.tsv: dpkg's verdict on a pair of versions. */
  record OraclePair(String a, String b, int sign) {}

  static List<OraclePair> oracle() throws IOException {
    List<OraclePair> pairs = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(
                    DebianVersionTest.class.getResourceAsStream("dpkg-oracle.tsv")),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        int sign =
            switch (f[2]) {
              case "<" -> -1;
              case "=" -> 0;
              case ">" -> 1;
              default -> throw new IllegalStateException(line);
            };
        pairs.add(new OraclePair(f[0], f[1], sign));
      }
    }
    return pairs;
  }

  @Test
  void agreesWithDpkgOnThousandsOfSeededRandomPairs() throws IOException {
    List<OraclePair> pairs = oracle();
    assertThat(pairs).hasSizeGreaterThanOrEqualTo(4000);
    List<String> disagreements = new ArrayList<>();
    for (OraclePair p : pairs) {
      DebianVersion a = DebianVersion.parse(p.a());
      DebianVersion b = DebianVersion.parse(p.b());
      int ours = Integer.signum(a.compareTo(b));
      int reverse = Integer.signum(b.compareTo(a));
      if (ours != p.sign() || reverse != -p.sign()) {
        disagreements.add(p + " but distill says " + ours);
      }
      if (a.equals(b) != (p.sign() == 0)) {
        disagreements.add(p + " but equals() says " + a.equals(b));
      }
      if (p.sign() == 0 && a.hashCode() != b.hashCode()) {
        disagreements.add(p + " are equal but hash differently");
      }
    }
    assertThat(disagreements).isEmpty();
    // The oracle must exercise every outcome, including equal versions written differently.
    assertThat(pairs).anyMatch(p -> p.sign() < 0).anyMatch(p -> p.sign() > 0);
    assertThat(pairs).anyMatch(p -> p.sign() == 0 && !p.a().equals(p.b()));
  }

  @Test
  void ordersTheClassicCasesAsDpkgDoes() {
    String[] ascending = {
      "0~",
      "0",
      "0.1~~",
      "0.1~",
      "0.1",
      "0.1a",
      "0.1+",
      "0.1.0",
      "0.9",
      "0.10",
      "1.0~rc1",
      "1.0",
      "1.0-0.1",
      "1.0-1~bpo1",
      "1.0-1",
      "1.0-1+b1",
      "1.0-1+deb12u1",
      "1.0-2",
      "1.0a",
      "1.0+dfsg",
      "1.0.1",
      "1.1",
      "1:0.1",
      "2:0~"
    };
    for (int i = 0; i + 1 < ascending.length; i++) {
      assertThat(DebianVersion.compare(ascending[i], ascending[i + 1]))
          .as("%s < %s", ascending[i], ascending[i + 1])
          .isNegative();
    }
  }

  @Test
  void equalVersionsWrittenDifferentlyAreEqualAndHashAlike() {
    String[][] same = {
      {"1.0", "1.00"},
      {"1.", "1.0"},
      {"1", "1-0"},
      {"0:1.0", "1.0"},
      {"00:1", "1"},
      {"1.01", "1.1"},
      {"+1:2", "1:2"},
      {"-0:1", "1"},
      {"1-0.0", "1-00.0"},
    };
    for (String[] pair : same) {
      DebianVersion a = DebianVersion.parse(pair[0]);
      DebianVersion b = DebianVersion.parse(pair[1]);
      assertThat(a).as("%s = %s", pair[0], pair[1]).isEqualTo(b);
      assertThat(a.hashCode()).as("hash %s = %s", pair[0], pair[1]).isEqualTo(b.hashCode());
    }
    assertThat(DebianVersion.parse("1.0")).isNotEqualTo(DebianVersion.parse("1.0~"));
    assertThat(DebianVersion.parse("1.0")).isNotEqualTo(DebianVersion.parse("1.0a"));
    // A zero before a letter is not a leading zero: dpkg puts 1.0a before 1.a.
    assertThat(DebianVersion.compare("1.0a", "1.a")).isNegative();
  }

  @Test
  void splitsEpochUpstreamAndRevisionAtTheFirstColonAndLastHyphen() {
    DebianVersion v = DebianVersion.parse("2:1.2-3:4-5+deb12u1");
    assertThat(v.epoch()).isEqualTo(2);
    assertThat(v.upstream()).isEqualTo("1.2-3:4");
    assertThat(v.revision()).isEqualTo("5+deb12u1");
    assertThat(v).hasToString("2:1.2-3:4-5+deb12u1");
    DebianVersion plain = DebianVersion.parse(" 1.0 ");
    assertThat(plain.epoch()).isZero();
    assertThat(plain.revision()).isEmpty();
    assertThat(plain).hasToString("1.0");
    assertThat(DebianVersion.parse("2147483647:1").epoch()).isEqualTo(2147483647L);
    assertThat(DebianVersion.parse("1:1:").upstream()).isEqualTo("1:");
  }

  /**
   * Versions dpkg 1.21 refuses: the comment is dpkg's own complaint. The first group are errors,
   * the second warnings ("bad syntax") that dpkg tolerates only when reading old databases; a lock
   * file or a Packages index must never carry either, so both are parse errors here.
   */
  static final String[] INVALID = {
    "", // empty
    "   ", // empty
    ":1", // epoch in version is empty
    "+:1", // epoch in version is empty
    "1a:1", // epoch in version is not number
    "1.0:", // epoch in version is not number
    "1-1:1", // epoch in version is not number
    "-1:1", // epoch in version is negative
    "2147483648:1", // epoch in version is too big
    "99999999999999999999:1", // epoch in version is too big
    "1:", // nothing after colon in version number
    "-1", // version number is empty
    "1:-1", // version number is empty
    "1-", // revision number is empty
    "1.0-1-", // revision number is empty
    "1.0 x", // version string has embedded spaces
    "1: 1", // version string has embedded spaces
    "1.0\t1", // version string has embedded spaces
    // warnings
    "a1", // version number does not start with digit
    "1:a", // version number does not start with digit
    "1:~1", // version number does not start with digit
    "~1", // version number does not start with digit
    "1_0", // invalid character in version number
    "1.0/2", // invalid character in version number
    "1é", // invalid character in version number
    "1-a_b", // invalid character in revision number
    "1-a:b", // invalid character in revision number
  };

  @Test
  void rejectsEveryVersionDpkgCallsBadSyntax() {
    for (String bad : INVALID) {
      assertThatThrownBy(() -> DebianVersion.parse(bad))
          .as("'%s'", bad)
          .isInstanceOf(DistillException.class)
          .hasMessageStartingWith("Invalid Debian version");
    }
    assertThatThrownBy(() -> DebianVersion.parse(null)).isInstanceOf(DistillException.class);
    assertThatThrownBy(() -> DebianVersion.parse("1a:1"))
        .hasMessageContaining("'1a:1'")
        .hasMessageContaining("epoch");
  }

  /** Versions that look odd but dpkg accepts without a warning, through C strtol's leniency. */
  static final String[] ODD_BUT_VALID = {"+1:1.0", "-0:1", "+0:1", "1:1:", "0000000000001:1"};

  @Test
  void acceptsWhatDpkgAcceptsSilently() {
    for (String ok : ODD_BUT_VALID) {
      assertThat(DebianVersion.parse(ok)).as(ok).isNotNull();
    }
    assertThat(DebianVersion.parse("0000000000001:1").epoch()).isEqualTo(1);
  }

  @Test
  void sortingTheOracleVersionsGivesAConsistentTotalOrder() throws IOException {
    List<DebianVersion> all = new ArrayList<>();
    for (OraclePair p : oracle()) {
      all.add(DebianVersion.parse(p.a()));
      all.add(DebianVersion.parse(p.b()));
    }
    all.sort(null);
    for (int i = 0; i + 1 < all.size(); i++) {
      assertThat(all.get(i).compareTo(all.get(i + 1))).isNotPositive();
    }
    // Transitivity spot check across the whole range.
    for (int i = 0; i + 50 < all.size(); i += 37) {
      assertThat(all.get(i).compareTo(all.get(i + 50))).isNotPositive();
    }
  }
}
