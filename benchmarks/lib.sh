# Shared by the benchmark scripts (sourced, not run): the record of the machine, a scratch
# PostgreSQL database, Deskbridge started on it, a tenant made through the API, and the median and
# spread of a column. The caller sets `out` (its output folder) and `db` before using them.

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGPASSWORD="${PGPASSWORD:-postgres}"

say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$out/progress.log" >&2; }
sql() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
now_ms() { date +%s%3N; }
# The whole machine's CPU time, busy and in all, in jiffies (10 ms): sampled around a measurement it
# tells how much of the two cores the work used (other processes on the machine count too).
busy_jiffies() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8; exit }' /proc/stat; }
all_jiffies() { awk '/^cpu / { s = 0; for (i = 2; i <= NF; i++) s += $i; print s; exit }' /proc/stat; }
# The JVM flags of every Deskbridge (and Payara Micro) the benchmarks start: a fixed heap and, as in
# start.sh, no usage report from Hazelcast (a thread that builds an SSL context and calls out while
# the server boots).
bench_java_opts="${BENCH_JAVA_OPTS:--Xmx768m -Dhazelcast.phone.home.enabled=false}"

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
launched_pids=()
# Stops every instance launched and drops the scratch database (unless BENCH_KEEP_DB=1); installed as
# the EXIT trap.
cleanup() {
  local pid
  for pid in "${launched_pids[@]}" $server_pid; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
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
  launch server "$port" "$@" -- --nocluster
  server_pid="$launched_pid"
  base="$launched_base"
}

# launch NAME PORT [ENV=VALUE…] -- [PAYARA_ARG…]: one instance against $db with the admin token and data
# folder every instance of the run shares (log $out/NAME.log, Payara root $out/NAME-root); sets
# launched_pid and launched_base once the application answers. Instances started with the same
# cluster arguments form one Payara Micro (Hazelcast) cluster.
launch() {
  local name="$1" port="$2" envs=() pargs=()
  shift 2
  while (( $# )) && [[ "$1" != "--" ]]; do envs+=("$1"); shift; done
  (( $# )) && shift
  pargs=("$@")
  mkdir -p "$out/$name-root" "$out/data"
  env DESKBRIDGE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
    DESKBRIDGE_DB_USER="$PGUSER" DESKBRIDGE_DB_PASSWORD="$PGPASSWORD" \
    DESKBRIDGE_ADMIN_TOKEN="$admin_token" DESKBRIDGE_DATA_DIR="$out/data" DESKBRIDGE_DEMO=false \
    DESKBRIDGE_PORT="$port" "${envs[@]}" \
    java $bench_java_opts -jar webapp/target/payara-micro.jar --deploy webapp/target/ROOT.war \
      --port "$port" --rootdir "$out/$name-root" --name "$name" "${pargs[@]}" >"$out/$name.log" 2>&1 &
  launched_pid=$!
  launched_pids+=("$launched_pid")
  launched_base="http://127.0.0.1:$port"
  for _ in $(seq 1 600); do
    # 401 from the application's own filter: deployed, schema migrated.
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$launched_base/api/v1/auth/me" || true)" == "401" ]] && return 0
    kill -0 "$launched_pid" 2>/dev/null || { say "$name exited; see $out/$name.log"; exit 1; }
    sleep 0.5
  done
  say "$name not ready; see $out/$name.log"
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
