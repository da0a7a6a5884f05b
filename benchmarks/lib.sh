# Shared by the benchmark scripts (sourced, not run): the record of the machine, a scratch
# PostgreSQL database, Deskbridge started on it, a tenant made through the API, and the median and
# spread of a column. The caller sets `out` (its output folder) and `db` before using them.

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGPASSWORD="${PGPASSWORD:-postgres}"

say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$out/progress.log" >&2; }
sql() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
now_ms() { date +%s%3N; }
# The JVM flags of every Deskbridge (and Payara Micro) the benchmarks start.
bench_java_opts="${BENCH_JAVA_OPTS:--Xmx768m}"

# Builds the WAR when asked (--build) or when it is missing.
ensure_war() {
  if [[ "${1:-}" == "--build" || ! -f webapp/target/ROOT.war || ! -f webapp/target/payara-micro.jar ]]; then
    say "building the WAR"
    mvn -B -q -DskipTests package
  fi
}

free_port() {
  local port="${1:-18480}"
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# Prints the machine, the commit and the load to stdout; the caller adds its own knobs.
machine_record() {
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git describe --always --dirty 2>/dev/null || echo unknown)"
  echo "cpus: $(nproc)"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "cpu model: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "java: $(java -version 2>&1 | head -n 1)"
  echo "postgresql: $(psql -X -At -d postgres -c 'show server_version')"
  echo "postgresql shared_buffers: $(psql -X -At -d postgres -c 'show shared_buffers')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
}

server_pid=""
# Stops the server and drops the scratch database (unless BENCH_KEEP_DB=1); installed as the EXIT trap.
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [[ "${BENCH_KEEP_DB:-0}" != "1" ]]; then
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  else
    say "kept database $db"
  fi
}

# start_server PORT [ENV=VALUE…]: the WAR on Payara Micro against $db, log in $out/server.log; sets
# server_pid, base and admin_token, and returns once the application answers (schema migrated).
start_server() {
  local port="$1"
  shift
  admin_token="bench-admin-$RANDOM$RANDOM"
  mkdir -p "$out/payara-root" "$out/data"
  env DESKBRIDGE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
    DESKBRIDGE_DB_USER="$PGUSER" DESKBRIDGE_DB_PASSWORD="$PGPASSWORD" \
    DESKBRIDGE_ADMIN_TOKEN="$admin_token" DESKBRIDGE_DATA_DIR="$out/data" DESKBRIDGE_DEMO=false \
    DESKBRIDGE_PORT="$port" "$@" \
    java $bench_java_opts -jar webapp/target/payara-micro.jar --deploy webapp/target/ROOT.war \
      --port "$port" --nocluster --rootdir "$out/payara-root" >"$out/server.log" 2>&1 &
  server_pid=$!
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 600); do
    # 401 from the application's own filter: deployed, schema migrated.
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/auth/me" || true)" == "401" ]] && return 0
    kill -0 "$server_pid" 2>/dev/null || { say "server exited; see $out/server.log"; exit 1; }
    sleep 0.5
  done
  say "server not ready; see $out/server.log"
  exit 1
}

# create_tenant SLUG: the tenant with its admin through the platform API; sets tenant (its id) and
# tenant_token (the admin's bearer token).
create_tenant() {
  local slug="$1" status
  status="$(curl -s -o "$out/tenant.json" -w '%{http_code}' -X POST "$base/api/v1/tenants" \
    -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
    -d '{"slug":"'"$slug"'","name":"Bench","timezone":"Europe/Moscow","language":"en",
         "admin":{"email":"admin@'"$slug"'.test","name":"Bench Admin","password":"correct horse battery"}}')"
  [[ "$status" == "201" ]] || { say "tenant not created ($status): $(cat "$out/tenant.json")"; exit 1; }
  tenant="$(sql -c "SELECT id FROM tenant WHERE slug = '$slug'")"
  tenant_token="$(curl -s -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"tenant":"'"$slug"'","email":"admin@'"$slug"'.test","password":"correct horse battery"}' |
    sed -n 's/.*"token":"\([^"]*\)".*/\1/p')"
  [[ -n "$tenant_token" ]] || { say "could not log in to tenant $slug"; exit 1; }
}

# median_spread FILE COLUMN [FILTER_COLUMN FILTER_VALUE]: "median (min–max)" of a TSV column over the
# measured rows (first column "run"; warm-ups are left out), optionally only where another column matches.
median_spread() {
  local file="$1" col="$2" fcol="${3:-0}" fval="${4:-}"
  awk -F'\t' -v col="$col" -v fcol="$fcol" -v fval="$fval" \
    'NR > 1 && $1 == "run" && (fcol == 0 || $fcol == fval) { print $col }' "$file" | sort -g |
    awk '{ v[NR] = $1 } END {
      if (NR == 0) { print "n/a"; exit }
      m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%g (%g–%g)", m, v[1], v[NR] }'
}
