#!/usr/bin/env bash
# Starts a one-validator TrustCity chain in the foreground.
# The chain lives in $LOCALNET_HOME (default ./.localnet); it is created on the
# first run and reused afterwards. `make localnet-reset` wipes it.
set -euo pipefail

BIN=${BIN:-./build/trustcityd}
HOME_DIR=${LOCALNET_HOME:-./.localnet}
CHAIN_ID=${CHAIN_ID:-trustcity-local-1}
# The node's ports (all on loopback but P2P; Prometheus only if enabled): a
# second chain on the same host, as in scripts/ibc-localnet.sh, sets its own.
# They and the accredited chains below are written when the chain is created
# and kept afterwards.
RPC_PORT=${RPC_PORT:-26657}
P2P_PORT=${P2P_PORT:-26656}
API_PORT=${API_PORT:-1317}
GRPC_PORT=${GRPC_PORT:-9090}
PPROF_PORT=${PPROF_PORT:-6060}
PROMETHEUS_PORT=${PROMETHEUS_PORT:-26660}
# Chain ids, space-separated, written into the judicial params'
# accredited_chains: the chains whose deposits this chain accepts over IBC and
# to which its deposits may be forwarded. None by default.
JUDICIAL_ACCREDITED_CHAINS=${JUDICIAL_ACCREDITED_CHAINS:-}
DENOM=utcity
DEMO_KEYS=(alice bob carol)
# Keys of the public-funds walkthrough of README.md ("Walkthrough: public
# funds"). village-clerk is a member of the village department (MEMBERS
# below); household and contractor belong to no department and start with
# 1 TCITY, so the payments they receive are easy to see in their balances.
FUNDS_KEYS=(village-clerk household contractor)
KR=(--keyring-backend test --home "$HOME_DIR")

# Demo departments written into the x/identity genesis, one per line:
#   id|name|parent id|roles (enum names without ROLE_)|credential types
# Each is administered by the test-keyring key "<id>-admin". The genesis
# import replays the rules of the messages, so parents come before their
# children, roles are listed in enum order, credential types are sorted
# (byte order) and a child's are a subset of its parent's.
# weather-bureau, transport, health, hospital and treasury (with the demo key
# alice as the patient) play the data-sharing walkthrough of
# README.md ("Walkthrough: data sharing").
# treasury (FUND_MANAGER), its county and the county's village, audit-office
# (FUND_SUPERVISOR), civil-affairs (issues LowIncomeHousehold) and notary play
# the public-funds walkthrough ("Walkthrough: public funds"): x/funds lets a
# holder allocate only to an active department below its own in this tree
# that holds at least one role.
DEPARTMENTS=(
  "city|City Government||DATA_PROVIDER STANDARDS_BODY CREDENTIAL_ISSUER DEVICE_REGISTRAR FUND_MANAGER FUND_SUPERVISOR AUDITOR EVIDENCE_DEPOSITOR COURT BANK|BirthCertificate BusinessLicence DriverLicence HealthCertificate LowIncomeHousehold MarriageCertificate ResidentCard"
  "public-security|Public Security Bureau|city|DATA_PROVIDER CREDENTIAL_ISSUER DEVICE_REGISTRAR EVIDENCE_DEPOSITOR|ResidentCard"
  "transport|Transport Bureau|city|DATA_PROVIDER STANDARDS_BODY CREDENTIAL_ISSUER DEVICE_REGISTRAR|DriverLicence"
  "health|Health Commission|city|DATA_PROVIDER CREDENTIAL_ISSUER DEVICE_REGISTRAR|BirthCertificate HealthCertificate"
  "hospital|City Hospital|health|DATA_PROVIDER|"
  "civil-affairs|Civil Affairs Bureau|city|DATA_PROVIDER CREDENTIAL_ISSUER FUND_MANAGER|LowIncomeHousehold MarriageCertificate"
  "treasury|Treasury Bureau|city|DATA_PROVIDER FUND_MANAGER FUND_SUPERVISOR AUDITOR|"
  "county|Riverside County|treasury|DATA_PROVIDER FUND_MANAGER|"
  "village|Willow Village|county|DATA_PROVIDER|"
  "audit-office|Municipal Audit Office|city|FUND_SUPERVISOR AUDITOR|"
  "weather-bureau|Weather Bureau|city|DATA_PROVIDER STANDARDS_BODY|"
  "court|Intermediate People's Court||COURT|"
  "notary|Notary and E-Evidence Platform||EVIDENCE_DEPOSITOR|"
  "bank|City Commercial Bank||BANK|"
)

# Demo members written into the x/identity genesis, one per line:
#   department id|test-keyring key|roles (enum names without ROLE_, in enum
#   order, a subset of the department's)
# An account is the admin or a member of at most one department. The village
# gets a second member so a large payment the clerk requests can be approved
# by someone else of the same department (its admin).
MEMBERS=(
  "village|village-clerk|DATA_PROVIDER"
)

