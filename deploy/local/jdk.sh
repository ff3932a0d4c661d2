# Sourced by the scripts in deploy/local and by .ci/run: points JAVA_HOME at a JDK >= 21.
# The machine default may be older (JDK 17 here), so look beside it before giving up.

_java_major() { # prints the feature version of the java at $1/bin/java, or nothing
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

find_jdk21() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then echo "$candidate"; return 0; fi
  fi
  return 1
}

if ! JAVA_HOME=$(find_jdk21); then
  echo "Inclusion Match needs a JDK 21 or newer, and none was found (looked at JAVA_HOME, /usr/lib/jvm, /opt)." >&2
  echo "Install one (for example Debian's openjdk-21-jdk or a Temurin 21/25) and set JAVA_HOME to it." >&2
  return 1 2>/dev/null || exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
