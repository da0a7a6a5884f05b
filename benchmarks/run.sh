#!/usr/bin/env bash
# The whole benchmark suite, one benchmark after the other (never two at once: each measures the
# machine it runs on). Not a test: `mvn verify` never runs it. Results: benchmarks/<name>/out/<time>/
# of each; docs/benchmarks.md records the figures, the machine and how to read them.
#
#   benchmarks/run.sh                     # every benchmark, with the WAR as built
#   benchmarks/run.sh --build             # rebuilds the WAR first
#   benchmarks/run.sh ingest cluster      # only these (knobs: see each script's header)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build=""
if [[ "${1:-}" == "--build" ]]; then
  build="--build"
  shift
fi
all=(boot ingest cluster inbox sweep outbound)
names=("$@")
(( ${#names[@]} )) || names=("${all[@]}")
for name in "${names[@]}"; do
  [[ -x "$here/$name/run.sh" ]] || { echo "no benchmark named '$name' (have: ${all[*]})" >&2; exit 2; }
done
for name in "${names[@]}"; do
  echo "== $name ($(date -u +%H:%M:%S))" >&2
  "$here/$name/run.sh" $build
  build=""
done
echo "== done; summaries: benchmarks/*/out/*/summary.md" >&2
