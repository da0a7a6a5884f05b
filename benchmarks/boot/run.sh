#!/usr/bin/env bash
# Boot benchmark: how long from `java -jar payara-micro.jar` until Deskbridge's API answers, and how
# much memory (VmRSS) the process holds then, against the floor of an empty WAR (one JAX-RS resource)
# on the same Payara Micro with the same JVM flags, measured in the same run. Not a test: `mvn verify`
# never runs it.
#
#   benchmarks/boot/run.sh            # uses webapp/target/ROOT.war; builds it first if it is missing
#   benchmarks/boot/run.sh --build    # rebuilds the WAR first (mvn -DskipTests package)
#
# The empty WAR is compiled once with javac against jakarta.jakartaee-api from the local Maven
# repository. Variants, started in turn in every run (empty first, so each run has its own floor):
#   empty          benchmarks/boot/empty: answers GET /empty/api/ping
#   libraries      the empty WAR with Deskbridge's third-party jars in WEB-INF/lib (everything of the
#                  WAR's lib but Deskbridge's own jars): what Payara's deployment of the libraries
#                  costs before any Deskbridge code is there (GET /libraries/api/ping)
#   deskbridge-h2  the WAR on its embedded H2 database          answers GET /api/v1/auth/me with 401
#   deskbridge-pg  the WAR on a scratch PostgreSQL database     (its own filter: deployed, migrated)
# Each boot gets a fresh Payara root directory (nothing unpacked or cached from an earlier boot); the
# databases are migrated by a first boot that is not counted, so the runs measure a restart of an
# installed server. A boot's time runs from just before `java` starts until the first answer
# (polled every 50 ms); VmRSS of the process is read from /proc when it answers and again after
# BENCH_SETTLE seconds; then the server is stopped (SIGTERM). At the answer it also reads the CPU time
# the process has used (user + system, all threads), that of its JIT compiler threads and that of its
# main thread: on N cores a boot cannot take less wall time over the floor than its CPU over the floor
# / N, nor less than its main thread's CPU over the floor (the "least" column).
# Needs Java 17, javac, jar and curl; for deskbridge-pg psql and a PostgreSQL it may create a
# database on (PGHOST, PGPORT, PGUSER, PGPASSWORD), else that variant is left out.
#
# BENCH_COMPARE_WAR=<another ROOT.war> adds compare-h2 and compare-pg: that WAR booted the same way
# right after ours in every run (an A/B of a start-up change against the same floor).
# Knobs: BENCH_RUNS (5), BENCH_SETTLE (10 s), BENCH_VARIANTS ("empty libraries deskbridge-h2
# deskbridge-pg"), BENCH_PORT, BENCH_JAVA_OPTS (lib.sh), MAVEN_REPO (~/.m2/repository).
# Output: benchmarks/boot/out/<time>/ (runs.tsv, summary.md, machine.txt, <variant>-<run>.log).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

runs="${BENCH_RUNS:-5}"
settle="${BENCH_SETTLE:-10}"
variants="${BENCH_VARIANTS:-empty libraries deskbridge-h2 deskbridge-pg}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
db="deskbridge_bench_$(date +%s)"
out="$here/out/$stamp"
mkdir -p "$out"
source "$here/../lib.sh"

ensure_war "${1:-}"
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ " $variants " == *" deskbridge-pg "* ]] && ! psql -X -q -d postgres -c "CREATE DATABASE $db" 2>/dev/null; then
  say "no PostgreSQL to create a database on: deskbridge-pg left out"
  variants="${variants/deskbridge-pg/}"
fi

{
  machine_record
  echo "war: $(du -k webapp/target/ROOT.war | cut -f1) KiB; runs: $runs, settle: $settle s, variants: $variants"
  echo "jvm flags: $bench_java_opts"
} | tee "$out/machine.txt" >&2

# The runs use copies, so a build during the benchmark cannot change what is measured.
cp webapp/target/ROOT.war webapp/target/payara-micro.jar "$out/"
if [[ -n "${BENCH_COMPARE_WAR:-}" ]]; then
  mkdir -p "$out/compare" # named ROOT.war too: the file name is the context root
  cp "$BENCH_COMPARE_WAR" "$out/compare/ROOT.war"
  variants="${variants/deskbridge-h2/deskbridge-h2 compare-h2}"
  variants="${variants/deskbridge-pg/deskbridge-pg compare-pg}"
