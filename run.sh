#!/usr/bin/env bash
# Runs CertGrid on this machine with its local stack and a seeded demo community.
#   ./run.sh            start (data is kept in ./.local between runs)
#   ./run.sh --reset    forget all local data first
# Ctrl-C stops everything this script started.
set -euo pipefail
cd "$(dirname "$0")"
source tools/local-stack.sh

# Bumped when stored data changes shape (2: grain-state row keys carry the grain's hash, SpreadRowKeyGrainStorage).
STORAGE_LAYOUT=2
if [[ ${1:-} == "--reset" ]]; then log "Removing local data (.local/) ..."; rm -rf .local; fi
STORED_LAYOUT=$(cat .local/storage-layout 2>/dev/null || echo 1)
if [[ -d .local && $STORED_LAYOUT != "$STORAGE_LAYOUT" ]]; then
  log "Local data in .local/ was stored by an older CertGrid (storage layout $STORED_LAYOUT, now $STORAGE_LAYOUT); starting over with a new demo community ..."
  rm -rf .local
fi
mkdir -p .local
echo "$STORAGE_LAYOUT" > .local/storage-layout
trap 'log "Stopping ..."; kill "${SERVER_PID:-}" 2>/dev/null || true; wait "${SERVER_PID:-}" 2>/dev/null || true; stop_stack' EXIT
trap 'exit 130' INT TERM

ensure_node_tools
log "Starting Azurite on 127.0.0.1:10000-10002 (data in .local/azurite) ..."
start_azurite .local/azurite 10000 10001 10002

REDIS=""
if ensure_redis_server; then
  log "Starting redis-server on 127.0.0.1:6379 (data in .local/redis) ..."
  start_redis 6379 .local/redis yes && REDIS="127.0.0.1:6379"
else
  warn "redis-server is not installed and cannot be installed here: running without Redis (rate limits and the API-key cache stay in process)."
fi

log "Starting maildev (SMTP 127.0.0.1:1025, inbox http://127.0.0.1:1080) ..."
start_maildev 1025 1080 .local/maildev

if [[ ! -s .local/email-link.key ]]; then
  printf '%s' "$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')" > .local/email-link.key
fi

if [[ ! -s .local/operator.key ]]; then
  printf 'cgop.%s' "$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')" > .local/operator.key
fi
OPERATOR_KEY=$(cat .local/operator.key)

log "Building CertGrid (Release) ..."
dotnet build src/CertGrid.Server -c Release -nologo -v q -clp:ErrorsOnly

log "Starting CertGrid (silo + GraphQL API) ..."
ASPNETCORE_ENVIRONMENT=Development Operator__Key="$OPERATOR_KEY" ConnectionStrings__Redis="$REDIS" \
  Email__SmtpHost=127.0.0.1 Email__SmtpPort=1025 Email__Security=None Email__FromAddress=notices@certgrid.localhost \
  Email__LinkKey="$(cat .local/email-link.key)" \
  Demo__Seed=true Demo__KeysFile="$PWD/.local/demo-keys.json" \
  dotnet src/CertGrid.Server/bin/Release/net10.0/CertGrid.Server.dll &
SERVER_PID=$!

for _ in $(seq 1 240); do
  if [[ -s .local/demo-keys.json ]] && curl -fsS http://127.0.0.1:5080/health/ready >/dev/null 2>&1; then break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || { warn "CertGrid exited; see the messages above."; exit 1; }
  sleep 0.5
done

key() { sed -n "s/.*\"$1\": \"\(.*\)\".*/\1/p" .local/demo-keys.json; }
cat <<INFO

  CertGrid is running.
    GraphQL (GraphiQL in a browser):  http://127.0.0.1:5080/graphql
    Operator key:                     $OPERATOR_KEY
    Demo community:                   $(key communityId)
    Demo admin key:                   $(key adminKey)
    Demo evaluator / learner / partner keys are in .local/demo-keys.json
    Sample credential:                http://127.0.0.1:5080/$(key sampleCredentialUrl)
    Emails the demo sends (maildev):  http://127.0.0.1:1080

  Send keys as 'Authorization: Bearer <key>'. Ctrl-C stops everything.

INFO
wait "$SERVER_PID"
