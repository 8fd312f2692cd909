#!/usr/bin/env bash
# Starts a Docker engine with no bridge network (every container runs with --network host)
# when none answers yet. Logs go to /tmp/distill-dockerd.log.
set -euo pipefail
if docker info >/dev/null 2>&1; then
  exit 0
fi
if ! command -v dockerd >/dev/null 2>&1; then
  echo "start-docker: dockerd is not installed (apt-get install docker.io)" >&2
  exit 2
fi
nohup dockerd --bridge=none --iptables=false --ip-masq=false >/tmp/distill-dockerd.log 2>&1 &
for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    echo "start-docker: engine is up" >&2
    exit 0
  fi
  sleep 1
done
echo "start-docker: the engine did not start; see /tmp/distill-dockerd.log" >&2
tail -n 20 /tmp/distill-dockerd.log >&2 || true
exit 1
