#!/usr/bin/env bash
# Compares, in one run, three images of nginx and of redis (Debian bookworm, amd64):
#   standard    a Debian image like the official ones: mmdebstrap (apt kept) + the package,
#               `docker import`ed with an entrypoint; the stand-in for nginx:/redis: images
#   dockerfile  the hardened multi-stage images/<svc>/Dockerfile, `docker build` on distill's cc base
#   distill     `distill build images/<svc>`, daemonless, then `docker load`
# and prints and writes (docs/compare.md, docs/compare.svg) their sizes, files, packages,
# vulnerabilities (one DB for all three), shell / package manager, user, build times (cold and
# warm) and throughput under load (wrk for nginx, redis-benchmark for redis), median of rounds.
#
# Usage: bench/compare.sh            (root; needs docker, mmdebstrap, wrk, redis-tools, curl)
# Env:   COMPARE_ROUNDS (5)  COMPARE_SERVICES ("nginx redis")  COMPARE_WORK (/tmp/distill-compare)
#        COMPARE_SECONDS (10, wrk duration)  COMPARE_REPORT_ONLY (1: docs from the last figures)
#        COMPARE_REQUESTS (1000000, redis-benchmark -n)
# Containers run with --network host on 127.0.0.1 only, each under flock /tmp/distill-docker.lock.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
release=bookworm
rounds="${COMPARE_ROUNDS:-5}"
read -r -a services <<<"${COMPARE_SERVICES:-nginx redis}"
work="${COMPARE_WORK:-/tmp/distill-compare}"
seconds="${COMPARE_SECONDS:-10}"
requests="${COMPARE_REQUESTS:-1000000}"
lock=/tmp/distill-docker.lock
db="$root/distill-cli/src/test/resources/vulndata/db"
mirror="${DISTILL_MIRROR:-http://deb.debian.org/debian}"
security="${DISTILL_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
builder="distill-compare/builder:$release"
base="distill-compare/cc:$release"
kinds=(standard dockerfile distill)
# Server and load generator on different cores, so they don't take turns on one.
server_cpu=1
client_cpu=0
hardened=(--read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges)

log() { echo "compare: $*" >&2; }
die() { echo "compare: $*" >&2; exit 2; }
for tool in docker mmdebstrap wrk redis-benchmark redis-cli curl python3 taskset gzip flock; do
  command -v "$tool" >/dev/null || die "$tool is missing (see scripts/setup.sh: apt-get install mmdebstrap wrk redis-tools curl)"
done
[ "$(nproc)" -ge 2 ] || { server_cpu=0; client_cpu=0; }
docker info >/dev/null 2>&1 || die "the Docker engine is not reachable (scripts/start-docker.sh)"
[ -d "$db" ] || die "vulnerability DB not found: $db"

mkdir -p "$work"
results="$work/results.tsv"
buildlog="$work/build.log"

# One figure: service, image kind, key, value.
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$results"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
# Runs a command with its output in the build log; prints the elapsed milliseconds.
timed() {
  local t0
  t0="$(now_ms)"
  "$@" >>"$buildlog" 2>&1 || { tail -n 30 "$buildlog" >&2; die "failed: $*"; }
  echo $(($(now_ms) - t0))
}
# Runs a command holding the shared engine lock (ports and engine are shared with the tests).
locked() { (flock 9 && "$@") 9>"$lock"; }
package_of() { if [ "$1" = redis ]; then echo redis-server; else echo "$1"; fi; }
tag_of() { echo "distill-compare/$1-$2:$release"; }

# COMPARE_REPORT_ONLY=1 writes the docs again from the last run's figures, measuring nothing.
if [ "${COMPARE_REPORT_ONLY:-0}" != 1 ]; then
: >"$results"
: >"$buildlog"
record - - measured "$(date -u '+%Y-%m-%d %H:%M UTC')"

