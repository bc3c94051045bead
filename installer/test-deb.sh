#!/usr/bin/env bash
# Tests the Debian package as an operator meets it (issue 15): builds it (installer/build-deb.sh),
# installs it with dpkg -i (its dependencies from apt), then: `tandem --version` on the PATH names
# this build; `tandem validate` passes an example; the desktop app opens its window under Xvfb;
# `dpkg -r` removes it and not one file it installed, nor the PATH link, is left. Needs root.
# Prints one line per check and the package's and the installed app's sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "installer/test-deb.sh: needs root (dpkg -i, dpkg -r)" >&2; exit 2; }
fail() { echo "installer/test-deb.sh: FAIL: $*" >&2; exit 1; }
pass() { printf 'PASS  %s\n' "$*"; }
dpkg-query -W -f='${Status}' tandem 2>/dev/null | grep -q "install ok installed" \
    && fail "a tandem package is installed already; this test installs and removes its own (dpkg -r tandem first)"

installer/build-deb.sh >/dev/null
deb=$(ls target/installer/tandem_*_amd64.deb)
pass "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

work=$(mktemp -d)
xvfb=""
cleanup() {
    [ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true
    dpkg-query -W -f='${Status}' tandem 2>/dev/null | grep -q "installed" && dpkg -r tandem >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
if ! dpkg -i "$deb" >"$work/dpkg.log" 2>&1; then
    # dpkg -i leaves a package with missing dependencies unconfigured; apt brings them and configures it.
    apt-get install -f -y -q --no-install-recommends >>"$work/dpkg.log" 2>&1 \
        || { apt-get update -q >/dev/null && apt-get install -f -y -q --no-install-recommends >>"$work/dpkg.log" 2>&1; } \
        || { cat "$work/dpkg.log" >&2; fail "dpkg -i $deb"; }
fi
dpkg -L tandem | while read -r f; do [ -f "$f" ] || [ -L "$f" ] && echo "$f"; done | sort >"$work/files"
pass "installed with dpkg -i: $(wc -l <"$work/files") files, $(du -sk /opt/tandem | cut -f1) KiB in /opt/tandem"

[ "$(command -v tandem)" = /usr/bin/tandem ] || fail "tandem is not on the PATH as /usr/bin/tandem (found: $(command -v tandem || echo nothing))"
version=$(tandem --version) || fail "tandem --version"
expected=$("$(. scripts/lib/find-jdk.sh && echo "$JAVA_HOME")/bin/java" -jar target/tandem.jar --version)
[ "$version" = "$expected" ] || fail "tandem --version printed '$version', the jar it was built from '$expected'"
pass "tandem --version: $version"

tandem validate --project examples/vm-lab-sbd.tandem.json >"$work/validate" 2>&1 || { cat "$work/validate" >&2; fail "tandem validate"; }
pass "tandem validate examples/vm-lab-sbd.tandem.json"

desktop=/usr/share/applications/tandem.desktop
grep -q "^Exec=/opt/tandem/bin/tandem" "$desktop" 2>/dev/null || fail "no desktop entry $desktop that starts /opt/tandem/bin/tandem"
pass "desktop entry $desktop"

command -v Xvfb >/dev/null || apt-get install -y -q --no-install-recommends xvfb >/dev/null
Xvfb :93 -nolisten tcp -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
# The app prints "startup-ms N" once its first window is shown (-Dtandem.startupTiming; the
# launcher hands JAVA_TOOL_OPTIONS to the bundled runtime like any JVM). One start: prints
# "<launch-to-window ms> <resident KiB 5 s after the window>", or "none" without a window.
gui_start() {
    local home log t0 t1 app rss
    home=$(mktemp -d "$work/home.XXXX"); log="$home.log"
    t0=$(date +%s%N)
    HOME=$home DISPLAY=:93 JAVA_TOOL_OPTIONS=-Dtandem.startupTiming=true "$@" >"$log" 2>&1 &
    app=$!
    for _ in $(seq 1 1500); do grep -q '^startup-ms' "$log" && break; kill -0 "$app" 2>/dev/null || break; sleep 0.02; done
    t1=$(date +%s%N)
    if grep -q '^startup-ms' "$log"; then
        sleep 5
        rss=$(ps -o rss= -p "$(pgrep -P "$app" java || echo "$app")" 2>/dev/null | tr -d ' ' | head -1)
        echo "$(( (t1 - t0) / 1000000 )) ${rss:-?}"
    else
        cat "$log" >&2; echo none
    fi
    kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true
}
read -r installed_ms installed_rss < <(gui_start /usr/bin/tandem)
[ "$installed_ms" != none ] || fail "the installed app showed no window under Xvfb"
jdk_java="$(. scripts/lib/find-jdk.sh && echo "$JAVA_HOME")/bin/java"
read -r jar_ms jar_rss < <(gui_start "$jdk_java" --enable-native-access=ALL-UNNAMED -jar target/tandem.jar)
pass "the installed app's window under Xvfb after ${installed_ms} ms, ${installed_rss} KiB resident (java -jar in the same run: ${jar_ms} ms, ${jar_rss} KiB; first starts, no class-data archive)"

dpkg -r tandem >"$work/remove.log" 2>&1 || { cat "$work/remove.log" >&2; fail "dpkg -r tandem"; }
left=$(while read -r f; do [ -e "$f" ] || [ -L "$f" ] && echo "$f"; done <"$work/files"; true)
[ -z "$left" ] || fail "dpkg -r left files behind: $(echo "$left" | head -5 | tr '\n' ' ')"
[ ! -e /usr/bin/tandem ] && [ ! -L /usr/bin/tandem ] || fail "dpkg -r left /usr/bin/tandem"
[ ! -e "$desktop" ] || fail "dpkg -r left $desktop"
[ ! -d /opt/tandem ] || fail "dpkg -r left /opt/tandem: $(find /opt/tandem | head -5 | tr '\n' ' ')"
pass "dpkg -r: none of the $(wc -l <"$work/files") files, no /usr/bin/tandem, no desktop entry, no /opt/tandem left"
