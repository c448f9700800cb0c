# shellcheck shell=bash
# Functions run.sh and test.sh share: install the local stack where it is missing, start it on 127.0.0.1,
# wait for its ports, and stop only what this script started. Source it; do not run it.

STACK_PIDS=()

log() { printf '\033[1;34m[certgrid]\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33m[certgrid]\033[0m %s\n' "$*" >&2; }

# Azurite and the other pinned Node.js tools, into ./node_modules (git-ignored), never globally.
ensure_node_tools() {
  if ! command -v npm >/dev/null; then
    warn "Node.js 20 and npm are required (for Azurite and the GraphiQL assets)."; exit 1
  fi
  if [[ ! -x node_modules/.bin/azurite || package-lock.json -nt node_modules/.package-lock.json ]]; then
    log "Installing pinned Node.js tools (Azurite, GraphiQL assets, interop checkers) into ./node_modules ..."
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

can_install_packages() { [[ $(id -u) -eq 0 ]] || sudo -n true 2>/dev/null; }

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo -n "$@"; fi; }

# redis-server from Debian's packages when it is missing and we may install it. Returns 1 if unavailable.
ensure_redis_server() {
  command -v redis-server >/dev/null && return 0
  if can_install_packages && command -v apt-get >/dev/null; then
    log "Installing redis-server (apt) ..."
    as_root apt-get update -qq >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
    command -v redis-server >/dev/null && return 0
  fi
  return 1
}

# curl and openssl: the award webhook's documented shell lines (docs/api/direct-awards.md) run in the tests. Returns 1 if unavailable.
ensure_curl_openssl() {
  command -v curl >/dev/null && command -v openssl >/dev/null && return 0
  if can_install_packages && command -v apt-get >/dev/null; then
    log "Installing curl and openssl (apt) ..."
    as_root apt-get update -qq >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl openssl >/dev/null
    command -v curl >/dev/null && command -v openssl >/dev/null && return 0
  fi
  return 1
}

# Debian's chromium for the browser tests (headless, driven by npm playwright-core; never a downloaded browser).
# Returns 1 if unavailable. CERTGRID_CHROMIUM names another binary.
ensure_chromium() {
  [[ -x ${CERTGRID_CHROMIUM:-/usr/bin/chromium} ]] && return 0
  if can_install_packages && command -v apt-get >/dev/null; then
    log "Installing chromium (apt) for the browser tests ..."
    as_root apt-get update -qq >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    [[ -x /usr/bin/chromium ]] && return 0
  fi
  return 1
}

wait_for_port() { # port timeout-seconds name
  local port=$1 timeout=$2 name=$3 waited=0
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    sleep 0.2; waited=$((waited + 1))
    if (( waited > timeout * 5 )); then warn "$name did not open port $port within ${timeout}s."; return 1; fi
  done
  exec 3>&- || true
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_azurite() { # data-dir blob-port queue-port table-port [memory]
  # "memory": keep the data in memory only. Azurite otherwise rewrites its whole table database as one JSON file
  # every few seconds, which at hundreds of thousands of rows costs more than the requests themselves.
  local dir=$1 blob=$2 queue=$3 table=$4 persistence=(--location "$1")
  [[ ${5:-} == memory ]] && persistence=(--inMemoryPersistence)
  if port_in_use "$blob"; then warn "Port $blob is taken: is another Azurite running?"; return 1; fi
  mkdir -p "$dir"
  # setsid: a Ctrl-C in the terminal reaches CertGrid, not the storage it still needs while it shuts down;
  # stop_stack stops the stack after it.
  setsid node_modules/.bin/azurite --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" --skipApiVersionCheck --disableTelemetry --silent "${persistence[@]}" >"$dir/azurite.log" 2>&1 &
  STACK_PIDS+=($!)
  wait_for_port "$blob" 30 Azurite && wait_for_port "$table" 30 Azurite
}

start_redis() { # port data-dir persist(yes|no)
  local port=$1 dir=$2 persist=$3
  mkdir -p "$dir"
  local args=(--bind 127.0.0.1 --port "$port" --dir "$(cd "$dir" && pwd)" --save "")
  if [[ $persist == yes ]]; then args+=(--appendonly yes); else args+=(--appendonly no); fi
  setsid redis-server "${args[@]}" >"$dir/redis.log" 2>&1 &
  STACK_PIDS+=($!)
  wait_for_port "$port" 15 redis-server
}

start_maildev() { # smtp-port web-port log-dir
  # maildev (npm): a real SMTP server that keeps what it receives and shows it in a web inbox (REST API under /api).
  local smtp=$1 web=$2 dir=$3
  if port_in_use "$smtp"; then warn "Port $smtp is taken: is another maildev running?"; return 1; fi
  mkdir -p "$dir"
  setsid node_modules/.bin/maildev --smtp "$smtp" --ip 127.0.0.1 --web "$web" --web-ip 127.0.0.1 --silent >"$dir/maildev.log" 2>&1 &
  STACK_PIDS+=($!)
  wait_for_port "$smtp" 30 maildev && wait_for_port "$web" 30 maildev
}

stop_stack() {
  local pid
  for pid in "${STACK_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${STACK_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  STACK_PIDS=()
}

azurite_connection_string() { # blob queue table
  printf 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:%s/devstoreaccount1;QueueEndpoint=http://127.0.0.1:%s/devstoreaccount1;TableEndpoint=http://127.0.0.1:%s/devstoreaccount1;' "$1" "$2" "$3"
}