# --- bases for the Dockerfile build (local; no registry is reachable) ---------------------------
log "builder image (mmdebstrap) and distill's cc base"
"$root/scripts/make-builder-image.sh" "$release" "$builder" >>"$buildlog" 2>&1
if ! docker image inspect "$base" >/dev/null 2>&1; then
  # amd64 only: the spec also lists arm64, and --load takes one architecture.
  "$root/distill" build "$root/images/cc" --release "$release" --arch amd64 --quiet --no-write-lock \
    --cache-dir "$work/cache-base" --load --tag "$base" >>"$buildlog" 2>&1 ||
    { tail -n 5 "$buildlog" >&2; die "distill build images/cc failed"; }
fi

# The launcher records a class-data archive on a command's first real run after its jar is built
# (the JVM's counterpart of docker keeping its builder image): record it here, untimed.
log "distill: class-data archive for the build command (untimed)"
rm -rf "$root/distill-cli/target/cds/build.jsa" "$work/cache-prime"
"$root/distill" build "$root/images/${services[0]}" --release "$release" --arch amd64 --quiet \
  --no-write-lock --cache-dir "$work/cache-prime" --output "docker-archive:$work/prime.tar" \
  >>"$buildlog" 2>&1 || { tail -n 5 "$buildlog" >&2; die "distill build (priming) failed"; }
rm -rf "$work/cache-prime" "$work/prime.tar"

# --- standard: mmdebstrap + apt-get install, like FROM debian + RUN apt-get install -------------
standard_build() {
  local svc="$1" pkg tar="$work/$1-standard.tar" hooks=() changes=()
  pkg="$(package_of "$svc")"
  if [ "$svc" = nginx ]; then
    # Same config and page as the hardened images: port 8080, pid and temp files in /tmp.
    hooks=(--customize-hook="copy-in $root/images/nginx/nginx.conf /etc/nginx"
      --customize-hook="copy-in $root/images/nginx/index.html /usr/share/nginx/html")
    changes=(--change 'ENTRYPOINT ["/usr/sbin/nginx", "-e", "stderr"]'
      --change 'CMD ["-c", "/etc/nginx/nginx.conf"]' --change 'EXPOSE 8080')
  else
    # shellcheck disable=SC2016 # $1 is the root directory mmdebstrap passes to the hook
    hooks=(--customize-hook="copy-in $root/images/redis/redis.conf /etc/redis"
      --customize-hook='chroot "$1" install -d -o redis -g redis -m 0750 /data')
    changes=(--change 'USER redis' --change 'WORKDIR /data' --change 'VOLUME ["/data"]'
      --change 'EXPOSE 6379' --change 'ENTRYPOINT ["/usr/bin/redis-server"]'
      --change 'CMD ["/etc/redis/redis.conf"]')
  fi
  rm -f "$tar"
  # Like the official images: apt kept, no recommends, package lists removed (mmdebstrap's cleanup).
  mmdebstrap --quiet --variant=apt --aptopt='APT::Install-Recommends "false"' --include="$pkg" \
    "${hooks[@]}" "$release" "$tar" \
    "deb $mirror $release main" "deb $mirror $release-updates main" \
    "deb $security $release-security main" &&
    docker import "${changes[@]}" "$tar" "$(tag_of "$svc" standard)"
}

dockerfile_build() {
  local svc="$1" var version
  shift
  var="$(echo "$svc" | tr '[:lower:]' '[:upper:]')_VERSION"
  # The version distill's lock pins, so both hardened images hold the same package.
  version="$(python3 -c '
import json, sys
lock = json.load(open(sys.argv[1]))
t = [t for t in lock["targets"] if t["release"] == sys.argv[2]][0]
print([p["version"] for p in t["packages"] if p["name"] == sys.argv[3]][0])
' "$root/images/$svc/distill.lock.json" "$release" "$(package_of "$svc")")"
  docker build -q "$@" --network host --build-arg "BUILDER_IMAGE=$builder" \
    --build-arg "BASE_IMAGE=$base" --build-arg "$var=$version" \
    -f "$root/images/$svc/Dockerfile" -t "$(tag_of "$svc" dockerfile)" "$root/images"
}

