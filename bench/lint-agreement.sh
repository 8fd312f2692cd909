#!/usr/bin/env bash
# Agreement of distill's Dockerfile linter with hadolint on hadolint's own spec cases
# (../shared/data/peer-cases/hadolint/cases.jsonl, each case's config applied), per rule and overall.
# Usage: bench/lint-agreement.sh [-v]   (-v lists the cases where we disagree)
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${CASES:-../shared/data/peer-cases/hadolint/cases.jsonl}
# a git worktree under /work/wt/<name> sits one level deeper than the main clone
[ -f "$CASES" ] || CASES=../../shared/data/peer-cases/hadolint/cases.jsonl
CP=$(bench/classpath.sh)
exec java -cp "$CP" dev.distill.lint.bench.LintAgreementBench "$CASES" "$@"
