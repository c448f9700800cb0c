#!/usr/bin/env bash
# Live events benchmark (issue 19): the delay a GraphQL-over-SSE subscriber sees after a change, against the change's own
# latency, and the feed replayed over SSE against read page by page with the events query, in the same run, on
# benchmarks/run.sh's stack (Azurite, redis-server, a Release server with the demo community).
#
#   ./benchmarks/live-events.sh
#   BENCH_PORT_BASE=24000 BENCH_LIVE_EVENTS=500 ./benchmarks/live-events.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_LOAD_SCRIPT=benchmarks/live-events.mjs BENCH_RESULTS_PREFIX=live-events- exec benchmarks/run.sh "$@"