distill_build() {
  local svc="$1"
  "$root/distill" build "$root/images/$svc" --release "$release" --arch amd64 --quiet --no-write-lock \
    --cache-dir "$work/cache-$svc" --tag "$(tag_of "$svc" distill)" \
    --output "docker-archive:$work/$svc-distill.tar"
}

# The image ID (config digest, which names every layer's digest) of a docker-archive.
image_id() {
  python3 -c 'import json, sys, tarfile
print(json.load(tarfile.open(sys.argv[1]).extractfile("manifest.json"))[0]["Config"].split("/")[-1][:19])' "$1"
}

# Times one build and records it: service, kind, key, build command...
timed_build() {
  local ms
  ms="$(timed "${@:4}")"
  record "$1" "$2" "$3" "$ms"
}

for svc in "${services[@]}"; do
  log "$svc: standard (mmdebstrap + docker import)"
  timed_build "$svc" standard build_cold_ms standard_build "$svc"
  # Three builds each: from scratch; after a change (every step runs again, with whatever
  # download cache the tool keeps between builds); and again with nothing changed.
  log "$svc: docker build --no-cache twice (scratch, after a change), then with the layer cache"
  timed_build "$svc" dockerfile build_cold_ms dockerfile_build "$svc" --no-cache
  timed_build "$svc" dockerfile build_change_ms dockerfile_build "$svc" --no-cache
  timed_build "$svc" dockerfile build_warm_ms dockerfile_build "$svc"
  log "$svc: distill build with an empty cache, then twice with the warm cache"
  rm -rf "$work/cache-$svc"
  timed_build "$svc" distill build_cold_ms distill_build "$svc"
  record "$svc" distill image_id_cold "$(image_id "$work/$svc-distill.tar")"
  timed_build "$svc" distill build_change_ms distill_build "$svc"
  timed_build "$svc" distill build_warm_ms distill_build "$svc"
  record "$svc" distill image_id_warm "$(image_id "$work/$svc-distill.tar")"
  docker load -i "$work/$svc-distill.tar" >>"$buildlog"
done

# --- static figures: sizes, files, packages, vulnerabilities, shell, package manager, user --------
# Reads a `docker save` tar: per-layer gzip size, the merged filesystem (whiteouts applied),
# shells, package managers, the configured user and its uid from the image's /etc/passwd.
analyze() {
  python3 - "$@" <<'PY'
import io, json, posixpath, sys, tarfile, zlib
path, svc, kind, out = sys.argv[1:5]
tf = tarfile.open(path)
manifest = json.load(tf.extractfile("manifest.json"))[0]
config = json.load(tf.extractfile(manifest["Config"]))
gz = 0
fs = {}
passwd = ""
for layer in manifest["Layers"]:
    data = tf.extractfile(layer).read()
    c = zlib.compressobj(6, zlib.DEFLATED, 31)  # gzip -6, what a registry would store
    gz += len(c.compress(data)) + len(c.flush())
    with tarfile.open(fileobj=io.BytesIO(data)) as lt:
        for m in lt:
            name = posixpath.normpath(m.name.lstrip("./") or ".")
            d, b = posixpath.split(name)
            if b == ".wh..wh..opq":
                fs = {k: v for k, v in fs.items() if not k.startswith(d + "/")}
                continue
            if b.startswith(".wh."):
                gone = posixpath.join(d, b[4:])
                fs = {k: v for k, v in fs.items() if k != gone and not k.startswith(gone + "/")}
                continue
            fs[name] = m.isdir()
            if name == "etc/passwd" and m.isfile():
                passwd = lt.extractfile(m).read().decode()
files = sum(1 for is_dir in fs.values() if not is_dir)
bindirs = {"bin", "sbin", "usr/bin", "usr/sbin", "usr/local/bin", "usr/local/sbin"}
def found(names):
    return sorted({posixpath.basename(p) for p, is_dir in fs.items()
                   if not is_dir and posixpath.dirname(p) in bindirs and posixpath.basename(p) in names})
shells = found({"sh", "bash", "dash", "ash", "zsh", "busybox"})
managers = found({"apt", "apt-get", "dpkg", "apk", "yum", "dnf", "microdnf"})
user = (config.get("config") or {}).get("User") or "root"
name = user.split(":")[0]
uid = name if name.isdigit() else next(
    (l.split(":")[2] for l in passwd.splitlines() if l.split(":")[0] == name), "?")
with open(out, "a") as f:
    def rec(k, v):
        f.write(f"{svc}\t{kind}\t{k}\t{v}\n")
    rec("gzip_bytes", gz)
    rec("files", files)
    rec("shell", ",".join(shells) or "no")
    rec("package_manager", ",".join(managers) or "no")
    rec("user", f"{user} ({uid})")
PY
}