fi

# --- the floor's WAR --------------------------------------------------------------------------------
api_jar="${MAVEN_REPO:-$HOME/.m2/repository}/jakarta/platform/jakarta.jakartaee-api/10.0.0/jakarta.jakartaee-api-10.0.0.jar"
[[ -f "$api_jar" ]] || { say "missing $api_jar (mvn -o package of the project fetches it)"; exit 1; }
mkdir -p "$out/empty/WEB-INF/classes"
javac -nowarn -d "$out/empty/WEB-INF/classes" -cp "$api_jar" "$here"/empty/src/bench/empty/*.java
jar --create --file "$out/empty.war" -C "$out/empty" .
# The libraries floor: the empty WAR plus every jar of Deskbridge's WEB-INF/lib that holds no
# io/deskbridge class.
mkdir -p "$out/libraries/WEB-INF/lib" "$out/war-lib"
cp -r "$out/empty/WEB-INF/classes" "$out/libraries/WEB-INF/"
(cd "$out/war-lib" && jar --extract --file "$out/ROOT.war" WEB-INF/lib)
for lib in "$out"/war-lib/WEB-INF/lib/*.jar; do
  jar --list --file "$lib" | grep -q '^io/deskbridge/' || cp "$lib" "$out/libraries/WEB-INF/lib/"
done
rm -rf "$out/war-lib"
jar --create --file "$out/libraries.war" -C "$out/libraries" .

# --- one boot ----------------------------------------------------------------------------------------
vmrss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
# cpu_ms STAT_FILE: user + system time of a process or thread, from /proc (fields 14 and 15 counted
# after the command name, which may hold spaces).
tick_ms=$(( 1000 / $(getconf CLK_TCK) ))
cpu_ms() { sed 's/^.*) //' "$1" | awk -v t="$tick_ms" '{ print ($12 + $13) * t }'; }
# threads_cpu_ms PID PATTERN: the CPU time of the process's threads whose name matches PATTERN. The
# JIT compilers are "C1 CompilerThre" and "C2 CompilerThre"; the thread that runs main(), where Payara
# deploys the WAR, keeps the launcher's name "java" (the JVM names only the threads it starts itself).
threads_cpu_ms() {
  local task name sum=0
  for task in /proc/"$1"/task/*; do
    name="$(cat "$task/comm" 2>/dev/null)" || continue
    [[ "$name" == $2 ]] && sum=$(( sum + $(cpu_ms "$task/stat") ))
  done
  echo "$sum"
}

# phases LOG STARTED_MS ANSWERED_MS: where a boot's time went, from the timestamps (timeMillis) of
# Payara's log lines, as six tab-separated milliseconds: launch to the first log line (the JVM and
# Payara's launcher), to "startup time" (the runtime: Hazelcast, HTTP, services), to "WELD-000900"
# (the archive: expanded, its classes scanned, the persistence unit prepared, the web module made), to
# "successfully deployed" (CDI, EJB and the MicroProfile parts), to "ready in" (the application's own
# start: schema migrations, first-start work, workers), to the first answer. The empty WAR starts no
# CDI container: its whole deployment counts as the archive phase, and its CDI phase is NA.
phases() {
  local log="$1" started="$2" answered="$3"
  sed -E 's/\x1b\[[0-9;]*m//g' "$log" | awk -v started="$started" -v answered="$answered" '
    match($0, /timeMillis: [0-9]+/) { t = substr($0, RSTART + 12, RLENGTH - 12) + 0 } !match($0, /timeMillis/) { next }
    !first { first = t }
    /startup time : Embedded/ && !runtime { runtime = t }
    /WELD-000900/ && !cdi { cdi = t }
    /was successfully deployed in/ && !deployed { deployed = t }
    / ready in [0-9,]+ \(ms\)/ && !ready { ready = t }
    function span(a, b) { return (a && b) ? b - a : "NA" }
    END {
      printf "%s\t%s\t%s\t%s\t%s\t%s", span(started, first), span(first, runtime),
        span(runtime, cdi ? cdi : deployed), span(cdi, deployed), span(deployed, ready), span(ready, started + answered) }'
}

# boot VARIANT LABEL: starts the variant, waits for its answer, reads VmRSS, stops it. Sets ms,
# rss_ready, rss_settled (MB), payara (its own "ready in" figure, ms), phase_ms (see phases), cpu and
# jit_cpu and main_cpu (ms of CPU until the answer: the whole process, the JIT compiler threads, the
# main thread).
boot() {
  local variant="$1" label="$2" port war path expect env=()
  port="$(free_port "${BENCH_PORT:-18580}")"
  case "$variant" in
    empty) war="$out/empty.war" path=/empty/api/ping expect=200 ;; # context root: the WAR's name
    libraries) war="$out/libraries.war" path=/libraries/api/ping expect=200 ;;
    deskbridge-* | compare-*)
      war="$out/ROOT.war" path=/api/v1/auth/me expect=401
      [[ "$variant" == compare-* ]] && war="$out/compare/ROOT.war"
      env=(DESKBRIDGE_ADMIN_TOKEN="bench-admin-$RANDOM$RANDOM" DESKBRIDGE_DEMO=false DESKBRIDGE_PORT="$port"
        DESKBRIDGE_DATA_DIR="$out/data-$variant")
      [[ "$variant" == *-pg ]] && env+=(DESKBRIDGE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db"
        DESKBRIDGE_DB_USER="$PGUSER" DESKBRIDGE_DB_PASSWORD="$PGPASSWORD")
      ;;
  esac
  local rootdir="$out/root-$variant-$label" log="$out/$variant-$label.log"
  rm -rf "$rootdir"
  local started
  started="$(now_ms)"
  env "${env[@]}" java $bench_java_opts -jar "$out/payara-micro.jar" --deploy "$war" \
    --port "$port" --nocluster --rootdir "$rootdir" >"$log" 2>&1 &
  server_pid=$!
  local deadline=$(( started + 300000 ))
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path" || true)" == "$expect" ]]; do
    kill -0 "$server_pid" 2>/dev/null || { say "$variant exited; see $log"; exit 1; }
    (( $(now_ms) < deadline )) || { say "$variant did not answer in 300 s; see $log"; exit 1; }
    sleep 0.05
  done
  ms=$(( $(now_ms) - started ))
  cpu="$(cpu_ms "/proc/$server_pid/stat")"
  jit_cpu="$(threads_cpu_ms "$server_pid" 'C[12] CompilerThre*')"
  main_cpu="$(threads_cpu_ms "$server_pid" java)"
  rss_ready="$(vmrss_mb "$server_pid")"
  sleep "$settle"
  rss_settled="$(vmrss_mb "$server_pid")"
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
  rm -rf "$rootdir"
  # Payara's own figure: "... ready in 12,345 (ms)"
  payara="$(sed -n 's/.* ready in \([0-9,]*\) (ms).*/\1/p' "$log" | tr -d ',' | head -n 1)"
  payara="${payara:-NA}"
  phase_ms="$(phases "$log" "$started" "$ms")"
}

