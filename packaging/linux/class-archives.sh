#!/bin/sh
# Makes the installed app's class-data archives, in the folder the app is installed in (the .deb's
# postinst runs it as `class-archives.sh /opt/concurrency-lab`; `class-archives.sh --remove DIR`, run
# by prerm, deletes them). On JDK 17 an archive holds only for the jars' very paths, so neither can be
# made at build time and shipped:
#   lib/app/worker.jsa (+ .key)  the worker JVMs' classes (concurrencylab.runtime.WorkerArchive); the
#                                app uses it while its key fits (same java, command and jars)
#   lib/app/app.jsa              the app's own classes up to its first frame, from one headless
#                                training start (concurrencylab.bench.AppArchive); the launcher maps it
#                                once this script has added -XX:SharedArchiveFile to its .cfg (only when
#                                the archive exists: a missing one would turn off even the JDK's own)
# A failure leaves the app working, only slower to start.
set -u
if [ "${1:-}" = "--remove" ]; then
  app="$2/lib/app"
  rm -f "$app/worker.jsa" "$app/worker.jsa.key" "$app/app.jsa"
  exit 0
fi
app="$1/lib/app"
java="$1/lib/runtime/bin/java"
cfg="$app/Concurrency Lab.cfg"
# the launcher's own class path (its .cfg's app.classpath lines, in order): both archives are made
# for exactly the class path the app then runs with
cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s#\$APPDIR#$app#g" | paste -sd: -)
"$java" -cp "$cp" concurrencylab.runtime.WorkerArchive >/dev/null
"$java" -cp "$cp" concurrencylab.bench.AppArchive >/dev/null
if [ -f "$app/app.jsa" ] && ! grep -q -- '-XX:SharedArchiveFile=' "$cfg"; then
  sed -i '/^\[JavaOptions\]/a java-options=-XX:SharedArchiveFile=$APPDIR/app.jsa' "$cfg"
fi
exit 0
