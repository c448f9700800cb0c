#!/usr/bin/env bash
# Direct award benchmark (issue 19, part 5): credentials awarded per second by the awardCredential mutation and by signed
# award webhook deliveries (each a new external id: a credential built, signed and stored), and repeated deliveries of an
# award already issued, against plain reads of a credential's JSON, in the same run, on benchmarks/run.sh's stack
# (Azurite, redis-server, a Release server with the demo community).
#
#   ./benchmarks/direct-awards.sh
#   BENCH_PORT_BASE=24000 BENCH_DURATION=30 BENCH_AWARD_CONCURRENCY=16 ./benchmarks/direct-awards.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_LOAD_SCRIPT=benchmarks/direct-awards.mjs BENCH_RESULTS_PREFIX=direct-awards- exec benchmarks/run.sh "$@"