# Package count and the service package's version (SBOM), vulnerabilities by severity (scan).
inventory() {
  local tar="$1" svc="$2" kind="$3"
  "$root/distill" sbom "$tar" --format cyclonedx-json --quiet -o "$work/$svc-$kind.cdx.json"
  set +e
  "$root/distill" scan "$tar" --db "$db" --offline --max-db-age 100000 --format json --quiet \
    >"$work/$svc-$kind.scan.json"
  local rc=$?
  set -e
  # 1 means "vulnerabilities at or above --fail-on": still a result here.
  [ "$rc" -le 1 ] || die "distill scan failed on $tar (exit $rc)"
  python3 - "$work/$svc-$kind.cdx.json" "$work/$svc-$kind.scan.json" "$svc" "$kind" \
    "$(package_of "$svc")" "$results" <<'PY'
import collections, json, sys
sbom, scan, svc, kind, pkg, out = sys.argv[1:7]
components = json.load(open(sbom)).get("components", [])
debs = [c for c in components if c.get("type") == "library" or "purl" in c]
version = next((c.get("version", "?") for c in debs if c.get("name") == pkg), "?")
report = json.load(open(scan))
sev = collections.Counter(v.get("severity", "UNKNOWN") for v in report["vulnerabilities"])
with open(out, "a") as f:
    def rec(k, v):
        f.write(f"{svc}\t{kind}\t{k}\t{v}\n")
    rec("packages", report["packages"])
    rec("sbom_components", len(debs))
    rec("service_version", version)
    rec("os", report.get("os", "?"))
    for s in ("CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"):
        rec("vuln_" + s.lower(), sev.get(s, 0))
    rec("vuln_fixable", sum(1 for v in report["vulnerabilities"] if v.get("fixedVersion")))
PY
}

for svc in "${services[@]}"; do
  for kind in "${kinds[@]}"; do
    log "$svc/$kind: sizes, files, packages, vulnerabilities"
    tag="$(tag_of "$svc" "$kind")"
    tar="$work/$svc-$kind.saved.tar"
    docker save -o "$tar" "$tag"
    record "$svc" "$kind" size_bytes "$(docker image inspect -f '{{.Size}}' "$tag")"
    analyze "$tar" "$svc" "$kind" "$results"
    inventory "$tar" "$svc" "$kind"
    python3 - "$tar" "$svc" "$kind" "$results" <<'PY'
import json, sys, tarfile
path, svc, kind, out = sys.argv[1:5]
tf = tarfile.open(path)
manifest = json.load(tf.extractfile("manifest.json"))[0]
version = "?"
for layer in manifest["Layers"]:
    with tarfile.open(fileobj=tf.extractfile(layer)) as lt:
        for m in lt:
            if m.name.lstrip("./") == "etc/debian_version" and m.isfile():
                version = lt.extractfile(m).read().decode().strip()
with open(out, "a") as f:
    f.write(f"{svc}\t{kind}\tdebian_version\t{version}\n")
PY
    rm -f "$tar"
  done
done

