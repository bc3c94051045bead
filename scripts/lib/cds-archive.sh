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
