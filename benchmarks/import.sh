#!/usr/bin/env bash
# Issue 19's import benchmark (not part of ./test.sh): a learners import of Bogus rows on one in-process silo on Azurite
# (upload, dry run, apply; then the same file again, which must change nothing), against raw Azure Table inserts of a
# learner-sized entity in the same run, as many in flight as the import enrols at once.
#
#   ./benchmarks/import.sh            # 100,000 rows
#   ./benchmarks/import.sh 5000       # a quick run
#
# Starts its own Azurite (127.0.0.1:24400-24402, data in memory only; BENCH_AZURITE_PORTS moves it), prints a Markdown
# table and writes it to benchmarks/results/import-<timestamp>.md. Stops what it started, also on failure and Ctrl-C.
exec "$(dirname "$0")/in-process.sh" CertGrid.Benchmarks.Import "24400 24401 24402" "$@"
