#!/usr/bin/env bash
# Tests Tandem's packages as an operator meets them (issue 15). installer/build makes the app image,
# the .deb and the .rpm; then:
#  - the app image: `bin/tandem --version` names this build, and its classes come from the AOT cache;
#    without GTK 3 it says in one sentence what to install;
#  - the .deb, installed with dpkg -i (dependencies from apt): `tandem --version` on the PATH, the
#    class cache used where it was installed, `tandem validate` on an example, the desktop entry,
#    the window under Xvfb (time to it and memory, beside `java -jar` in the same run); `dpkg -r`
#    leaves none of its files, nor the PATH link nor the desktop entry;
#  - the .rpm: the same application files as the .deb, its dependencies, then installed for real with
#    rpm -i (--nodeps: Debian's libraries are not in rpm's database): on the PATH, --version, the
#    desktop entry; `rpm -e` leaves nothing.
# Needs root. Prints one line per check.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "installer/test-packages.sh: needs root (dpkg -i, dpkg -r)" >&2; exit 2; }
fail() { echo "installer/test-packages.sh: FAIL: $*" >&2; exit 1; }
pass() { printf 'PASS  %s\n' "$*"; }
dpkg-query -W -f='${Status}' tandem 2>/dev/null | grep -q "install ok installed" \
    && fail "a tandem package is installed already; this test installs and removes its own (dpkg -r tandem first)"

command -v rpm >/dev/null && rpm -q tandem >/dev/null 2>&1 && fail "a tandem rpm is installed already (rpm -e tandem first)"

installer/build >/dev/null
image=target/installer/tandem
deb=$(ls target/installer/tandem_*_amd64.deb)
rpm=$(ls target/installer/tandem-*.x86_64.rpm)
pass "built the app image ($(du -sk "$image" | cut -f1) KiB), $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB), $(basename "$rpm") ($(du -k "$rpm" | cut -f1) KiB)"

jdk_java="$(. scripts/lib/find-jdk.sh && echo "$JAVA_HOME")/bin/java"
expected=$("$jdk_java" -jar target/tandem.jar --version)
# expect_version LAUNCHER WHAT: its --version names the jar it was built from.
expect_version() {
    local version
    version=$("$1" --version) || fail "$2: $1 --version"
    [ "$version" = "$expected" ] || fail "$2: $1 --version printed '$version', the jar it was built from '$expected'"
}
# Classes a start of LAUNCHER takes from the AOT cache (the JVM logs each class's source).
cached_classes() {
    JAVA_TOOL_OPTIONS="-Xlog:class+load=info:stdout" "$1" --version 2>/dev/null | grep -c 'source: shared objects file' || true
}
expect_cache() {
    local cached
    cached=$(cached_classes "$1")
    [ "$cached" -ge 2000 ] || fail "$2: only $cached classes came from the class cache (lib/app/tandem.aot not used?)"
    echo "$cached"
}
expect_version "$image/bin/tandem" "app image"
pass "app image: bin/tandem --version: $expected; $(expect_cache "$image/bin/tandem" "app image") classes from its AOT cache"

