#!/usr/bin/env bash
# Start-up benchmark: time from launching a process to its first laid-out frame (the contacts
# page for Dialbook), against a bare JavaFX "hello" window measured in the same run, on the same
# runtime. Each measurement is a fresh JVM; the page cache is warm (dropping it needs root and a
# quiet machine), so these are "cold JVM, warm disk" figures.
#
#   mvn -B -Ppackage package -DskipTests -Djpackage.installer.skip=true   # the app image first
#   packaging/startup-bench.sh [RUNS]                                      # default 5 runs each
#
# The app's runs start on a home folder whose sandbox holds MIRROR_CONTACTS contacts (default
# 100000) and whose local mirror holds them all, as a user's second launch does: the first page
# then comes from the mirror. Seeding (a sandbox with that many demo contacts and one
# `dialbook sync`) takes minutes, so the seeded home is kept in target/startup-bench-home-N and
# reused; delete it to seed again. MIRROR_CONTACTS=0 measures a fresh home with the 300 demo
# contacts instead. DIALBOOK_STARTUP_TRACE=1 also prints the app's phase timings (stderr).
#
# Reference points: the bare window (the ratio's baseline) and a bare 12-column, 20-row JavaFX table
# (HelloTable: what a table's first layout costs here, without the app).
# Variants: the packaged app as shipped (its launcher, and the AppCDS archive of the JDK, JavaFX and
# app classes); the same JVM and options started without the launcher (app-java: what jpackage's
# Linux launcher adds, such as its rpm/dpkg queries); without the app's classes in the archive
# (app-runtime-cds: the runtime's trained JDK and JavaFX archive only); with CDS off; and
# `mvn -q javafx:run`. Prints the median per variant and its ratio
# to the hello window. Needs a display, or xvfb-run (it starts one Xvfb for the whole run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-5}

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

image=target/dist/Dialbook
runtime=$image/lib/runtime
java=$runtime/bin/java
if [ ! -x "$image/bin/Dialbook" ]; then
  echo "No app image at $image: run mvn -B -Ppackage package -DskipTests -Djpackage.installer.skip=true" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The hello window, compiled against the same JavaFX the image carries.
javac -d "$work/hello" --module-path target/jpackage/javafx --add-modules javafx.controls packaging/bench/HelloFx.java \
  packaging/bench/HelloTable.java

# jlink's default archive (what the image had before finish-image.sh trained it): the runtime's own
# class list, dumped the way jlink --generate-cds-archive does it.
"$java" -Xshare:dump "-XX:SharedArchiveFile=$work/default.jsa" >"$work/dump.log" 2>&1

contacts=${MIRROR_CONTACTS:-100000}
export DIALBOOK_HOME="$work/home"
if [ "$contacts" -gt 0 ]; then
  seeded=target/startup-bench-home-$contacts
  if [ ! -f "$seeded/data/mirror/local_sandbox.db" ]; then
    echo "Seeding $contacts contacts into a sandbox and its mirror ($seeded); this takes minutes" >&2
    rm -rf "$seeded"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    DIALBOOK_HOME="$seeded" "$image/bin/Dialbook" sandbox --data "$seeded/data/sandbox" --port "$port" \
      --demo-contacts "$contacts" >"$work/sandbox.log" 2>&1 &
    sandbox=$!
    for _ in $(seq 1 300); do grep -q 'API token' "$work/sandbox.log" && break; sleep 1; done
    DIALBOOK_HOME="$seeded" EXOTEL_BASE_URL="http://127.0.0.1:$port" EXOTEL_ACCOUNT_SID=sandbox \
      EXOTEL_API_KEY=sandbox-key EXOTEL_API_TOKEN=sandbox-token "$image/bin/Dialbook" sync >&2 || {
      kill "$sandbox"
      exit 1
    }
    kill "$sandbox"
    wait "$sandbox" || true
  fi
  cp -a "$seeded" "$DIALBOOK_HOME"
fi
# One first run (creates the sandbox and its demo contacts on a fresh home); the timed runs then
# start as a user's second and later launches do.
"$image/bin/Dialbook" --smoke >/dev/null

