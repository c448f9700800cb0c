#!/usr/bin/env bash
# Load benchmark of CertGrid: GraphQL against bare minimal-API baselines, measured in the same run.
#
#   ./benchmarks/run.sh
#   BENCH_DURATION=30 BENCH_CONNECTIONS=100 ./benchmarks/run.sh
#   BENCH_PORT_BASE=27100 BENCH_SCENARIOS=credential-json,credential-page ./benchmarks/run.sh
#   BENCH_DISTINCT_CREDENTIALS=10000 BENCH_SCENARIOS=verify-bare-distinct,verify-graphql-distinct ./benchmarks/run.sh
#
# Starts its own Azurite (127.0.0.1:21000-21002), redis-server (127.0.0.1:6391) and a Release build of
# CertGrid.Server (http://127.0.0.1:5090, silo 11191, gateway 30091) with a freshly seeded demo community in a
# temp dir, so a running ./run.sh or ./test.sh is not disturbed. Runs benchmarks/load.mjs (autocannon), writes
# the raw results to benchmarks/results/<timestamp>.json and prints a Markdown table. Everything it started is
# stopped on exit, on failure and on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/local-stack.sh

BENCH_DURATION=${BENCH_DURATION:-15}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-50}
BENCH_WARMUP=${BENCH_WARMUP:-3}
# How many distinct credentials the demo seeder issues for the *-distinct scenarios (0: none, those scenarios are skipped).
BENCH_DISTINCT_CREDENTIALS=${BENCH_DISTINCT_CREDENTIALS:-0}
[[ $BENCH_DURATION =~ ^[1-9][0-9]*$ ]] || { warn "BENCH_DURATION must be a whole number of seconds, got '$BENCH_DURATION'."; exit 2; }
[[ $BENCH_CONNECTIONS =~ ^[1-9][0-9]*$ ]] || { warn "BENCH_CONNECTIONS must be a positive whole number, got '$BENCH_CONNECTIONS'."; exit 2; }
[[ $BENCH_WARMUP =~ ^[0-9]+$ ]] || { warn "BENCH_WARMUP must be a whole number of seconds, got '$BENCH_WARMUP'."; exit 2; }
[[ $BENCH_DISTINCT_CREDENTIALS =~ ^[0-9]+$ ]] && (( BENCH_DISTINCT_CREDENTIALS <= 100000 )) \
  || { warn "BENCH_DISTINCT_CREDENTIALS must be a whole number up to 100000, got '$BENCH_DISTINCT_CREDENTIALS'."; exit 2; }

# BENCH_PORT_BASE=N moves every port to N..N+6 (Azurite N..N+2, redis N+3, HTTP N+4, silo N+5, gateway N+6), so
# several engineers can benchmark on one machine.
if [[ -n ${BENCH_PORT_BASE:-} ]]; then
  [[ $BENCH_PORT_BASE =~ ^[1-9][0-9]{3,4}$ ]] || { warn "BENCH_PORT_BASE must be a port number, got '$BENCH_PORT_BASE'."; exit 2; }
  AZURITE_PORTS=("$BENCH_PORT_BASE" $((BENCH_PORT_BASE + 1)) $((BENCH_PORT_BASE + 2)))
  REDIS_PORT=$((BENCH_PORT_BASE + 3)); HTTP_PORT=$((BENCH_PORT_BASE + 4)); SILO_PORT=$((BENCH_PORT_BASE + 5)); GATEWAY_PORT=$((BENCH_PORT_BASE + 6))
else
  AZURITE_PORTS=(21000 21001 21002); REDIS_PORT=6391; HTTP_PORT=5090; SILO_PORT=11191; GATEWAY_PORT=30091
fi
BASE_URL="http://127.0.0.1:$HTTP_PORT"
# The scenarios to run (benchmarks/hostile.sh runs benchmarks/hostile.mjs), and whether callers without a key keep
# the production limits (the hostile-input flood) or get the same headroom as keys.
BENCH_LOAD_SCRIPT=${BENCH_LOAD_SCRIPT:-benchmarks/load.mjs}
ANONYMOUS_LIMITS=()
if [[ ${BENCH_ANONYMOUS_LIMITS:-open} != production ]]; then
  ANONYMOUS_LIMITS=(RateLimits__AnonymousPermitsPerWindow=1000000 RateLimits__AnonymousBudgetPoints=100000000 RateLimits__AnonymousRestorePointsPerSecond=10000000)
