#!/usr/bin/env bash
# Makes a Debian builder image for the Dockerfile tests without pulling from a registry:
# mmdebstrap builds a minimal root filesystem (apt variant) from the Debian mirror and
# `docker import` turns it into an image. Usage: make-builder-image.sh <bookworm|trixie> [tag]
set -euo pipefail
release="${1:?usage: make-builder-image.sh <bookworm|trixie> [tag]}"
tag="${2:-distill-builder/debian:$release}"
mirror="${DISTILL_MIRROR:-http://deb.debian.org/debian}"
security="${DISTILL_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
if docker image inspect "$tag" >/dev/null 2>&1; then
  echo "$tag"
  exit 0
fi
command -v mmdebstrap >/dev/null || { echo "make-builder-image: mmdebstrap is missing (apt-get install mmdebstrap)" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mmdebstrap --quiet --variant=apt --include=ca-certificates \
  "$release" "$tmp/rootfs.tar" \
  "deb $mirror $release main" \
  "deb $mirror $release-updates main" \
  "deb $security $release-security main" >&2
docker import --change 'CMD ["/bin/bash"]' "$tmp/rootfs.tar" "$tag" >/dev/null
echo "$tag"
