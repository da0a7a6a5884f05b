#!/usr/bin/env bash
# Ingest benchmark: how many customer messages a second one Deskbridge instance on PostgreSQL stores
# durably through its inbound API, as a share of what PostgreSQL itself does on the same machine in
# the same run, and the latency at half that rate. Not a test: `mvn verify` never runs it.
#
#   benchmarks/ingest/run.sh            # uses webapp/target/ROOT.war; builds it first if it is missing
#   benchmarks/ingest/run.sh --build    # rebuilds the WAR first
#
# Each run measures, one after the other:
#   ceiling  pgbench: single-row INSERTs of a message-like row into a copy of the message table with
#            the same indexes, constraints and foreign keys, each its own durable transaction, with as
#            many clients as the load generator has workers;
#   ingest   LoadGenerator (closed loop): inbound messages over HTTP on 127.0.0.1, 70% into existing
#            conversations (a pool made during the warm-up), 30% from new customers;
#   latency  LoadGenerator at a fixed rate of half the ingest figure of that run: p50 and p99, each
#            measured from when the message was due;
#   floor    LoadGenerator, closed loop of GET /api/v1/auth/me: the cheapest request that still goes
#            through HTTP, JAX-RS, a token read from the database and JSON, storing nothing;
#   floor latency  that request at a fixed rate of half the floor's own figure (the same share of its
#            throughput as the latency measurement's), then at the latency measurement's rate: the
#            p50 and p99 any request through this stack has on this machine at that load.
# Around each it samples the machine's CPU time (and the server JVM's around ingest), so the summary
# also says how many CPU milliseconds a pgbench insert, a floor request and an inbound message cost.
# Needs Java 17, psql, pgbench and curl, and a PostgreSQL it may create a database on (PGHOST,
# PGPORT, PGUSER, PGPASSWORD; default 127.0.0.1:5432, postgres/postgres).
#
# Each measurement is a new generator JVM that first sends for 5 s without counting (its own warm-up).
# Knobs: BENCH_RUNS (5), BENCH_SECONDS (20 per measurement), BENCH_CONCURRENCY (8), BENCH_WARMUP (30 s of
# new customers, the pool), BENCH_WARMUP_MIXED (30 s of the measured mix, uncounted),
# BENCH_EXISTING_SHARE (0.7), BENCH_PORT, BENCH_JAVA_OPTS (lib.sh), BENCH_KEEP_DB (1: keep the database).
# Output: benchmarks/ingest/out/<time>/ (runs.tsv, summary.md, machine.txt, server.log).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

runs="${BENCH_RUNS:-5}"
seconds="${BENCH_SECONDS:-20}"
concurrency="${BENCH_CONCURRENCY:-8}"
warmup="${BENCH_WARMUP:-30}"
warmup_mixed="${BENCH_WARMUP_MIXED:-30}"
share="${BENCH_EXISTING_SHARE:-0.7}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
db="deskbridge_bench_$(date +%s)"
out="$here/out/$stamp"
mkdir -p "$out"
source "$here/../lib.sh"

ensure_war "${1:-}"
trap cleanup EXIT
trap 'exit 130' INT TERM
command -v pgbench >/dev/null || { say "pgbench is missing (Debian: postgresql-client)"; exit 1; }

{
  machine_record
  echo "runs: $runs, seconds per measurement: $seconds, concurrency: $concurrency, warm-up: $warmup s"\
    "then $warmup_mixed s of the mix,"\
    "share into existing conversations: $share"
} | tee "$out/machine.txt" >&2

psql -X -q -d postgres -c "CREATE DATABASE $db"
port="$(free_port "${BENCH_PORT:-18480}")"
say "starting Deskbridge on port $port (database $db)"
start_server "$port"
create_tenant bench

generate() { # MODE SECONDS POOL EXISTING SHARE RUN
  java "$here/LoadGenerator.java" "$base" bench "$tenant_token" "$1" "$concurrency" "$2" "$3" "$4" "$5" "$6"
}
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }

# The warm-up makes the pool of existing customers (pool-c0 … pool-cN) and warms the JIT.
say "warm-up: $warmup s of new customers"
warm="$(generate closed "$warmup" pool 0 0 pool)"
existing="$(field ok "$warm")"
say "warm-up: $warm"
(( existing > 0 )) || { say "the warm-up stored nothing; see $out/server.log"; exit 1; }
# Statistics as autovacuum would have them by now: without them PostgreSQL plans the intake's lookups
# for empty tables (the idempotency check, then made first, walked every message of the tenant). Some
# machines run PostgreSQL with autovacuum off; production never should.
sql -c "ANALYZE"
# Then the measured mix, uncounted: returning customers take paths the pool's warm-up never ran, and
# without this the first run measured them while the JIT was still compiling them (its CPU per
# message was 1.5-2.5 times the later runs').
say "warm-up: $warmup_mixed s of the measured mix"
say "warm-up: $(generate closed "$warmup_mixed" pool "$existing" "$share" warm)"

# The ceiling's table: the message table's shape with its indexes, checks and foreign keys.
conversation="$(sql -c "SELECT min(id) FROM conversation WHERE tenant_id = $tenant")"
sql -c "CREATE TABLE ceiling_message (LIKE message INCLUDING ALL)" \
  -c "ALTER TABLE ceiling_message ADD FOREIGN KEY (tenant_id) REFERENCES tenant (id)" \
  -c "ALTER TABLE ceiling_message ADD FOREIGN KEY (conversation_id) REFERENCES conversation (id)" \
  -c "CREATE SEQUENCE ceiling_message_seq"
cat >"$out/ceiling.sql" <<'SQL'
INSERT INTO ceiling_message (id, tenant_id, conversation_id, visibility, author_type, text, channel, external_id,
                             created_at)
