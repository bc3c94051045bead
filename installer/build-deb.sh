#!/usr/bin/env bash
# Builds a Debian package of Tandem with its own trimmed Java runtime (jpackage, JDK 25).
# Output: target/installer/tandem_<version>_amd64.deb. Needs fakeroot and dpkg-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/find-jdk.sh
./mvnw -q -B -ntp -DskipTests package
rm -rf target/installer target/jpackage-input
mkdir -p target/jpackage-input
cp target/tandem.jar target/jpackage-input/
"$JAVA_HOME/bin/jpackage" --type deb \
    --name tandem --app-version 0.1.0 \
    --vendor "Tandem" --description "Turns two Linux servers into a highly available iSCSI target" \
    --input target/jpackage-input --main-jar tandem.jar --main-class io.tandem.Launcher \
    --icon icons/tandem-256.png \
    --java-options "--enable-native-access=ALL-UNNAMED" \
    --add-modules java.base,java.desktop,java.logging,java.naming,java.net.http,java.sql,java.xml,jdk.unsupported,jdk.crypto.ec,jdk.jsobject,java.scripting \
    --jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands" \
    --linux-package-deps libgtk-3-0 --linux-shortcut --linux-menu-group System \
    --dest target/installer
ls -l target/installer
