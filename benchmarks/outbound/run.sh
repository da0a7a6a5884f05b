#!/usr/bin/env bash
# Outbound sync benchmark: how close one Deskbridge instance comes to a vendor's rate limit when it
# drains a backlog of messages to amoCRM and to Bitrix24 (the contract-faithful fakes of the module
# tests, each in its own JVM), without a request over the limit and without losing or doubling a
# message. Not a test: `mvn verify` never runs it.
#
#   benchmarks/outbound/run.sh            # uses webapp/target/ROOT.war; builds it first if it is missing
#   benchmarks/outbound/run.sh --build    # rebuilds the WAR first
#
# Per run:
#   backlog  a new tenant enables every module of BENCH_VENDORS, each against its own new fake in its
#            own JVM (amoCRM: token mode, notes; Bitrix24: inbound webhook, timeline comments);
#            Backlog.java posts CONVERSATIONS customers × MESSAGES messages through the inbound API of
#            the intake instance, whose outbox worker is off (it polls once at boot, then every 10,000
#            hours), so every job of every module is queued before delivery can start, as after an outage;
#   drain    a second instance on the same database (the cluster set-up, worker on, default settings)
#            starts and delivers the backlog to all the modules at once (each vendor has its own limit);
#            each fake counts what reaches it: requests, refusals for its limit (amoCRM 429, Bitrix24
#            QUERY_LIMIT_EXCEEDED), the most in any one second, the notes or comments stored (and how
#            many distinct). A module's drain ends when its jobs are neither pending nor in flight.
# The fakes' limits: amoCRM 7 requests in any one second; Bitrix24 a leaky bucket of 50 draining 2 a
# second. `share` is requests / (limit × span + burst): of what the fake would have taken between the
# first and the last request, how much was sent (target ≥ 0.9, with 0 refused). For a module paced by
# calls per second (amoCRM), the draining instance's mean time from a call's turn to its answer
# (deskbridge_vendor_call_time) gives the most a safe pacer can send, limit ÷ (1.05 s + that time),
# since a call holds its place until 1.05 s after its answer: `of the paced ceiling` is the achieved
# rate over that.
# Needs Java 17, Maven (offline is enough after one build), psql and curl, and a PostgreSQL it may
# create a database on (PGHOST, PGPORT, PGUSER, PGPASSWORD; default 127.0.0.1:5432, postgres/postgres).
#
# Knobs: BENCH_VENDORS ("amocrm bitrix24"), BENCH_RUNS (3), BENCH_CONVERSATIONS (500), BENCH_MESSAGES (20),
# BENCH_CONCURRENCY (8, posting), BENCH_TIMEOUT (3600 s per drain), BENCH_PORT, BENCH_JAVA_OPTS (lib.sh),
# BENCH_KEEP_DB (1: keep the database).
# Output: benchmarks/outbound/out/<time>/ (runs.tsv, summary.md, machine.txt, server.log, drain-<run>/server.log).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

vendors="${BENCH_VENDORS:-amocrm bitrix24}"
runs="${BENCH_RUNS:-3}"
conversations="${BENCH_CONVERSATIONS:-500}"
messages="${BENCH_MESSAGES:-20}"
concurrency="${BENCH_CONCURRENCY:-8}"
timeout="${BENCH_TIMEOUT:-3600}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
db="deskbridge_bench_$(date +%s)"
out="$here/out/$stamp"
mkdir -p "$out"
source "$here/../lib.sh"

ensure_war "${1:-}"
say "compiling the fakes and resolving their class path"
mvn -B -o -q test-compile dependency:build-classpath -pl plugin-crm-amocrm,plugin-bitrix -am \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >"$out/maven.log" 2>&1 ||
  { say "could not build the fakes; see $out/maven.log"; exit 1; }
fakes_cp="plugin-crm-amocrm/target/test-classes:plugin-crm-amocrm/target/classes"
fakes_cp+=":plugin-bitrix/target/test-classes:plugin-bitrix/target/classes"
fakes_cp+=":$(cat plugin-crm-amocrm/target/bench-classpath.txt):$(cat plugin-bitrix/target/bench-classpath.txt)"

fake_pid="" drain_pid=""
stop_all() {
  for pid in "$drain_pid" "$fake_pid" ${fake_pids[@]+"${fake_pids[@]}"}; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  cleanup
}
trap stop_all EXIT
trap 'exit 130' INT TERM

{
  machine_record
  echo "vendors: $vendors, runs: $runs, conversations: $conversations, messages each: $messages,"\
    "posting concurrency: $concurrency"
} | tee "$out/machine.txt" >&2