# Runs a command; prints the milliseconds from its launch to the "SMOKE OK ... epoch-ms=" line.
measure() {
  local start end out
  start=$(date +%s%3N)
  # The app's phase timings (DIALBOOK_STARTUP_TRACE=1) count from this instant too.
  if ! out=$(DIALBOOK_LAUNCHED_AT=$start "$@" 2>"$work/stderr"); then
    echo "FAILED: $*" >&2
    cat "$work/stderr" >&2
    echo "$out" >&2
    return 1
  fi
  if [ -n "${DIALBOOK_STARTUP_TRACE:-}" ]; then
    grep '^\[startup\]' "$work/stderr" >&2 || true
  fi
  end=$(sed -n 's/.*SMOKE OK .*epoch-ms=\([0-9]*\).*/\1/p' <<<"$out" | head -n 1)
  if [ -z "$end" ]; then
    echo "No SMOKE OK line from: $*" >&2
    echo "$out" >&2
    return 1
  fi
  echo $((end - start))
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# The launcher's JVM options and class path, from its .cfg, to start the same app with plain java.
cfg=$image/lib/app/Dialbook.cfg
appdir=$(cd "$image/lib/app" && pwd -P)
mapfile -t app_options < <(sed -n 's|^java-options=||p' "$cfg" | sed "s|\$APPDIR|$appdir|g")
mapfile -t runtime_cds_options < <(printf '%s\n' "${app_options[@]}" | grep -v SharedArchiveFile)
app_classpath=$(sed -n 's|^app\.classpath=\$APPDIR|'"$appdir"'|p' "$cfg" | paste -sd: -)

declare -A results
variants=(hello hello-default-cds table app app-java app-runtime-cds app-no-cds javafx-run)
if [ ! -d "${HOME}/.m2/repository/org/openjfx/javafx-maven-plugin" ]; then
  # Offline, mvn javafx:run cannot start without the plugin in the local repository.
  echo "javafx-maven-plugin is not in ~/.m2: leaving out the mvn javafx:run variant" >&2
  variants=(hello hello-default-cds table app app-java app-runtime-cds app-no-cds)
fi
for variant in "${variants[@]}"; do
  results[$variant]=""
done

for ((i = 1; i <= runs; i++)); do
  # Interleaved, so drift in machine load spreads over all variants alike.
  results[hello]+="$(measure "$java" -XX:+UseSerialGC -cp "$work/hello" HelloFx) "
  results[hello-default-cds]+="$(measure "$java" -XX:+UseSerialGC "-XX:SharedArchiveFile=$work/default.jsa" \
    -cp "$work/hello" HelloFx) "
  # The launcher's JIT setting (C1 only), as the app has: on two cores C2's compiler threads
  # compete with the first layout.
  results[table]+="$(measure "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$work/hello" HelloTable) "
  results[app]+="$(measure "$image/bin/Dialbook" --smoke) "
  results[app-java]+="$(measure "$java" "${app_options[@]}" -cp "$app_classpath" org.dialbook.app.Dialbook --smoke) "
  results[app-runtime-cds]+="$(measure "$java" "${runtime_cds_options[@]}" -cp "$app_classpath" \
    org.dialbook.app.Dialbook --smoke) "
  results[app-no-cds]+="$(JAVA_TOOL_OPTIONS=-Xshare:off measure "$image/bin/Dialbook" --smoke) "
  if [[ " ${variants[*]} " == *" javafx-run "* ]]; then
    results[javafx-run]+="$(measure mvn -q -o javafx:run -Djavafx.args=--smoke) "
  fi
  echo "run $i/$runs done" >&2
done

hello=$(tr ' ' '\n' <<<"${results[hello]}" | grep . | median)
printf '%-20s %8s %8s   %s\n' variant median "x hello" "runs (ms)"
for variant in "${variants[@]}"; do
  m=$(tr ' ' '\n' <<<"${results[$variant]}" | grep . | median)
  printf '%-20s %6s ms %7.2fx   %s\n' "$variant" "$m" "$(awk -v a="$m" -v b="$hello" 'BEGIN { print a / b }')" \
    "${results[$variant]}"
done
echo "Mirror: $contacts contacts; machine: $(nproc) cores, $(java -version 2>&1 | head -n 1); $(date -u +%FT%TZ)"
