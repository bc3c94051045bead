# Sourced by ./tandem and installer/build. JavaFX looks for its native libraries (libglass.so,
# libprism_es2.so…) in the folder of the jar first; when they are not there, every start reads each
# one out of the jar and checks it against a copy it keeps in ~/.openjfx/cache (about a tenth of the
# time to the first window here, bench/startup.sh). javafx_natives_beside JAR puts them beside JAR,
# once per build of the jar (a stamp file remembers which), and returns 1 when it cannot.
javafx_natives_beside() {
    local jar dir stamp build natives
    jar=$(readlink -f "$1")
    dir=$(dirname "$jar")
    stamp="$dir/.javafx-natives"
    build=$(stat -L -c '%s-%Y' "$jar" 2>/dev/null) || return 1
    [ "$(cat "$stamp" 2>/dev/null)" != "$build" ] || return 0
    [ -w "$dir" ] || return 1
    natives=$("$JAVA_HOME/bin/jar" tf "$jar" | grep -E '^[^/]+\.so$') || return 1
    # shellcheck disable=SC2086 # one file name per word
    (cd "$dir" && "$JAVA_HOME/bin/jar" xf "$jar" $natives) || return 1
    echo "$build" >"$stamp"
}
