package dev.distill.debian.version;

import java.util.Random;

/** Seeded random Debian versions biased towards the parts that make ordering tricky. */
final class RandomVersions {
  private static final String[] ATOMS = {
    "~", "~~", "+", ".", "a", "b", "z", "A", "Z", "0", "00", "1", "01", "9", "10", "010", "99",
    "100", "~a", "+b", ".0", "rc", "beta", "dfsg", "deb12u1", "git", "~rc1", "+nmu1"
  };
  private static final String[] STARTS = {"0", "1", "2", "01", "10", "9", "007"};
  private static final String[] REVISIONS = {
    "0", "1", "01", "a", "~", "+", "2", "10", "0.1", "1+b1", "1~bpo", "ubuntu"
  };
  private static final String[] EPOCHS = {"0", "1", "2", "00", "01", "10"};

  private final Random random;

  RandomVersions(long seed) {
    this.random = new Random(seed);
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  /** A valid version: optional epoch, upstream (maybe with ':' or '-'), optional revision. */
  String next() {
    StringBuilder upstream = new StringBuilder(pick(STARTS));
    int atoms = random.nextInt(6);
    for (int i = 0; i < atoms; i++) {
      upstream.append(pick(ATOMS));
    }
    boolean colon = random.nextInt(20) == 0;
    if (colon) {
      upstream.append(':').append(pick(new String[] {"1", "a", "0"}));
    }
    boolean hyphen = random.nextInt(20) == 0;
    if (hyphen) {
      upstream.append('-').append(pick(new String[] {"1", "a", "0"}));
    }
    StringBuilder v = new StringBuilder();
    if (colon || random.nextInt(100) < 15) {
      v.append(pick(EPOCHS)).append(':');
    }
    v.append(upstream);
    if (hyphen || random.nextInt(10) >= 3) {
      v.append('-').append(pick(REVISIONS));
      int more = random.nextInt(4);
      for (int i = 0; i < more; i++) {
        v.append(pick(ATOMS));
      }
    }
    return v.toString();
  }

  /** A near neighbour of {@code v}, so that many pairs differ in one small place. */
  String neighbour(String v) {
    String m =
        switch (random.nextInt(7)) {
          case 0 -> v + pick(ATOMS);
          case 1 -> v.substring(0, v.length() - 1);
          case 2 -> v.replaceFirst("0", "00");
          case 3 -> v.replaceFirst("\\.", "~");
          case 4 -> v.contains("~") ? v.replaceFirst("~", "") : v + "~";
          case 5 -> v.contains(":") ? v : "0:" + v;
          default -> v.contains("-") ? v : v + "-0";
        };
    try {
      DebianVersion.parse(m);
      return m;
    } catch (dev.distill.DistillException e) {
      return v;
    }
  }
}
