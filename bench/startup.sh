#!/usr/bin/env bash
# Benchmark: start of the app to its first window, and its resident memory when idle, under Xvfb
# (issue 15's goals: first window <= 1.2 s with a class archive, <= 1.5 s on the very first start;
# idle RSS <= 180 MB). Three ways, interleaved so machine noise hits them alike:
#   plain      java -jar with no option, as a bare JDK starts it;
#   launcher   ./tandem itself, the script included: installer/jvm-options, JavaFX's native libraries
#              beside the jar, and the window's class archive dumped once a build (scripts/lib/cds-archive.sh);
#   installed  the app image of installer/build (the .deb and .rpm hold the same): its own runtime,
#              the same options and native libraries beside the jar, and the AOT class cache trained at build time.
# Per run: the wall time from launching to the window shown, and the part inside the JVM (main() to
# shown). First, ./tandem's first start of the jar (built here by Maven, not by ./tandem): its window
# starts without an archive, which is dumped behind it for the later starts.
# Then one start of each left idle for IDLE seconds (default 60) and its resident memory.
# RUNS=5 IDLE=60 bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/find-jdk.sh
RUNS=${RUNS:-5}
IDLE=${IDLE:-60}
command -v Xvfb >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends xvfb xauth libgtk-3-0 libgl1 libxtst6 >/dev/null; }
. scripts/lib/tandem-jar.sh
tandem_jar_current . || ./mvnw -q -B -ntp -DskipTests package # else ./tandem's first start would build it
image=target/installer/tandem
if [ ! -x "$image/bin/tandem" ] || [ target/tandem.jar -nt "$image/lib/app/tandem.jar" ]; then
    installer/build app-image >/dev/null
fi
work=$(mktemp -d)
Xvfb -displayfd 3 -nolisten tcp -screen 0 1600x1000x24 3>"$work/display" >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 250); do [ -s "$work/display" ] && break; sleep 0.02; done
display=:$(head -1 "$work/display")
# plain runs a copy of the jar alone in a folder, as a bare JDK would (JavaFX then reads its native
# libraries out of the jar); launcher runs target/tandem.jar with them beside it, as ./tandem does.
mkdir -p "$work/plain"
cp target/tandem.jar "$work/plain/tandem.jar"
java=("$JAVA_HOME/bin/java")

command_for() { # the command line of a way to start
    case "$1" in
        plain) echo "${java[*]} --enable-native-access=ALL-UNNAMED -jar $work/plain/tandem.jar" ;;
        launcher) echo "./tandem" ;;
        installed) echo "$image/bin/tandem" ;;
    esac
}

# One start: prints "<launch-to-window ms> <main-to-window ms> <resident KiB after IDLE_AFTER s>".
start() {
    local log="$work/log" t0 t1 app inside rss
    : >"$log"
    t0=$(date +%s%N)
    # shellcheck disable=SC2046 # the command line is split into its words on purpose
    HOME=$work XDG_CACHE_HOME=$work/cache DISPLAY=$display JAVA_TOOL_OPTIONS=-Dtandem.startupTiming=true $(command_for "$1") >"$log" 2>&1 &
    app=$!
    for _ in $(seq 1 1500); do grep -q '^startup-ms' "$log" && break; sleep 0.02; done
    t1=$(date +%s%N)
    inside=$(sed -n 's/^startup-ms \([0-9]*\)$/\1/p' "$log")
    sleep "${IDLE_AFTER:-0}"
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$app/status" 2>/dev/null || echo "?")
    parts=$(resident_parts "$app")
    kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true
    echo "$(( (t1 - t0) / 1000000 )) ${inside:-?} ${rss:-?} ${parts:-? ?}"
}

# Two shares of a process's resident memory, in MB: the OpenGL driver (under Xvfb Mesa's llvmpipe:
# libLLVM and swrast_dri, loaded by Prism's es2 pipeline and by GTK's GL set-up unless GDK_GL=disable (SoftwareRendering does both on a machine without a GPU device); on a
# workstation its GPU driver instead) and the mapped class-data archive or AOT cache.
resident_parts() {
    awk '/^[0-9a-f]+-[0-9a-f]+ / {name = $6}
         /^Rss:/ {if (name ~ /libLLVM|_dri\.so|libgallium/) gl += $2; else if (name ~ /\.(aot|jsa)$/) cache += $2}
         END {printf "%d %d\n", gl / 1024, cache / 1024}' "/proc/$1/smaps" 2>/dev/null || echo "? ?"
}

read -r wall inside _ < <(start launcher)
echo "./tandem's first start of a jar built elsewhere: window after $wall ms (main to window $inside ms; no archive yet)"
for _ in $(seq 1 300); do
    ls "$work"/cache/tandem/gui-*.jsa 2>/dev/null | grep -vq -- -partial && break
    sleep 0.2
done
ls "$work"/cache/tandem/gui-*.jsa 2>/dev/null | grep -vq -- -partial || { echo "bench/startup.sh: ./tandem dumped no archive behind its first start" >&2; exit 1; }
echo "run  way        launch-to-window  main-to-window"
for run in $(seq 1 "$RUNS"); do
    for way in plain launcher installed; do
        read -r wall inside _ < <(start "$way")
        printf '%-4s %-10s %6d ms         %6s ms\n' "$run" "$way" "$wall" "$inside"
    done
done
echo "way        resident after ${IDLE} s idle   of which OpenGL driver, class archive"
for way in plain launcher installed; do
    read -r _ _ rss gl cache < <(IDLE_AFTER=$IDLE start "$way")
    printf '%-10s %6s MB                  %4s MB, %4s MB\n' "$way" "$(( rss / 1024 ))" "$gl" "$cache"
done