printf 'kind\trun\tvariant\tboot_ms\trss_ready_mb\trss_settled_mb\tpayara_ready_ms\tboot_over_floor_ms\trss_over_floor_mb\tload1'\
'\tlaunch_ms\truntime_ms\tarchive_ms\tcdi_ms\tapp_start_ms\tfirst_answer_ms\tcpu_ms\tjit_cpu_ms\tcpu_over_floor_ms'\
'\tleast_wall_over_floor_ms\tmain_cpu_ms\tmain_cpu_over_floor_ms\n' >"$out/runs.tsv"
for r in $(seq 0 "$runs"); do
  kind=run
  (( r == 0 )) && kind=first # migrates the databases; not counted
  floor_ms="" floor_rss="" floor_cpu="" floor_main=""
  for variant in $variants; do
    load="$(cut -d' ' -f1 /proc/loadavg)"
    boot "$variant" "$r"
    if [[ "$variant" == empty ]]; then
      floor_ms="$ms" floor_rss="$rss_settled" floor_cpu="$cpu" floor_main="$main_cpu"
    fi
    over_ms="$(awk -v a="$ms" -v b="$floor_ms" 'BEGIN { print (b == "") ? "NA" : a - b }')"
    over_rss="$(awk -v a="$rss_settled" -v b="$floor_rss" 'BEGIN { print (b == "") ? "NA" : a - b }')"
    over_cpu="$(awk -v a="$cpu" -v b="$floor_cpu" 'BEGIN { print (b == "") ? "NA" : a - b }')"
    over_main="$(awk -v a="$main_cpu" -v b="$floor_main" 'BEGIN { print (b == "") ? "NA" : a - b }')"
    # The least wall time over the floor: the extra CPU spread over every core, or the main thread's
    # extra CPU, which no other core can take over, whichever is larger.
    least_ms="$(awk -v c="$over_cpu" -v m="$over_main" -v n="$(nproc)" \
      'BEGIN { if (c == "NA") print "NA"; else print (m > c / n) ? m : int(c / n) }')"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$r" "$variant" \
      "$ms" "$rss_ready" "$rss_settled" "$payara" "$over_ms" "$over_rss" "$load" "$phase_ms" "$cpu" "$jit_cpu" \
      "$over_cpu" "$least_ms" "$main_cpu" "$over_main" >>"$out/runs.tsv"
    say "$kind $r $variant: answered after $ms ms (Payara: $payara ms), VmRSS $rss_ready MB, after $settle s" \
      "$rss_settled MB; floor + $over_ms ms, + $over_rss MB; CPU $cpu ms (JIT $jit_cpu), floor + $over_cpu ms" \
      "(main thread + $over_main); load $load"
  done
