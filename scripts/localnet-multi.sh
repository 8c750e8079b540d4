#!/usr/bin/env bash
# Runs a four-validator TrustCity network on loopback in the background.
#   localnet-multi.sh start   create (first run) and start the nodes
#   localnet-multi.sh stop    stop them
# Homes, logs and pid files live under $MULTI_HOME (default ./.localnet-multi).
set -euo pipefail

BIN=${BIN:-./build/trustcityd}
NET_DIR=${MULTI_HOME:-./.localnet-multi}
CHAIN_ID=${CHAIN_ID:-trustcity-multi-1}
VALIDATORS=${VALIDATORS:-4}
BASE_PORT=${BASE_PORT:-26600}

stop() {
  local stopped=0
  for pidfile in "$NET_DIR"/node*/trustcityd.pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
      stopped=$((stopped + 1))
    fi
    rm -f "$pidfile"
  done
  echo "Stopped $stopped node(s)."
}

start() {
  if [ ! -f "$NET_DIR/testnet.json" ]; then
    "$BIN" testnet --validators "$VALIDATORS" --output-dir "$NET_DIR" --chain-id "$CHAIN_ID" \
      --base-port "$BASE_PORT" --keyring-backend test
  fi
  for home in "$NET_DIR"/node*/; do
    home=${home%/}
    if [ -f "$home/trustcityd.pid" ] && kill -0 "$(cat "$home/trustcityd.pid")" 2>/dev/null; then
      echo "$(basename "$home") already running"
      continue
    fi
    nohup "$BIN" start --home "$home" >"$home/trustcityd.log" 2>&1 &
    echo $! >"$home/trustcityd.pid"
    echo "Started $(basename "$home") (pid $!, log $home/trustcityd.log)"
  done
  echo "Network description: $NET_DIR/testnet.json"
  echo "Node i listens on P2P $BASE_PORT+10i, RPC +1, REST +2, gRPC +3. Stop with: make localnet-multi-stop"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
