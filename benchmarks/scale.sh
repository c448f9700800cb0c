#!/usr/bin/env bash
# One community at the promised scale, with every per-community grain's stored size read back (not part of ./test.sh).
#
#   ./benchmarks/scale.sh                                                    # 100,000 learners (sizes at 10,000 and 100,000), 2,000 evaluators, 200 cohorts
#   ./benchmarks/scale.sh --checkpoints 1000,5000 --evaluators 200 --cohorts 20 --open-attempts 100   # a quick run
#
# Starts its own Azurite (127.0.0.1:24200-24202, data in memory only; BENCH_AZURITE_PORTS moves it), runs the benchmark
# console (benchmarks/CertGrid.Benchmarks.Scale, an in-process silo), prints Markdown tables and writes them with the raw
# figures to benchmarks/results/scale-<timestamp>.{md,json} at every checkpoint. Exits 1 when a per-community grain grew
# with the learners or passed 256 KiB. Stops what it started, also on failure and Ctrl-C.
exec "$(dirname "$0")/in-process.sh" CertGrid.Benchmarks.Scale "24200 24201 24202" "$@"