done
{
  echo "payara micro: $(grep -o -m 1 'Payara Micro [0-9.]* (build [0-9]*)' "$out/empty-0.log")"
  echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$out/machine.txt" >&2

# --- summary -----------------------------------------------------------------------------------------
summarize() { median_spread "$out/runs.tsv" "$1" 3 "$2"; }
{
  echo "| variant | until the API answers, ms | Payara's \"ready in\", ms | VmRSS when answering, MB | VmRSS after $settle s, MB | time over the floor, ms | VmRSS over the floor, MB |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for variant in $variants; do
    echo "| $variant | $(summarize 4 "$variant") | $(summarize 7 "$variant") | $(summarize 5 "$variant") |" \
      "$(summarize 6 "$variant") | $(summarize 8 "$variant") | $(summarize 9 "$variant") |"
  done
  echo
  echo "CPU time until the answer (ms, all threads). The least wall time over the floor is the CPU over the"
  echo "floor spread over all $(nproc) cores, or the main thread's CPU over the floor, whichever is larger:"
  echo
  echo "| variant | CPU until the answer | of it the JIT compilers | of it the main thread | CPU over the floor | main thread's CPU over the floor | least wall time over the floor | measured wall time over the floor |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for variant in $variants; do
    echo "| $variant | $(summarize 17 "$variant") | $(summarize 18 "$variant") | $(summarize 21 "$variant") |" \
      "$(summarize 19 "$variant") | $(summarize 22 "$variant") | $(summarize 20 "$variant") | $(summarize 8 "$variant") |"
  done
  echo
  echo "Where the time went (ms, median (min–max); see phases in the script):"
  echo
  echo "| variant | launch to first log line | runtime | archive (scan, persistence unit, web module) | CDI, EJB, MicroProfile | application start | to the first answer |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for variant in $variants; do
    cdi="$(summarize 14 "$variant")"
    [[ "$variant" == empty || "$variant" == libraries ]] && cdi="—"
    echo "| $variant | $(summarize 11 "$variant") | $(summarize 12 "$variant") | $(summarize 13 "$variant") |" \
      "$cdi | $(summarize 15 "$variant") | $(summarize 16 "$variant") |"
  done
} | tee "$out/summary.md" >&2
say "done: $out"
