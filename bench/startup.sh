#!/usr/bin/env bash
# Benchmark: start of the app to its first window, and its resident memory when idle, under Xvfb
# (issue 15's goals: first window <= 1.2 s with a class archive, <= 1.5 s on the very first start;
# idle RSS <= 180 MB). Three ways, interleaved so machine noise hits them alike:
#   plain      java -jar with no option, as a bare JDK starts it;
#   launcher   as ./tandem starts it: installer/jvm-options, JavaFX's native libraries beside the jar,
#              and the class-data archive the first start writes (AutoCreateSharedArchive);
#   installed  the app image of installer/build (the .deb and .rpm hold the same): its own runtime,
#              the same options and native libraries beside the jar, and the AOT class cache trained at build time.
# Per run: the wall time from launching to the window shown, and the part inside the JVM (main() to
# shown). Then one start of each left idle for IDLE seconds (default 60) and its resident memory.
# RUNS=5 IDLE=60 bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/find-jdk.sh
. scripts/lib/jvm-options.sh
RUNS=${RUNS:-5}
IDLE=${IDLE:-60}
command -v Xvfb >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends xvfb xauth libgtk-3-0 libgl1 libxtst6 >/dev/null; }
[ -f target/tandem.jar ] || ./mvnw -q -B -ntp -DskipTests package
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
archive="$work/app-gui.jsa"
# plain runs a copy of the jar alone in a folder, as a bare JDK would (JavaFX then reads its native
# libraries out of the jar); launcher runs target/tandem.jar with them beside it, as ./tandem does.
mkdir -p "$work/plain"
cp target/tandem.jar "$work/plain/tandem.jar"
. scripts/lib/javafx-natives.sh
javafx_natives_beside target/tandem.jar
tandem_jvm_options installer/jvm-options
java=("$JAVA_HOME/bin/java")

# ./tandem sets GTK's GL switch before Java starts (scripts/lib/renderer.sh); the launcher way does the same.
launcher_env=$(unset GDK_GL; . scripts/lib/renderer.sh; tandem_renderer_environment; echo "${GDK_GL:+GDK_GL=$GDK_GL}")

command_for() { # the command line of a way to start
    case "$1" in
        plain) echo "${java[*]} --enable-native-access=ALL-UNNAMED -jar $work/plain/tandem.jar" ;;
        launcher) echo "env $launcher_env ${java[*]} -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$archive ${TANDEM_JVM_OPTIONS[*]} -jar target/tandem.jar" ;;
        installed) echo "$image/bin/tandem" ;;
    esac
}

# One start: prints "<launch-to-window ms> <main-to-window ms> <resident KiB after IDLE_AFTER s>".
start() {
    local log="$work/log" t0 t1 app inside rss
    : >"$log"
    t0=$(date +%s%N)
    # shellcheck disable=SC2046 # the command line is split into its words on purpose
    HOME=$work DISPLAY=$display JAVA_TOOL_OPTIONS=-Dtandem.startupTiming=true $(command_for "$1") >"$log" 2>&1 &
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

start launcher >/dev/null   # writes the launcher's archive at exit, as ./tandem's first start does
[ -s "$archive" ] || { echo "bench/startup.sh: no archive was written" >&2; exit 1; }
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
