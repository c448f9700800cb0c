#!/usr/bin/env bash
# Runs the whole CertGrid test suite against real local servers: Azurite and redis-server on 127.0.0.1,
# on ports of their own (20000-20002, 6390) so a running ./run.sh is not disturbed. Installs what is missing,
# and stops what it started, also when tests fail. Arguments go to `dotnet test` (e.g. --filter ...).
# CERTGRID_TEST_PORT_BASE moves the ports (Azurite BASE..BASE+2, redis BASE+3, maildev SMTP BASE+4 and web BASE+5) to run
# two suites side by side.
set -euo pipefail
cd "$(dirname "$0")"
source tools/local-stack.sh

WORK=$(mktemp -d "${TMPDIR:-/tmp}/certgrid-test.XXXXXX")
trap 'stop_stack; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

ensure_node_tools
if ! ensure_redis_server; then warn "redis-server is required for the tests and could not be installed (apt-get install redis-server)."; exit 1; fi
if ! ensure_curl_openssl; then warn "curl and openssl are required for the award webhook's shell example test and could not be installed (apt-get install curl openssl)."; exit 1; fi
if ! ensure_chromium; then warn "chromium is required for the browser tests and could not be installed (apt-get install chromium)."; exit 1; fi

BASE=${CERTGRID_TEST_PORT_BASE:-20000}
REDIS_PORT=$([[ -n ${CERTGRID_TEST_PORT_BASE:-} ]] && echo $((BASE + 3)) || echo 6390)
log "Starting Azurite (127.0.0.1:$BASE-$((BASE + 2))) and redis-server (127.0.0.1:$REDIS_PORT) ..."
start_azurite "$WORK/azurite" "$BASE" $((BASE + 1)) $((BASE + 2))
start_redis "$REDIS_PORT" "$WORK/redis" no
log "Starting maildev (SMTP 127.0.0.1:$((BASE + 4)), inbox http://127.0.0.1:$((BASE + 5))) ..."
start_maildev $((BASE + 4)) $((BASE + 5)) "$WORK/maildev"

export CERTGRID_TEST_STORAGE; CERTGRID_TEST_STORAGE=$(azurite_connection_string "$BASE" $((BASE + 1)) $((BASE + 2)))
export CERTGRID_TEST_REDIS=127.0.0.1:$REDIS_PORT
export CERTGRID_TEST_SMTP_PORT=$((BASE + 4)) CERTGRID_TEST_MAILDEV=http://127.0.0.1:$((BASE + 5))

log "Running the test suite ..."
status=0
dotnet test CertGrid.sln -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$WORK/test.log" || status=$?
if ((status != 0)); then
  # The failures scroll by among thousands of lines; repeat them last, where a CI log's tail shows them.
  log "Failed tests (repeated from above):"
  grep -E -A15 '^\s+Failed [A-Za-z]' "$WORK/test.log" | head -300 || true
fi
exit "$status"
