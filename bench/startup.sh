#!/usr/bin/env bash
# Benchmark: cold start of the app to its first window, under Xvfb (target, issue 6: under 3 s).
# Per run, the wall time from launching the java process to the window being shown and the part
# inside the JVM (main() to shown), in two ways, interleaved so machine noise hits both alike:
#   plain  java -jar, as on the very first start;
#   cds    with the class-data archive ./tandem keeps (AutoCreateSharedArchive: written by the
#          first start, used by every later one).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/find-jdk.sh
RUNS=${RUNS:-5}
command -v Xvfb >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends xvfb xauth libgtk-3-0 libgl1 libxtst6 >/dev/null; }
[ -f target/tandem.jar ] || ./mvnw -q -B -ntp -DskipTests package
Xvfb :97 -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
work=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1
archive="$work/app-gui.jsa"

# One start: prints "<launch-to-window ms> <main-to-window ms>".
start() {
    local log="$work/log" t0 t1 app inside
    : >"$log"
    t0=$(date +%s%N)
    HOME=$work DISPLAY=:97 "$JAVA_HOME/bin/java" "$@" --enable-native-access=ALL-UNNAMED -Dtandem.startupTiming=true \
        -jar target/tandem.jar >"$log" 2>&1 &
    app=$!
    for _ in $(seq 1 500); do grep -q '^startup-ms' "$log" && break; sleep 0.02; done
    t1=$(date +%s%N)
    inside=$(sed -n 's/^startup-ms \([0-9]*\)$/\1/p' "$log")
    kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true
    echo "$(( (t1 - t0) / 1000000 )) ${inside:-?}"
}

start -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$archive" >/dev/null   # writes the archive at exit
[ -s "$archive" ] || { echo "bench/startup.sh: no archive was written" >&2; exit 1; }
echo "run  mode   launch-to-window  main-to-window"
for run in $(seq 1 "$RUNS"); do
    read -r wall inside < <(start)
    printf '%-4s plain  %6d ms         %6s ms\n' "$run" "$wall" "$inside"
    read -r wall inside < <(start -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$archive")
    printf '%-4s cds    %6d ms         %6s ms\n' "$run" "$wall" "$inside"
done
