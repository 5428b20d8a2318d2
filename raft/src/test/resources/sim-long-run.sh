#!/usr/bin/env bash
# Long simulation run in the background (docs/RAFT.md "Long simulations"):
#   raft/src/test/resources/sim-long-run.sh FIRST LAST [OUTPUT]
# Builds once, copies the classes to a private directory (so later builds cannot change them under the
# run), then runs seeds FIRST..LAST with nohup. Progress and failures go to OUTPUT (default
# /tmp/vaylix-sim-FIRST-LAST.log).
set -euo pipefail
first=${1:?first seed}; last=${2:?last seed}
out=${3:-/tmp/vaylix-sim-$first-$last.log}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
cd "$root"
# One invocation: the reactor's modules (engine-api, lincheck) resolve to their target/classes only when
# a lifecycle phase runs with the goal, so a fresh clone needs no `install`.
./mvnw -o -B -q -pl raft -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/vaylix-sim-cp.txt \
    -Dmdep.includeScope=test >/dev/null
run=$(mktemp -d /tmp/vaylix-sim-run.XXXXXX)
cp -r raft/target/classes "$run/classes"
cp -r raft/target/test-classes "$run/test-classes"
cp -r engine-api/target/classes "$run/api-classes"
. scripts/find-jdk.sh
vaylix_find_jdk
cp="$run/test-classes:$run/classes:$run/api-classes:$(cat /tmp/vaylix-sim-cp.txt)"
nohup "$JAVA_HOME/bin/java" -Xmx1g -cp "$cp" dev.vaylix.raft.sim.SimMain "$first" "$last" >"$out" 2>&1 &
echo "running seeds $first..$last as pid $!; output in $out"
