#!/usr/bin/env bash
# Workflow sweep benchmark: with BENCH_OPEN open conversations (default 1,000,000), how long does the
# sweeper of one Deskbridge instance take to work through N due ones (default 100, 1000, 10000)?
# It shows that a round's cost follows the number due, not the number open. Not a test: `mvn verify`
# never runs it. Results and docs/benchmarks.md explain the figures.
#
#   benchmarks/sweep/run.sh            # uses webapp/target/ROOT.war; builds it first if it is missing
#   benchmarks/sweep/run.sh --build    # rebuilds the WAR first (mvn -DskipTests package)
#
# Needs Java 17, psql and curl, and a PostgreSQL server it may create a database on (PGHOST, PGPORT,
# PGUSER, PGPASSWORD; default 127.0.0.1:5432, postgres/postgres). It creates deskbridge_bench_<time>,
# starts the WAR on Payara Micro against it (the WAR migrates the schema), creates a tenant through the
# API, bulk-inserts the open conversations with SQL, explains the due query, then for each N marks N
# conversations due (scattered over the table, never the same ones twice) and reads the sweeper's
# metrics until all N are checked. The database is dropped at the end unless BENCH_KEEP_DB=1.
#
# Knobs: BENCH_OPEN, BENCH_DUE ("100 1000 10000"), BENCH_RUNS (5), BENCH_WARMUP (2000), BENCH_PORT,
# BENCH_JAVA_OPTS (lib.sh), BENCH_JFR (1: profile the measured runs with Java Flight Recorder),
# DESKBRIDGE_SWEEP_POLL (PT0.2S), DESKBRIDGE_SWEEP_BATCH (500).
# The ceiling: after the runs the server is stopped and ceiling.sql does the same reads and writes for
# N due as a few hand-written set-based statements in one transaction (the least the database can do).
# Output: benchmarks/sweep/out/<time>/ (runs.tsv, ceiling.tsv, summary.md, explain.txt, server.log).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

open="${BENCH_OPEN:-1000000}"
dues="${BENCH_DUE:-100 1000 10000}"
runs="${BENCH_RUNS:-5}"
warmup="${BENCH_WARMUP:-2000}"
poll="${DESKBRIDGE_SWEEP_POLL:-PT0.2S}"
batch="${DESKBRIDGE_SWEEP_BATCH:-500}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
db="deskbridge_bench_$(date +%s)"
out="$here/out/$stamp"
mkdir -p "$out"
source "$here/../lib.sh"

ensure_war "${1:-}"
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the machine, for the record ---------------------------------------------------------------
{
  machine_record
  echo "open: $open, due: $dues, runs: $runs, poll: $poll, batch: $batch"
} | tee "$out/machine.txt" >&2

# --- database and server -----------------------------------------------------------------------
psql -X -q -d postgres -c "CREATE DATABASE $db"
port="$(free_port "${BENCH_PORT:-18480}")"
say "starting Deskbridge on port $port (database $db)"
start_server "$port" DESKBRIDGE_SWEEP_POLL="$poll" DESKBRIDGE_SWEEP_BATCH="$batch"
create_tenant bench

say "seeding $open open conversations"
seed_started="$(now_ms)"
sql -v tenant="$tenant" -v open="$open" -f "$here/seed.sql" >"$out/seed.log"
say "seeded in $(( ($(now_ms) - seed_started) / 1000 )) s; table $(sql -c \
  "SELECT pg_size_pretty(pg_table_size('conversation'))"), due index $(sql -c \
  "SELECT pg_size_pretty(pg_relation_size('conversation_due'))")"

# --- the database part: the due query at $open rows ---------------------------------------------
: >"$out/explain.txt"
{
  echo "conversation rows: $(sql -c 'SELECT count(*) FROM conversation')"
  echo "conversation table: $(sql -c "SELECT pg_size_pretty(pg_table_size('conversation'))"),"\
    "index conversation_due: $(sql -c "SELECT pg_size_pretty(pg_relation_size('conversation_due'))")"
} >>"$out/explain.txt"
for due in 0 $dues; do
  echo "==== $due due of $open open" >>"$out/explain.txt"
  sql -v open="$open" -v due="$due" -v first=900000 -f "$here/explain.sql" >>"$out/explain.txt"
done
say "due query plans in $out/explain.txt"

# --- runs ----------------------------------------------------------------------------------------
scrape() { curl -s "$base/metrics" >"$out/metrics.now"; }
metric() {
  awk -v name="$1" '$1 == name || index($1, name "{") == 1 { print $NF; found = 1; exit }
    END { if (!found) print 0 }' "$out/metrics.now"
}
db_stats() {
  psql -X -At -F ' ' -d postgres -c "SELECT active_time, xact_commit + xact_rollback, tup_fetched,
    tup_inserted, tup_updated, blks_read, blks_hit FROM pg_stat_database WHERE datname = '$db'"
}