work=$(mktemp -d)
xvfb=""
cleanup() {
    [ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true
    dpkg-query -W -f='${Status}' tandem 2>/dev/null | grep -q "installed" && dpkg -r tandem >/dev/null 2>&1 || true
    rpm -q tandem >/dev/null 2>&1 && rpm -e tandem >/dev/null 2>&1 || true
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
expect_version /usr/bin/tandem ".deb"
pass "tandem --version: $expected; $(expect_cache /usr/bin/tandem ".deb") classes from the AOT cache in /opt/tandem"

tandem validate --project examples/vm-lab-sbd.tandem.json >"$work/validate" 2>&1 || { cat "$work/validate" >&2; fail "tandem validate"; }
pass "tandem validate examples/vm-lab-sbd.tandem.json"

desktop=/usr/share/applications/tandem.desktop
grep -q "^Exec=/opt/tandem/bin/tandem" "$desktop" 2>/dev/null || fail "no desktop entry $desktop that starts /opt/tandem/bin/tandem"
pass "desktop entry $desktop"

command -v Xvfb >/dev/null || apt-get install -y -q --no-install-recommends xvfb >/dev/null
# Xvfb picks a free display and writes its number to the file behind -displayfd.
Xvfb -displayfd 3 -nolisten tcp -screen 0 1600x1000x24 3>"$work/display" >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 1 250); do [ -s "$work/display" ] && break; sleep 0.02; done
[ -s "$work/display" ] || fail "Xvfb did not start"
display=:$(head -1 "$work/display")

# The app image on a machine without GTK 3 (no package to pull it in): in a private mount namespace
# whose libgtk-3 is /dev/null, the window cannot open, and the app says in one sentence what to
# install: no stack trace, exit 2.
gtk=$(readlink -f "$(/sbin/ldconfig -p | awk '$1 == "libgtk-3.so.0" { print $NF; exit }')")
[ -f "$gtk" ] || fail "no libgtk-3.so.0 on this machine to hide (the .deb's dependencies should have brought it)"
set +e
unshare -m --propagation private sh -c 'mount --bind /dev/null "$1" && shift && exec "$@"' sh "$gtk" \
    env HOME="$work" DISPLAY="$display" "$image/bin/tandem" >"$work/nogtk.out" 2>"$work/nogtk.err"
code=$?
set -e
said=$(cat "$work/nogtk.out" "$work/nogtk.err")
[ "$code" -eq 2 ] && [ "$(echo "$said" | wc -l)" -eq 1 ] && ! echo "$said" | grep -q 'Exception\|	at ' \
    && echo "$said" | grep -q 'apt-get install libgtk-3-0' \
    || fail "the app image without GTK 3 exited $code and said: $(echo "$said" | head -5)"
pass "app image without GTK 3: exit 2, one sentence: $said"
# The app prints "startup-ms N" once its first window is shown (-Dtandem.startupTiming; the
# launcher hands JAVA_TOOL_OPTIONS to the bundled runtime like any JVM). One start: prints
# "<launch-to-window ms> <resident KiB 5 s after the window>", or "none" without a window.
gui_start() {
    local home log t0 t1 app rss
    home=$(mktemp -d "$work/home.XXXX"); log="$home.log"
    t0=$(date +%s%N)
    HOME=$home DISPLAY=$display JAVA_TOOL_OPTIONS=-Dtandem.startupTiming=true "$@" >"$log" 2>&1 &
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
read -r jar_ms jar_rss < <(gui_start "$jdk_java" --enable-native-access=ALL-UNNAMED -jar target/tandem.jar)
pass "the installed app's window under Xvfb after ${installed_ms} ms, ${installed_rss} KiB resident (java -jar in the same run: ${jar_ms} ms, ${jar_rss} KiB; both first starts: the installed app with its AOT cache, java -jar without one)"

dpkg -r tandem >"$work/remove.log" 2>&1 || { cat "$work/remove.log" >&2; fail "dpkg -r tandem"; }
left=$(while read -r f; do [ -e "$f" ] || [ -L "$f" ] && echo "$f"; done <"$work/files"; true)
[ -z "$left" ] || fail "dpkg -r left files behind: $(echo "$left" | head -5 | tr '\n' ' ')"
[ ! -e /usr/bin/tandem ] && [ ! -L /usr/bin/tandem ] || fail "dpkg -r left /usr/bin/tandem"
[ ! -e "$desktop" ] || fail "dpkg -r left $desktop"
[ ! -d /opt/tandem ] || fail "dpkg -r left /opt/tandem: $(find /opt/tandem | head -5 | tr '\n' ' ')"
pass "dpkg -r: none of the $(wc -l <"$work/files") files, no /usr/bin/tandem, no desktop entry, no /opt/tandem left"

# The .rpm: the same application as the .deb (which alone has Debian's share/doc/copyright), then
# installed and removed for real.
diff <(rpm -qpl "$rpm" | grep '^/opt/tandem/' | sort) <(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|; s|/$||' | grep '^/opt/tandem/' | grep -v '^/opt/tandem/share' | sort) >"$work/rpm-vs-deb" \
    || fail "the .rpm and the .deb hold different files in /opt/tandem: $(head -5 "$work/rpm-vs-deb" | tr '\n' ' ')"
requires=$(rpm -qpR "$rpm" | tr -d ' ' | grep -v '^rpmlib\|^/bin/sh' | sort | tr '\n' ' ')
[ "$requires" = "gtk3 libXtst " ] || fail "the .rpm requires '$requires', expected gtk3 and libXtst (the bundled runtime needs no Java)"
pass "$(basename "$rpm"): the same $(rpm -qpl "$rpm" | grep -c '^/opt/tandem/') paths in /opt/tandem as the .deb; requires gtk3, libXtst"
rpm -i --nodeps "$rpm" >"$work/rpm.log" 2>&1 || { cat "$work/rpm.log" >&2; fail "rpm -i $rpm"; }
# Debian's rpm says it should not install packages (use alien) and goes on; anything else it says
# (a failed scriptlet, a conflict) is a failure.
said=$(grep -v 'use Alien instead\|assuming you know what you are doing' "$work/rpm.log" || true)
[ -z "$said" ] || fail "rpm -i printed: $(echo "$said" | head -3 | tr '\n' ' ')"
[ "$(readlink /usr/bin/tandem)" = /opt/tandem/bin/tandem ] || fail ".rpm: no /usr/bin/tandem link to /opt/tandem/bin/tandem"
expect_version /usr/bin/tandem ".rpm"
grep -q "^Exec=/opt/tandem/bin/tandem" "$desktop" 2>/dev/null || fail ".rpm: no desktop entry $desktop that starts /opt/tandem/bin/tandem"
pass "rpm -i: tandem --version on the PATH, $(expect_cache /usr/bin/tandem ".rpm") classes from the AOT cache, desktop entry"
rpm -e tandem >"$work/rpm-e.log" 2>&1 || { cat "$work/rpm-e.log" >&2; fail "rpm -e tandem"; }
[ ! -e /usr/bin/tandem ] && [ ! -L /usr/bin/tandem ] || fail "rpm -e left /usr/bin/tandem"
[ ! -e "$desktop" ] || fail "rpm -e left $desktop"
[ ! -d /opt/tandem ] || fail "rpm -e left /opt/tandem: $(find /opt/tandem | head -5 | tr '\n' ' ')"
pass "rpm -e: no /opt/tandem, no /usr/bin/tandem, no desktop entry left"
