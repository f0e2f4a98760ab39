#!/usr/bin/env bash
# End-to-end check of the Linux installer on this machine. It installs a package, so it runs as
# root, and it is not part of `mvn verify`. Steps:
#   1. builds the .deb from this clone (packaging/build-linux.sh; --no-build takes the last one),
#   2. installs it with dpkg -i (after installing with apt-get the packages it depends on that are
#      missing here: dpkg -i does not fetch them),
#   3. checks the installed files: launcher, runtime with bin/java, menu entry (Education), the
#      command /usr/bin/concurrency-lab,
#   4. runs the installed app's headless recorder on the Pool lesson with 4 worker processes, and
#      checks that 4 distinct worker PIDs are printed, that those workers ran the installed
#      runtime's java as children of the app, and that no process is left afterwards,
#   5. starts the installed window under xvfb-run: a tour of the Pool tab (a screenshot of the
#      window after a real run, kept in target/packaging/e2e/ with the recorder's output), then
#      the first-frame timing (packaging/first-frame.py),
#   6. checks that the app wrote nothing into its install folder, and its log into the XDG state
#      folder,
#   7. removes the package (dpkg -r, then --purge) and checks that it is gone. The package is removed even when
#      a check fails.
# Usage: packaging/e2e-deb.sh [--no-build]      (as root; needs xvfb-run and python3)
set -euo pipefail
cd "$(dirname "$0")/.."

package=concurrency-lab
install_dir=/opt/concurrency-lab
launcher="$install_dir/bin/Concurrency Lab"
xvfb=(xvfb-run -a -s "-screen 0 1920x1080x24")

build=yes
[[ "${1:-}" == --no-build ]] && build=no

fail() { echo "e2e: FAILED: $*" >&2; exit 1; }
pass() { echo "e2e: ok: $*"; }

[[ $(id -u) == 0 ]] || fail "run as root: it installs and removes the package $package"
command -v xvfb-run >/dev/null || fail "xvfb-run is missing (apt-get install xvfb)"
command -v python3 >/dev/null || fail "python3 is missing (for packaging/first-frame.py)"
if [[ $(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null) == installed ]]; then
  fail "$package is installed already: remove it first (dpkg -r $package); this check installs and removes its own copy"
fi

if [[ $build == yes ]]; then
  bash packaging/build-linux.sh
fi
deb=$(ls target/packaging/installer/${package}_*.deb 2>/dev/null | head -1)
[[ -f $deb ]] || fail "no .deb in target/packaging/installer: run packaging/build-linux.sh"
echo "e2e: installer $deb, $(stat -c %s "$deb") bytes ($(du -h "$deb" | cut -f1))"

tmp=$(mktemp -d)
export XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" LANG=C.UTF-8
installed=no
cleanup() {
  status=$?
  if [[ $installed == yes ]]; then
    echo "e2e: removing $package"
    dpkg -r "$package" >/dev/null || true
    dpkg --purge "$package" >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
  exit $status
}
trap cleanup EXIT

# --- 2. install -------------------------------------------------------------------------------
missing=()
IFS=',' read -ra depends <<< "$(dpkg-deb -f "$deb" Depends)"
for dep in "${depends[@]}"; do
  name=$(echo "$dep" | sed 's/|.*//; s/(.*//' | xargs)
  [[ -z $name ]] && continue
  dpkg-query -W -f='${db:Status-Status}' "$name" 2>/dev/null | grep -q '^installed$' || missing+=("$name")
