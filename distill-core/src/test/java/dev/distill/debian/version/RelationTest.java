package dev.distill.debian.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.debian.version.Relation.Operator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelationTest {

  @Test
  void parsesNameArchQualifierOperatorAndVersion() {
    Relation r = Relation.parse(" libc6:any (>= 2.36-9+deb12u4) ");
    assertThat(r.name()).isEqualTo("libc6");
    assertThat(r.archQualifier()).contains("any");
    assertThat(r.operator()).contains(Operator.GE);
    assertThat(r.version()).contains(DebianVersion.parse("2.36-9+deb12u4"));
    assertThat(r).hasToString("libc6:any (>= 2.36-9+deb12u4)");

    Relation bare = Relation.parse("debconf");
    assertThat(bare.name()).isEqualTo("debconf");
    assertThat(bare.archQualifier()).isEmpty();
    assertThat(bare.operator()).isEmpty();
    assertThat(bare.version()).isEmpty();
    assertThat(bare).hasToString("debconf");

    Relation tight = Relation.parse("libssl3(<<3.1)");
    assertThat(tight.name()).isEqualTo("libssl3");
    assertThat(tight.operator()).contains(Operator.LT);
  }

  @Test
  void readsEveryOperatorIncludingTheObsoleteSpellings() {
    assertThat(Relation.parse("a (<< 1)").operator()).contains(Operator.LT);
    assertThat(Relation.parse("a (<= 1)").operator()).contains(Operator.LE);
    assertThat(Relation.parse("a (= 1)").operator()).contains(Operator.EQ);
    assertThat(Relation.parse("a (>= 1)").operator()).contains(Operator.GE);
    assertThat(Relation.parse("a (>> 1)").operator()).contains(Operator.GT);
    // dpkg reads the obsolete "<" and ">" as "<=" and ">=".
    assertThat(Relation.parse("a (< 1)").operator()).contains(Operator.LE);
    assertThat(Relation.parse("a (> 1)").operator()).contains(Operator.GE);
  }

  @Test
  void allowsOnlyVersionsInsideTheConstraint() {
    DebianVersion lower = DebianVersion.parse("1.0~rc1");
    DebianVersion same = DebianVersion.parse("1.0");
    DebianVersion sameWritten = DebianVersion.parse("0:1.0-0");
    DebianVersion higher = DebianVersion.parse("1.0+b1");
    assertThat(Relation.parse("p (<< 1.0)").allows(lower)).isTrue();
    assertThat(Relation.parse("p (<< 1.0)").allows(same)).isFalse();
    assertThat(Relation.parse("p (<= 1.0)").allows(sameWritten)).isTrue();
    assertThat(Relation.parse("p (<= 1.0)").allows(higher)).isFalse();
    assertThat(Relation.parse("p (= 1.0)").allows(sameWritten)).isTrue();
    assertThat(Relation.parse("p (= 1.0)").allows(higher)).isFalse();
    assertThat(Relation.parse("p (>= 1.0)").allows(lower)).isFalse();
    assertThat(Relation.parse("p (>= 1.0)").allows(same)).isTrue();
    assertThat(Relation.parse("p (>> 1.0)").allows(same)).isFalse();
    assertThat(Relation.parse("p (>> 1.0)").allows(higher)).isTrue();
    assertThat(Relation.parse("p").allows(lower)).isTrue();
  }

  @Test
  void allowsAgreesWithDpkgOnTheOraclePairs() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (DebianVersionTest.OraclePair p : DebianVersionTest.oracle()) {
      DebianVersion a = DebianVersion.parse(p.a());
      int s = p.sign();
      check(wrong, "p (<< " + p.b() + ")", a, s < 0);
      check(wrong, "p (<= " + p.b() + ")", a, s <= 0);
      check(wrong, "p (= " + p.b() + ")", a, s == 0);
      check(wrong, "p (>= " + p.b() + ")", a, s >= 0);
      check(wrong, "p (>> " + p.b() + ")", a, s > 0);
    }
    assertThat(wrong).isEmpty();
  }

  private static void check(List<String> wrong, String relation, DebianVersion v, boolean dpkg) {
    if (Relation.parse(relation).allows(v) != dpkg) {
      wrong.add(relation + " on " + v + ": dpkg says " + dpkg);
    }
  }

  @Test
  void parsesAFieldIntoGroupsOfAlternatives() {
    List<List<Relation>> groups =
        Relation.parseField(
            "libc6 (>= 2.34), libpcre2-8-0 (>= 10.22),\n libssl3 (>= 3.0.0) | libssl3t64, zlib1g");
    assertThat(groups).hasSize(4);
    assertThat(groups.get(2)).extracting(Relation::name).containsExactly("libssl3", "libssl3t64");
    assertThat(groups.get(2).get(1).operator()).isEmpty();
    assertThat(groups.get(3).get(0).name()).isEqualTo("zlib1g");
    assertThat(Relation.parseField("")).isEmpty();
    assertThat(Relation.parseField(null)).isEmpty();
    assertThat(Relation.parseField("a, , b")).hasSize(2);
  }

  @Test
  void refusesMalformedRelations() {
    for (String bad :
        new String[] {
          "",
          "two names",
          "a (>= 1.0",
          "a (1.0)",
          "a (=> 1.0)",
          "a (>= )",
          "a (>= a1)",
          "a (>= 1.0) trailing"
        }) {
      assertThatThrownBy(() -> Relation.parse(bad))
          .as("'%s'", bad)
          .isInstanceOf(DistillException.class);
    }
    assertThatThrownBy(
            () -> new Relation("a", Optional.empty(), Optional.of(Operator.EQ), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
