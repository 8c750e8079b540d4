#!/usr/bin/env bash
# Runs TrustCity's IBC network on loopback: TrustCity (the chain of `make
# localnet`, chain id trustcity-local-1), a bank chain that is not TrustCity
# (tests/bankchain, chain id bank-1) and the Internet Court's chain (a second
# TrustCity chain, chain id court-1), connected by the Go relayer: path "tb"
# links TrustCity and the bank chain over an ICS-20 channel (channel-0 on both
# sides), path "tc" links TrustCity and the court chain over a judicial
# channel (port judicial, version judicial-1, unordered; channel-1 on
# TrustCity, channel-0 on court-1), and each accredits the other in its
# judicial params. Everything lives in $IBC_HOME (default ./.ibc-localnet);
# Ctrl-C stops the chains and the relayer. Run through `make ibc-localnet`,
# which builds the three binaries.
set -euo pipefail

IBC_HOME=${IBC_HOME:-./.ibc-localnet}
BIN=${BIN:-./build/trustcityd}
BANK_BIN=${BANK_BIN:-./build/bankchain}
RLY_BIN=${RLY_BIN:-./build/rly}
BANK_CHAIN_ID=bank-1
BANK_RPC=http://127.0.0.1:36657
CITY_CHAIN_ID=trustcity-local-1
CITY_RPC=http://127.0.0.1:26657
COURT_CHAIN_ID=court-1
COURT_RPC=http://127.0.0.1:46657
JUDICIAL_PORT=judicial
JUDICIAL_VERSION=judicial-1

mkdir -p "$IBC_HOME"
IBC_HOME=$(cd "$IBC_HOME" && pwd)
BANK_HOME="$IBC_HOME/bank" CITY_HOME="$IBC_HOME/trustcity" COURT_HOME="$IBC_HOME/court" RLY_HOME="$IBC_HOME/relayer"
BANK_KR=(--keyring-backend test --home "$BANK_HOME")

# A network made before the court chain joined it cannot be extended: its
# TrustCity does not accredit court-1.
if [ -f "$RLY_HOME/config/config.yaml" ] && ! "$RLY_BIN" paths show tc --home "$RLY_HOME" >/dev/null 2>&1; then
  echo "$IBC_HOME holds a network without the court chain; start afresh with 'make ibc-localnet-reset'" >&2
  exit 1
fi

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

# TrustCity and the court chain: the chain of `make localnet` twice, each in
# its own home, the court chain on the 4xxxx ports; each accredits the other
# in its judicial params.
LOCALNET_HOME="$CITY_HOME" BIN="$BIN" CHAIN_ID="$CITY_CHAIN_ID" JUDICIAL_ACCREDITED_CHAINS="$COURT_CHAIN_ID" \
  bash "$(dirname "$0")/localnet.sh" >"$IBC_HOME/trustcity.log" 2>&1 &
pids+=($!)
LOCALNET_HOME="$COURT_HOME" BIN="$BIN" CHAIN_ID="$COURT_CHAIN_ID" JUDICIAL_ACCREDITED_CHAINS="$CITY_CHAIN_ID" \
  RPC_PORT=46657 P2P_PORT=46656 API_PORT=41317 GRPC_PORT=49090 PPROF_PORT=46060 PROMETHEUS_PORT=46660 \
  bash "$(dirname "$0")/localnet.sh" >"$IBC_HOME/court.log" 2>&1 &
pids+=($!)

wait_for_blocks "$BANK_RPC" "$BANK_CHAIN_ID"
wait_for_blocks "$CITY_RPC" "$CITY_CHAIN_ID"
wait_for_blocks "$COURT_RPC" "$COURT_CHAIN_ID"

