#!/usr/bin/env bash
# Runs the whole CertGrid test suite against real local servers: Azurite and redis-server on 127.0.0.1,
# on ports of their own (20000-20002, 6390) so a running ./run.sh is not disturbed. Installs what is missing,
# and stops what it started, also when tests fail.
set -euo pipefail
cd "$(dirname "$0")"
source tools/local-stack.sh

WORK=$(mktemp -d "${TMPDIR:-/tmp}/certgrid-test.XXXXXX")
trap 'stop_stack; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

ensure_node_tools
if ! ensure_redis_server; then warn "redis-server is required for the tests and could not be installed (apt-get install redis-server)."; exit 1; fi

log "Starting Azurite (127.0.0.1:20000-20002) and redis-server (127.0.0.1:6390) ..."
start_azurite "$WORK/azurite" 20000 20001 20002
start_redis 6390 "$WORK/redis" no

export CERTGRID_TEST_STORAGE; CERTGRID_TEST_STORAGE=$(azurite_connection_string 20000 20001 20002)
export CERTGRID_TEST_REDIS=127.0.0.1:6390

log "Running the test suite ..."
dotnet test CertGrid.sln -c Release --logger "console;verbosity=normal" "$@"
