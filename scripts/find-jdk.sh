# shellcheck shell=bash
# Sourced by mvnw and the scripts: exports JAVA_HOME pointing at a JDK 25 or exits with a message
# that says what to install. Order: $JAVA_HOME, then the Temurin 25 package location.

vaylix_java_major() {
  # Prints the feature release number of the java binary given as $1 (e.g. 25), or nothing.
  "$1" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version =/ { print $2; exit }'
}

vaylix_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64; do
    [ -n "$candidate" ] || continue
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(vaylix_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  {
    echo "error: Vaylix needs a JDK 25 (java and javac), and none was found."
    if [ -n "${JAVA_HOME:-}" ]; then
      echo "  JAVA_HOME=$JAVA_HOME is not a JDK 25 (found release: $(vaylix_java_major "$JAVA_HOME/bin/java" 2>/dev/null || echo none))."
    fi
    echo "  Looked at: \$JAVA_HOME, /usr/lib/jvm/temurin-25-jdk-amd64."
    echo "  Install Eclipse Temurin 25 (Debian: add the Adoptium apt repository, then"
    echo "  'apt-get install temurin-25-jdk'), or point JAVA_HOME at any JDK 25."
  } >&2
  exit 3
}