# json_list prints its arguments as a JSON array of strings, each prefixed.
json_list() {
  local prefix=$1 sep="" out="["
  shift
  for item in "$@"; do
    out+="$sep\"$prefix$item\""
    sep=","
  done
  printf '%s]' "$out"
}

# identity_departments prints the DEPARTMENTS table as the JSON array of the
# identity genesis, with admins from the keyring and created_at = $1.
identity_departments() {
  local created_at=$1 out="[" sep="" ids=() depths=()
  local entry id name parent roles types depth admin i
  for entry in "${DEPARTMENTS[@]}"; do
    IFS='|' read -r id name parent roles types <<<"$entry"
    depth=1
    if [ -n "$parent" ]; then
      depth=0
      for i in "${!ids[@]}"; do
        [ "${ids[$i]}" = "$parent" ] && depth=$((depths[i] + 1))
      done
      if [ "$depth" = 0 ]; then
        echo "department $id: parent $parent must be listed before it" >&2
        return 1
      fi
    fi
    ids+=("$id")
    depths+=("$depth")
    admin=$("$BIN" keys show "$id-admin" -a "${KR[@]}")
    # shellcheck disable=SC2086 # word splitting of the role and type lists is intended
    out+="$sep{\"id\":\"$id\",\"name\":\"$name\",\"parent_id\":\"$parent\",\"admin\":\"$admin\",\
\"roles\":$(json_list ROLE_ $roles),\"credential_types\":$(json_list "" $types),\
\"status\":\"DEPARTMENT_STATUS_ACTIVE\",\"metadata\":\"\",\"did\":\"\",\"depth\":$depth,\
\"created_height\":\"0\",\"created_at\":\"$created_at\"}"
    sep=","
  done
  printf '%s]' "$out"
}

# identity_members prints the MEMBERS table as the JSON array of the identity
# genesis, with addresses from the keyring.
identity_members() {
  local out="[" sep="" entry dept key roles addr
  for entry in "${MEMBERS[@]}"; do
    IFS='|' read -r dept key roles <<<"$entry"
    addr=$("$BIN" keys show "$key" -a "${KR[@]}")
    # shellcheck disable=SC2086 # word splitting of the role list is intended
    out+="$sep{\"department_id\":\"$dept\",\"address\":\"$addr\",\"roles\":$(json_list ROLE_ $roles)}"
    sep=","
  done
  printf '%s]' "$out"
}