fi
OPERATOR_KEY=cgop.benchmark-operator-key

SERVER_PID=""
LOAD_PID=""
STDERR_COPY=""
WORK=$(mktemp -d "${TMPDIR:-/tmp}/certgrid-bench.XXXXXX")

stop_pid() { # pid name grace-seconds: SIGTERM, then SIGKILL after the grace period
  local pid=$1 name=$2 grace=$3 waited=0
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    sleep 0.2; waited=$((waited + 1))
    if (( waited > grace * 5 )); then warn "$name did not stop within ${grace}s; killing it."; kill -9 "$pid" 2>/dev/null || true; break; fi
  done
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n ${STDERR_COPY:-} ]]; then exec 2>&"$STDERR_COPY"; fi
  log "Stopping the benchmark stack ..."
  stop_pid "$LOAD_PID" "load generator" 5
  stop_pid "$SERVER_PID" "CertGrid" 30
  stop_stack
  if (( status != 0 && status != 130 && status != 143 )) && [[ -s $WORK/server.log ]]; then
    warn "Last lines of the server log ($WORK/server.log):"
    tail -n 40 "$WORK/server.log" >&2 || true
    cp "$WORK/server.log" "benchmarks/results/server-$(date -u +%Y%m%dT%H%M%SZ).log" 2>/dev/null \
      && warn "Server log kept in benchmarks/results/." || true
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p benchmarks/results
ensure_node_tools
[[ -f node_modules/autocannon/package.json ]] || { warn "autocannon is missing from node_modules (npm ci)."; exit 1; }
if ! ensure_redis_server; then warn "redis-server is required (apt-get install redis-server)."; exit 1; fi

for port in "$HTTP_PORT" "${AZURITE_PORTS[@]}" "$REDIS_PORT" "$SILO_PORT" "$GATEWAY_PORT"; do
  if port_in_use "$port"; then warn "Port $port is already in use; the benchmark needs it (is another benchmark running?)."; exit 1; fi
done

log "Starting Azurite (127.0.0.1:${AZURITE_PORTS[0]}-${AZURITE_PORTS[2]}) and redis-server (127.0.0.1:$REDIS_PORT) in $WORK ..."
# Azurite and redis-server are started in sessions of their own (setsid, tools/local-stack.sh): Ctrl-C then reaches
# only this script, whose trap stops the server first and them after it. Not with job control on (set -m): setsid would
# then fork, $! would name a wrapper that exits at once, and the trap could not stop them (they were left running).
exec {STDERR_COPY}>&2 # wait_for_port in tools/local-stack.sh runs `exec 3>&- 2>/dev/null`, which silences this shell's stderr
# Azurite keeps its data in memory: on disk it rewrites its whole table database every few seconds once anything was
# written (the cluster's membership heartbeat is enough), which with 10,000 seeded credentials took 0.1-0.3 cores
# at moments no scenario chose and moved bare /verify between 9,500 and 13,100 requests/s from run to run.
start_azurite "$WORK/azurite" "${AZURITE_PORTS[@]}" memory
start_redis "$REDIS_PORT" "$WORK/redis" no
exec 2>&"$STDERR_COPY" {STDERR_COPY}>&-
STDERR_COPY=""

log "Building CertGrid (Release) ..."
dotnet build src/CertGrid.Server -c Release -nologo -v q -clp:ErrorsOnly

