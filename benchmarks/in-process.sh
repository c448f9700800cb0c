#!/usr/bin/env bash
# Runs one of the in-process benchmark consoles against an Azurite of its own (data in memory only): the shared half
# of renewals.sh and issuance.sh. Usage: benchmarks/in-process.sh <project name> "<blob> <queue> <table> ports" [arguments...]
# BENCH_AZURITE_PORTS overrides the ports. Stops what it started, also on failure and Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/local-stack.sh

PROJECT=$1
AZURITE_PORTS=(${BENCH_AZURITE_PORTS:-$2})
shift 2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/certgrid-bench.XXXXXX")
trap 'stop_stack; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

ensure_node_tools
for port in "${AZURITE_PORTS[@]}"; do
  if port_in_use "$port"; then warn "Port $port is already in use; set BENCH_AZURITE_PORTS to three free ports."; exit 1; fi
done

log "Starting Azurite (127.0.0.1:${AZURITE_PORTS[0]}-${AZURITE_PORTS[2]}) in $WORK ..."
start_azurite "$WORK/azurite" "${AZURITE_PORTS[@]}" memory

log "Building the benchmark (Release) ..."
dotnet build "benchmarks/$PROJECT" -c Release -nologo -v q -clp:ErrorsOnly

mkdir -p benchmarks/results
log "Running (this takes a while at full scale) ..."
CERTGRID_BENCH_STORAGE="$(azurite_connection_string "${AZURITE_PORTS[@]}")" \
  dotnet "benchmarks/$PROJECT/bin/Release/net10.0/$PROJECT.dll" "$@"
