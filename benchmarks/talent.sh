#!/usr/bin/env bash
# Talent search over discoverable holders against credentials(first: 10), and withdrawal -> absence across gateways
# (not part of ./test.sh). Two in-process CertGrid nodes (silo + API, and an API-only gateway) on an Azurite of its own.
#
#   ./benchmarks/talent.sh                                         # 100,000 holders in 50 communities, 15 s per scenario
#   ./benchmarks/talent.sh --holders 10000 --seconds 5              # a quick run
#
# BENCH_AZURITE_PORTS (default "29004 29005 29006") moves Azurite; --port-base (default 29010) the nodes (6 ports).
exec "$(dirname "$0")/in-process.sh" CertGrid.Benchmarks.Talent "29004 29005 29006" "$@"
