#!/usr/bin/env bash
# Wallet issuance benchmark (issue 20): full OpenID4VCI issuances per second (offer -> token -> credential, as a wallet
# sends them, in both formats the community offers) against plain reads of the same credential's JSON, in the same run,
# on benchmarks/run.sh's stack (Azurite, redis-server, a Release server with the demo community).
#
#   ./benchmarks/wallet.sh
#   BENCH_PORT_BASE=24000 BENCH_DURATION=30 BENCH_WALLET_CONCURRENCY=16 ./benchmarks/wallet.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_LOAD_SCRIPT=benchmarks/wallet.mjs BENCH_RESULTS_PREFIX=wallet- exec benchmarks/run.sh "$@"
