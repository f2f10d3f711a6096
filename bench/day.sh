#!/usr/bin/env bash
# The IGF day (P7) alone against one server build, for comparing builds run after run:
#
#   bench/day.sh BUILD_DIR LABEL
#
# BUILD_DIR holds IgfLive.Server.dll (e.g. src/IgfLive.Server/bin/Release/net10.0, or a copy of an
# older build's). Starts a fresh redis-server (append-only, fsync every second, as deploy/ runs it)
# and one or two IgfLive nodes on it, all pinned to the server core, and drives them with the load
# generator (built Release beforehand) pinned to the other core. Loopback only. Results go to
# artifacts/bench/day/LABEL.{json,log,redis-stats}; the main figures are printed.
#
# Environment: DAY_NODES (1 or 2; with 2, each session's participants are spread over both nodes),
# DAY_SECONDS (60), DAY_SESSIONS (300), BENCH_SERVER_CORE (0), BENCH_LOAD_CORE (1).
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: bench/day.sh BUILD_DIR LABEL" >&2; exit 2; }
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "$1" && pwd)"
label="$2"
nodes="${DAY_NODES:-1}"
server_core="${BENCH_SERVER_CORE:-0}"
load_core="${BENCH_LOAD_CORE:-1}"
load_dll="$root/bench/IgfLive.Load/bin/Release/net10.0/IgfLive.Load.dll"
out="$root/artifacts/bench/day"
mkdir -p "$out"
[ -f "$build/IgfLive.Server.dll" ] || { echo "no IgfLive.Server.dll in $build" >&2; exit 2; }
[ -f "$load_dll" ] || { echo "build the generator first: dotnet build -c Release bench/IgfLive.Load" >&2; exit 2; }

key="bench-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
# shellcheck source=bench/ports.sh
. "$root/bench/ports.sh"
pids=()
dirs=()
redis_pid=""
# The nodes first (they withdraw their presence from Redis as they stop), then Redis.
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true; fi
  for dir in "${dirs[@]}"; do rm -rf "$dir"; done
}
trap cleanup EXIT

redis_port=$(free_port)
redis_data="$(mktemp -d)"; dirs+=("$redis_data")
taskset -c "$server_core" redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$redis_data" \
  --appendonly yes --appendfsync everysec --save '' >"$out/$label.redis.log" 2>&1 &
redis_pid=$!
for _ in $(seq 1 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

urls=()
server_pids=()
for n in $(seq 1 "$nodes"); do
  node_port=$(free_port)
  data="$(mktemp -d)"; dirs+=("$data")
  (
    cd "$build"
    ASPNETCORE_ENVIRONMENT=Production Redis__Configuration="127.0.0.1:$redis_port" \
    IgfLive__OrganiserKey="$key" Storage__DataDirectory="$data" \
    Limits__CallsPerSecond=10000 Limits__QuestionsPerMinute=1000 Limits__VotesPerMinute=10000 \
      exec taskset -c "$server_core" dotnet IgfLive.Server.dll --urls "http://127.0.0.1:$node_port"
  ) >"$out/$label.node$n.log" 2>&1 &
  pids+=($!)
  server_pids+=(--server-pid "$!")
  urls+=(--url "http://127.0.0.1:$node_port")
  for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$node_port/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
done

ulimit -n "$(ulimit -Hn)"
taskset -c "$load_core" dotnet "$load_dll" day "${urls[@]}" "${server_pids[@]}" --organiser-key "$key" \
  --sessions "${DAY_SESSIONS:-300}" --session-clients 20 --session-rate 0.2 --seconds "${DAY_SECONDS:-60}" \
  --join-rate 500 --label "$label" --out "$out/$label.json" 2>"$out/$label.log" >/dev/null \
  || echo "$label: the generator reported a failure (see $out/$label.log)" >&2
redis-cli -p "$redis_port" info commandstats >"$out/$label.redis-stats" 2>&1 || true
echo "$label: $(grep -E '^  (ack_p50_ms|ack_p95_ms|ack_p99_ms|ack_over_20ms|fanout_p99_ms|join_p50_ms|lost|duplicated|command_errors|server_cpu_percent) ' "$out/$label.log" | tr -s ' ' | tr '\n' ' ')"
echo "$label: Redis $(grep -E '^cmdstat_(lrange|llen|evalsha):' "$out/$label.redis-stats" | cut -d, -f1 | tr '\n' ' ')"
