# Sourced by ./tandem and installer/build: TANDEM_JVM_OPTIONS, the desktop JVM's options from
# installer/jvm-options (comments and blank lines left out), so the source tree and the packages start alike.
tandem_jvm_options() {
    local line
    TANDEM_JVM_OPTIONS=()
    while IFS= read -r line || [ -n "$line" ]; do
        line="${line%%#*}"
        line="${line#"${line%%[![:space:]]*}"}"
        line="${line%"${line##*[![:space:]]}"}"
        [ -z "$line" ] || TANDEM_JVM_OPTIONS+=("$line")
    done <"$1"
}
