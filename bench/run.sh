#!/usr/bin/env bash
# IgfLive load benchmarks, end to end: builds Release, starts each server under test on a fresh
# data directory pinned to one core, drives it from the load generator pinned to another, runs
# the same scenario against the bare WebSocket baseline, and prints one table:
# scenario, target, measured, baseline, ratio, pass/fail.
#
#   bench/run.sh                       full size: 5,000 clients, 5 minutes per timed scenario
#   bench/run.sh --quick               smoke size: 500 clients, 20 s
#   bench/run.sh --quick fanout idle   only the scenarios named
#
# Scenarios: fanout throughput idle joinstorm slowreaders day event cluster (all by default).
# Sizes (environment; full / --quick defaults):
#   BENCH_CLIENTS          clients in the one-session scenarios           5000 / 500
#   BENCH_SECONDS          length of each timed phase                      300 / 20
#   BENCH_RATE             moderator actions per second                      2 / 2
#   BENCH_RAMP_RATE        joins per second while setting up                500 / 500
#   BENCH_JOIN_RATE        joins per second in the join storm ramp          100 / 100
#   BENCH_SESSIONS         sessions in the day scenario                     300 / 30
#   BENCH_SESSION_CLIENTS  clients per session (2 moderators + participants) 20 / 20
#   BENCH_SESSION_RATE     commands per second per session in the day       0.2 / 0.2
#   BENCH_ROOMS            rooms of the event, one live session each        15 / 15
#   BENCH_DASHBOARDS       dashboards open in the event's second phase        5 / 5
#   BENCH_PROGRAMME        sessions in the event's imported programme       300 / 300
#   BENCH_SLOW_PERCENT     share of clients that stop reading                  1 / 1
#   BENCH_SLOW_RATE        moderator actions per second in slowreaders         2 / 20
#   BENCH_STEPS            broadcast rates tried by the throughput search   2,4,6,8,10,12,15,20,25,30,40,50,100,200,400
#   BENCH_STEP_SECONDS     length of each throughput step                     15 / 5
#   BENCH_WARMUP           unmeasured seconds before fanout, throughput, joinstorm  12 / 12
#   BENCH_IDLE_RUNS        fresh servers per kind in idle; the median is kept   3 / 1
#   BENCH_SERVER_CORE      core for servers (and Redis)                        0
#   BENCH_LOAD_CORE        core for the load generator                         1
#   BENCH_OUT              results directory               artifacts/bench/<UTC time>
#   BENCH_SKIP_BUILD=1     use the existing Release build
# Everything listens on 127.0.0.1 only.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

quick=0
scenarios=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    fanout|throughput|idle|joinstorm|slowreaders|day|event|cluster) scenarios+=("$arg") ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $arg (see --help)" >&2; exit 2 ;;
  esac
