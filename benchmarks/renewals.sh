#!/usr/bin/env bash
# The renewal scheduler at scale, against the one-reminder-per-credential baseline, in one run (not part of ./test.sh).
#
#   ./benchmarks/renewals.sh                                   # the issue's scale: 1,000,000 deadlines, 100 communities, 3 years, 100,000 due on one day; baseline at 1,000, 20,000 and 100,000 reminders due at once (--baseline-wait 10 minutes)
#   ./benchmarks/renewals.sh --credentials 100000 --due 10000 --baseline 1000,2000   # a quicker run
#
# Starts its own Azurite (127.0.0.1:24000-24002, data in memory only), runs the benchmark console
# (benchmarks/CertGrid.Benchmarks.Renewals, an in-process silo), prints a Markdown table and writes it with the raw
# figures to benchmarks/results/renewals-<timestamp>.{md,json}. Stops what it started, also on failure and Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/local-stack.sh

AZURITE_PORTS=(${BENCH_AZURITE_PORTS:-24000 24001 24002})
WORK=$(mktemp -d "${TMPDIR:-/tmp}/certgrid-renewals-bench.XXXXXX")
trap 'stop_stack; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

ensure_node_tools
for port in "${AZURITE_PORTS[@]}"; do
  if port_in_use "$port"; then warn "Port $port is already in use; set BENCH_AZURITE_PORTS to three free ports."; exit 1; fi
done

log "Starting Azurite (127.0.0.1:${AZURITE_PORTS[0]}-${AZURITE_PORTS[2]}) in $WORK ..."
start_azurite "$WORK/azurite" "${AZURITE_PORTS[@]}" memory

log "Building the benchmark (Release) ..."
dotnet build benchmarks/CertGrid.Benchmarks.Renewals -c Release -nologo -v q -clp:ErrorsOnly

mkdir -p benchmarks/results
log "Running (this takes a while at full scale) ..."
CERTGRID_BENCH_STORAGE="$(azurite_connection_string "${AZURITE_PORTS[@]}")" \
  dotnet benchmarks/CertGrid.Benchmarks.Renewals/bin/Release/net10.0/CertGrid.Benchmarks.Renewals.dll "$@"