# Every instance of the cluster seals module secrets with the same key.
export DESKBRIDGE_SECRET_KEY
DESKBRIDGE_SECRET_KEY="$(head -c 32 /dev/urandom | base64)"
psql -X -q -d postgres -c "CREATE DATABASE $db"
port="$(free_port "${BENCH_PORT:-18480}")"
say "starting the intake instance on port $port (database $db), outbox worker off"
start_server "$port" DESKBRIDGE_OUTBOX_POLL=PT10000H
intake_base="$base" intake_pid="$server_pid" intake_out="$out"

# start_drainer DIR: a second instance with the default outbox settings; sets drain_pid.
start_drainer() {
  local dir="$1" dport token="$admin_token"
  dport="$(free_port $((port + 1)))"
  mkdir -p "$dir"
  out="$dir" start_server "$dport" DESKBRIDGE_ADMIN_TOKEN="$token"
  drain_pid="$server_pid" drain_base="$base"
  server_pid="$intake_pid" base="$intake_base" out="$intake_out" admin_token="$token"
}

stop_drainer() {
  kill "$drain_pid" 2>/dev/null || true
  wait "$drain_pid" 2>/dev/null || true
  drain_pid=""
}

# start_fake VENDOR FILE: the fake in its own JVM; sets fake_pid, fake_url, fake_token, control.
start_fake() {
  java -cp "$fakes_cp" "$here/FakeVendors.java" "$1" >"$2" 2>&1 &
  fake_pid=$!
  for _ in $(seq 1 120); do
    grep -q '^url=' "$2" && break
    kill -0 "$fake_pid" 2>/dev/null || { say "the $1 fake exited; see $2"; exit 1; }
    sleep 0.5
  done
  fake_url="$(sed -n 's/^url=\([^ ]*\).*/\1/p' "$2")"
  fake_token="$(sed -n 's/.* token=\([^ ]*\).*/\1/p' "$2")"
  control="$(sed -n 's/.* control=\([^ ]*\).*/\1/p' "$2")"
  [[ -n "$fake_url" ]] || { say "the $1 fake did not start; see $2"; exit 1; }
}


module_config() { # VENDOR
  case "$1" in
    amocrm) echo '{"baseUrl":"'"$fake_url"'","authMode":"token","accessToken":"'"$fake_token"'",'\
'"webhookToken":"bench-hook-'"$RANDOM$RANDOM"'"}' ;;
    bitrix24) echo '{"baseUrl":"'"$fake_url"'","authMode":"webhook","applicationToken":"bench-'"$RANDOM$RANDOM"'"}' ;;
  esac
}

jobs_in() { # STATE…: the run's jobs in those states
  local states
  states="$(printf ",'%s'" "$@")"
  sql -c "SELECT count(*) FROM outbox_job WHERE tenant_id = $tenant AND module_id = '$vendor'
          AND state IN (${states:1})"
}
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }
# call_time VENDOR: the draining instance's mean time from a paced call's turn to its answer, in
# seconds (deskbridge_vendor_call_time); 0 for a module that paces with a bucket instead.
call_time() {
  curl -s "$drain_base/metrics" | awk -v m="module=\"$1\"" '
    index($1, "deskbridge_vendor_call_time_seconds_sum{") == 1 && index($1, m) { sum = $NF }
    index($1, "deskbridge_vendor_call_time_seconds_count{") == 1 && index($1, m) { n = $NF }
    END { printf "%.4f", (n > 0 ? sum / n : 0) }'
}