done
[ ${#scenarios[@]} -gt 0 ] || scenarios=(fanout throughput idle joinstorm slowreaders day event cluster)

if [ "$quick" -eq 1 ]; then
  clients="${BENCH_CLIENTS:-500}"; seconds="${BENCH_SECONDS:-20}"; sessions="${BENCH_SESSIONS:-30}"
  step_seconds="${BENCH_STEP_SECONDS:-5}"; slow_rate="${BENCH_SLOW_RATE:-20}"; idle_runs="${BENCH_IDLE_RUNS:-1}"
else
  clients="${BENCH_CLIENTS:-5000}"; seconds="${BENCH_SECONDS:-300}"; sessions="${BENCH_SESSIONS:-300}"
  step_seconds="${BENCH_STEP_SECONDS:-15}"; slow_rate="${BENCH_SLOW_RATE:-2}"; idle_runs="${BENCH_IDLE_RUNS:-3}"
fi
warmup="${BENCH_WARMUP:-12}"
rate="${BENCH_RATE:-2}"
ramp_rate="${BENCH_RAMP_RATE:-500}"
join_rate="${BENCH_JOIN_RATE:-100}"
session_clients="${BENCH_SESSION_CLIENTS:-20}"
session_rate="${BENCH_SESSION_RATE:-0.2}"
slow_percent="${BENCH_SLOW_PERCENT:-1}"
rooms="${BENCH_ROOMS:-15}"
dashboards="${BENCH_DASHBOARDS:-5}"
programme="${BENCH_PROGRAMME:-300}"
steps="${BENCH_STEPS:-2,4,6,8,10,12,15,20,25,30,40,50,100,200,400}"
server_core="${BENCH_SERVER_CORE:-0}"
load_core="${BENCH_LOAD_CORE:-1}"
out="${BENCH_OUT:-$root/artifacts/bench/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

server_dll="$root/src/IgfLive.Server/bin/Release/net10.0/IgfLive.Server.dll"
raw_dll="$root/bench/IgfLive.RawBroadcast/bin/Release/net10.0/IgfLive.RawBroadcast.dll"
load_dll="$root/bench/IgfLive.Load/bin/Release/net10.0/IgfLive.Load.dll"
organiser_key="bench-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"

say() { echo "bench: $*" >&2; }

# Each client is a socket on both sides; the day scenario has sessions x clients of them.
need=$(( (clients > sessions * session_clients ? clients : sessions * session_clients) + 2048 ))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need" ]; then
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need" ]; then
    say "open files limit $(ulimit -n) is below the $need these sizes need; raise the hard limit (ulimit -Hn)"
    exit 1
  fi
fi

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  say "building Release"
  for project in src/IgfLive.Server bench/IgfLive.RawBroadcast bench/IgfLive.Load; do
    dotnet build "$project" -c Release -nologo -v quiet >/dev/null
  done
fi

started=()
data_dirs=()
igf_env=()   # extra settings for the next IgfLive started (the day scenario uses the Redis store)
stop_pid() {
  local pid="$1"
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  for pid in "${started[@]}"; do stop_pid "$pid"; done
  for dir in "${data_dirs[@]}"; do rm -rf "$dir"; done
  if [ -n "${cluster_dir:-}" ] && [ -d "$cluster_dir" ]; then
    IGFLIVE_CLUSTER_DIR="$cluster_dir" "$root/deploy/local-cluster.sh" down >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

# shellcheck source=bench/ports.sh
. "$root/bench/ports.sh"

wait_http() {
  local url="$1" what="$2"
  for _ in $(seq 1 300); do
    curl -fsS --max-time 2 "$url" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  say "$what did not answer $url within 60 s"
  return 1
}

# Starts IgfLive on a fresh data directory, pinned to the server core; sets srv_pid and srv_port.
start_igflive() {
  local name="$1" port data
  port=$(free_port)
  data="$(mktemp -d "${TMPDIR:-/tmp}/igflive-bench-XXXXXX")"
  data_dirs+=("$data")
  (
    cd "$(dirname "$server_dll")"
    ASPNETCORE_ENVIRONMENT=Production \
    IgfLive__OrganiserKey="$organiser_key" \
    Storage__DataDirectory="$data" \
    Limits__CallsPerSecond=10000 \
    Limits__QuestionsPerMinute=1000 \
    Limits__VotesPerMinute=10000 \
      exec env "${igf_env[@]}" taskset -c "$server_core" dotnet "$server_dll" --urls "http://127.0.0.1:$port"
  ) >"$out/$name.server.log" 2>&1 &
  srv_pid=$!
  srv_port=$port
  started+=("$srv_pid")
  wait_http "http://127.0.0.1:$port/health/ready" "IgfLive ($name)"
}

# The baselines get the shared array pool size IgfLive sets for itself
# (src/IgfLive.Server/Hosting/SharedArrayPoolSize.cs): the comparison is of code, not of runtime settings.
start_raw() {
  local name="$1" payload="$2" port
  port=$(free_port)
  DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION=8192 \
    taskset -c "$server_core" dotnet "$raw_dll" --urls "http://127.0.0.1:$port" --PayloadBytes "$payload" >"$out/$name.server.log" 2>&1 &
  srv_pid=$!
  srv_port=$port
  started+=("$srv_pid")
  wait_http "http://127.0.0.1:$port/health" "the raw baseline ($name)"
}

# load LABEL SCENARIO ARGS... : runs the generator on its own core, result in $out/LABEL.json.
load() {
  local label="$1" scenario="$2"
  shift 2
  say "$label"
  taskset -c "$load_core" dotnet "$load_dll" "$scenario" --label "$label" --out "$out/$label.json" --warmup "$warmup" "$@" 2>"$out/$label.log" || say "$label: the generator reported a failure (see $out/$label.log)"
  grep -E '^  (fanout_p99_ms|max_deliveries_per_second|kib_per_connection|reconnect_all_seconds|ack_p99_ms|lost|dashboard_delay_p99_ms|server_cpu_closed_percent|server_cpu_open_percent|import_seconds) ' "$out/$label.log" | sed 's/^ */    /' >&2 || true
}

# message_bytes LABEL : the average message carrying one event that a participant received in that run, if it measured one.
message_bytes() {
  jq -r '.metrics.participant_single_event_message_bytes // empty' "$out/$1.json" 2>/dev/null || true
}

# pair SCENARIO ARGS... : the scenario against a fresh IgfLive, then against a fresh raw baseline.
pair() {
  local scenario="$1" payload
  shift
  start_igflive "$scenario-igf" || { say "$scenario-igf: not run, the server did not start (see $out/$scenario-igf.server.log)"; return 0; }
  load "$scenario-igf" "$scenario" --url "http://127.0.0.1:$srv_port" --server-pid "$srv_pid" --organiser-key "$organiser_key" "$@"
  stop_pid "$srv_pid"
  # The baseline sends events as large as IgfLive's were in the same scenario (the throughput
  # search sends only clock adjustments, larger than the fan-out cycle's average); a scenario
  # without events (idle) takes the fan-out run's size.
  payload=$(message_bytes "$scenario-igf")
  [ -n "$payload" ] || payload=$(message_bytes fanout-igf)
  start_raw "$scenario-raw" "${payload:-1000}" || { say "$scenario-raw: not run, the server did not start"; return 0; }
  load "$scenario-raw" "$scenario" --raw --url "http://127.0.0.1:$srv_port" --server-pid "$srv_pid" "$@"
  stop_pid "$srv_pid"
  # Fan-out, throughput and memory also against a bare SignalR hub on the same rooms: SignalR's own share.
  if [ "$scenario" = fanout ] || [ "$scenario" = throughput ] || [ "$scenario" = idle ]; then
    start_raw "$scenario-bare" "${payload:-1000}" || { say "$scenario-bare: not run, the server did not start"; return 0; }
    load "$scenario-bare" "$scenario" --bare --url "http://127.0.0.1:$srv_port" --server-pid "$srv_pid" "$@"
    stop_pid "$srv_pid"
  fi
}

# The idle figure moves by about a kilobyte per connection from one fresh server to the next
# (where the collector stands when the RSS is read), so each kind of server is measured
# idle_runs times, each time fresh, and the run with the median figure is the one reported;
# every run stays in idle-runs/ and idle-runs/<label>.kib lists their figures.
idle_pairs() {
  local run label
  mkdir -p "$out/idle-runs"
  for run in $(seq 1 "$idle_runs"); do
    pair idle --clients "$clients" --join-rate "$ramp_rate"
    for label in idle-igf idle-raw idle-bare; do
      [ -f "$out/$label.json" ] && mv "$out/$label.json" "$out/idle-runs/$label.$run.json"
      [ -f "$out/$label.log" ] && mv "$out/$label.log" "$out/idle-runs/$label.$run.log"
    done
  done
  for label in idle-igf idle-raw idle-bare; do
    compgen -G "$out/idle-runs/$label.*.json" >/dev/null || continue
    jq -s 'sort_by(.metrics.kib_per_connection) | .[(length - 1) / 2 | floor]' "$out/idle-runs/$label".*.json > "$out/$label.json"
    jq -r '.metrics.kib_per_connection' "$out/idle-runs/$label".*.json | paste -sd' ' > "$out/idle-runs/$label.kib"
    say "$label: KiB per connection in each run: $(cat "$out/idle-runs/$label.kib"); the median is reported"
  done
}

# Starts redis-server (append-only file, fsync every second, as deploy/ runs it) on the server
# core; sets redis_port.
start_redis() {
  local name="$1" data
  redis_port=$(free_port)
  data="$(mktemp -d "${TMPDIR:-/tmp}/igflive-bench-redis-XXXXXX")"
  data_dirs+=("$data")
  taskset -c "$server_core" redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$data" \
    --appendonly yes --appendfsync everysec --save '' >"$out/$name.redis.log" 2>&1 &
  redis_pid=$!
  started+=("$redis_pid")
  for _ in $(seq 1 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && return 0; sleep 0.1; done
  say "$name: redis-server did not start (see $out/$name.redis.log)"
  return 1
}

run_cluster() {
  if ! grep -rqs "AddRedisSessionRelay" "$root/src/IgfLive.Server" --include='*.cs'; then
    echo "src/IgfLive.Server has no Redis store or session relay (Redis__Configuration is not read)" > "$out/cluster.skipped"
    say "cluster: not run: $(cat "$out/cluster.skipped")"
    return
  fi
  for tool in redis-server redis-cli nginx; do
    if ! command -v "$tool" >/dev/null; then
      echo "$tool is not installed" > "$out/cluster.skipped"
      say "cluster: not run: $tool is not installed"
      return
    fi
  done
  cluster_dir="$out/cluster"
  local redis_port node1 node2 nginx_port
  redis_port=$(free_port); node1=$(free_port); node2=$(free_port); nginx_port=$(free_port)
  IGFLIVE_CLUSTER_DIR="$cluster_dir" IGFLIVE_REDIS_PORT="$redis_port" IGFLIVE_NODE1_PORT="$node1" \
  IGFLIVE_NODE2_PORT="$node2" IGFLIVE_NGINX_PORT="$nginx_port" IGFLIVE_ORGANISER_KEY="$organiser_key" \
    "$root/deploy/local-cluster.sh" up >"$out/cluster.up.log" 2>&1 || { echo "deploy/local-cluster.sh up failed (see cluster.up.log)" > "$out/cluster.skipped"; return; }
  for part in redis node1 node2 nginx; do
    [ -f "$cluster_dir/$part.pid" ] && taskset -a -p -c "$server_core" "$(cat "$cluster_dir/$part.pid")" >/dev/null 2>&1 || true
  done
  load cluster-igf cluster --url "http://127.0.0.1:$node1" --url "http://127.0.0.1:$node2" \
    --server-pid "$(cat "$cluster_dir/node1.pid")" --server-pid "$(cat "$cluster_dir/node2.pid")" \
    --organiser-key "$organiser_key" --redis "127.0.0.1:$redis_port" --isolated-session \
    --clients "$clients" --rate "$rate" --seconds "$seconds" --join-rate "$ramp_rate"
  jq '{publishes_per_broadcast: .metrics.publishes_per_broadcast, uninvolved_node_subscriptions: .metrics.uninvolved_node_subscriptions}' \
    "$out/cluster-igf.json" > "$out/cluster-redis.json" 2>/dev/null || true
  IGFLIVE_CLUSTER_DIR="$cluster_dir" "$root/deploy/local-cluster.sh" down >/dev/null 2>&1 || true
  cluster_dir=""
}

{
  echo "started: $(date -u +%FT%TZ)  mode: $([ "$quick" -eq 1 ] && echo quick || echo full)"
  echo "cores: $(nproc)  memory: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')  kernel: $(uname -r)"
  echo "runtime: $(dotnet --list-runtimes | grep Microsoft.NETCore.App | tail -1)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "sizes: clients=$clients idle_runs=$idle_runs seconds=$seconds rate=$rate ramp=$ramp_rate join=$join_rate sessions=$sessions x $session_clients at $session_rate/s event=$rooms rooms, $dashboards dashboards, $programme sessions slow=$slow_percent% at $slow_rate/s steps=$steps x ${step_seconds}s warmup=${warmup}s"
  echo "pinning: servers on core $server_core, generator on core $load_core"
} > "$out/machine.txt"
cat "$out/machine.txt" >&2

for scenario in "${scenarios[@]}"; do
  case "$scenario" in
    fanout) pair fanout --clients "$clients" --rate "$rate" --seconds "$seconds" --join-rate "$ramp_rate" ;;
    throughput) pair throughput --clients "$clients" --steps "$steps" --step-seconds "$step_seconds" --join-rate "$ramp_rate" ;;
    idle) idle_pairs ;;
    joinstorm) pair joinstorm --clients "$clients" --rate "$rate" --join-rate "$join_rate" ;;
    slowreaders) pair slowreaders --clients "$clients" --rate "$slow_rate" --seconds "$seconds" --slow-percent "$slow_percent" --join-rate "$ramp_rate" ;;
    day|event)
      # P7 asks for the Redis store, and an event runs on it too: IgfLive runs on a fresh redis-server.
      if ! command -v redis-server >/dev/null; then
        echo "redis-server is not installed (the README's test command installs it), so IgfLive ran on its embedded store" > "$out/$scenario-redis.skipped"
      elif start_redis "$scenario"; then
        igf_env=("Redis__Configuration=127.0.0.1:$redis_port")
      else
        echo "redis-server did not start (see $scenario.redis.log), so IgfLive ran on its embedded store" > "$out/$scenario-redis.skipped"
      fi
      [ -f "$out/$scenario-redis.skipped" ] && say "$scenario: $(cat "$out/$scenario-redis.skipped")"
      if [ "$scenario" = day ]; then
        pair day --sessions "$sessions" --session-clients "$session_clients" --session-rate "$session_rate" --seconds "$seconds" --join-rate "$ramp_rate"
      else
        # The baseline is the same event with no dashboard open, measured in the same run.
        if start_igflive event-igf; then
          load event-igf event --url "http://127.0.0.1:$srv_port" --server-pid "$srv_pid" --organiser-key "$organiser_key" \
            --rooms "$rooms" --dashboards "$dashboards" --programme-sessions "$programme" \
            --session-clients "$session_clients" --session-rate "$session_rate" --seconds "$seconds" --join-rate "$ramp_rate"
          stop_pid "$srv_pid"
        fi
      fi
      igf_env=()
      [ -n "${redis_pid:-}" ] && stop_pid "$redis_pid"; redis_pid="" ;;
    cluster) run_cluster ;;
  esac
done

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
echo
cat "$out/machine.txt"
echo
set +e
dotnet "$load_dll" report --dir "$out" --markdown "$out/table.md"
status=$?
set -e
echo
echo "results: $out"
exit "$status"