# --- throughput under load -------------------------------------------------------------------------
# Starts the image pinned to the server core, waits until it answers, warms it up, then measures
# from the other core. Prints the figures; the container is removed before the lock is released.
serve_and_load() {
  local svc="$1" kind="$2" name="distill-compare-$1" flags=() volume="distill-compare-redis-data"
  [ "$kind" = standard ] || flags=("${hardened[@]}")
  docker rm -f "$name" >/dev/null 2>&1 || true
  if [ "$svc" = redis ]; then
    docker volume rm -f "$volume" >/dev/null 2>&1 || true
    flags+=(-v "$volume:/data")
  fi
  # Logs off for all three: json-file logging of every request would load dockerd, not the image.
  docker run -d --name "$name" --network host --cpuset-cpus "$server_cpu" --log-driver none \
    "${flags[@]}" "$(tag_of "$svc" "$kind")" >/dev/null
  local up=0 pid
  for _ in $(seq 1 60); do
    if [ "$svc" = nginx ]; then
      curl -fsS -o /dev/null http://127.0.0.1:8080/ 2>/dev/null && { up=1; break; }
    else
      [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ] && { up=1; break; }
    fi
    sleep 0.5
  done
  pid="$(docker inspect -f '{{.State.Pid}}' "$name")"
  local uid
  uid="$(awk '/^Uid:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo '?')"
  if [ "$up" = 1 ]; then
    if [ "$svc" = nginx ]; then
      taskset -c "$client_cpu" wrk -t1 -c64 -d3s http://127.0.0.1:8080/ >/dev/null
      taskset -c "$client_cpu" wrk -t1 -c64 -d"${seconds}s" http://127.0.0.1:8080/ |
        awk -v uid="$uid" '/^Requests\/sec:/ { print "rps", $2 } END { print "uid", uid }'
    else
      taskset -c "$client_cpu" redis-benchmark -h 127.0.0.1 -p 6379 -t set,get -n 50000 -P 16 -q >/dev/null
      taskset -c "$client_cpu" redis-benchmark -h 127.0.0.1 -p 6379 -t set,get -n "$requests" -P 16 --csv |
        awk -F, -v uid="$uid" '{ gsub(/"/, "") } $1 == "SET" || $1 == "GET" { print tolower($1) "_rps", $2 }
          END { print "uid", uid }'
    fi
  else
    echo "down 1"
    docker logs "$name" 2>&1 | tail -n 5 >&2 || true
  fi
  docker rm -f "$name" >/dev/null 2>&1 || true
  [ "$svc" != redis ] || docker volume rm -f "$volume" >/dev/null 2>&1 || true
}

