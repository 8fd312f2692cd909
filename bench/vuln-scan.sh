#!/usr/bin/env bash
# Times `distill scan` and `distill sbom` on the shared vulndata root filesystems.
# Usage: bench/vuln-scan.sh  (after ./mvnw -q -B package -DskipTests)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
data="${VULNDATA:-$here/../shared/data/vulndata}"
[ -d "$data" ] || data=/work/shared/data/vulndata
jar="$here/distill-cli/target/distill.jar"
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -q -B package -DskipTests" >&2; exit 2; }
db="$(mktemp -d)"
trap 'rm -rf "$db"' EXIT
cp "$data/derived/debian-tracker-data.json" "$db/debian-tracker.json"
mkdir "$db/nvd" && cp "$data/nvd/nvd-cve-2.0-trimmed.jsonl" "$db/nvd/"
printf '%-36s %6s %8s %8s\n' image exit scan_ms sbom_ms
for img in "$data"/images/*/; do
  name="$(basename "$img")"
  t0=$(date +%s%N)
  set +e; java -jar "$jar" scan "$img" --db "$db" >/dev/null 2>&1; rc=$?; set -e
  t1=$(date +%s%N)
  java -jar "$jar" sbom "$img" --format cyclonedx-json >/dev/null
  t2=$(date +%s%N)
  printf '%-36s %6s %8d %8d\n' "$name" "$rc" $(((t1 - t0) / 1000000)) $(((t2 - t1) / 1000000))
done
