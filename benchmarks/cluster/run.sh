#!/usr/bin/env bash
# Cluster benchmark: two Payara Micro instances of Deskbridge, clustered (Hazelcast on loopback), on one
# PostgreSQL database behind nginx, against one instance behind the same nginx, under the same inbound
# load as the ingest benchmark. Not a test: `mvn verify` never runs it.
#
#   benchmarks/cluster/run.sh            # uses webapp/target/ROOT.war; builds it first if it is missing
#   benchmarks/cluster/run.sh --build    # rebuilds the WAR first
#
# Both instances run the whole time; two nginx servers sit in front, one sending everything to instance
# a ("one"), one balancing over a and b ("two"), so both figures pay the same proxy hop. Each run
# measures "one" and "two" in turn (the order alternates) with LoadGenerator (closed loop, 70% into
# existing conversations); the ratio two/one is the scale-out figure, and the machine's CPU use during
# each is recorded next to it. While the load runs, the tenant's webhook module delivers every
# message.created and every SLA warning and breach (a short first-reply target makes the sweepers of
# both instances announce them) to DeliveryCounter; at the end, once the outbox is drained, the script
# counts deliveries repeated (same delivery id twice), alerts announced twice (two deliveries about the
# same timer), and messages never delivered. It also checks that an agent's live stream on instance b
# shows a message posted to instance a.
#
# Needs Java 17, psql, curl, nginx (Debian: nginx-light) and a PostgreSQL it may create a database on.
# Knobs: BENCH_RUNS (5), BENCH_SECONDS (20 per measurement), BENCH_CONCURRENCY (8), BENCH_WARMUP (30 s),
# BENCH_EXISTING_SHARE (0.7), BENCH_JAVA_OPTS (lib.sh), BENCH_KEEP_DB (1: keep the database).
# Output: benchmarks/cluster/out/<time>/ (runs.tsv, summary.md, machine.txt, a.log, b.log, deliveries.tsv).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

runs="${BENCH_RUNS:-5}"
seconds="${BENCH_SECONDS:-20}"
concurrency="${BENCH_CONCURRENCY:-8}"
warmup="${BENCH_WARMUP:-30}"
share="${BENCH_EXISTING_SHARE:-0.7}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
db="deskbridge_bench_$(date +%s)"
out="$here/out/$stamp"
mkdir -p "$out"
source "$here/../lib.sh"

nginx_pids=()
counter_pid=""
stop_all() {
  local pid
  for pid in "${nginx_pids[@]}" $counter_pid; do
    kill "$pid" 2>/dev/null || true
  done
  cleanup
}
command -v nginx >/dev/null || { say "nginx is missing (Debian: apt-get install nginx-light)"; exit 1; }
ensure_war "${1:-}"
trap stop_all EXIT
trap 'exit 130' INT TERM

{
  machine_record
  echo "nginx: $(nginx -v 2>&1)"
  echo "runs: $runs, seconds per measurement: $seconds, concurrency: $concurrency, warm-up: $warmup s,"\
    "share into existing conversations: $share"
} | tee "$out/machine.txt" >&2

psql -X -q -d postgres -c "CREATE DATABASE $db"
admin_token="bench-admin-$RANDOM$RANDOM"
hz="$(free_port 15900)"
cluster=(--clustername "bench-$stamp" --clustermode "tcpip:127.0.0.1:$hz" --startport "$hz" --interfaces 127.0.0.1)
port_a="$(free_port 18580)"
say "starting instance a on port $port_a (database $db, cluster port $hz)"
launch a "$port_a" -- "${cluster[@]}"
a_pid="$launched_pid" a_base="$launched_base"
port_b="$(free_port $((port_a + 1)))"
say "starting instance b on port $port_b"
launch b "$port_b" -- "${cluster[@]}"
b_base="$launched_base"
sleep 5
if grep -q 'DG Size: 2' "$out/a.log" "$out/b.log"; then
  members=2
else
  members=1
  say "the instances did not form one Hazelcast cluster (see a.log, b.log); measuring them anyway"
fi
echo "hazelcast members seen: $members" >>"$out/machine.txt"
base="$a_base"
create_tenant bench

