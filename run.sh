#!/usr/bin/env bash
# Builds Vaylix (server and client) and starts a single-node server with the defaults: 127.0.0.1:9173, data directory
# ./default.vaylix, authentication on with the development bootstrap user vaylix / vaylix (change it
# with --user/--password or VAYLIX_USER/VAYLIX_PASSWORD before storing anything real). Extra arguments
# go to the server (bin/vaylix --help lists them). Ctrl-C stops it gracefully.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"
# shellcheck source=scripts/find-jdk.sh
. scripts/find-jdk.sh
vaylix_find_jdk

# The client is built too, so bin/vaylix-client can talk to the server right away.
./mvnw -q -B -ntp -DskipTests -pl server,client -am package
exec bin/vaylix "$@"
