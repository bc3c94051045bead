# Sourced by ./tandem: where the class-data archive of a jar lives. JDK 25 refuses an archive made
# from an earlier build of the jar ("timestamp has changed") and, even with
# -XX:+AutoCreateSharedArchive, never rewrites it, so the archive's name says which build of which
# jar, on which JDK, it was made from: a rebuilt jar or an updated JDK gets a new archive, and the
# archives of the same jar's earlier builds are removed.

# cds_archive_for JAR MODE: sets CDS_ARCHIVE to the archive for JAR as it is now, in the user's
# cache folder (MODE: gui or cli, which load different classes). Returns 1, with CDS_ARCHIVE
# empty, when there is no cache folder to write to.
cds_archive_for() {
    local jar="$1" mode="$2" cache place build old
    CDS_ARCHIVE=""
    if [ -n "${XDG_CACHE_HOME:-}" ]; then cache="$XDG_CACHE_HOME/tandem"
    elif [ -n "${HOME:-}" ]; then cache="$HOME/.cache/tandem"
    else return 1
    fi
    { mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; } || return 1
    # Which jar: its path (two checkouts keep an archive each), readable in the name.
    place="${jar//[^A-Za-z0-9.]/_}"
    [ ${#place} -le 120 ] || place="${place: -120}"
    # Which build: size and modification time of the jar (what the JVM compares) and of the JDK's
    # class image (an archive made by another JDK is refused as well).
    build="$(stat -L -c '%s-%Y' "$jar" "$JAVA_HOME/lib/modules" 2>/dev/null)" || return 1
    build="${build//$'\n'/-}"
    CDS_ARCHIVE="$cache/$mode-$place-$build.jsa"
    if [ ! -e "$CDS_ARCHIVE" ]; then
        # Earlier builds' archives of this jar, and the unnamed one of launchers before this.
        for old in "$cache/$mode-$place-"*.jsa "$cache/$mode.jsa"; do
            if [ -e "$old" ]; then rm -f "$old"; fi
        done
    fi
    return 0
}

# The window's archive: a static archive of the classes the first window loads, as CLASSLIST names
# them (scripts/cds/gui.classlist, from training starts of the window: scripts/cds/refresh), dumped
# once a build with the JVM options the app runs with and -XX:+AOTClassLinking, as the packages' AOT
# cache is made. Dumped from the list, not written by a start as it exits as a dynamic archive is:
# so the first window after ./tandem's own build has it (a dynamic archive only helped the second
# start, and one made with --enable-native-access keeps every start from the JVM's archived module
# graph). A dump takes a few seconds.

# cds_window_archive_for JAR CLASSLIST: sets CDS_ARCHIVE to the window archive's path for JAR as it is
# now (it may not exist yet). Returns 1, with CDS_ARCHIVE empty, without a class list or a cache folder.
cds_window_archive_for() {
    [ -s "$2" ] && cds_archive_for "$1" gui || { CDS_ARCHIVE=""; return 1; }
}

# cds_window_archive_dump JAR CLASSLIST ARCHIVE OPTION...: dumps the archive; written beside and then
# renamed, so a start never maps half an archive. Returns 1 when the dump failed (nothing written).
cds_window_archive_dump() {
    local jar="$1" list="$2" archive="$3" partial
    shift 3
    # Named like the archives, so that one left by an interrupted dump goes with the build's others.
    partial="${archive%.jsa}-partial$$.jsa"
    # Options the user hands to every JVM (an agent, a log) are not the app's and could spoil the dump.
    if env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS "$JAVA_HOME/bin/java" -Xshare:dump -XX:+AOTClassLinking \
            "-XX:SharedClassListFile=$list" "-XX:SharedArchiveFile=$partial" "$@" -cp "$jar" >/dev/null 2>&1 \
            && [ -s "$partial" ] && mv -f "$partial" "$archive"; then
        return 0
    fi
    rm -f "$partial"
    return 1
}
