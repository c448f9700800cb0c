#!/usr/bin/env bash
# Issue 14's chaos benchmark (not part of ./test.sh): three CertGrid silo processes and a gateway on Azurite and Redis,
# certification flows driven by clients that retry under their Idempotency-Key; one silo killed (SIGKILL) and started
# again, then a rolling restart of every silo; then a baseline of the same load, as long, without faults. Reports
# requests, failures by code, latency, time until clients stop seeing errors after each fault, lost writes (goal 0)
# and read-model lag (goal <= 5 s), and writes them to benchmarks/results/chaos-<timestamp>.md.
#
#   ./benchmarks/chaos.sh            # 30 s of load between faults, 4 concurrent flows (about 12 minutes)
#   ./benchmarks/chaos.sh 10 2       # a quick run: 10 s between faults, 2 flows
#
# Starts its own Azurite and redis-server on 127.0.0.1:24300-24303 (BENCH_PORT_BASE moves them); exits 1 when a write
# was lost. Stops what it started, also on failure and Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/local-stack.sh

BASE=${BENCH_PORT_BASE:-24300}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/certgrid-chaos.XXXXXX")
trap 'stop_stack; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

ensure_node_tools
if ! ensure_redis_server; then warn "redis-server is required (apt-get install redis-server)."; exit 1; fi
for port in $BASE $((BASE + 1)) $((BASE + 2)) $((BASE + 3)); do
  if port_in_use "$port"; then warn "Port $port is already in use; set BENCH_PORT_BASE to the first of four free ports."; exit 1; fi
done

log "Starting Azurite (127.0.0.1:$BASE-$((BASE + 2)), in memory) and redis-server (127.0.0.1:$((BASE + 3))) ..."
start_azurite "$WORK/azurite" $BASE $((BASE + 1)) $((BASE + 2)) memory
start_redis $((BASE + 3)) "$WORK/redis" no

log "Building the server and the benchmark (Release) ..."
dotnet build benchmarks/CertGrid.Benchmarks.Chaos -c Release -nologo -v q -clp:ErrorsOnly

mkdir -p benchmarks/results
# Every silo's and the gateway's output, one file per process (a killed or restarted silo's included).
export CERTGRID_PROCESS_LOG_DIR="$PWD/benchmarks/results/chaos-$(date -u +%Y%m%dT%H%M%SZ)-processes"
log "Process output goes to $CERTGRID_PROCESS_LOG_DIR"
CERTGRID_TEST_STORAGE="$(azurite_connection_string $BASE $((BASE + 1)) $((BASE + 2)))" CERTGRID_TEST_REDIS="127.0.0.1:$((BASE + 3))" \
  dotnet benchmarks/CertGrid.Benchmarks.Chaos/bin/Release/net10.0/CertGrid.Benchmarks.Chaos.dll "$@"
