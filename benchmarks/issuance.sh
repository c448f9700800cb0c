#!/usr/bin/env bash
# End-to-end issuance against raw Azure Table upserts in one run, with storage requests and bytes per issuance (not part of ./test.sh).
#
#   ./benchmarks/issuance.sh                                    # cost at 1,000 existing credentials; throughput at 8 and 16 in flight, 1,000 decisions each
#   ./benchmarks/issuance.sh --existing 1000,100000             # the cost per issuance at 1,000 and again at 100,000 existing credentials
#   ./benchmarks/issuance.sh --existing 1000,100000 --direct-beyond 1000 --concurrency 0   # the same in ~15 min: past the
#                                                               # first 1,000, credentials are issued without attempts (DirectFill)
#   ./benchmarks/issuance.sh --decisions 200 --metered 10       # a quick run
#   ./benchmarks/issuance.sh --request-costs 0                  # without measuring what one request of each kind costs Azurite
#
# Starts its own Azurite (127.0.0.1:24100-24102, data in memory only; BENCH_AZURITE_PORTS moves it), runs the benchmark
# console (benchmarks/CertGrid.Benchmarks.Issuance, an in-process silo), prints Markdown tables and writes them with the
# raw figures to benchmarks/results/issuance-<timestamp>.{md,json}. Besides storage requests, it reports the CPU the silo and
# Azurite spend per issuance (from /proc), what one request of each kind costs Azurite, and what the path's two writes alone
# (decision, signed credential; nothing else) reach against the same raw upserts. Stops what it started, also on failure and Ctrl-C.
exec "$(dirname "$0")/in-process.sh" CertGrid.Benchmarks.Issuance "24100 24101 24102" "$@"