for svc in "${services[@]}"; do
  for round in $(seq 1 "$rounds"); do
    # Alternate the order each round, so no image always runs first (or last) on a warm machine.
    shift_by=$(((round - 1) % ${#kinds[@]}))
    order=("${kinds[@]:shift_by}" "${kinds[@]:0:shift_by}")
    for kind in "${order[@]}"; do
      log "$svc/$kind: throughput round $round/$rounds"
      while read -r key value; do
        [ "$key" != down ] || die "$svc/$kind did not come up (see the lines above)"
        if [ "$key" = uid ]; then record "$svc" "$kind" runtime_uid "$value"; else
          record "$svc" "$kind" "${key}_r$round" "$value"; fi
      done < <(locked serve_and_load "$svc" "$kind")
    done
  done
done

fi

# --- report ---------------------------------------------------------------------------------------
machine="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores, \
$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), \
Docker $(docker version -f '{{.Server.Version}}' 2>/dev/null)"
python3 - "$results" "$root/docs/compare.md" "$root/docs/compare.svg" "$machine" "$rounds" \
  "$seconds" "$requests" "$server_cpu" "$client_cpu" <<'PY'
import collections, datetime, statistics, sys
results, md_path, svg_path, machine, rounds, seconds, requests, server_cpu, client_cpu = sys.argv[1:10]
kinds = ["standard", "dockerfile", "distill"]
labels = {"standard": "standard (Debian + apt)", "dockerfile": "Dockerfile (docker build)",
          "distill": "distill build"}
fig = collections.defaultdict(dict)
for line in open(results):
    svc, kind, key, value = line.rstrip("\n").split("\t")
    fig[(svc, kind)][key] = value
services = [s for s in dict.fromkeys(s for s, _ in fig) if s != "-"]

def num(svc, kind, key):
    v = fig[(svc, kind)].get(key)
    try:
        return float(v)
    except (TypeError, ValueError):
        return None

def median_of(svc, kind, key):
    vals = [float(v) for k, v in fig[(svc, kind)].items() if k.startswith(key + "_r")]
    return statistics.median(vals) if vals else None

def rounds_of(svc, kind, key):
    return [float(fig[(svc, kind)][k]) for k in sorted(fig[(svc, kind)]) if k.startswith(key + "_r")]

def mb(b): return "" if b is None else f"{b / 1e6:.1f}"
def secs(ms): return "n/a" if ms is None else f"{ms / 1000:.1f}"
def rate(r): return "" if r is None else f"{r:,.0f}"

metrics = {"nginx": [("rps", "wrk requests/s")],
           "redis": [("set_rps", "redis-benchmark SET/s"), ("get_rps", "redis-benchmark GET/s")]}
today = fig[("-", "-")].get("measured") or datetime.datetime.now(datetime.timezone.utc).strftime(
    "%Y-%m-%d %H:%M UTC")
out = []
out.append("# distill compared with a standard image and a `docker build`\n")
out.append(f"Measured {today} by `bench/compare.sh` in one run on: {machine}. "
           "Debian bookworm, amd64; all three images of a service hold Debian's own package "
           "(versions below). Vulnerabilities: `distill scan --offline` with the same DB for all "
           "three (`distill-cli/src/test/resources/vulndata/db`, a fixed excerpt of the Debian "
           "security tracker and NVD, so the counts compare the images, not today's full total).\n")
out.append("- **standard**: `mmdebstrap --variant=apt` + `apt-get install` (no recommends, apt kept), "
           "`docker import`ed; the stand-in for the official `nginx`/`redis` images (no registry reachable). "
           "Same nginx.conf / redis.conf and page as the hardened images. Run as the image says, "
           "without hardening flags.")
out.append("- **Dockerfile**: `images/<svc>/Dockerfile` with `docker build` (legacy builder), "
           "builder from `scripts/make-builder-image.sh`, base = distill's `images/cc` (both local, "
           "made before timing). From scratch and after a change = `--no-cache` (every step runs, "
           "apt downloads again: docker keeps no package cache between builds); nothing changed = "
           "the same build again with the layer cache.")
out.append("- **distill**: `distill build images/<svc> --output docker-archive:…`, no daemon. "
           "From scratch = empty `--cache-dir`; after a change and nothing changed = the same "
           "build again with the filled .deb cache (distill keeps no result cache: it always "
           "assembles the image again). The `./distill` launcher's class-data archive for `build` "
           "is recorded by one untimed build before timing, as docker's builder image is made first. "
           "Both hardened images run `--read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges`.")
out.append(f"- Throughput: server pinned to CPU {server_cpu} (`--cpuset-cpus`), load generator to CPU "
           f"{client_cpu} (`taskset`), `--network host`, 127.0.0.1, container logging off for all; "
           f"warm-up first, then {rounds} rounds with the image order rotated each round; median shown. "
           f"nginx: `wrk -t1 -c64 -d{seconds}s` on port 8080; redis: `redis-benchmark -t set,get "
           f"-n {requests} -P 16` on port 6379 (appendonly on, volume on /data). The machine is shared, "
           "so single rounds vary a lot: read the medians beside the rounds.\n")
out.append("Reading the build times: \"after a change\" is the build CI and developers wait for "
           "(a package, spec or Dockerfile line changed, so every step runs again); \"nothing "
           "changed\" is docker's layer cache answering without doing the work, which distill does "
           "not imitate.\n")

printed = []
for svc in services:
    rows = [
        ("uncompressed size (MB)", lambda k: mb(num(svc, k, "size_bytes"))),
        ("gzip size of the layers (MB)", lambda k: mb(num(svc, k, "gzip_bytes"))),
        ("files (non-directory entries)", lambda k: fig[(svc, k)].get("files", "")),
        ("Debian packages", lambda k: fig[(svc, k)].get("packages", "")),
        (f"{'nginx' if svc == 'nginx' else 'redis-server'} version",
         lambda k: fig[(svc, k)].get("service_version", "")),
        ("/etc/debian_version", lambda k: fig[(svc, k)].get("debian_version", "")),
        ("vulnerabilities critical / high / medium / low / unrated", lambda k: " / ".join(
            fig[(svc, k)].get("vuln_" + s, "0")
            for s in ("critical", "high", "medium", "low", "unknown"))),
        ("… of them with a fix", lambda k: fig[(svc, k)].get("vuln_fixable", "")),
        ("shell", lambda k: fig[(svc, k)].get("shell", "")),
        ("package manager", lambda k: fig[(svc, k)].get("package_manager", "")),
        ("configured user (uid)", lambda k: fig[(svc, k)].get("user", "")),
        ("uid of the running PID 1", lambda k: fig[(svc, k)].get("runtime_uid", "")),
        ("build from scratch (s)", lambda k: secs(num(svc, k, "build_cold_ms"))),
        ("rebuild after a change, caches warm (s)", lambda k: secs(num(svc, k, "build_change_ms"))),
        ("rebuild, nothing changed (s)", lambda k: secs(num(svc, k, "build_warm_ms"))),
        ("same image ID on every rebuild", lambda k: "" if k != "distill" else (
            "yes" if fig[(svc, k)].get("image_id_cold") == fig[(svc, k)].get("image_id_warm")
            else f"no ({fig[(svc, k)].get('image_id_cold')} vs {fig[(svc, k)].get('image_id_warm')})")),
    ]
    for key, label in metrics.get(svc, []):
        rows.append((f"{label}, median", lambda k, key=key: rate(median_of(svc, k, key))))
        rows.append((f"{label}, rounds", lambda k, key=key: " · ".join(
            rate(r) for r in rounds_of(svc, k, key))))
    out.append(f"## {svc}\n")
    out.append("| | " + " | ".join(labels[k] for k in kinds) + " |")
    out.append("|---|" + "---:|" * len(kinds))
    for title, cell in rows:
        out.append(f"| {title} | " + " | ".join(str(cell(k)) for k in kinds) + " |")
    out.append("")
    df_warm, ds_warm = num(svc, "dockerfile", "build_warm_ms"), num(svc, "distill", "build_warm_ms")
    df_cold, ds_cold = num(svc, "dockerfile", "build_cold_ms"), num(svc, "distill", "build_cold_ms")
    df_chg, ds_chg = num(svc, "dockerfile", "build_change_ms"), num(svc, "distill", "build_change_ms")
    if df_chg and ds_chg:
        r = df_chg / ds_chg
        out.append(f"- Rebuild after a change, caches warm: `docker build` {df_chg / 1000:.1f} s vs "
                   f"distill {ds_chg / 1000:.1f} s: distill is **{r:.1f}× faster** "
                   f"(target ≥ 10×: **{'met' if r >= 10 else 'not met'}**).")
        printed.append(f"{svc}: rebuild after a change docker/distill = {r:.2f}x")
    if df_cold and ds_cold:
        out.append(f"- From scratch: `docker build --no-cache` {df_cold / 1000:.1f} s vs distill "
                   f"{ds_cold / 1000:.1f} s: {df_cold / ds_cold:.1f}×.")
    if df_warm and ds_warm:
        r = df_warm / ds_warm
        speed = f"{r:.1f}× faster" if r >= 1 else f"{1 / r:.1f}× slower"
        out.append(f"- Nothing changed: docker's layer cache answers in {df_warm / 1000:.1f} s; distill "
                   f"assembles the image again in {ds_warm / 1000:.1f} s ({speed}).")
        printed.append(f"{svc}: nothing changed docker/distill = {r:.2f}x")
    for key, label in metrics.get(svc, []):
        std = median_of(svc, "standard", key)
        for k in ("dockerfile", "distill"):
            h = median_of(svc, k, key)
            if std and h:
                r = h / std
                out.append(f"- {label}: {labels[k]} / standard = **{r:.3f}×** "
                           f"(target ≥ 0.95×: **{'met' if r >= 0.95 else 'not met'}**).")
                printed.append(f"{svc}: {label} {k}/standard = {r:.3f}x")
    out.append("")
md = "\n".join(out)
open(md_path, "w").write(md + "\n")

# README: the tables and the chart between the compare markers, when README has them.
readme_path = md_path.rsplit("/docs/", 1)[0] + "/README.md"
begin, end = "<!-- compare:begin -->", "<!-- compare:end -->"
readme = open(readme_path).read()
if begin in readme and end in readme:
    body = md.split("\n## ", 1)[1] if "\n## " in md else ""
    section = (f"{begin}\n<!-- written by bench/compare.sh; method and notes in docs/compare.md -->\n\n"
               f"Measured {today}, Debian bookworm amd64, {machine}.\n\n"
               "![sizes, build times and throughput of the three images](docs/compare.svg)\n\n### "
               + body.replace("\n## ", "\n### ").strip() + f"\n{end}")
    head, rest = readme.split(begin, 1)
    open(readme_path, "w").write(head + section + rest.split(end, 1)[1])

# A self-contained SVG: per service, gzip size, cold and warm build time and throughput relative
# to the standard image, one bar per image.
colors = {"standard": "#9aa5b1", "dockerfile": "#4c78a8", "distill": "#2ca02c"}
short = {"standard": "standard", "dockerfile": "Dockerfile", "distill": "distill"}
def value(svc, k, key, scale):
    if key.startswith("median:"):
        std, h = median_of(svc, "standard", key[7:]), median_of(svc, k, key[7:])
        return None if not (std and h) else 100 * h / std
    v = num(svc, k, key)
    return None if v is None else v / scale
def panels_of(svc):
    out = [("gzip size, MB", "gzip_bytes", 1e6), ("build from scratch, s", "build_cold_ms", 1000),
           ("rebuild after a change, s", "build_change_ms", 1000)]
    for key, label in metrics.get(svc, []):
        out.append((label.replace("redis-benchmark ", "") + " vs standard, %", "median:" + key, 1))
    return out
bar_h, gap, label_w, chart_w, pad = 16, 4, 74, 190, 16
panel_h = len(kinds) * (bar_h + gap) + 30
most = max(len(panels_of(s)) for s in services)
width = pad * 2 + most * (label_w + chart_w + pad)
height = 60 + len(services) * (panel_h + 20) + 30
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
       f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
       f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
       f'<text x="{pad}" y="28" font-size="16" font-weight="bold">distill vs Dockerfile vs standard '
       f'Debian image: {", ".join(services)} (Debian bookworm, amd64, {today})</text>']
for si, svc in enumerate(services):
    y0 = 60 + si * (panel_h + 20)
    for pi, (title, key, scale) in enumerate(panels_of(svc)):
        x0 = pad + pi * (label_w + chart_w + pad)
        vals = {k: value(svc, k, key, scale) for k in kinds}
        top = max(v or 0 for v in vals.values()) or 1
        svg.append(f'<text x="{x0}" y="{y0 + 10}" font-weight="bold">{svc}: {title}</text>')
        for ki, k in enumerate(kinds):
            y = y0 + 20 + ki * (bar_h + gap)
            svg.append(f'<text x="{x0 + label_w - 6}" y="{y + bar_h - 4}" text-anchor="end">{short[k]}</text>')
            if vals[k] is None:
                svg.append(f'<text x="{x0 + label_w + 4}" y="{y + bar_h - 4}" fill="#666">n/a</text>')
                continue
            w = chart_w * 0.8 * vals[k] / top
            svg.append(f'<rect x="{x0 + label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colors[k]}"/>')
            svg.append(f'<text x="{x0 + label_w + w + 4:.1f}" y="{y + bar_h - 4}">{vals[k]:.1f}</text>')
svg.append(f'<text x="{pad}" y="{height - 10}" fill="#666">Generated by bench/compare.sh; '
           'figures and method in docs/compare.md.</text>')
svg.append("</svg>")
open(svg_path, "w").write("\n".join(svg) + "\n")
print(md)
print("\n".join(printed))
PY
log "wrote docs/compare.md and docs/compare.svg (raw figures: $results)"