next=1
# Marks conversations number $next .. $next+n-1 of a fixed permutation of the table (stride 7919,
# coprime with the count) as due: scattered over the heap, each one only ever once.
# Prints the UPDATE's own time in ms, which the DB figures of the run then leave out.
mark_due() {
  local n="$1"
  sql -c '\timing on' -c "UPDATE conversation SET next_check_at = now() - interval '1 second' WHERE id IN (
    SELECT 10000001 + (k::bigint * 7919) % $open FROM generate_series($next, $next + $n - 1) k)" |
    awk '/^Time:/ { print $2 }'
}

# The background the DB counters of a run must leave out: while idle, this instance's sweeper and
# outbox worker still poll the database several times a second. Measured once, as rates per ms.
idle_active=0 idle_xacts=0 idle_fetched=0
calibrate_idle() {
  sleep 11
  local t0 t1
  read -r active0 xacts0 fetched0 _ < <(db_stats); t0="$(now_ms)"
  sleep 30
  read -r active1 xacts1 fetched1 _ < <(db_stats); t1="$(now_ms)"
  read -r idle_active idle_xacts idle_fetched < <(awk -v t="$((t1 - t0))" -v a0="$active0" -v a1="$active1" \
    -v x0="$xacts0" -v x1="$xacts1" -v f0="$fetched0" -v f1="$fetched1" \
    'BEGIN { printf "%.9f %.9f %.9f\n", (a1 - a0) / t, (x1 - x0) / t, (f1 - f0) / t }')
  echo "idle background per second: $(awk -v a="$idle_active" -v x="$idle_xacts" \
    'BEGIN { printf "%.1f ms DB active, %.1f transactions", a * 1000, x * 1000 }')" | tee -a "$out/machine.txt" >&2
}

# One run: mark n due, wait until this instance's checked counter moved by n. Prints a TSV line.
run_once() {
  local n="$1" label="$2"
  sleep 11 # let every pooled backend flush its statistics (PostgreSQL reports idle sessions' within 10 s)
  scrape
  local checked0 sum0 count0 skipped0 failed0
  checked0="$(metric deskbridge_sweep_checked_total)"
  skipped0="$(metric deskbridge_sweep_skipped_total)"
  failed0="$(metric deskbridge_sweep_failed_total)"
  sum0="$(metric deskbridge_sweep_round_time_seconds_sum)"
  count0="$(metric deskbridge_sweep_round_time_seconds_count)"
  local load started mark_ms window_start
  load="$(cut -d' ' -f1 /proc/loadavg)"
  read -r active0 xacts0 fetched0 inserted0 updated0 read0 hit0 < <(db_stats)
  window_start="$(now_ms)"
  mark_ms="$(mark_due "$n")"
  next=$((next + n))
  started="$(now_ms)"
  local target deadline checked
  target="$(awk -v a="$checked0" -v n="$n" 'BEGIN { printf "%d", a + n }')"
  deadline=$(( $(now_ms) + 900000 ))
  while :; do
    scrape
    checked="$(metric deskbridge_sweep_checked_total)"
    awk -v c="$checked" -v t="$target" 'BEGIN { exit !(c >= t) }' && break
    (( $(now_ms) < deadline )) || { say "run timed out at $checked of $target"; exit 1; }
    sleep 0.05
  done
  local wall=$(( $(now_ms) - started ))
  local sum1 count1 skipped1 failed1
  sum1="$(metric deskbridge_sweep_round_time_seconds_sum)"
  count1="$(metric deskbridge_sweep_round_time_seconds_count)"
  skipped1="$(metric deskbridge_sweep_skipped_total)"
  failed1="$(metric deskbridge_sweep_failed_total)"
  sleep 11
  read -r active1 xacts1 fetched1 inserted1 updated1 read1 hit1 < <(db_stats)
  local window=$(( $(now_ms) - window_start ))
  awk -v OFS='\t' -v label="$label" -v n="$n" -v load1="$load" -v wall="$wall" -v window="$window" \
    -v s0="$sum0" -v s1="$sum1" -v c0="$count0" -v c1="$count1" -v k0="$skipped0" -v k1="$skipped1" \
    -v f0="$failed0" -v f1="$failed1" -v a0="$active0" -v a1="$active1" -v x0="$xacts0" -v x1="$xacts1" \
    -v fe0="$fetched0" -v fe1="$fetched1" -v i0="$inserted0" -v i1="$inserted1" -v u0="$updated0" \
    -v u1="$updated1" -v r0="$read0" -v r1="$read1" -v h0="$hit0" -v h1="$hit1" -v mark="$mark_ms" \
    -v ia="$idle_active" -v ix="$idle_xacts" -v idf="$idle_fetched" 'BEGIN {
      busy = (s1 - s0) * 1000
      # Left out: the marking UPDATE (one transaction, n rows updated, its time) and the idle polling.
      a1 -= mark + ia * window; x1 -= 1 + ix * window; u1 -= n; fe1 -= idf * window
      print label, n, sprintf("%.0f", busy), sprintf("%.3f", busy / n), c1 - c0, wall,
        sprintf("%.0f", a1 - a0), sprintf("%.3f", (a1 - a0) / n), sprintf("%.2f", (x1 - x0) / n),
        sprintf("%.1f", (fe1 - fe0) / n), sprintf("%.1f", (i1 - i0) / n), sprintf("%.1f", (u1 - u0) / n),
        r1 - r0, h1 - h0, k1 - k0, f1 - f0, load1
    }'
}

