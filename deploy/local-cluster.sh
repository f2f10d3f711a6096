#!/usr/bin/env bash
# The docker-compose cluster, on loopback, without Docker: redis-server with an append-only
# file, two IgfLive nodes on their own ports, nginx in front.
#
#   deploy/local-cluster.sh up       start it (builds the server first if needed)
#   deploy/local-cluster.sh status   what runs, and where
#   deploy/local-cluster.sh down     stop it all
#
# Settings (environment):
#   IGFLIVE_CLUSTER_DIR      state directory (pid files, logs, Redis data)  [.cluster]
#   IGFLIVE_REDIS_PORT       redis-server port                              [6390]
#   IGFLIVE_NODE1_PORT       first node                                     [5081]
#   IGFLIVE_NODE2_PORT       second node                                    [5082]
#   IGFLIVE_NGINX_PORT       nginx, the address users open                  [5090]
#   IGFLIVE_ORGANISER_KEY    organiser key; generated and kept in the state directory if unset
#   IGFLIVE_CONFIGURATION    Release or Debug build of the server           [Release]
# Needs redis-server and nginx (Debian: apt-get install redis-server nginx). Every process it
# starts writes only to its log in the state directory, so callers reading this script's output
# are not held open by the cluster.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${IGFLIVE_CLUSTER_DIR:-$root/.cluster}"
redis_port="${IGFLIVE_REDIS_PORT:-6390}"
node1_port="${IGFLIVE_NODE1_PORT:-5081}"
node2_port="${IGFLIVE_NODE2_PORT:-5082}"
nginx_port="${IGFLIVE_NGINX_PORT:-5090}"
configuration="${IGFLIVE_CONFIGURATION:-Release}"
server_dll="$root/src/IgfLive.Server/bin/$configuration/net10.0/IgfLive.Server.dll"
host=127.0.0.1

say() { echo "local-cluster: $*"; }
fail() { echo "local-cluster: $*" >&2; exit 1; }

running() { [ -f "$dir/$1.pid" ] && kill -0 "$(cat "$dir/$1.pid")" 2>/dev/null; }

# Waits up to $2 seconds for $1 (a command) to succeed.
wait_for() {
  local check="$1" seconds="$2" what="$3"
  for _ in $(seq 1 $((seconds * 5))); do
    if eval "$check" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  fail "$what did not come up within ${seconds}s; see $dir/*.log"
}

http_ok() { curl -fsS --max-time 2 "$1" >/dev/null; }

start_redis() {
  command -v redis-server >/dev/null || fail "redis-server is not installed (apt-get install redis-server)"
  mkdir -p "$dir/redis"
  redis-server --bind "$host" --port "$redis_port" --dir "$dir/redis" \
    --appendonly yes --appendfsync everysec --save "" --daemonize no \
    --logfile "$dir/redis.log" </dev/null >/dev/null 2>&1 &
  echo $! > "$dir/redis.pid"
  wait_for "redis-cli -h $host -p $redis_port ping | grep -q PONG" 20 "redis-server"
  say "redis-server on $host:$redis_port (append-only file in $dir/redis)"
}

start_node() {
  local name="$1" port="$2"
  mkdir -p "$dir/$name"
  ASPNETCORE_ENVIRONMENT=Production \
  IgfLive__OrganiserKey="$organiser_key" \
  IgfLive__PublicBaseUrl="http://$host:$nginx_port" \
  Redis__Configuration="$host:$redis_port,abortConnect=false" \
  Storage__DataDirectory="$dir/$name" \
    dotnet "$server_dll" --urls "http://$host:$port" </dev/null >"$dir/$name.log" 2>&1 &
  echo $! > "$dir/$name.pid"
}

start_nginx() {
  command -v nginx >/dev/null || fail "nginx is not installed (apt-get install nginx)"
  mkdir -p "$dir/nginx"
  sed -e "s/\${IGFLIVE_NODE1}/$host:$node1_port/" \
      -e "s/\${IGFLIVE_NODE2}/$host:$node2_port/" \
      -e "s/\${IGFLIVE_LISTEN}/$host:$nginx_port/" \
      "$root/deploy/nginx/igflive.conf.template" > "$dir/nginx/igflive.conf"
  cat > "$dir/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/nginx.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $dir/nginx/body;
    proxy_temp_path $dir/nginx/proxy;
    fastcgi_temp_path $dir/nginx/fastcgi;
    uwsgi_temp_path $dir/nginx/uwsgi;
    scgi_temp_path $dir/nginx/scgi;
    include $dir/nginx/igflive.conf;
}
CONF
  nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -t -q 2>>"$dir/nginx.log" || fail "nginx configuration is invalid; see $dir/nginx.log"
  nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" </dev/null >>"$dir/nginx.log" 2>&1 &
  # nginx writes its own pid file once it listens.
  wait_for "http_ok http://$host:$nginx_port/health/live" 20 "nginx"
  say "nginx on http://$host:$nginx_port -> nodes $node1_port and $node2_port"
}

up() {
  for part in redis node1 node2 nginx; do
    running "$part" && fail "$part is already running ($dir/$part.pid); run '$0 down' first"
  done
  mkdir -p "$dir"
  if [ ! -f "$server_dll" ]; then
    say "building the server ($configuration)"
    dotnet build "$root/src/IgfLive.Server/IgfLive.Server.csproj" -c "$configuration" -nologo -v quiet
  fi
  if [ -n "${IGFLIVE_ORGANISER_KEY:-}" ]; then
    organiser_key="$IGFLIVE_ORGANISER_KEY"
  elif [ -f "$dir/organiser-key" ]; then
    organiser_key="$(cat "$dir/organiser-key")"
  else
    organiser_key="$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
    (umask 077; echo "$organiser_key" > "$dir/organiser-key")
  fi

  # Half a cluster is worse than none: if any part fails to start, stop what did.
  trap 'say "start-up failed; stopping what started"; down' EXIT
  start_redis
  start_node node1 "$node1_port"
  start_node node2 "$node2_port"
  wait_for "http_ok http://$host:$node1_port/health/ready" 60 "node1"
  say "node1 on http://$host:$node1_port (log $dir/node1.log)"
  wait_for "http_ok http://$host:$node2_port/health/ready" 60 "node2"
  say "node2 on http://$host:$node2_port (log $dir/node2.log)"
  start_nginx
  trap - EXIT
  say "organiser key: $organiser_key"
  say "open http://$host:$nginx_port/"
}

stop() {
  local part="$1"
  if running "$part"; then
    local pid
    pid="$(cat "$dir/$part.pid")"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    say "stopped $part ($pid)"
  fi
  rm -f "$dir/$part.pid"
}

down() {
  # Front to back: no new connections, then the nodes, then the store.
  for part in nginx node1 node2 redis; do stop "$part"; done
}

status() {
  for part in redis node1 node2 nginx; do
    if running "$part"; then echo "$part: running (pid $(cat "$dir/$part.pid"))"; else echo "$part: stopped"; fi
  done
  echo "nginx: http://$host:$nginx_port  nodes: $node1_port $node2_port  redis: $redis_port"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
