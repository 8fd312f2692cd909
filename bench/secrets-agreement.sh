#!/usr/bin/env bash
# Agreement of `distill secrets` with gitleaks' own rule samples
# (../shared/data/peer-cases/gitleaks/cases.jsonl): prints, per rule and overall, the share of
# expected secrets found and of expected non-secrets not reported. Target: >= 99% for both.
# Each case runs against the default rule set cut down to the case's rule plus the global
# allowlist, as gitleaks' rule tests do. Set DISTILL_SHARED to use another shared folder.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${DISTILL_SHARED:-../shared}"
cases="$shared/data/peer-cases/gitleaks/cases.jsonl"
[ -f "$cases" ] || { echo "missing $cases (set DISTILL_SHARED)" >&2; exit 2; }
jar=distill-cli/target/distill.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
java -cp "$jar" bench/SecretsAgreement.java "$cases" "$@"