header="kind\tdue\tbusy_ms\tbusy_ms_per_conv\trounds\twall_ms\tdb_active_ms\tdb_ms_per_conv\txacts_per_conv"
header+="\ttuples_fetched_per_conv\ttuples_inserted_per_conv\ttuples_updated_per_conv\tblks_read\tblks_hit"
header+="\tskipped\tfailed\tload1"
printf '%b\n' "$header" >"$out/runs.tsv"
say "warm-up: $warmup due (not counted)"
run_once "$warmup" warmup >>"$out/runs.tsv"
say "measuring the idle background"
calibrate_idle
if [[ "${BENCH_JFR:-0}" == "1" ]]; then
  jcmd "$server_pid" JFR.start name=sweep settings=profile filename="$out/sweep.jfr" >/dev/null
  say "recording a Java Flight Recorder profile of the runs to $out/sweep.jfr"
fi
for n in $dues; do
  for r in $(seq 1 "$runs"); do
    run_once "$n" run >>"$out/runs.tsv"
    say "$(tail -n 1 "$out/runs.tsv" | awk -F'\t' '{ printf "%s due: %s ms busy (%s ms each), %s ms wall, db %s ms, load %s",
      $2, $3, $4, $6, $7, $17 }')"
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt" >&2
if [[ "${BENCH_JFR:-0}" == "1" ]]; then
  jcmd "$server_pid" JFR.stop name=sweep >/dev/null
fi

# --- the ceiling: the same work as hand-written SQL, one transaction per sweep ----------------------
# With the server stopped, so nothing else takes the rows; fresh rows of the same permutation.
alerts="$(sql -c "SELECT round(count(*)::numeric / greatest(count(DISTINCT conversation_id), 1)) FROM sla_alert")"
kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
say "server stopped; ceiling: the sweep's reads and writes as set-based SQL ($alerts alerts per conversation)"
printf 'kind\tdue\tceiling_ms\n' >"$out/ceiling.tsv"
for n in $dues; do
  for r in $(seq 0 "$runs"); do
    ms="$(sql -v open="$open" -v due="$n" -v first="$next" -v alerts="$alerts" -f "$here/ceiling.sql" |
      awk '/^-- measured/ { on = 1; next } on && /^Time:/ { sum += $2 } END { printf "%.1f", sum }')"
    next=$((next + n))
    # The first of each size warms the caches the runs had warmed for the server.
    printf '%s\t%s\t%s\n' "$([[ $r == 0 ]] && echo warmup || echo run)" "$n" "$ms" >>"$out/ceiling.tsv"
  done
  say "ceiling, $n due: $(median_spread "$out/ceiling.tsv" 3 2 "$n") ms"
done

# --- summary: median and spread per N --------------------------------------------------------------
summarize() { median_spread "$out/runs.tsv" "$1" 2 "$2"; }
ratio() { # median busy ms of the runs ÷ median ceiling ms, for N
  awk -v b="$(summarize 3 "$1" | cut -d' ' -f1)" -v c="$(median_spread "$out/ceiling.tsv" 3 2 "$1" | cut -d' ' -f1)" \
    'BEGIN { printf "%.1f×", b / c }'
}
{
  echo "| due of $open open | runs | busy ms, median (min–max) | ms per conversation | rounds | wall ms, median (min–max) | DB active ms per conversation | transactions per conversation | ceiling ms (same work as SQL) | busy ÷ ceiling |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for n in $dues; do
    echo "| $n | $runs | $(summarize 3 "$n") | $(summarize 4 "$n") | $(summarize 5 "$n") | $(summarize 6 "$n") | $(summarize 8 "$n") | $(summarize 9 "$n") | $(median_spread "$out/ceiling.tsv" 3 2 "$n") | $(ratio "$n") |"
  done
} | tee "$out/summary.md" >&2
say "done: $out"
