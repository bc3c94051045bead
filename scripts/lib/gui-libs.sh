# Sourced by ./tandem before it opens the desktop app: JavaFX's Linux natives need GTK 3 and a few
# X11 and font libraries, and without them the JVM dies with JavaFX's stack trace ("Unable to load
# glass GTK library"). gui_libraries_ready finds what is missing, installs it when it may (root with
# apt-get, like scripts/install-test-deps), or says in one sentence what to install.
# Only the dynamic loader's cache is asked (ldconfig -p): it is what dlopen uses, and it costs
# a few milliseconds.

# The libraries JavaFX 25's natives link against (readelf -d on libglass*.so, libprism_*.so and
# libjavafx_font*.so; GuiLibraryTableTest keeps this list equal to theirs) and the Debian package of each.
# "optional": only the OpenGL renderer (prism es2) needs it; JavaFX falls back to software rendering.
GUI_LIBRARY_TABLE="\
libgtk-3.so.0 libgtk-3-0
libgdk-3.so.0 libgtk-3-0
libpangocairo-1.0.so.0 libpangocairo-1.0-0
libpango-1.0.so.0 libpango-1.0-0
libpangoft2-1.0.so.0 libpangoft2-1.0-0
libatk-1.0.so.0 libatk1.0-0
libcairo-gobject.so.2 libcairo-gobject2
libcairo.so.2 libcairo2
libgdk_pixbuf-2.0.so.0 libgdk-pixbuf-2.0-0
libgthread-2.0.so.0 libglib2.0-0
libgio-2.0.so.0 libglib2.0-0
libgobject-2.0.so.0 libglib2.0-0
libglib-2.0.so.0 libglib2.0-0
libXtst.so.6 libxtst6
libX11.so.6 libx11-6
libfontconfig.so.1 libfontconfig1
libfreetype.so.6 libfreetype6
libGL.so.1 libgl1 optional
libXxf86vm.so.1 libxxf86vm1 optional"

# Prints "SONAME PACKAGE" for every required library the loader does not know; nothing when all
# are there, or when there is no ldconfig to ask (not glibc: the JVM's own error will tell).
gui_missing_libraries() {
    local ldconfig="" candidate tag
    for candidate in /sbin/ldconfig /usr/sbin/ldconfig; do # not on a user's PATH on Debian
        [ -z "$ldconfig" ] && [ -x "$candidate" ] && ldconfig="$candidate"
    done
    [ -n "$ldconfig" ] || ldconfig="$(command -v ldconfig)" || return 0
    case "$HOSTTYPE" in # ldconfig's tag for this machine's libraries (a 32-bit copy does not count)
        x86_64) tag="x86-64" ;;
        aarch64) tag="AArch64" ;;
        *) tag="" ;;
    esac
    # One awk reads the cache and the table (a bash loop over the ~600 lines takes 50 ms): this runs
    # before every start of the desktop app.
    "$ldconfig" -p 2>/dev/null | awk -v tag="$tag" -v table="$GUI_LIBRARY_TABLE" '
        /=>/ { split($0, head, "=>"); if (tag == "" || index(head[1], tag)) { known[$1] = 1; any = 1 } }
        END {
            if (!any) exit # no cache to judge by
            n = split(table, rows, "\n")
            for (i = 1; i <= n; i++) {
                split(rows[i], f, " ")
                if (f[3] == "" && !(f[1] in known)) print f[1], f[2]
            }
        }'
    return 0
}

# The Debian packages for `gui_missing_libraries` output, once each; Debian 13 and Ubuntu 24.04
# renamed some (libgtk-3-0t64): the name apt knows is used.
gui_packages_for() {
    local packages=() soname package seen
    while read -r soname package; do
        [ -n "$package" ] || continue
        if command -v apt-cache >/dev/null && apt-cache show "${package}t64" >/dev/null 2>&1; then
            package="${package}t64"
        fi
        seen=""
        for p in "${packages[@]}"; do [ "$p" = "$package" ] && seen=1; done
        [ -n "$seen" ] || packages+=("$package")
    done <<<"$1"
    echo "${packages[*]}"
}

# Returns 0 when the desktop app can start; otherwise installs what is missing (root with apt-get,
# unless TANDEM_NO_INSTALL is set) or prints one sentence saying what to install and returns 1.
gui_libraries_ready() {
    local missing sonames packages
    missing="$(gui_missing_libraries)"
    [ -n "$missing" ] || return 0
    sonames="$(printf '%s\n' "$missing" | cut -d' ' -f1 | paste -sd, - | sed 's/,/, /g')"
    if ! command -v apt-get >/dev/null; then
        echo "Tandem's desktop app needs libraries that are not installed ($sonames): install GTK 3 and libXtst with your system's package manager, or use the command line (tandem --help)." >&2
        return 1
    fi
    packages="$(gui_packages_for "$missing")"
    if [ "$(id -u)" -eq 0 ] && [ -z "${TANDEM_NO_INSTALL:-}" ]; then
        echo "Installing what Tandem's desktop app needs: $packages" >&2
        # shellcheck disable=SC2086 # one word per package
        if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $packages >&2; then
            apt-get update -q >&2 || true
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $packages >&2 || true
        fi
        missing="$(gui_missing_libraries)"
        [ -n "$missing" ] || return 0
        echo "Tandem's desktop app still lacks $sonames after 'apt-get install $packages' (its messages are above): install them by hand, or use the command line (tandem --help)." >&2
        return 1
    fi
    local sudo="sudo "
    [ "$(id -u)" -ne 0 ] || sudo=""
    echo "Tandem's desktop app needs libraries that are not installed ($sonames): install them with '${sudo}apt-get install $packages' and start it again, or use the command line (tandem --help)." >&2
    return 1
}
