#!/usr/bin/env bash
# Inbox benchmark: with BENCH_CONVERSATIONS conversations in one tenant (default 1,000,000), how long
# does the first page of the inbox take over HTTP, against the floor of an authenticated request that
# lists nothing (GET /api/v1/auth/me) measured in the same run? Not a test: `mvn verify` never runs it.
#
#   benchmarks/inbox/run.sh            # uses webapp/target/ROOT.war; builds it first if it is missing
#   benchmarks/inbox/run.sh --build    # rebuilds the WAR first (mvn -DskipTests package)
#
# It creates deskbridge_bench_<time>, starts the WAR on Payara Micro against it, creates a tenant and
# BENCH_AGENTS agents through the API, bulk-inserts the conversations with SQL (seed.sql: a year of a
# busy tenant, mostly closed; see there), explains each query shape's SQL (explain.txt), then per run
# asks each shape BENCH_REQUESTS times, one after the other on one keep-alive connection (curl), as
# the benchmark agent:
#   me               GET /auth/me: authentication, tenant and JSON, no list (the floor)
#   open-mine        status=OPEN&assignee=me                       (newest updated first, 50)
#   open-unassigned  status=OPEN&assignee=none                     (newest updated first, 50)
#   all-queue        every active status, sort=queue, limit=100    (the agent app's "All")
#   mine-queue       the same with assignee=me                     (the agent app's "Mine")
#   any-queue        sort=queue, no status filter                  (closed ones too, 50)
# The first pass is a warm-up (not counted); it also counts the table reads per request.
# Needs Java 17, psql and curl, and a PostgreSQL it may create a database on (PGHOST, PGPORT, PGUSER,
# PGPASSWORD; default 127.0.0.1:5432, postgres/postgres). The database is dropped at the end unless
# BENCH_KEEP_DB=1.
#
# Knobs: BENCH_CONVERSATIONS (1000000), BENCH_CUSTOMERS (250000), BENCH_AGENTS (50), BENCH_RUNS (5),
# BENCH_REQUESTS (200 per shape and run), BENCH_PORT, BENCH_JAVA_OPTS (lib.sh).
# Output: benchmarks/inbox/out/<time>/ (runs.tsv, summary.md, explain.txt, reads.tsv, machine.txt,
# server.log).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

conversations="${BENCH_CONVERSATIONS:-1000000}"
customers="${BENCH_CUSTOMERS:-250000}"
agents="${BENCH_AGENTS:-50}"
runs="${BENCH_RUNS:-5}"
requests="${BENCH_REQUESTS:-200}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
db="deskbridge_bench_$(date +%s)"
out="$here/out/$stamp"
mkdir -p "$out"
source "$here/../lib.sh"

ensure_war "${1:-}"
trap cleanup EXIT
trap 'exit 130' INT TERM

{
  machine_record
  echo "conversations: $conversations, customers: $customers, agents: $agents, runs: $runs,"\
    "requests per shape and run: $requests"
} | tee "$out/machine.txt" >&2

# --- database, server, tenant and agents ---------------------------------------------------------
psql -X -q -d postgres -c "CREATE DATABASE $db"
port="$(free_port "${BENCH_PORT:-18480}")"
say "starting Deskbridge on port $port (database $db)"
start_server "$port"
create_tenant bench

say "creating $agents agents"
for i in $(seq 1 "$agents"); do
  status="$(curl -s -o "$out/agent.json" -w '%{http_code}' -X POST "$base/api/v1/tenants/bench/agents" \
    -H "Authorization: Bearer $tenant_token" -H 'Content-Type: application/json' \
    -d '{"email":"agent'"$i"'@bench.test","name":"Agent '"$i"'","password":"correct horse battery","roles":["AGENT"]}')"
  [[ "$status" == "201" ]] || { say "agent not created ($status): $(cat "$out/agent.json")"; exit 1; }
done
token="$(curl -s -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"tenant":"bench","email":"agent1@bench.test","password":"correct horse battery"}' |
  sed -n 's/.*"token":"\([^"]*\)".*/\1/p')"
[[ -n "$token" ]] || { say "could not log in as agent1"; exit 1; }
me="$(sql -c "SELECT id FROM agent WHERE tenant_id = $tenant AND email = 'agent1@bench.test'")"

say "seeding $conversations conversations"
seed_started="$(now_ms)"
sql -v tenant="$tenant" -v open="$conversations" -v customers="$customers" -f "$here/seed.sql" >"$out/seed.log"
say "seeded in $(( ($(now_ms) - seed_started) / 1000 )) s"
{
  echo "conversation table: $(sql -c "SELECT pg_size_pretty(pg_table_size('conversation'))"),"\
    "indexes: $(sql -c "SELECT pg_size_pretty(pg_indexes_size('conversation'))")"
  echo "by status: $(sql -c "SELECT string_agg(status || ' ' || n, ', ' ORDER BY n DESC)
    FROM (SELECT status, count(*) n FROM conversation GROUP BY status) s")"
  echo "active assigned to the benchmark agent: $(sql -c "SELECT count(*) FROM conversation
    WHERE assignee_id = $me AND status <> 'CLOSED'"), active unassigned: $(sql -c "SELECT count(*)
    FROM conversation WHERE assignee_id IS NULL AND status <> 'CLOSED'")"
} | tee -a "$out/machine.txt" >&2

