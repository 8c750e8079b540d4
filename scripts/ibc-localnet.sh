#!/usr/bin/env bash
# Runs TrustCity's two-chain network on loopback: TrustCity (the chain of
# `make localnet`, chain id trustcity-local-1) and a bank chain that is not
# TrustCity (tests/bankchain, chain id bank-1), connected by the Go relayer
# over an ICS-20 channel (channel-0 on both sides). Everything lives in
# $IBC_HOME (default ./.ibc-localnet); Ctrl-C stops the chains and the
# relayer. Run through `make ibc-localnet`, which builds the three binaries.
set -euo pipefail

IBC_HOME=${IBC_HOME:-./.ibc-localnet}
BIN=${BIN:-./build/trustcityd}
BANK_BIN=${BANK_BIN:-./build/bankchain}
RLY_BIN=${RLY_BIN:-./build/rly}
BANK_CHAIN_ID=bank-1
BANK_RPC=http://127.0.0.1:36657
CITY_RPC=http://127.0.0.1:26657

mkdir -p "$IBC_HOME"
IBC_HOME=$(cd "$IBC_HOME" && pwd)
BANK_HOME="$IBC_HOME/bank" CITY_HOME="$IBC_HOME/trustcity" RLY_HOME="$IBC_HOME/relayer"
BANK_KR=(--keyring-backend test --home "$BANK_HOME")

pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT INT TERM

# wait_for_blocks waits until the chain behind rpc has produced a block.
wait_for_blocks() {
  local rpc=$1 name=$2
  for _ in $(seq 1 120); do
    if curl -fsS "$rpc/status" 2>/dev/null | grep -q '"latest_block_height":"[1-9]'; then
      return 0
    fi
    sleep 1
  done
  echo "$name produced no block; see its log in $IBC_HOME" >&2
  exit 1
}

