#!/usr/bin/env bash
# Lints 1,000 generated Dockerfiles in one process (ShellCheck off) and prints files/s.
# Usage: bench/lint-throughput.sh [count]
set -euo pipefail
cd "$(dirname "$0")/.."
CP=$(bench/classpath.sh)
exec java -cp "$CP" dev.distill.lint.bench.LintThroughputBench "${1:-1000}"