done
if (( ${#missing[@]} )); then
  echo "e2e: installing what the package depends on and this machine lacks: ${missing[*]}"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
fi
installed=yes
dpkg -i "$deb" >/dev/null
dpkg-query -W -f='${db:Status-Status}' "$package" | grep -q '^installed$' || fail "dpkg -i did not leave $package installed"
pass "dpkg -i $(basename "$deb")"
marker="$tmp/installed-at"
touch "$marker"
sleep 1 # so that anything written into the install folder from now on is newer than the marker

# --- 3. installed files -----------------------------------------------------------------------
[[ -x $launcher ]] || fail "no launcher at $launcher"
[[ -x $install_dir/lib/runtime/bin/java ]] || fail "the runtime has no bin/java: the worker processes cannot start"
[[ $(readlink -f /usr/bin/concurrency-lab) == "$launcher" ]] || fail "/usr/bin/concurrency-lab does not lead to the launcher"
desktop=$(grep -l "^Exec=\"$launcher\"" /usr/share/applications/*.desktop 2>/dev/null | head -1 || true)
[[ -n $desktop ]] || fail "no menu entry in /usr/share/applications"
grep -q '^Categories=Education;' "$desktop" || fail "the menu entry $desktop is not in Education"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate: $desktop"
fi
pass "launcher, runtime with bin/java, /usr/bin/concurrency-lab, menu entry $desktop (Education)"

# --- 4. the headless recorder with 4 worker processes --------------------------------------------
out="$tmp/pool.out"
concurrency-lab record pool --processes 4 --tasks 8 --sleepSeconds 0.3-0.6 --seed 1 --out "$tmp/pool.json" >"$out" 2>&1 &
app=$!
: >"$tmp/seen"
while kill -0 "$app" 2>/dev/null; do
  # pid, parent pid and command line of every worker the installed runtime runs
  ps -eo pid=,ppid=,args= | awk -v java="$install_dir/lib/runtime/bin/java" \
    'index($0, java) && index($0, "concurrencylab.Main --worker") {print $1, $2}' >>"$tmp/seen"
  sleep 0.05
done
status=0
wait "$app" || status=$?
(( status == 0 )) || { cat "$out"; fail "the recorder exited with status $status"; }
grep -E '^\[PoolWorker-[0-9]+\] task [0-9]+ \(pid=[0-9]+\)' "$out" \
  | sed -E 's/^\[(PoolWorker-[0-9]+)\] task [0-9]+ \(pid=([0-9]+)\).*/\1 \2/' | sort -u >"$tmp/lanes"
workers=$(cut -d' ' -f1 "$tmp/lanes" | sort -u | wc -l)
pids=$(cut -d' ' -f2 "$tmp/lanes" | sort -u)
(( workers == 4 )) || { cat "$out"; fail "expected 4 worker lanes, saw $workers"; }
(( $(echo "$pids" | wc -l) == 4 )) || { cat "$out"; fail "expected 4 distinct worker PIDs, saw: $(echo $pids)"; }
for pid in $pids; do
  [[ $pid != "$app" ]] || fail "a worker printed the app's own PID $pid"
  grep -q "^$pid $app\$" "$tmp/seen" || fail "worker PID $pid was not seen running $install_dir/lib/runtime/bin/java as a child of the app ($app)"
done
[[ -s $tmp/pool.json ]] || fail "the recorder wrote no $tmp/pool.json"
pass "record pool: 4 worker lanes, 4 distinct worker PIDs ($(echo $pids)), each the installed java, child of the app $app"
sleep 1
for pid in $pids; do
  ! kill -0 "$pid" 2>/dev/null || fail "worker $pid is still alive 1 s after the recorder ended"
done
! pgrep -f "$install_dir/" >/dev/null || fail "processes of the installed app are left: $(pgrep -af "$install_dir/")"
pass "no process left after the recorder"

# --- 5. the window under Xvfb -------------------------------------------------------------------
"${xvfb[@]}" "$launcher" --tour "$tmp/tour" --only pool >"$tmp/tour.out" 2>&1 \
  || { cat "$tmp/tour.out"; fail "the tour of the Pool tab failed"; }
[[ $(stat -c %s "$tmp/tour/pool.png" 2>/dev/null || echo 0) -gt 10000 ]] || fail "the tour wrote no screenshot of the window"
sleep 1
! pgrep -f "$install_dir/" >/dev/null || fail "processes of the installed app are left after the tour"
mkdir -p target/packaging/e2e
cp "$tmp/tour/pool.png" "$out" target/packaging/e2e/
pass "the installed window ran the Pool tab under xvfb-run and drew it (target/packaging/e2e/pool.png)"
"${xvfb[@]}" python3 packaging/first-frame.py "$launcher" 3 || fail "first frame"
pass "the installed window's first frame, and no process left after closing it"

# --- 6. where the app writes ------------------------------------------------------------------
written=$(find "$install_dir" -newer "$marker" | head -5)
[[ -z $written ]] || fail "the app wrote into its install folder: $written"
[[ -f $XDG_STATE_HOME/concurrency-lab/concurrency-lab.log ]] || fail "no log in \$XDG_STATE_HOME/concurrency-lab"
pass "nothing written into $install_dir; the log is in \$XDG_STATE_HOME/concurrency-lab/concurrency-lab.log"

# --- 7. remove ---------------------------------------------------------------------------------
dpkg -r "$package" >/dev/null
installed=no
dpkg --purge "$package" >/dev/null 2>&1 # forget it in dpkg's records too
[[ ! -e $install_dir ]] || fail "$install_dir is still there after dpkg -r"
[[ ! -e /usr/bin/concurrency-lab && ! -L /usr/bin/concurrency-lab ]] || fail "/usr/bin/concurrency-lab is still there after dpkg -r"
[[ ! -e $desktop ]] || fail "the menu entry $desktop is still there after dpkg -r"
pass "dpkg -r removed the app, its command and its menu entry"
echo "e2e: all checks passed"