VALUES (nextval('ceiling_message_seq'), :tenant, :conversation, 'PUBLIC', 'CUSTOMER',
        'Hello, my order has not arrived yet. Could you check it, please?', 'api',
        'pgbench-' || currval('ceiling_message_seq'), now());
SQL

server_jiffies() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
# CPU milliseconds per unit of work (jiffies are 10 ms): where each side's budget goes.
per_unit() { awk -v j="$1" -v n="$2" 'BEGIN { printf "%.2f", (n > 0 ? j * 10 / n : 0) }'; }

printf 'kind\trun\tceiling_tps\tingest_rps\tratio\terrors\thalf_rate\tp50_ms\tp99_ms\tlatency_errors\tload1\t'\
'ceiling_cpu_ms\tingest_cpu_ms\tserver_cpu_ms\tfloor_rps\tfloor_cpu_ms\tingest_vs_floor\t'\
'floor_half_rate\tfloor_half_p50_ms\tfloor_half_p99_ms\tfloor_same_rate_p50_ms\tfloor_same_rate_p99_ms\n' >"$out/runs.tsv"
for r in $(seq 1 "$runs"); do
  load="$(cut -d' ' -f1 /proc/loadavg)"
  c0="$(busy_jiffies)"
  ceiling="$(pgbench -n -c "$concurrency" -j 2 -T "$seconds" -f "$out/ceiling.sql" \
    -D tenant="$tenant" -D conversation="$conversation" "$db" 2>>"$out/pgbench.log" |
    tee -a "$out/pgbench.log" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -n 1)"
  c1="$(busy_jiffies)" s1="$(server_jiffies)"
  ingest="$(generate closed "$seconds" pool "$existing" "$share" "run$r")"
  c2="$(busy_jiffies)" s2="$(server_jiffies)"
  rps="$(field rps "$ingest")"
  half="$(awk -v r="$rps" 'BEGIN { printf "%.1f", r / 2 }')"
  latency="$(generate "rate:$half" "$seconds" pool "$existing" "$share" "lat$r")"
  c3="$(busy_jiffies)"
  floor="$(generate floor "$seconds" pool 0 0 "floor$r")"
  c4="$(busy_jiffies)"
  floor_half="$(awk -v r="$(field rps "$floor")" 'BEGIN { printf "%.1f", r / 2 }')"
  floor_latency="$(generate "floor-rate:$floor_half" "$seconds" pool 0 0 "floorlat$r")"
  floor_same="$(generate "floor-rate:$half" "$seconds" pool 0 0 "floorsame$r")"
  done_ceiling="$(awk -v t="$ceiling" -v s="$seconds" 'BEGIN { printf "%d", t * s }')"
  printf 'run\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
    "$r" "$ceiling" "$rps" \
    "$(awk -v a="$rps" -v c="$ceiling" 'BEGIN { printf "%.3f", a / c }')" "$(field errors "$ingest")" "$half" \
    "$(field p50_ms "$latency")" "$(field p99_ms "$latency")" "$(field errors "$latency")" "$load" \
    "$(per_unit $((c1 - c0)) "$done_ceiling")" "$(per_unit $((c2 - c1)) "$(field ok "$ingest")")" \
    "$(per_unit $((s2 - s1)) "$(field ok "$ingest")")" "$(field rps "$floor")" \
    "$(per_unit $((c4 - c3)) "$(field ok "$floor")")" \
    "$(awk -v a="$rps" -v f="$(field rps "$floor")" 'BEGIN { printf "%.3f", (f > 0 ? a / f : 0) }')" \
    "$floor_half" "$(field p50_ms "$floor_latency")" "$(field p99_ms "$floor_latency")" \
    "$(field p50_ms "$floor_same")" "$(field p99_ms "$floor_same")" >>"$out/runs.tsv"
  say "run $r: ceiling $ceiling tps; ingest $ingest; at $half/s: $latency; floor: $floor;"\
    "floor at $floor_half/s: $floor_latency; floor at $half/s: $floor_same"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt" >&2

{
  echo "| runs | ceiling (pgbench) tps | ingest messages/s | ratio (target ≥ 0.5) | p50 ms at half rate | p99 ms at half rate (target < 25) |"
  echo "|---:|---:|---:|---:|---:|---:|"
  echo "| $runs | $(median_spread "$out/runs.tsv" 3) | $(median_spread "$out/runs.tsv" 4) |" \
    "$(median_spread "$out/runs.tsv" 5) | $(median_spread "$out/runs.tsv" 8) | $(median_spread "$out/runs.tsv" 9) |"
  echo
  echo "| floor (GET /auth/me) requests/s | ingest ÷ floor | machine CPU ms per pgbench insert | per floor request | per inbound message | of which Deskbridge's JVM |"
  echo "|---:|---:|---:|---:|---:|---:|"
  echo "| $(median_spread "$out/runs.tsv" 15) | $(median_spread "$out/runs.tsv" 17) | $(median_spread "$out/runs.tsv" 12) |" \
    "$(median_spread "$out/runs.tsv" 16) | $(median_spread "$out/runs.tsv" 13) | $(median_spread "$out/runs.tsv" 14) |"
  echo
  echo "| floor at half its rate: requests/s | p50 ms | p99 ms | floor at the ingest half rate: p50 ms | p99 ms |"
  echo "|---:|---:|---:|---:|---:|"
  echo "| $(median_spread "$out/runs.tsv" 18) | $(median_spread "$out/runs.tsv" 19) | $(median_spread "$out/runs.tsv" 20) |" \
    "$(median_spread "$out/runs.tsv" 21) | $(median_spread "$out/runs.tsv" 22) |"
} | tee "$out/summary.md" >&2
say "done: $out"
