#!/usr/bin/env bash
# Starts Debian's docker-registry (distribution) bound to 127.0.0.1, idempotently, and prints
# its address (127.0.0.1:PORT) on stdout once /v2/ answers.
#
#   scripts/start-registry.sh [--name NAME] [--port PORT] [--htpasswd FILE]
#                             [--token-realm URL --token-service NAME --token-issuer NAME
#                              --token-certs PEM]
#   scripts/start-registry.sh --stop [--name NAME]
#
# NAME (default "distill") keys the state directory /tmp/distill-registry-NAME (config, storage,
# pid, log). Without --port the registry takes 5000 when free, else the next free port.
# --htpasswd FILE turns on basic auth (bcrypt lines); the --token-* options turn on bearer-token
# auth with JWTs signed by a key whose certificate is in PEM. Only loopback is ever bound.
set -euo pipefail

name=distill
port=
htpasswd=
token_realm=
token_service=
token_issuer=
token_certs=
stop=0
while [ $# -gt 0 ]; do
  case "$1" in
    --name) name="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --htpasswd) htpasswd="$2"; shift 2 ;;
    --token-realm) token_realm="$2"; shift 2 ;;
    --token-service) token_service="$2"; shift 2 ;;
    --token-issuer) token_issuer="$2"; shift 2 ;;
    --token-certs) token_certs="$2"; shift 2 ;;
    --stop) stop=1; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "start-registry: unknown option $1" >&2; exit 2 ;;
  esac
done
case "$name" in
  *[!A-Za-z0-9_-]*|'') echo "start-registry: --name may hold letters, digits, - and _ only" >&2; exit 2 ;;
esac

state="/tmp/distill-registry-$name"
pidfile="$state/pid"
addrfile="$state/addr"

running() {
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

answers() {
  # any HTTP answer from /v2/ (200, or 401 with auth on) means the registry is serving
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://$1/v2/" || true)
  [ "$code" = 200 ] || [ "$code" = 401 ]
}

if [ "$stop" = 1 ]; then
  if running; then
    kill "$(cat "$pidfile")"
    for _ in $(seq 1 50); do running || break; sleep 0.1; done
  fi
  rm -rf "$state"
  exit 0
fi

if running && [ -f "$addrfile" ] && answers "$(cat "$addrfile")"; then
  cat "$addrfile"
  exit 0
fi

if ! command -v docker-registry >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "start-registry: docker-registry is missing; run as root or apt-get install docker-registry" >&2
    exit 2
  fi
  echo "start-registry: installing docker-registry" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-registry >/dev/null
fi
command -v curl >/dev/null 2>&1 || { echo "start-registry: curl is needed" >&2; exit 2; }

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
if [ -z "$port" ]; then
  port=5000
  while ! port_free "$port"; do
    port=$((port + 1))
    if [ "$port" -gt 5999 ]; then
      echo "start-registry: no free port in 5000-5999" >&2
      exit 1
    fi
  done
elif ! port_free "$port"; then
  echo "start-registry: 127.0.0.1:$port is taken by another program" >&2
  exit 1
fi

rm -rf "$state"
mkdir -p "$state/storage"
addr="127.0.0.1:$port"
{
  echo "version: 0.1"
  echo "log:"
  echo "  level: info"
  echo "  accesslog:"
  echo "    disabled: true"
  echo "storage:"
  echo "  filesystem:"
  echo "    rootdirectory: $state/storage"
  echo "  delete:"
  echo "    enabled: true"
  echo "http:"
  echo "  addr: $addr"
  echo "  relativeurls: true"
  if [ -n "$htpasswd" ]; then
    cp "$htpasswd" "$state/htpasswd"
    echo "auth:"
    echo "  htpasswd:"
    echo "    realm: distill-test"
    echo "    path: $state/htpasswd"
  elif [ -n "$token_realm" ]; then
    cp "$token_certs" "$state/token-certs.pem"
    echo "auth:"
    echo "  token:"
    echo "    realm: $token_realm"
    echo "    service: $token_service"
    echo "    issuer: $token_issuer"
    echo "    rootcertbundle: $state/token-certs.pem"
  fi
} >"$state/config.yml"

nohup docker-registry serve "$state/config.yml" >"$state/log" 2>&1 &
echo $! >"$pidfile"
echo "$addr" >"$addrfile"
for _ in $(seq 1 100); do
  if answers "$addr"; then
    echo "$addr"
    exit 0
  fi
  if ! running; then break; fi
  sleep 0.1
done
echo "start-registry: the registry did not come up on $addr; see $state/log" >&2
tail -n 20 "$state/log" >&2 || true
exit 1
