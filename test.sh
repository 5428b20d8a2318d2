#!/usr/bin/env bash
# Runs the whole default test suite: unit, property, simulation, scenario, model-checking and
# integration tests of every module (about the budget in README.md). Extra Maven arguments pass through.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
exec ./mvnw -B -ntp verify "$@"
