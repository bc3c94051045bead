# Sourced by ./tandem, installer/build and scripts/cds/refresh: whether target/tandem.jar holds the
# sources as they are. The jar bundles more than src/main: the examples (the demo cluster), the
# icons, and docs (the user guide the "?" buttons open, with its screenshots).
# tandem_jar_current ROOT: 0 when ROOT/target/tandem.jar exists and nothing it is built from is newer.
tandem_jar_current() {
    local root="$1"
    [ -f "$root/target/tandem.jar" ] \
        && [ -z "$(find "$root/src/main" "$root/pom.xml" "$root/examples" "$root/icons" "$root/docs" \
            -newer "$root/target/tandem.jar" -print -quit 2>/dev/null)" ]
}
