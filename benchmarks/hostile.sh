#!/usr/bin/env bash
# Hostile-input benchmark (issue 15): time to refuse the worst documents against { __typename }, and a partner's
# verification throughput while one anonymous address floods the server with them. Callers without a key keep the
# production limits (120 requests a minute, a budget of 2,000 points regaining 20 a second); the partner's key is
# open, as in benchmarks/run.sh, whose stack (Azurite, redis-server, a Release server with the demo community) it uses.
#
#   ./benchmarks/hostile.sh
#   BENCH_PORT_BASE=24000 BENCH_DURATION=30 BENCH_FLOOD_CONNECTIONS=100 ./benchmarks/hostile.sh
#   BENCH_ANONYMOUS_LIMITS=open ./benchmarks/hostile.sh   # no request limit or budget for the flood: every document reaches admission
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_LOAD_SCRIPT=benchmarks/hostile.mjs BENCH_ANONYMOUS_LIMITS=${BENCH_ANONYMOUS_LIMITS:-production} BENCH_RESULTS_PREFIX=hostile- exec benchmarks/run.sh "$@"