# The relayer: one key on each chain (the bank-admin key of each TrustCity
# chain pays its fees there), the paths "tb" and "tc" and, the first time,
# their clients, connections and channels: ICS-20 on "tb", judicial on "tc".
if [ ! -f "$RLY_HOME/config/config.yaml" ]; then
  "$RLY_BIN" config init --home "$RLY_HOME" >/dev/null
  # add_chain name chain-id rpc account-prefix denom
  add_chain() {
    cat >"$IBC_HOME/$1.chain.json" <<JSON
{"type":"cosmos","value":{"key":"default","chain-id":"$2","rpc-addr":"$3","account-prefix":"$4","keyring-backend":"test","gas-adjustment":1.5,"gas-prices":"0$5","min-gas-amount":0,"debug":false,"timeout":"20s","output-format":"json","sign-mode":"direct"}}
JSON
    "$RLY_BIN" chains add --file "$IBC_HOME/$1.chain.json" "$1" --home "$RLY_HOME" >/dev/null
  }
  add_chain trustcity "$CITY_CHAIN_ID" "$CITY_RPC" tcity utcity
  add_chain bank "$BANK_CHAIN_ID" "$BANK_RPC" cosmos stake
  add_chain court "$COURT_CHAIN_ID" "$COURT_RPC" tcity utcity
  mnemonic() { sed -n 's/.*"mnemonic":"\([^"]*\)".*/\1/p' "$1"; }
  "$RLY_BIN" keys restore trustcity default "$(mnemonic "$CITY_HOME/bank-admin.key.json")" --home "$RLY_HOME" >/dev/null
  "$RLY_BIN" keys restore bank default "$(mnemonic "$BANK_HOME/relayer.key.json")" --home "$RLY_HOME" >/dev/null
  "$RLY_BIN" keys restore court default "$(mnemonic "$COURT_HOME/bank-admin.key.json")" --home "$RLY_HOME" >/dev/null
  "$RLY_BIN" paths new "$CITY_CHAIN_ID" "$BANK_CHAIN_ID" tb --home "$RLY_HOME" >/dev/null
  "$RLY_BIN" paths new "$CITY_CHAIN_ID" "$COURT_CHAIN_ID" tc --home "$RLY_HOME" >/dev/null
  echo "Linking TrustCity to the bank chain (ICS-20) and to the court chain (judicial): clients, connections and channels; this takes about a minute"
  "$RLY_BIN" tx link tb --src-port transfer --dst-port transfer --order unordered --version ics20-1 \
    --home "$RLY_HOME" >"$IBC_HOME/link.log" 2>&1
  "$RLY_BIN" tx link tc --src-port "$JUDICIAL_PORT" --dst-port "$JUDICIAL_PORT" --order unordered \
    --version "$JUDICIAL_VERSION" --home "$RLY_HOME" >>"$IBC_HOME/link.log" 2>&1
fi

# The judicial channel's ids, read from the court chain (its only channel):
# its own end, then TrustCity's ("?" if the query fails).
channels=$("$BIN" q ibc channel channels --home "$COURT_HOME" --output json 2>/dev/null) || channels=""
court_channel=$(sed -n 's/.*"version":"'"$JUDICIAL_VERSION"'","port_id":"'"$JUDICIAL_PORT"'","channel_id":"\([^"]*\)".*/\1/p' <<<"$channels")
city_channel=$(sed -n 's/.*"counterparty":{"port_id":"'"$JUDICIAL_PORT"'","channel_id":"\([^"]*\)"}.*/\1/p' <<<"$channels")

cat <<MSG

TrustCity, a bank chain and the court chain, linked by the Go relayer (home $IBC_HOME)
  $CITY_CHAIN_ID  RPC $CITY_RPC  REST http://127.0.0.1:1317   keys: $BIN keys list --home $CITY_HOME --keyring-backend test
  $BANK_CHAIN_ID             RPC $BANK_RPC  REST http://127.0.0.1:31317  keys: $BANK_BIN keys list --home $BANK_HOME
  $COURT_CHAIN_ID            RPC $COURT_RPC  REST http://127.0.0.1:41317  keys: $BIN keys list --home $COURT_HOME --keyring-backend test
  ICS-20 channel (path "tb"): channel-0 on $CITY_CHAIN_ID and on $BANK_CHAIN_ID (port transfer)
  Judicial channel (path "tc"): ${city_channel:-?} on $CITY_CHAIN_ID, ${court_channel:-?} on $COURT_CHAIN_ID (port $JUDICIAL_PORT, unordered)
  Logs: $IBC_HOME/{trustcity,bank,court,relayer,link}.log
Walkthroughs: README.md, "Walkthrough: funds from a bank chain" and "Walkthrough: evidence across chains"
Stop with Ctrl-C; the chains and the links are kept for the next 'make ibc-localnet'.

MSG
"$RLY_BIN" start tb tc --home "$RLY_HOME" >"$IBC_HOME/relayer.log" 2>&1 &
pids+=($!)
wait "${pids[@]}"
