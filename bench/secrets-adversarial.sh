#!/usr/bin/env bash
# Adversarial inputs for `distill secrets`: a 100 MB single-line file, a binary blob, deeply
# nested base64, and a config of pathological regexes. Each run must finish in bounded time and
# memory with a clear note; prints wall time, peak RSS, exit code and the notes.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=distill-cli/target/distill.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
work="${TMPDIR:-/tmp}/distill-secrets-adversarial"
rm -rf "$work" && mkdir -p "$work/tree"
python3 - "$work" <<'PY'
import base64, os, sys
w = sys.argv[1]
with open(f"{w}/tree/one-line.txt", "wb") as f:           # 100 MB, no newline
    block = b"a" * (1 << 20)
    for i in range(100):
        f.write(block if i != 57 else block[:-60] + b" ghp_8KxVJq0rX9zYtWmN3pL5bC7dF2gH4jK6sA1e " + b"a" * 17)
with open(f"{w}/tree/blob.bin", "wb") as f:               # binary: NUL in the first 8 KB
    f.write(os.urandom(4096) + b"\0" + os.urandom(20 << 20))
s = b"token = ghp_8KxVJq0rX9zYtWmN3pL5bC7dF2gH4jK6sA1e"
for _ in range(30):                                        # 30 levels of base64
    s = base64.b64encode(s)
with open(f"{w}/tree/nested.txt", "wb") as f:
    f.write(s)
with open(f"{w}/evil.toml", "w") as f:
    f.write("""
[[rules]]
id = "nested-quantifiers"
regex = '''(a+)+$'''
[[rules]]
id = "alternation-blowup"
regex = '''(a|a|aa)*b'''
""")
with open(f"{w}/blowup.toml", "w") as f:
    f.write("""
[[rules]]
id = "huge-counted"
regex = '''(?:a{1,100}){1,100}z'''
""")
PY
run() {
  local name="$1"; shift
  local t0 t1 rc
  t0=$(date +%s.%N)
  set +e
  /usr/bin/time -f '%M' -o "$work/rss" java -Xmx512m -jar "$jar" secrets --no-git "$@" > "$work/out" 2> "$work/err"
  rc=$?
  set -e
  t1=$(date +%s.%N)
  printf '%-44s exit %d, %6.1f s, peak RSS %4d MB\n' "$name" "$rc" "$(echo "$t1 - $t0" | bc -l)" "$(( $(tail -1 "$work/rss") / 1024 ))"
  grep -h '^note:' "$work/err" | sed 's/^/    /' | head -5 || true
  grep -hE '^(stdin|one-line|nested|blob).*: ' "$work/out" | sed 's/^/    finding: /' | head -3 || true
}
run "default limits (50 MB size limit)" "$work/tree"
run "no size limit: 100 MB line in 1 MB pieces" --max-target-megabytes 0 "$work/tree"
run "pathological regexes, 100 MB line" --config "$work/evil.toml" --max-target-megabytes 0 "$work/tree"
run "regex expanding to 10,000 steps/char" --config "$work/blowup.toml" "$work/tree"
grep -h '^error:' "$work/err" | sed 's/^/    /'
