#!/usr/bin/env bash
# The renewal scheduler at scale, against the one-reminder-per-credential baseline, in one run (not part of ./test.sh).
#
#   ./benchmarks/renewals.sh                                   # the issue's scale: 1,000,000 deadlines, 100 communities, 3 years, 100,000 due on one day; baseline at 1,000, 20,000 and 100,000 reminders due at once (--baseline-wait 10 minutes)
#   ./benchmarks/renewals.sh --credentials 100000 --due 10000 --baseline 1000,2000   # a quicker run
#
# Starts its own Azurite (127.0.0.1:24000-24002, data in memory only; BENCH_AZURITE_PORTS moves it), runs the benchmark
# console (benchmarks/CertGrid.Benchmarks.Renewals, an in-process silo), prints a Markdown table and writes it with the raw
# figures to benchmarks/results/renewals-<timestamp>.{md,json}. Stops what it started, also on failure and Ctrl-C.
exec "$(dirname "$0")/in-process.sh" CertGrid.Benchmarks.Renewals "24000 24001 24002" "$@"
