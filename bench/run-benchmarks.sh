#!/usr/bin/env bash
# Builds bench/target/benchmarks.jar and runs one suite of JMH benchmarks, writing JMH's JSON results
# (and the console output beside them) to bench/results/<suite>-<UTC date-time>.json. bench/README.md
# lists every benchmark, what it measures and its parameters.
#
#   bench/run-benchmarks.sh [--smoke] [--no-build] <suite> [<regex>] [extra JMH arguments...]
#
#   suite        storage | engine | raft | transport | command | all   (parser = command)
#   regex        only the suite's benchmarks whose name matches it too, e.g. AppendVsRaw
#                (a regex among the extra arguments would add benchmarks: JMH ORs its includes)
#   --smoke      prove the suite runs: in process, no warm-up, one 100 ms iteration
#                (-f 0 -wi 0 -i 1 -r 100ms; engine with -p keyCount=10000 unless given);
#                the figures are meaningless. BENCH_SMOKE=1 in the environment does the same.
#   --no-build   use the benchmarks.jar already built
#   extra        passed to JMH: e.g. -p dir=/mnt/disk/scratch, -p batchSize=64, -prof gc, -f 3
#                (JMH refuses an option given twice: not -rf/-rff, nor -f/-wi/-i/-r with --smoke)
#
# Without --smoke, each benchmark runs with the forks, warm-ups and iterations its class declares
# (@Fork, @Warmup, @Measurement: at least one fork each). Take figures on a quiet machine only.
# Environment: MVN_ARGS adds Maven arguments to the build (e.g. MVN_ARGS=-o for offline).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench="$root/bench"

usage() {
  sed -n '6,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

smoke=false
[ "${BENCH_SMOKE:-0}" = 1 ] && smoke=true
build=true
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=true; shift ;;
    --no-build) build=false; shift ;;
    -h|--help) usage ;;
    -*) echo "error: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || usage
suite=$1
shift

# Benchmarks are selected by package (dev.vaylix.bench.<area>), one package per suite.
case "$suite" in
  parser) suite=command; pattern='^dev\.vaylix\.bench\.command\.' ;;
  command | storage | engine | transport | raft) pattern="^dev\\.vaylix\\.bench\\.$suite\\." ;;
  all) pattern='^dev\.vaylix\.bench\.(command|storage|engine|transport|raft)\.' ;;
  *) echo "error: unknown suite '$suite'" >&2; usage ;;
esac
# A word right after the suite that is not an option narrows it (the name must match both).
if [ $# -ge 1 ] && [ "${1#-}" = "$1" ]; then
  pattern="$pattern.*($1)"
  shift
fi

cd "$root"
# shellcheck source=../scripts/find-jdk.sh
. scripts/find-jdk.sh
vaylix_find_jdk

if $build; then
  # shellcheck disable=SC2086 # MVN_ARGS is a list of words
  ./mvnw -q -B -ntp ${MVN_ARGS:-} -DskipTests -pl bench -am package
fi
jar="$bench/target/benchmarks.jar"
[ -f "$jar" ] || { echo "error: $jar does not exist; run without --no-build" >&2; exit 1; }

mkdir -p "$bench/results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
name="$suite"
settings=()
if $smoke; then
  name="$suite-smoke"
  settings=(-f 0 -wi 0 -i 1 -r 100ms)
  # Filling the 1,000,000-key engine takes a minute: a smoke run proves the code with 10,000 keys.
  case " $* " in
    *" keyCount="* | *" -p keyCount="*) ;;
    *) settings+=(-p keyCount=10000) ;;
  esac
fi
json="$bench/results/$name-$stamp.json"
log="$bench/results/$name-$stamp.txt"

# From bench/, so the benchmarks' default scratch directory (dir=target/bench-scratch) is
# bench/target/bench-scratch: on the disk of the checkout, git-ignored, never /tmp.
cd "$bench"
echo "suite $suite: results in $json" >&2
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$jar" "$pattern" \
  "${settings[@]}" -rf json -rff "$json" "$@" 2>&1 | tee "$log"
echo "suite $suite: results in $json, console output in $log" >&2
