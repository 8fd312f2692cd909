#!/usr/bin/env bash
# Throughput of `distill secrets` on a large generated tree, against ripgrep searching the same
# keyword set (the gitleaks rules' keywords, case-insensitive). Prints both times and the ratio;
# target: distill within 3x of ripgrep.
#   bench/secrets-throughput.sh [SIZE_MB]   (default 300)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-300}"
jar=distill-cli/target/distill.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
rg_bin="$(command -v rg || true)"
[ -n "$rg_bin" ] || { echo "ripgrep not found: apt-get install ripgrep" >&2; exit 2; }

work="${TMPDIR:-/tmp}/distill-secrets-bench"
tree="$work/tree-$size_mb"
mkdir -p "$work"
keywords="$work/keywords.txt"
# The keyword set: every keyword of every default rule.
python3 - distill-core/src/main/resources/dev/distill/secrets/default-gitleaks.toml "$keywords" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
kws = set()
for block in re.findall(r'^keywords = \[(.*?)\]', text, re.S | re.M):
    kws.update(k.lower() for k in re.findall(r'"([^"]+)"', block))
open(sys.argv[2], 'w').write('\n'.join(sorted(kws)) + '\n')
PY

if [ ! -f "$tree/.complete" ]; then
  rm -rf "$tree"
  echo "generating ${size_mb} MB tree in $tree ..." >&2
  python3 - "$tree" "$size_mb" <<'PY'
import os, random, sys
root, size_mb = sys.argv[1], int(sys.argv[2])
rnd = random.Random(1234)
words = ("value count index buffer result handler request response config module user item list "
         "map entry node parent child stream reader writer format parse build render update delete "
         "create fetch load store cache queue worker thread lock timer event state model view").split()
alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
def ident(): return rnd.choice(words) + rnd.choice(words).capitalize()
def line():
    r = rnd.random()
    if r < 0.55:
        return f"    {ident()} = {ident()}({ident()}, {rnd.randint(0, 9999)})"
    if r < 0.8:
        return f"    if ({ident()} > {rnd.randint(0, 99)}) {{ return {ident()}; }}"
    if r < 0.95:
        return f"    // {' '.join(rnd.choice(words) for _ in range(8))}"
    if r < 0.999:
        # ordinary lines that mention keywords (auth, token, key...) without secrets
        return f"    String {rnd.choice(['authHeader','tokenName','keyName','passwordField'])} = {ident()}();"
    # a planted secret
    tok = "ghp_" + "".join(rnd.choice(alnum) for _ in range(36))
    return f'    github_token = "{tok}"'
target = size_mb * 1024 * 1024
written = 0; n = 0
while written < target:
    d = os.path.join(root, f"pkg{n // 100:03d}")
    os.makedirs(d, exist_ok=True)
    lines = [line() for _ in range(rnd.randint(1000, 3000))]
    data = ("class C%d {\n" % n + "\n".join(lines) + "\n}\n").encode()
    with open(os.path.join(d, f"File{n:05d}.java"), "wb") as f:
        f.write(data)
    written += len(data); n += 1
print(f"{n} files, {written / 1048576:.0f} MB", file=sys.stderr)
PY
  touch "$tree/.complete"
fi

# Warm the page cache so both tools read from memory.
cat "$tree"/*/* > /dev/null
# The launcher records a class-data archive on the first run after the jar changes (a user's first
# run pays it once): that run is made here, untimed.
archive=distill-cli/target/cds/secrets.jsa
if [ -z "${DISTILL_BENCH_JAVA_JAR:-}" ] && { [ ! -f "$archive" ] || [ "$jar" -nt "$archive" ]; }; then
  ./distill secrets --no-git --quiet --max-target-megabytes 0 --report "$work/prime.csv" --format csv \
    "$tree" > /dev/null 2>&1 || true
fi

t0=$(date +%s.%N)
/usr/bin/time -f '%U %S' -o "$work/rg.cpu" \
  "$rg_bin" --no-ignore --hidden -i -F -c -f "$keywords" "$tree" > "$work/rg.out" || true
t1=$(date +%s.%N)
set +e
# Through ./distill, the command users run (it execs java -jar on the jar, with the launcher's
# JVM options); DISTILL_BENCH_JAVA_JAR=1 runs java -jar directly instead.
launcher=(./distill)
[ -z "${DISTILL_BENCH_JAVA_JAR:-}" ] || launcher=(java -jar "$jar")
/usr/bin/time -f '%U %S' -o "$work/distill.cpu" \
  "${launcher[@]}" secrets --no-git --quiet --max-target-megabytes 0 --report "$work/distill.csv" --format csv "$tree"
rc=$?
set -e
t2=$(date +%s.%N)
[ "$rc" = 1 ] || { echo "distill exited $rc (expected 1: the tree has planted secrets)" >&2; exit 1; }
leaks=$(($(wc -l < "$work/distill.csv") - 1))
rg_s=$(echo "$t1 - $t0" | bc -l)
distill_s=$(echo "$t2 - $t1" | bc -l)
ratio=$(echo "$distill_s / $rg_s" | bc -l)
mb=$(du -sm --exclude=.complete "$tree" | cut -f1)
printf 'tree: %s MB; keywords: %d\n' "$mb" "$(wc -l < "$keywords")"
printf 'ripgrep (keyword search): %.2f s\n' "$rg_s"
printf 'distill secrets:          %.2f s (%d leaks, %.0f MB/s)\n' "$distill_s" "$leaks" "$(echo "$mb / $distill_s" | bc -l)"
printf 'ratio distill/ripgrep:    %.2fx wall clock (target <= 3x)\n' "$ratio"
rg_cpu=$(tail -1 "$work/rg.cpu" | awk '{print $1 + $2}')
distill_cpu=$(tail -1 "$work/distill.cpu" | awk '{print $1 + $2}')
printf 'CPU time (user+sys):      ripgrep %.2f s, distill %.2f s, ratio %.1fx\n' \
  "$rg_cpu" "$distill_cpu" "$(echo "$distill_cpu / $rg_cpu" | bc -l)"
printf 'load average during run: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
