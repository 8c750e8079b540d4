#!/usr/bin/env bash
# Starts a one-validator TrustCity chain in the foreground.
# The chain lives in $LOCALNET_HOME (default ./.localnet); it is created on the
# first run and reused afterwards. `make localnet-reset` wipes it.
set -euo pipefail

BIN=${BIN:-./build/trustcityd}
HOME_DIR=${LOCALNET_HOME:-./.localnet}
CHAIN_ID=${CHAIN_ID:-trustcity-local-1}
DENOM=utcity
DEMO_KEYS=(alice bob carol)
KR=(--keyring-backend test --home "$HOME_DIR")

if [ ! -f "$HOME_DIR/config/genesis.json" ]; then
  echo "Initialising $CHAIN_ID in $HOME_DIR"
  "$BIN" init localnet --chain-id "$CHAIN_ID" --default-denom "$DENOM" --home "$HOME_DIR" >/dev/null 2>&1

  for key in validator "${DEMO_KEYS[@]}"; do
    "$BIN" keys add "$key" "${KR[@]}" --output json >"$HOME_DIR/$key.key.json" 2>&1
    "$BIN" genesis add-genesis-account "$key" "1000000000000$DENOM" "${KR[@]}"
  done
  "$BIN" genesis gentx validator "100000000000$DENOM" --chain-id "$CHAIN_ID" --moniker localnet "${KR[@]}" >/dev/null 2>&1
  "$BIN" genesis collect-gentxs --home "$HOME_DIR" >/dev/null 2>&1

  # Short governance periods so proposals can be tried in minutes.
  genesis="$HOME_DIR/config/genesis.json"
  sed -i.bak -e 's/"voting_period": "[0-9]*s"/"voting_period": "60s"/' \
             -e 's/"expedited_voting_period": "[0-9]*s"/"expedited_voting_period": "30s"/' \
             -e 's/"max_deposit_period": "[0-9]*s"/"max_deposit_period": "60s"/' "$genesis"
  rm -f "$genesis.bak"
  "$BIN" genesis validate "$genesis" --home "$HOME_DIR" >/dev/null

  "$BIN" config set app minimum-gas-prices "0$DENOM" --home "$HOME_DIR"
  "$BIN" config set app api.enable true --home "$HOME_DIR"
  "$BIN" config set app api.enabled-unsafe-cors true --home "$HOME_DIR"
  "$BIN" config set app api.swagger true --home "$HOME_DIR"
  "$BIN" config set app api.address "tcp://127.0.0.1:1317" --home "$HOME_DIR"
  "$BIN" config set app grpc.address "127.0.0.1:9090" --home "$HOME_DIR"
  "$BIN" config set comet rpc.laddr "tcp://127.0.0.1:26657" --home "$HOME_DIR"
  "$BIN" config set comet consensus.timeout_commit 1s --home "$HOME_DIR"
  "$BIN" config set comet rpc.cors_allowed_origins '["*"]' --home "$HOME_DIR"
  "$BIN" config set client chain-id "$CHAIN_ID" --home "$HOME_DIR"
  "$BIN" config set client keyring-backend test --home "$HOME_DIR"
fi

cat <<MSG

TrustCity local chain $CHAIN_ID (home $HOME_DIR)
  CometBFT RPC  http://127.0.0.1:26657
  REST API      http://127.0.0.1:1317   (OpenAPI: http://127.0.0.1:1317/swagger/)
  gRPC          127.0.0.1:9090
Demo keys (test keyring, mnemonics in $HOME_DIR/<name>.key.json): validator ${DEMO_KEYS[*]}
  e.g. $BIN keys list --home $HOME_DIR --keyring-backend test
       $BIN tx bank send alice \$($BIN keys show bob -a --home $HOME_DIR --keyring-backend test) 1000$DENOM --home $HOME_DIR --yes
Stop with Ctrl-C; the chain continues from where it stopped on the next 'make localnet'.

MSG
exec "$BIN" start --home "$HOME_DIR"