# The bank chain: one validator and two funded accounts, alice (a bank
# customer) and relayer; its node listens on the 3xxxx ports, and its client
# commands need only --home.
if [ ! -f "$BANK_HOME/config/genesis.json" ]; then
  echo "Initialising $BANK_CHAIN_ID in $BANK_HOME"
  "$BANK_BIN" init bank --chain-id "$BANK_CHAIN_ID" --home "$BANK_HOME" >/dev/null 2>&1
  for key in validator alice relayer; do
    "$BANK_BIN" keys add "$key" "${BANK_KR[@]}" --output json >"$BANK_HOME/$key.key.json" 2>&1
    "$BANK_BIN" genesis add-genesis-account "$key" 1000000000000stake "${BANK_KR[@]}"
  done
  "$BANK_BIN" genesis gentx validator 100000000000stake --chain-id "$BANK_CHAIN_ID" "${BANK_KR[@]}" >/dev/null 2>&1
  "$BANK_BIN" genesis collect-gentxs --home "$BANK_HOME" >/dev/null 2>&1
  sed -i.bak -e 's#^minimum-gas-prices = .*#minimum-gas-prices = "0stake"#' \
    -e 's#address = "tcp://localhost:1317"#address = "tcp://127.0.0.1:31317"#' \
    -e 's#address = "localhost:9090"#address = "127.0.0.1:39090"#' \
    -e '/^\[api\]/,/^\[/ s#^enable = false#enable = true#' "$BANK_HOME/config/app.toml"
  sed -i.bak -e 's#laddr = "tcp://127.0.0.1:26657"#laddr = "tcp://127.0.0.1:36657"#' \
    -e 's#laddr = "tcp://0.0.0.0:26656"#laddr = "tcp://127.0.0.1:36656"#' \
    -e 's#pprof_laddr = "localhost:6060"#pprof_laddr = "localhost:36060"#' \
    -e 's#^timeout_commit = .*#timeout_commit = "1s"#' "$BANK_HOME/config/config.toml"
  # The client commands talk to the bank chain's node with the test keyring.
  sed -i.bak -e "s#^node = .*#node = \"tcp://127.0.0.1:36657\"#" -e "s#^chain-id = .*#chain-id = \"$BANK_CHAIN_ID\"#" \
    -e 's#^keyring-backend = .*#keyring-backend = "test"#' "$BANK_HOME/config/client.toml"
  rm -f "$BANK_HOME"/config/*.bak
fi
"$BANK_BIN" start --home "$BANK_HOME" >"$IBC_HOME/bank.log" 2>&1 &
pids+=($!)

# TrustCity: the chain of `make localnet`, in its own home here.
LOCALNET_HOME="$CITY_HOME" BIN="$BIN" bash "$(dirname "$0")/localnet.sh" >"$IBC_HOME/trustcity.log" 2>&1 &
pids+=($!)

wait_for_blocks "$BANK_RPC" "$BANK_CHAIN_ID"
wait_for_blocks "$CITY_RPC" trustcity-local-1

# The relayer: one key on each chain (TrustCity's bank-admin key pays its
# fees there), a path "tb" and, the first time, the clients, connection and
# ICS-20 channel.
if [ ! -f "$RLY_HOME/config/config.yaml" ]; then
  "$RLY_BIN" config init --home "$RLY_HOME" >/dev/null
  cat >"$IBC_HOME/trustcity.chain.json" <<JSON
{"type":"cosmos","value":{"key":"default","chain-id":"trustcity-local-1","rpc-addr":"$CITY_RPC","account-prefix":"tcity","keyring-backend":"test","gas-adjustment":1.5,"gas-prices":"0utcity","min-gas-amount":0,"debug":false,"timeout":"20s","output-format":"json","sign-mode":"direct"}}
JSON
  cat >"$IBC_HOME/bank.chain.json" <<JSON
{"type":"cosmos","value":{"key":"default","chain-id":"$BANK_CHAIN_ID","rpc-addr":"$BANK_RPC","account-prefix":"cosmos","keyring-backend":"test","gas-adjustment":1.5,"gas-prices":"0stake","min-gas-amount":0,"debug":false,"timeout":"20s","output-format":"json","sign-mode":"direct"}}
JSON
  "$RLY_BIN" chains add --file "$IBC_HOME/trustcity.chain.json" trustcity --home "$RLY_HOME" >/dev/null
  "$RLY_BIN" chains add --file "$IBC_HOME/bank.chain.json" bank --home "$RLY_HOME" >/dev/null
  mnemonic() { sed -n 's/.*"mnemonic":"\([^"]*\)".*/\1/p' "$1"; }
  "$RLY_BIN" keys restore trustcity default "$(mnemonic "$CITY_HOME/bank-admin.key.json")" --home "$RLY_HOME" >/dev/null
  "$RLY_BIN" keys restore bank default "$(mnemonic "$BANK_HOME/relayer.key.json")" --home "$RLY_HOME" >/dev/null
  "$RLY_BIN" paths new trustcity-local-1 "$BANK_CHAIN_ID" tb --home "$RLY_HOME" >/dev/null
  echo "Linking the chains (clients, connection, ICS-20 channel); this takes about a minute"
  "$RLY_BIN" tx link tb --src-port transfer --dst-port transfer --order unordered --version ics20-1 \
    --home "$RLY_HOME" >"$IBC_HOME/link.log" 2>&1
fi

cat <<MSG

TrustCity and a bank chain, linked by the Go relayer (home $IBC_HOME)
  trustcity-local-1  RPC $CITY_RPC  REST http://127.0.0.1:1317  keys: $BIN keys list --home $CITY_HOME --keyring-backend test
  $BANK_CHAIN_ID             RPC $BANK_RPC  REST http://127.0.0.1:31317  keys: $BANK_BIN keys list --home $BANK_HOME
  ICS-20 channel: channel-0 on both chains (port transfer); the relayer's path is "tb"
  Logs: $IBC_HOME/{trustcity,bank,relayer}.log
Walkthrough: README.md, "Walkthrough: funds from a bank chain"
Stop with Ctrl-C; the chains and the link are kept for the next 'make ibc-localnet'.

MSG
"$RLY_BIN" start tb --home "$RLY_HOME" >"$IBC_HOME/relayer.log" 2>&1 &
pids+=($!)
wait "${pids[@]}"