if [ ! -f "$HOME_DIR/config/genesis.json" ]; then
  echo "Initialising $CHAIN_ID in $HOME_DIR"
  "$BIN" init localnet --chain-id "$CHAIN_ID" --default-denom "$DENOM" --home "$HOME_DIR" >/dev/null 2>&1

  ADMIN_KEYS=()
  for entry in "${DEPARTMENTS[@]}"; do
    ADMIN_KEYS+=("${entry%%|*}-admin")
  done
  for key in validator "${DEMO_KEYS[@]}" "${ADMIN_KEYS[@]}" "${FUNDS_KEYS[@]}"; do
    "$BIN" keys add "$key" "${KR[@]}" --output json >"$HOME_DIR/$key.key.json" 2>&1
    case "$key" in
      household | contractor) amount=1000000 ;;
      *) amount=1000000000000 ;;
    esac
    "$BIN" genesis add-genesis-account "$key" "$amount$DENOM" "${KR[@]}"
  done
  "$BIN" genesis gentx validator "100000000000$DENOM" --chain-id "$CHAIN_ID" --moniker localnet "${KR[@]}" >/dev/null 2>&1
  "$BIN" genesis collect-gentxs --home "$HOME_DIR" >/dev/null 2>&1

  # Short governance periods so proposals can be tried in minutes.
  genesis="$HOME_DIR/config/genesis.json"
  sed -i.bak -e 's/"voting_period": "[0-9]*s"/"voting_period": "60s"/' \
             -e 's/"expedited_voting_period": "[0-9]*s"/"expedited_voting_period": "30s"/' \
             -e 's/"max_deposit_period": "[0-9]*s"/"max_deposit_period": "60s"/' "$genesis"

  # Demo departments: replace the empty list of the identity genesis.
  genesis_time=$(sed -n 's/^ *"genesis_time": "\([^"]*\)".*/\1/p' "$genesis" | head -n 1)
  departments=$(identity_departments "$genesis_time")
  case "$departments" in
    *'|'* | *'&'* | *'\'*) echo "department table holds a character sed cannot take: | & \\" >&2; exit 1 ;;
  esac
  sed -i.bak -e '/^    "identity": {/,/"departments": \[\]/ s|"departments": \[\]|"departments": '"$departments"'|' "$genesis"
  rm -f "$genesis.bak"
  if ! grep -q '"departments": \[{"id":"city"' "$genesis"; then
    echo "could not write the demo departments into $genesis (no empty identity departments list found)" >&2
    exit 1
  fi
  # Demo members: replace the empty members list of the identity genesis.
  members=$(identity_members)
  sed -i.bak -e '/^    "identity": {/,/"members": \[\]/ s|"members": \[\]|"members": '"$members"'|' "$genesis"
  rm -f "$genesis.bak"
  if ! grep -q '"members": \[{"department_id":' "$genesis"; then
    echo "could not write the demo members into $genesis (no empty identity members list found)" >&2
    exit 1
  fi
  # Accredited chains: replace the empty accredited_chains list of the
  # judicial params.
  if [ -n "$JUDICIAL_ACCREDITED_CHAINS" ]; then
    read -r -a accredited <<<"$JUDICIAL_ACCREDITED_CHAINS"
    for chain in "${accredited[@]}"; do
      if ! [[ "$chain" =~ ^[A-Za-z0-9._-]+$ ]]; then
        echo "JUDICIAL_ACCREDITED_CHAINS: '$chain' is not a chain id (letters, digits, . _ -)" >&2
        exit 1
      fi
    done
    sed -i.bak -e '/^    "judicial": {/,/"accredited_chains": \[\]/ s|"accredited_chains": \[\]|"accredited_chains": '"$(json_list "" "${accredited[@]}")"'|' "$genesis"
    rm -f "$genesis.bak"
    if ! grep -q '"accredited_chains": \["' "$genesis"; then
      echo "could not write the accredited chains into $genesis (no empty judicial accredited_chains list found)" >&2
      exit 1
    fi
  fi
  "$BIN" genesis validate "$genesis" --home "$HOME_DIR" >/dev/null

  "$BIN" config set app minimum-gas-prices "0$DENOM" --home "$HOME_DIR"
  "$BIN" config set app api.enable true --home "$HOME_DIR"
  "$BIN" config set app api.enabled-unsafe-cors true --home "$HOME_DIR"
  "$BIN" config set app api.swagger true --home "$HOME_DIR"
  "$BIN" config set app api.address "tcp://127.0.0.1:$API_PORT" --home "$HOME_DIR"
  "$BIN" config set app grpc.address "127.0.0.1:$GRPC_PORT" --home "$HOME_DIR"
  "$BIN" config set comet rpc.laddr "tcp://127.0.0.1:$RPC_PORT" --home "$HOME_DIR"
  "$BIN" config set comet p2p.laddr "tcp://0.0.0.0:$P2P_PORT" --home "$HOME_DIR"
  "$BIN" config set comet rpc.pprof_laddr "localhost:$PPROF_PORT" --home "$HOME_DIR"
  "$BIN" config set comet instrumentation.prometheus_listen_addr ":$PROMETHEUS_PORT" --home "$HOME_DIR"
  "$BIN" config set comet consensus.timeout_commit 1s --home "$HOME_DIR"
  "$BIN" config set comet rpc.cors_allowed_origins '["*"]' --home "$HOME_DIR"
  "$BIN" config set client chain-id "$CHAIN_ID" --home "$HOME_DIR"
  "$BIN" config set client keyring-backend test --home "$HOME_DIR"
  "$BIN" config set client node "tcp://127.0.0.1:$RPC_PORT" --home "$HOME_DIR"
fi

department_lines=""
member_lines=""
for entry in "${MEMBERS[@]}"; do
  IFS='|' read -r id key _ <<<"$entry"
  member_lines+=" $key (member of $id)"
done
for entry in "${DEPARTMENTS[@]}"; do
  IFS='|' read -r id name parent _ <<<"$entry"
  department_lines+=$(printf '\n  %-16s %-33s admin key %s' "$id" "$name${parent:+ (in $parent)}" "$id-admin")
done

cat <<MSG

TrustCity local chain $CHAIN_ID (home $HOME_DIR)
  CometBFT RPC  http://127.0.0.1:$RPC_PORT
  REST API      http://127.0.0.1:$API_PORT   (OpenAPI: http://127.0.0.1:$API_PORT/swagger/)
  gRPC          127.0.0.1:$GRPC_PORT
Demo keys (test keyring, mnemonics in $HOME_DIR/<name>.key.json): validator ${DEMO_KEYS[*]} ${FUNDS_KEYS[*]}
  e.g. $BIN keys list --home $HOME_DIR --keyring-backend test
       $BIN tx bank send alice \$($BIN keys show bob -a --home $HOME_DIR --keyring-backend test) 1000$DENOM --home $HOME_DIR --yes
Demo departments (x/identity genesis; each admin key is funded):$department_lines
  e.g. $BIN query identity departments --home $HOME_DIR
Demo members (x/identity genesis):$member_lines
Data-sharing walkthrough (weather-bureau, transport, health, hospital, alice): README.md, "Walkthrough: data sharing"
Public-funds walkthrough (treasury > county > village, audit-office, civil-affairs, notary, village-clerk,
  household, contractor): README.md, "Walkthrough: public funds"
Stop with Ctrl-C; the chain continues from where it stopped on the next 'make localnet'.

MSG
exec "$BIN" start --home "$HOME_DIR"
