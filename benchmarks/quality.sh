#!/usr/bin/env bash
# Program analytics and the quality report for one community with about 100,000 reviews, against reading the raw reviews
# back from an Azure Table, in one run (not part of ./test.sh).
#
#   ./benchmarks/quality.sh               # 10,000 learners in each of 5 organisations (50,000 attempts, ~100,000 reviews), 20 live decisions
#   ./benchmarks/quality.sh 1000 5        # a quicker run
#
# Starts its own Azurite (127.0.0.1:24200-24202, data in memory only; BENCH_AZURITE_PORTS moves it), runs the benchmark
# console (benchmarks/CertGrid.Benchmarks.Quality, an in-process silo), prints a Markdown table and writes it to
# benchmarks/results/quality-<timestamp>.md. Stops what it started, also on failure and Ctrl-C.
exec "$(dirname "$0")/in-process.sh" CertGrid.Benchmarks.Quality "24200 24201 24202" "$@"
