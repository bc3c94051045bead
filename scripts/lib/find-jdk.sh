# Sourced by ./tandem and scripts/test: exports JAVA_HOME pointing to a JDK 25 or newer.
# Order: $JAVA_HOME if it is 25+, then JDKs under /usr/lib/jvm (newest first), then `java` on PATH.

java_major() {
    # Prints the feature version of the java binary $1 (e.g. 25), or nothing. Read from the JDK's
    # release file when it has one: asking the binary starts a JVM, 0.15-0.2 s of every ./tandem.
    local release
    release="$(dirname "$(dirname "$1")")/release"
    if [ -r "$release" ] && grep -q '^JAVA_VERSION=' "$release"; then
        sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$release" | head -n 1
        return
    fi
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

find_jdk25() {
    local candidate major
    for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) \
                     "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
        candidate="${candidate%/}"
        [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
        major="$(java_major "$candidate/bin/java")"
        if [ -n "$major" ] && [ "$major" -ge 25 ]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

if ! JAVA_HOME="$(find_jdk25)"; then
    echo "Tandem needs a JDK 25 or newer, and none was found (checked \$JAVA_HOME, /usr/lib/jvm and PATH)." >&2
    echo "Install one, e.g. 'apt-get install openjdk-25-jdk' or Temurin 25, or set JAVA_HOME to it." >&2
    exit 2
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
