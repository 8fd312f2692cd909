#!/usr/bin/env bash
# The one test command: installs and starts what the tests need, then runs every unit and
# integration test with the formatting and dependency checks.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/setup.sh
./mvnw -B -ntp verify "$@"
