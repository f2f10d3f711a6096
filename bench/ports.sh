# Sourced by the bench scripts (bash).

# A port below the ephemeral range (so no client connection can take it meanwhile) that nothing uses.
free_port() {
  local port low
  low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range)
  while :; do
    port=$(( 20000 + RANDOM % (low - 20000) ))
    ss -Htan "sport = :$port" 2>/dev/null | grep -q . || { echo "$port"; return; }
  done
}
