#!/usr/bin/env bash
# Builds Vaylix and starts its main program with embedded defaults.
#
# Until the server lands (issue 5) the main program is the command checker: it reads command lines
# (interactively or from stdin) and prints the typed command each one parses to, or its CMD error.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"
# shellcheck source=scripts/find-jdk.sh
. scripts/find-jdk.sh
vaylix_find_jdk

./mvnw -q -B -ntp -DskipTests -pl command -am package
exec "$JAVA_HOME/bin/java" -cp "engine-api/target/classes:command/target/classes" \
  dev.vaylix.command.CommandChecker "$@"
