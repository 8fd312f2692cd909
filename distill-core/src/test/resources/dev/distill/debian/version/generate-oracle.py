#!/usr/bin/env python3
"""Regenerates dpkg-oracle.tsv: seeded random Debian version pairs with dpkg's verdict.

Run on a machine with dpkg:  python3 generate-oracle.py [count] [seed] > dpkg-oracle.tsv
Each output line is "A<TAB>B<TAB>R" where R is <, = or > as `dpkg --compare-versions` says.
The generator leans on the parts that make version ordering tricky: epochs, '~', '+', '.',
letters against non-letters, leading zeros, empty and numeric-only revisions, colons and
hyphens inside the upstream part. dpkg is run in one `sh` process over a file of pairs.
"""
import random
import subprocess
import sys
import tempfile

ATOMS = ["~", "~~", "+", ".", "a", "b", "z", "A", "Z", "0", "00", "1", "01", "9", "10", "010",
         "99", "100", "~a", "+b", ".0", "rc", "beta", "dfsg", "deb12u1", "git", "~rc1", "+nmu1"]


def part(rng, allow_colon):
    s = rng.choice(["0", "1", "2", "01", "10", "9", "007"])
    for _ in range(rng.randint(0, 5)):
        s += rng.choice(ATOMS)
    if allow_colon and rng.random() < 0.05:
        s += ":" + rng.choice(["1", "a", "0"])
    if allow_colon and rng.random() < 0.05:
        s += "-" + rng.choice(["1", "a", "0"])  # a hyphen inside upstream needs a revision
    return s


def revision(rng):
    r = rng.random()
    if r < 0.3:
        return None
    s = rng.choice(["0", "1", "01", "a", "~", "+", "2", "10", "0.1", "1+b1", "1~bpo", "ubuntu"])
    for _ in range(rng.randint(0, 3)):
        s += rng.choice(ATOMS)
    return s


def version(rng):
    v = ""
    up = part(rng, True)
    if rng.random() < 0.15 or ":" in up:  # a colon in upstream needs an epoch before it
        v += rng.choice(["0", "1", "2", "00", "01", "10"]) + ":"
    rev = revision(rng)
    if rev is None and "-" in up:
        rev = "1"
    v += up
    if rev is not None:
        v += "-" + rev
    return v


def mutate(rng, v):
    """A near neighbour of v, so that many pairs differ in one small place."""
    choices = [
        lambda: v + rng.choice(ATOMS),
        lambda: v[:-1] if len(v) > 1 and not v.endswith("-") and not v[:-1].endswith("-")
        and not v[:-1].endswith(":") else v,
        lambda: v.replace("0", "00", 1),
        lambda: v.replace(".", "~", 1),
        lambda: v.replace("~", "", 1) if "~" in v else v + "~",
        lambda: "0:" + v if ":" not in v else v,
        lambda: v + "-0" if "-" not in v else v,
    ]
    m = rng.choice(choices)()
    return m if valid(m) else v


def valid(v):
    head, colon, rest = v.partition(":")
    if not colon:
        rest = v
    elif not head.isdigit():
        return False
    up, hyphen, rev = rest.rpartition("-")
    if not hyphen:
        up, rev = rest, None
    return bool(up) and up[0].isdigit() and rev != ""


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20261129
    rng = random.Random(seed)
    pairs = []
    while len(pairs) < count:
        a = version(rng)
        b = mutate(rng, a) if rng.random() < 0.5 else version(rng)
        pairs.append((a, b))
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as f:
        for a, b in pairs:
            f.write(f"{a} {b}\n")
        f.flush()
        script = ('while read a b; do if dpkg --compare-versions "$a" lt "$b"; then echo "<"; '
                  'elif dpkg --compare-versions "$a" eq "$b"; then echo "="; else echo ">"; fi; '
                  'done < "$1"')
        out = subprocess.run(["sh", "-c", script, "sh", f.name], capture_output=True, text=True,
                             check=True)
    if out.stderr:
        sys.exit("dpkg complained, so the generator made an invalid version:\n" + out.stderr)
    verdicts = out.stdout.split()
    assert len(verdicts) == len(pairs)
    print(f"# {count} pairs, seed {seed}, by generate-oracle.py with "
          + subprocess.run(["dpkg", "--version"], capture_output=True, text=True).stdout
          .splitlines()[0])
    for (a, b), r in zip(pairs, verdicts):
        print(f"{a}\t{b}\t{r}")


if __name__ == "__main__":
    main()
