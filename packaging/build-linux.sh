#!/usr/bin/env bash
# Builds Concurrency Lab's Linux installer from a clean clone:
#   1. the jar and its libraries (Maven, tests skipped: `mvn -B verify` is their place),
#   2. a trimmed Java runtime that keeps bin/java for the worker processes (jlink),
#   3. the app image, then the .deb (jpackage).
# Results:
#   target/packaging/app-image/Concurrency Lab/     run it in place: bin/Concurrency Lab
#   target/packaging/installer/concurrency-lab_<version>-1_amd64.deb
#
# Usage: packaging/build-linux.sh [--no-maven] [--app-image-only]
#   --no-maven        use the jar and target/lib/ already built (the Maven profile -Ppackage does this)
#   --app-image-only  stop after the app image (no fakeroot or dpkg-deb needed)
# Needs: JDK 17+ with jlink and jpackage (JAVA_HOME, else the PATH); Maven unless --no-maven;
# for the .deb, fakeroot and dpkg-deb (Debian/Ubuntu: apt-get install fakeroot).
set -euo pipefail
cd "$(dirname "$0")/.."

maven=yes
deb=yes
for arg in "$@"; do
  case "$arg" in
    --no-maven) maven=no ;;
    --app-image-only) deb=no ;;
    *) echo "build-linux.sh: unknown option $arg (see the comment at the top)" >&2; exit 2 ;;
  esac
done

jdk_tool() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/$1" ]]; then echo "$JAVA_HOME/bin/$1"; else command -v "$1"; fi
}
need() {
  command -v "$1" >/dev/null || { echo "build-linux.sh: $1 is missing. $2" >&2; exit 1; }
}
JLINK=$(jdk_tool jlink) || { echo "build-linux.sh: jlink not found: install a JDK 17+ (not a JRE)" >&2; exit 1; }
JPACKAGE=$(jdk_tool jpackage) || { echo "build-linux.sh: jpackage not found: install a JDK 17+" >&2; exit 1; }
JAR=$(jdk_tool jar) || { echo "build-linux.sh: the jar tool not found: install a JDK 17+" >&2; exit 1; }
if [[ $deb == yes ]]; then
  need fakeroot "Install it: apt-get install fakeroot"
  need dpkg-deb "It comes with dpkg (Debian, Ubuntu)"
fi

if [[ $maven == yes ]]; then
  need mvn "Install Maven, or build the jar yourself and pass --no-maven"
  echo "== jar and libraries (Maven)"
  mvn -B -q -DskipTests package
fi
[[ -f target/concurrency-lab.jar && -d target/lib ]] || {
  echo "build-linux.sh: target/concurrency-lab.jar or target/lib/ is missing: run mvn -B -DskipTests package" >&2; exit 1; }

# the pom's version, as the jar plugin recorded it; jpackage takes numbers only
version=$(sed -n 's/^version=//p' target/maven-archiver/pom.properties)
version=${version%%-*}
[[ $version =~ ^[0-9]+(\.[0-9]+)*$ ]] || { echo "build-linux.sh: cannot use the version '$version'" >&2; exit 1; }

out=target/packaging
rm -rf "$out"
mkdir -p "$out/input/lib" "$out/resources" "$out/installer"

echo "== app files"
# the same layout as target/, so the jar's manifest class path holds in the installed copy too
cp target/concurrency-lab.jar "$out/input/"
cp target/lib/*.jar "$out/input/lib/"
# the installed app's class-data archives are made by the .deb's postinst, with this script
cp packaging/linux/class-archives.sh "$out/input/"
# JavaFX's native libraries beside its jars: JavaFX loads them from there ("relative path"), rather
# than unpacking them into ~/.openjfx/cache at each new version; and jpackage sees them, so the
# .deb depends on the system libraries they need (GTK 3, GL, ...).
for fxjar in "$out"/input/lib/javafx-*-linux.jar; do
  (cd "$out/input/lib" && "$JAR" tf "$(basename "$fxjar")" | { grep '\.so$' || true; } | xargs -r "$JAR" xf "$(basename "$fxjar")")
done

echo "== runtime (jlink)"
"$JLINK" @packaging/jpackage/jlink.args --output "$out/runtime"
[[ -x "$out/runtime/bin/java" ]] || { echo "build-linux.sh: the runtime has no bin/java: the worker processes need it" >&2; exit 1; }

echo "== app image (jpackage)"
"$JPACKAGE" --type app-image @packaging/jpackage/app.args @packaging/jpackage/launcher.args \
  --app-version "$version" \
  --input "$out/input" \
  --runtime-image "$out/runtime" \
  --icon packaging/icon/png/concurrency-lab-256.png \
  --dest "$out/app-image"
image="$out/app-image/Concurrency Lab"
echo "app image: $image (start it with: \"$image/bin/Concurrency Lab\")"

if [[ $deb == no ]]; then
  exit 0
fi

echo "== .deb (jpackage)"
# jpackage takes its Linux templates from the resource folder by these names; it fills in the
# placeholders (APPLICATION_LAUNCHER, DESKTOP_COMMANDS_INSTALL, ...) as in its own templates.
cp packaging/linux/concurrency-lab.desktop "$out/resources/Concurrency Lab.desktop"
cp packaging/linux/postinst packaging/linux/prerm "$out/resources/"
licence=()
if [[ -f LICENSE ]]; then licence=(--license-file LICENSE); fi
"$JPACKAGE" --type deb @packaging/jpackage/app.args @packaging/linux/deb.args \
  --app-version "$version" \
  --app-image "$image" \
  --icon packaging/icon/png/concurrency-lab-256.png \
  --resource-dir "$out/resources" \
  "${licence[@]}" \
  --dest "$out/installer"
package=$(ls "$out"/installer/*.deb)
echo "installer: $package ($(du -h "$package" | cut -f1))"