# Both proxies: nginx with keep-alive connections to the upstreams, like a production front.
proxy() { # NAME PORT UPSTREAM_PORT…
  local name="$1" port="$2" dir="$out/nginx-$1" servers=""
  shift 2
  for p in "$@"; do servers+="    server 127.0.0.1:$p;"$'\n'; done
  mkdir -p "$dir/logs" "$dir/tmp"
  cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  upstream deskbridge {
$servers    keepalive 32;
  }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://deskbridge;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_buffering off;
      proxy_read_timeout 1h;
    }
  }
}
CONF
  nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' 2>>"$dir/logs/error.log" &
  nginx_pids+=($!)
}
one_port="$(free_port 18680)"
proxy one "$one_port" "$port_a"
two_port="$(free_port $((one_port + 1)))"
proxy two "$two_port" "$port_a" "$port_b"
sleep 1

receiver_port="$(free_port 18780)"
java "$here/DeliveryCounter.java" "$receiver_port" "$out/deliveries.tsv" &
counter_pid=$!
for _ in $(seq 1 60); do
  curl -s -o /dev/null "http://127.0.0.1:$receiver_port/count" && break
  sleep 0.5
done

api() { # METHOD PATH JSON
  curl -s -o "$out/last.json" -w '%{http_code}' -X "$1" "$a_base/api/v1/tenants/bench$2" \
    -H "Authorization: Bearer $tenant_token" -H 'Content-Type: application/json' -d "$3"
}
# Warned at 10 s, breached at 20 s after a customer's first message: the sweepers of both instances
# announce alerts all through the run.
[[ "$(api POST /sla-policies '{"name":"Bench","firstReply":"PT20S","nextReply":"PT20S","resolution":"PT1H","warnAtShare":0.5}')" == 201 ]] ||
  { say "SLA policy refused: $(cat "$out/last.json")"; exit 1; }
policy="$(sed -n 's/.*"id":\([0-9]*\).*/\1/p' "$out/last.json" | head -n 1)"
[[ "$(api PUT /rules/workflow '{"reopenWindow":"P7D","defaultPolicyId":'"$policy"'}')" == 200 ]] ||
  { say "workflow rules refused: $(cat "$out/last.json")"; exit 1; }
[[ "$(api PUT /modules/webhook '{"enabled":true,"config":{"url":"http://127.0.0.1:'"$receiver_port"'/hook","secret":"bench-secret","events":["message.created","sla.warned","sla.breached"]}}')" == 200 ]] ||
  { say "webhook module refused: $(cat "$out/last.json")"; exit 1; }

generate() { # BASE MODE SECONDS POOL EXISTING SHARE RUN
  java "$root/benchmarks/ingest/LoadGenerator.java" "$1" bench "$tenant_token" "$2" "$concurrency" "$3" "$4" "$5" \
    "$6" "$7"
}
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }

say "warm-up: $warmup s of new customers through both instances"
warm="$(generate "http://127.0.0.1:$two_port" closed "$warmup" pool 0 0 pool)"
existing="$(field ok "$warm")"
say "warm-up: $warm"
(( existing > 0 )) || { say "the warm-up stored nothing; see $out/a.log"; exit 1; }
sql -c "ANALYZE" # statistics as autovacuum would have them by now (see benchmarks/ingest/run.sh)

measure() { # NAME PORT RUN → "rps errors p50 p99 cpu_busy_share"
  local b0 a0 result
  b0="$(busy_jiffies)" a0="$(all_jiffies)"
  result="$(generate "http://127.0.0.1:$2" closed "$seconds" pool "$existing" "$share" "$1$3")"
  echo "$(field rps "$result") $(field errors "$result") $(field p50_ms "$result") $(field p99_ms "$result")" \
    "$(awk -v b="$(( $(busy_jiffies) - b0 ))" -v a="$(( $(all_jiffies) - a0 ))" 'BEGIN { printf "%.2f", b / a }')"
}
printf 'kind\trun\tone_rps\ttwo_rps\tratio\tone_cpu_busy\ttwo_cpu_busy\tone_p99_ms\ttwo_p99_ms\terrors\tload1\n' \
  >"$out/runs.tsv"
for r in $(seq 1 "$runs"); do
  load="$(cut -d' ' -f1 /proc/loadavg)"
  if (( r % 2 )); then
    one=($(measure one "$one_port" "$r")); two=($(measure two "$two_port" "$r"))
  else
    two=($(measure two "$two_port" "$r")); one=($(measure one "$one_port" "$r"))
  fi
  printf 'run\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "${one[0]}" "${two[0]}" \
    "$(awk -v t="${two[0]}" -v o="${one[0]}" 'BEGIN { printf "%.3f", t / o }')" "${one[4]}" "${two[4]}" \
    "${one[3]}" "${two[3]}" "$(( ${one[1]} + ${two[1]} ))" "$load" >>"$out/runs.tsv"
  say "run $r: one instance ${one[0]}/s (cpu busy ${one[4]}), two instances ${two[0]}/s (cpu busy ${two[4]})"
done

# Live updates across instances: an agent's stream on b shows a message posted to a.
curl -s -N --max-time 15 "$b_base/api/v1/tenants/bench/live" -H "Authorization: Bearer $tenant_token" \
  >"$out/live.txt" 2>/dev/null &
live_pid=$!
sleep 3
conversation="$(curl -s -X POST "$a_base/api/v1/tenants/bench/inbound/messages" \
  -H "Authorization: Bearer $tenant_token" -H 'Content-Type: application/json' \
  -d '{"channel":"api","externalMessageId":"live-probe","customer":{"externalId":"live-probe"},"text":"Anyone there?"}' |
  sed -n 's/.*"conversationId":\([0-9]*\).*/\1/p')"
