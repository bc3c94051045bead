#!/usr/bin/env bash
# Builds a Debian package of Tandem with its own trimmed Java runtime (jpackage, JDK 25).
# Output: target/installer/tandem_<version>_amd64.deb: the app in /opt/tandem, a desktop entry,
# and `tandem` on the PATH (/usr/bin/tandem, made by installer/deb/postinst). Needs fakeroot and
# dpkg-dev (installed here when run as root). Tested by installer/test-deb.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/find-jdk.sh
missing=()
for tool in fakeroot dpkg-deb; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] || { echo "installer/build-deb.sh: install fakeroot and dpkg-dev first (apt-get install fakeroot dpkg-dev)" >&2; exit 2; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends fakeroot dpkg-dev >/dev/null \
        || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends fakeroot dpkg-dev >/dev/null; }
fi
# jpackage wants a plain version (1.2.3): the pom's without -SNAPSHOT.
version=$(sed -n '0,/<version>/s|.*<version>\([0-9.]*\).*</version>.*|\1|p' pom.xml)
[ -f target/tandem.jar ] && [ -z "$(find src/main pom.xml examples icons docs -newer target/tandem.jar -print -quit)" ] \
    || ./mvnw -q -B -ntp -DskipTests package
rm -rf target/installer target/jpackage-input
mkdir -p target/jpackage-input
cp target/tandem.jar target/jpackage-input/
"$JAVA_HOME/bin/jpackage" --type deb \
    --name tandem --app-version "$version" \
    --vendor "Tandem" --description "Turns two Linux servers into a highly available iSCSI target" \
    --input target/jpackage-input --main-jar tandem.jar --main-class io.tandem.Launcher \
    --icon icons/tandem-256.png \
    --java-options "--enable-native-access=ALL-UNNAMED" \
    --add-modules java.base,java.desktop,java.logging,java.naming,java.net.http,java.sql,java.xml,jdk.unsupported,jdk.crypto.ec,jdk.jsobject,java.scripting \
    --jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands" \
    --resource-dir installer/deb \
    --linux-package-deps "libgtk-3-0, libxtst6" --linux-shortcut --linux-menu-group System \
    --dest target/installer
ls -l target/installer
