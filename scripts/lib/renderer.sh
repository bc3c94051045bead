# Sourced by ./tandem and copied into the packages' bin/tandem by installer/build (POSIX sh: the
# packages' launcher is /bin/sh). The environment half of gui/SoftwareRendering's choice: on Linux
# without a GPU device GTK is told here, before the JVM starts, not to set up OpenGL (GDK_GL=disable).
# The app would set it itself, but only through the foreign-function linker, whose first call costs
# about 0.1 s of the start (bench/startup.sh); it leaves a GDK_GL it finds alone.
# The same rule as SoftwareRendering.wanted (SoftwareRenderingTest runs both on the same cases):
# TANDEM_RENDERER=gpu keeps GTK's GL, =software drops it even with a GPU. $1: the device folder (/dev).
tandem_renderer_environment() {
    [ -z "${GDK_GL+set}" ] && [ "$(uname -s)" = Linux ] || return 0
    case "${TANDEM_RENDERER:-}" in
        *[Gg][Pp][Uu]*) return 0 ;;
        *[Ss][Oo][Ff][Tt][Ww][Aa][Rr][Ee]*) ;;
        *) for device in "${1:-/dev}"/nvidiactl "${1:-/dev}"/dri/card* "${1:-/dev}"/dri/renderD*; do
               [ -e "$device" ] && return 0
           done ;;
    esac
    GDK_GL=disable
    export GDK_GL
}