# Rate limits: the maximum the configuration accepts (1,000,000) per 10 s window, i.e. 100,000 requests/s per key or
# client address, far above what this machine reaches; the limiter still runs (one Redis call per /graphql request).
# Cost budgets likewise: 100,000,000 points regaining 10,000,000 a second; they are still charged (one more Redis call).
log "Starting CertGrid on $BASE_URL (Production, demo seeding on; log in $WORK/server.log) ..."
set -m
ASPNETCORE_ENVIRONMENT=Production \
Urls="$BASE_URL" \
PublicUrls__BaseUrl="$BASE_URL" \
ConnectionStrings__AzureStorage="$(azurite_connection_string "${AZURITE_PORTS[@]}")" \
ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT" \
Cluster__AdvertisedIPAddress=127.0.0.1 \
Cluster__ClusterId=bench \
Cluster__SiloPort=$SILO_PORT \
Cluster__GatewayPort=$GATEWAY_PORT \
Operator__Key=$OPERATOR_KEY \
Demo__Seed=true \
Demo__KeysFile="$WORK/demo-keys.json" \
Demo__DistinctCredentials="$BENCH_DISTINCT_CREDENTIALS" \
Demo__DistinctCredentialsFile="$WORK/distinct-credentials.json" \
RateLimits__PermitsPerWindow=1000000 \
RateLimits__Window=00:00:10 \
RateLimits__KeyBudgetPoints=100000000 \
RateLimits__KeyRestorePointsPerSecond=10000000 \
Logging__LogLevel__Default=Warning \
  env "${ANONYMOUS_LIMITS[@]}" Logging__LogLevel__CertGrid.Server.DemoData=Information dotnet src/CertGrid.Server/bin/Release/net10.0/CertGrid.Server.dll >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
set +m

log "Waiting for /health/ready and the seeded demo community ..."
ready=""
# Up to 3 minutes, plus a second per 10 distinct credentials to issue (they are issued before the keys file is written).
for _ in $(seq 1 $((360 + BENCH_DISTINCT_CREDENTIALS / 5))); do
  kill -0 "$SERVER_PID" 2>/dev/null || { warn "CertGrid exited during start-up."; exit 1; }
  if [[ -s $WORK/demo-keys.json ]] && curl -fsS -o /dev/null "$BASE_URL/health/ready" 2>/dev/null; then ready=yes; break; fi
  sleep 0.5
done
[[ -n $ready ]] || { warn "CertGrid was not ready with a seeded demo community in time."; exit 1; }
if (( BENCH_DISTINCT_CREDENTIALS > 0 )); then
  [[ -s $WORK/distinct-credentials.json ]] || { warn "The seeder wrote no distinct credentials (see $WORK/server.log)."; exit 1; }
  log "Seeded $BENCH_DISTINCT_CREDENTIALS distinct credentials in $(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1])).seconds.toFixed(1)' "$WORK/distinct-credentials.json") s."
fi

SAMPLE_URL=$(node -e 'const k = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.stdout.write(k.sampleCredentialUrl || "")' "$WORK/demo-keys.json")
[[ -n $SAMPLE_URL ]] || { warn "The demo keys file has no sampleCredentialUrl: the seeder issued no credential."; exit 1; }
log "Fetching the sample credential's VC-JWT ($BASE_URL/$SAMPLE_URL) ..."
curl -fsS -H 'Accept: application/vc+jwt' "$BASE_URL/$SAMPLE_URL" >"$WORK/credential.jwt"
[[ $(tr -cd '.' <"$WORK/credential.jwt" | wc -c) -eq 2 ]] || { warn "The sample credential is not a compact JWS: $(head -c 200 "$WORK/credential.jwt")"; exit 1; }

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="benchmarks/results/${BENCH_RESULTS_PREFIX:-}$STAMP.json"
log "Running the scenarios (${BENCH_DURATION}s each after a ${BENCH_WARMUP}s warm-up, $BENCH_CONNECTIONS connections) ..."
set -m
BENCH_BASE_URL="$BASE_URL" BENCH_KEYS_FILE="$WORK/demo-keys.json" BENCH_JWT_FILE="$WORK/credential.jwt" \
BENCH_DISTINCT_FILE="$( (( BENCH_DISTINCT_CREDENTIALS > 0 )) && echo "$WORK/distinct-credentials.json" || true)" \
BENCH_DURATION="$BENCH_DURATION" BENCH_CONNECTIONS="$BENCH_CONNECTIONS" BENCH_WARMUP="$BENCH_WARMUP" \
BENCH_SERVER_PID="$SERVER_PID" BENCH_STACK_PIDS="${STACK_PIDS[*]}" BENCH_OUT="$OUT" \
  node "$BENCH_LOAD_SCRIPT" &
LOAD_PID=$!
set +m
# `wait` (not a foreground child) so that Ctrl-C and SIGTERM reach the trap at once.
wait "$LOAD_PID"
LOAD_PID=""
log "Raw results: $OUT"