# --- the database part: each shape's SQL -----------------------------------------------------------
sql -v tenant="$tenant" -v me="$me" -f "$here/explain.sql" >"$out/explain.txt" 2>&1
say "plans in $out/explain.txt"

# --- runs --------------------------------------------------------------------------------------------
active="OPEN,WAITING_ON_CUSTOMER,ON_HOLD,WAITING_ON_VENDOR"
list="$base/api/v1/tenants/bench/conversations"
shapes=(me open-mine open-unassigned all-queue mine-queue any-queue)
declare -A url=(
  [me]="$base/api/v1/auth/me"
  [open-mine]="$list?status=OPEN&assignee=me"
  [open-unassigned]="$list?status=OPEN&assignee=none"
  [all-queue]="$list?status=$active&sort=queue&limit=100"
  [mine-queue]="$list?status=$active&assignee=me&sort=queue&limit=100"
  [any-queue]="$list?sort=queue"
)

# Each shape must answer a full page, or the timings would measure an empty list.
for shape in "${shapes[@]:1}"; do
  items="$(curl -s -H "Authorization: Bearer $token" "${url[$shape]}" | grep -o '"id":' | wc -l)"
  (( items >= 50 )) || { say "$shape answered $items items"; exit 1; }
done

# ask SHAPE N: N requests of the shape on one connection; prints each one's seconds.
ask() {
  local shape="$1" n="$2" config="$out/curl.config"
  : >"$config"
  for _ in $(seq 1 "$n"); do printf 'url = "%s"\noutput = "/dev/null"\n' "${url[$shape]}" >>"$config"; done
  curl -s -K "$config" -H "Authorization: Bearer $token" -w '%{http_code} %{time_total}\n' |
    awk '$1 != 200 { bad++ } { print $2 } END { if (bad) { print "non-200 answers: " bad > "/dev/stderr"; exit 1 } }'
}
# percentiles of seconds on stdin, in ms: "p50 p99 mean"
percentiles() {
  sort -g | awk '{ v[NR] = $1 * 1000; s += v[NR] } END {
    i50 = int(NR * 0.50 + 0.5); i99 = int(NR * 0.99 + 0.5); if (i50 < 1) i50 = 1; if (i99 < 1) i99 = 1
    printf "%.2f\t%.2f\t%.2f\n", v[i50], v[i99], s / NR }'
}
table_reads() {
  sql -F ' ' -c "SELECT relname, coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables
    WHERE relname IN ('conversation', 'conversation_link', 'conversation_status_change', 'customer',
    'customer_tag', 'agent', 'agent_token', 'tenant') ORDER BY relname"
}

printf 'kind\trun\tshape\tp50_ms\tp99_ms\tmean_ms\tp50_over_floor\tload1\n' >"$out/runs.tsv"
printf 'shape\ttable\treads_per_request\n' >"$out/reads.tsv"
for r in $(seq 0 "$runs"); do
  kind=run
  (( r == 0 )) && kind=warmup
  floor=""
  for shape in "${shapes[@]}"; do
    load="$(cut -d' ' -f1 /proc/loadavg)"
    if (( r == 0 )); then
      sleep 11 # idle pooled backends report their table statistics within 10 s
      table_reads >"$out/reads.before"
    fi
    read -r p50 p99 mean < <(ask "$shape" "$requests" | percentiles)
    [[ "$shape" == me ]] && floor="$p50"
    ratio="$(awk -v a="$p50" -v b="$floor" 'BEGIN { printf "%.2f", a / b }')"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$r" "$shape" "$p50" "$p99" "$mean" "$ratio" "$load" \
      >>"$out/runs.tsv"
    say "$kind $r $shape: p50 $p50 ms, p99 $p99 ms ($ratio × floor), load $load"
    if (( r == 0 )); then
      sleep 11
      table_reads | awk -v s="$shape" -v n="$requests" 'NR == FNR { before[$1] = $2; next }
        { printf "%s\t%s\t%.2f\n", s, $1, ($2 - before[$1]) / n }' "$out/reads.before" - >>"$out/reads.tsv"
    fi
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt" >&2

# --- summary: median and spread per shape -------------------------------------------------------------
summarize() { median_spread "$out/runs.tsv" "$1" 3 "$2"; }
{
  echo "| first page | p50 ms, median (min–max) | p99 ms | p50 ÷ floor (\`/auth/me\`) |"
  echo "|---|---:|---:|---:|"
  for shape in "${shapes[@]}"; do
    echo "| $shape | $(summarize 4 "$shape") | $(summarize 5 "$shape") | $(summarize 7 "$shape") |"
  done
  echo
  echo "SQL execution time in PostgreSQL (explain.txt):"
  awk '/^====/ { shape = $2 } /Execution Time/ { print "- " shape " " $3 " ms" }' "$out/explain.txt"
} | tee "$out/summary.md" >&2
say "done: $out"