printf 'kind\tvendor\trun\tconversations\tmessages\tqueued_jobs\tpost_s\tdrain_s\tspan_s\trequests\tachieved_rps'\
'\tlimit_rps\tburst\tratio\tshare\tpeak_1s\trefused\tstored\tdistinct\tdead\tload1\tleads\tcontacts'\
'\tcall_s\tpaced_ceiling_rps\tof_paced_ceiling\n' >"$out/runs.tsv"
declare -A fake_pids controls queued drained_ms
for r in $(seq 1 "$runs"); do
  # One tenant with every module enabled, each against its own new fake: one backlog feeds them all.
  create_tenant "bench-$r"
  for vendor in $vendors; do
    start_fake "$vendor" "$out/fake-$vendor-$r.txt"
    fake_pids[$vendor]="$fake_pid" controls[$vendor]="$control"
    status="$(curl -s -o "$out/enable.json" -w '%{http_code}' -X PUT "$base/api/v1/tenants/bench-$r/modules/$vendor" \
      -H "Authorization: Bearer $tenant_token" -H 'Content-Type: application/json' \
      -d '{"enabled":true,"config":'"$(module_config "$vendor")"'}')"
    [[ "$status" == "200" ]] || { say "$vendor not enabled ($status): $(cat "$out/enable.json")"; exit 1; }
  done
  fake_pid=""

  say "run $r: posting $conversations × $messages messages"
  posted="$(java "$here/Backlog.java" "$base" "bench-$r" "$tenant_token" "$conversations" "$messages" \
    "$concurrency" "bench-$r")"
  say "run $r: posted $posted"
  [[ "$(field ok "$posted")" == "$((conversations * messages))" ]] ||
    { say "not every message was accepted; see $out/server.log"; exit 1; }
  for vendor in $vendors; do
    queued[$vendor]="$(jobs_in PENDING)"
    started_early="$(jobs_in IN_FLIGHT DONE DEAD)"
    (( started_early == 0 )) || { say "$vendor: delivery started before the drain ($started_early jobs)"; exit 1; }
    curl -s "${controls[$vendor]}/mark" >/dev/null
    drained_ms[$vendor]=""
  done

  say "run $r: queued $(for v in $vendors; do printf '%s %s jobs; ' "$v" "${queued[$v]}"; done)starting the draining instance"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  start_drainer "$out/drain-$r"
  t0="$(now_ms)"
  while :; do
    left=0
    for vendor in $vendors; do
      [[ -n "${drained_ms[$vendor]}" ]] && continue
      if (( $(jobs_in PENDING IN_FLIGHT) == 0 )); then
        drained_ms[$vendor]="$(( $(now_ms) - t0 ))"
        say "run $r: $vendor drained in $(( drained_ms[$vendor] / 1000 )) s"
      else
        left=1
      fi
    done
    (( left )) || break
    (( $(now_ms) - t0 < timeout * 1000 )) || { say "the drain took over $timeout s"; break; }
    sleep 1
  done
  for vendor in $vendors; do
    counts="$(curl -s "${controls[$vendor]}/counts")"
    dead="$(jobs_in DEAD)"
    say "run $r: $vendor: $counts; dead $dead"
    awk -v vendor="$vendor" -v r="$r" -v c="$conversations" -v m="$messages" -v q="${queued[$vendor]}" \
      -v post="$(field seconds "$posted")" -v drain="${drained_ms[$vendor]:-0}" -v span="$(field span_s "$counts")" \
      -v n="$(field requests "$counts")" -v limit="$(field limit_per_s "$counts")" -v burst="$(field burst "$counts")" \
      -v peak="$(field peak_1s "$counts")" -v refused="$(field refused "$counts")" -v stored="$(field stored "$counts")" \
      -v distinct="$(field distinct "$counts")" -v dead="$dead" -v load1="$load" \
      -v leads="$(field leads "$counts")" -v contacts="$(field contacts "$counts")" \
      -v call="$(call_time "$vendor")" 'BEGIN {
        achieved = span > 0 ? (n - 1) / span : 0
        # A paced call holds its place from its turn until 1.05 s after its answer: the most a safe
        # pacer can send is the limit divided by (1.05 s + the time from turn to answer).
        ceiling = call > 0 ? limit / (1.05 + call) : 0
        printf "run\t%s\t%s\t%d\t%d\t%d\t%s\t%.1f\t%s\t%d\t%.2f\t%s\t%s\t%.3f\t%.3f\t%d\t%d\t%d\t%d\t%d\t%s\t%d\t%d",
          vendor, r, c, c * m, q, post, drain / 1000, span, n, achieved, limit, burst, achieved / limit,
          n / (limit * span + burst), peak, refused, stored, distinct, dead, load1, leads, contacts
        if (ceiling > 0) printf "\t%.4f\t%.2f\t%.3f\n", call, ceiling, achieved / ceiling
        else printf "\t-\t-\t-\n" }' >>"$out/runs.tsv"
  done
  stop_drainer
  for vendor in $vendors; do
    curl -s "${controls[$vendor]}/stop" >/dev/null || true
    wait "${fake_pids[$vendor]}" 2>/dev/null || true
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt" >&2

{
  echo "| vendor (limit) | runs | messages | requests | drain s | achieved requests/s | ratio to limit |" \
    "share of what the fake would take (target ≥ 0.9) | peak in 1 s | refused (target 0) | stored | distinct | dead |" \
    "leads (one per conversation) | contacts | turn to answer s | paced ceiling requests/s | of the paced ceiling |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for vendor in $vendors; do
    m() { median_spread "$out/runs.tsv" "$1" 2 "$vendor"; }
    # A module paced by a bucket has no paced ceiling: its runs say "-".
    paced() { if awk -F'\t' -v v="$vendor" '$2 == v && $24 == "-" { f = 1 } END { exit !f }' "$out/runs.tsv"; then
      echo "—"; else m "$1"; fi; }
    echo "| $vendor ($(awk -F'\t' -v v="$vendor" '$2 == v { print $12 "/s, burst " $13; exit }' "$out/runs.tsv"))" \
      "| $runs | $(m 5) | $(m 10) | $(m 8) | $(m 11) | $(m 14) | $(m 15) | $(m 16) | $(m 17) | $(m 18) | $(m 19) | $(m 20) |" \
      "$(m 22) | $(m 23) | $(paced 24) | $(paced 25) | $(paced 26) |"
  done
} | tee "$out/summary.md" >&2
say "done: $out"
