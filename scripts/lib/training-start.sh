# Sourced by installer/build and scripts/cds/refresh: one start of the window under an Xvfb of its
# own, ended a second after the window is shown. The class caches are made from what such a start
# loads (the packages' AOT cache, ./tandem's class list); the caller says what the JVM records, in
# JAVA_TOOL_OPTIONS, and the app must print "startup-ms" (-Dtandem.startupTiming=true) when shown.
# A second, not longer: what the app does later (its warm-up, the user's clicks) is not the first
# window's, and every class in a cache is loaded when the JVM starts (installer/build says more).

# training_start LOG COMMAND...: runs COMMAND with DISPLAY set and HOME a scratch folder, its output
# in LOG. Returns 0 when the window was shown and the app was still running a second later (then
# ended with SIGTERM, so the JVM writes what it recorded as it exits); otherwise 1, with
# TRAINING_FAILURE saying what went wrong.
training_start() {
    local log="$1" scratch xvfb app
    shift
    TRAINING_FAILURE=""
    scratch=$(mktemp -d)
    # Xvfb picks a free display itself and writes its number to the file behind -displayfd.
    Xvfb -displayfd 3 -nolisten tcp -screen 0 1600x1000x24 3>"$scratch/display" >/dev/null 2>&1 &
    xvfb=$!
    for _ in $(seq 1 250); do [ -s "$scratch/display" ] && break; sleep 0.02; done
    if [ ! -s "$scratch/display" ]; then
        TRAINING_FAILURE="Xvfb did not start"
    else
        mkdir -p "$scratch/home"
        HOME="$scratch/home" DISPLAY=":$(head -1 "$scratch/display")" "$@" >"$log" 2>&1 &
        app=$!
        for _ in $(seq 1 3000); do grep -q '^startup-ms' "$log" && break; kill -0 "$app" 2>/dev/null || break; sleep 0.02; done
        if ! grep -q '^startup-ms' "$log"; then
            TRAINING_FAILURE="the training start showed no window"
        else
            sleep 1
            kill -0 "$app" 2>/dev/null || TRAINING_FAILURE="the training start ended by itself"
        fi
        kill "$app" 2>/dev/null || true
        wait "$app" 2>/dev/null || true
    fi
    kill "$xvfb" 2>/dev/null || true
    wait "$xvfb" 2>/dev/null || true
    rm -rf "$scratch"
    [ -z "$TRAINING_FAILURE" ]
}
