#!/usr/bin/env bash
# The one test command: installs and starts what the tests need, runs every unit and integration
# test with the formatting and dependency checks, then runs the security gate (`distill check`)
# on this repository itself: no leaks in its history, Dockerfiles lint clean, nginx and redis
# build, answer in a hardened container and pass the vulnerability policy.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/setup.sh
./mvnw -B -ntp verify "$@"
./distill check --quiet
