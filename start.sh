#!/usr/bin/env bash
# Builds Deskbridge and starts it on Payara Micro. With no configuration it uses an embedded H2
# database under ./data, creates the demo tenant and prints the URL and the logins.
set -euo pipefail
cd "$(dirname "$0")"

port="${DESKBRIDGE_PORT:-8080}"
data="${DESKBRIDGE_DATA_DIR:-./data}"
export DESKBRIDGE_PORT="$port" DESKBRIDGE_DATA_DIR="$data"

if [[ "${1:-}" != "--no-build" ]]; then
  mvn -B -q -DskipTests package
fi

# Payara Micro's runtime directory is rebuilt on every start: reusing it would deploy the WAR twice.
runtime="$data/payara-runtime"
rm -rf "$runtime"
mkdir -p "$runtime"
# Payara's Hazelcast would otherwise report usage to hazelcast.com on every start (a call out that a
# helpdesk holding customers' data should not make, and that a machine without internet waits for).
exec java -Dhazelcast.phone.home.enabled=false ${JAVA_OPTS:-} -jar webapp/target/payara-micro.jar \
  --deploy webapp/target/ROOT.war --port "$port" --nocluster --rootdir "$runtime"