live="no"
for _ in $(seq 1 20); do
  grep -q "\"conversationId\":$conversation\b\|\"id\":$conversation\b" "$out/live.txt" && { live="yes"; break; }
  sleep 0.5
done
kill "$live_pid" 2>/dev/null || true

# The last conversations warn 10 s and breach 20 s after their first message; then nothing is due for
# half an hour, so the counts below are final once the outbox is drained.
sleep 25
say "waiting for the outbox to drain"
for _ in $(seq 1 600); do
  open="$(sql -c "SELECT count(*) FROM outbox_job WHERE state IN ('PENDING', 'IN_FLIGHT')")"
  (( open == 0 )) && break
  sleep 1
done
sleep 2
messages="$(sql -c "SELECT count(*) FROM message m JOIN tenant t ON t.id = m.tenant_id WHERE t.slug = 'bench'")"
dead="$(sql -c "SELECT count(*) FROM outbox_job WHERE state = 'DEAD'")"
alerts="$(sql -c "SELECT count(*) FROM sla_alert")"
awk -F'\t' -v out="$out/checks.txt" '
  { calls++; if (seen[$2]++) repeated++; key = $1 " " $3; if (!(key in first)) { first[key] = $2; subjects[$1]++ }
    else if (first[key] != $2 && !twice[key]++) announced_twice++ }
  END { printf "calls %d\nrepeated_deliveries %d\nsubjects_twice %d\nmessages_delivered %d\nwarned %d\nbreached %d\n",
        calls, repeated, announced_twice, subjects["message.created"], subjects["sla.warned"], subjects["sla.breached"] > out }
' "$out/deliveries.tsv"
{
  cat "$out/checks.txt"
  echo "messages_stored $messages"
  echo "sla_alert_rows $alerts"
  echo "dead_jobs $dead"
  echo "open_jobs_left $open"
  echo "live_across_instances $live"
} | tee "$out/checks.tsv" >&2
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt" >&2
check() { sed -n "s/^$1 //p" "$out/checks.tsv"; }

{
  echo "| runs | one instance messages/s | two instances messages/s | ratio (target ≥ 1.6) | CPU busy, one | CPU busy, two | p99 ms one | p99 ms two |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
  echo "| $runs | $(median_spread "$out/runs.tsv" 3) | $(median_spread "$out/runs.tsv" 4) |" \
    "$(median_spread "$out/runs.tsv" 5) | $(median_spread "$out/runs.tsv" 6) | $(median_spread "$out/runs.tsv" 7) |" \
    "$(median_spread "$out/runs.tsv" 8) | $(median_spread "$out/runs.tsv" 9) |"
  echo
  echo "Hazelcast members: $members. Messages stored: $(check messages_stored); delivered as message.created:"\
    "$(check messages_delivered); deliveries repeated: $(check repeated_deliveries); alerts announced twice:"\
    "$(check subjects_twice) (warnings $(check warned), breaches $(check breached), sla_alert rows"\
    "$(check sla_alert_rows)); dead jobs: $(check dead_jobs); jobs still open: $(check open_jobs_left);"\
    "live update on b of a message posted to a: $(check live_across_instances)."
} | tee "$out/summary.md" >&2
say "done: $out"
