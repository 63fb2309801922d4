#!/usr/bin/env bash
# Finishes the app image jpackage made (run by `mvn -Ppackage package`, before the installer is
# built from the image):
#   linux  - adds the menu entry and icons that the .deb's postinst installs (lib/share);
#   both   - replaces the runtime's default CDS archive with one trained on a smoke launch, so the
#            JDK and JavaFX classes the app starts with are mapped from the archive instead of
#            being loaded and verified one by one (AppCDS; see README, "Start-up time").
# Usage: finish-image.sh linux|macos IMAGE_DIR
set -euo pipefail
os=$1
image=$2
project=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

case "$os" in
  linux)
    runtime="$image/lib/runtime"
    jars="$image/lib/app"
    share="$image/lib/share"
    mkdir -p "$share/applications" "$share/icons/hicolor/scalable/apps"
    cp "$project/packaging/linux/dialbook.desktop" "$share/applications/"
    for size in 16 24 32 48 64 128 256 512; do
      mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
      cp "$project/assets/icons/dialbook-$size.png" "$share/icons/hicolor/${size}x${size}/apps/dialbook.png"
    done
    cp "$project/assets/icons/dialbook.svg" "$share/icons/hicolor/scalable/apps/dialbook.svg"
    ;;
  macos)
    runtime="$image/Contents/runtime/Contents/Home"
    jars="$image/Contents/app"
    ;;
  *)
    echo "finish-image.sh: unknown OS '$os' (linux or macos)" >&2
    exit 2
    ;;
esac

# The archive for heaps over 32 GB (no compressed oops): an address book never runs there, and it
# is 13 MB of the image.
rm -f "$runtime/lib/server/classes_nocoops.jsa"

# --- AppCDS ------------------------------------------------------------------------------------
# A smoke launch (window up, first page rendered, exit) records the classes start-up loads; the
# runtime's default archive is then regenerated from that list. Only classes from the runtime
# image (JDK and JavaFX) go in: an archive that names class-path jars is tied to their absolute
# paths, and the .deb installs the image somewhere else than where it is built. The default
# archive location needs no launcher option, and -Xshare:auto falls back silently if the archive
# cannot be used.
java="$runtime/bin/java"
work=$(mktemp -d)
# A training sandbox still running when the script stops (an error, Ctrl+C) goes with it.
trap '[ -n "${cli_sandbox:-}" ] && kill "$cli_sandbox" 2>/dev/null; rm -rf "$work"' EXIT
training=("$java" "-XX:DumpLoadedClassList=$work/classes.list" "-Ddialbook.home=$work/home"
          -cp "$jars/*" org.dialbook.app.Dialbook --smoke)

if [ "$os" = macos ] || [ -n "${DISPLAY:-}" ]; then
  trained=("${training[@]}")
elif command -v xvfb-run >/dev/null 2>&1; then
  trained=(xvfb-run -a -s "-screen 0 1280x800x24" "${training[@]}")
else
  echo "[finish-image] No display and no xvfb-run: keeping jlink's default CDS archive." >&2
  echo "[finish-image] (apt-get install xvfb xauth for a trained one.)" >&2
  exit 0
fi

# Twice on one home: the first launch creates the sandbox and fills the mirror, the second (whose
# classes are listed) starts as a user's later launches do, with the first page from the mirror.
for launch in first second; do
  if ! "${trained[@]}" >"$work/training-$launch.log" 2>&1; then
    echo "[finish-image] The $launch training launch failed; keeping jlink's default CDS archive. Its output:" >&2
    tail -n 30 "$work/training-$launch.log" >&2
    exit 0
  fi
done

# The command line: scripts start a JVM per command, so its classes belong in the archive too. A
# sandbox in its own JVM on a free port (in memory), then an import, a sync, a search, a listing,
# an export and the lists, each recording its classes; the lists are merged, first seen first.
# Any failure here only leaves the command line's classes out; nothing here may stop the build.
cli_sandbox=""
if ! command -v timeout >/dev/null 2>&1; then
  # macOS has no timeout(1): run without the limit.
  timeout() { shift; "$@"; }
fi
cli_run() {
  # A command that hangs must not hang the build: each gets two minutes.
  i=$((i + 1))
  if ! EXOTEL_BASE_URL="$url" EXOTEL_ACCOUNT_SID="$account" EXOTEL_API_KEY="$key" EXOTEL_API_TOKEN="$token" \
      timeout 120 "$java" "-XX:DumpLoadedClassList=$work/cli-$i.list" -Ddialbook.home="$work/cli-home" \
      -cp "$jars/*" org.dialbook.app.Dialbook "$@" >"$work/cli-$i.log" 2>&1; then
    echo "[finish-image] Training 'dialbook $*' failed (its classes are left out):" >&2
    tail -n 5 "$work/cli-$i.log" >&2 || true
    rm -f "$work/cli-$i.list"
  fi
}
cli_training() {
  local banner="$work/cli-sandbox.out" ready=""
  : >"$banner"
  timeout 1800 "$java" -Ddialbook.home="$work/cli-home" -cp "$jars/*" org.dialbook.app.Dialbook sandbox --in-memory \
    --port 0 >"$banner" 2>&1 &
  cli_sandbox=$!
  # The banner's last line: every value above it is printed by then.
  for _ in $(seq 1 150); do
    if grep -q '^Press Ctrl+C to stop' "$banner"; then
      ready=yes
      break
    fi
    sleep 0.2
  done
  if [ -z "$ready" ]; then
    echo "[finish-image] The command-line training's sandbox did not start; its classes are left out." >&2
    return 0
  fi
  url=$(sed -n 's/^  Base URL: *//p' "$banner")
  account=$(sed -n 's/^  Account SID: *//p' "$banner")
  key=$(sed -n 's/^  API key: *//p' "$banner")
  token=$(sed -n 's/^  API token: *//p' "$banner")
  i=0
  cli_run import "$project/assets/samples/contacts-sample.csv" --duplicates create --country IN
  cli_run sync
  cli_run contacts find 98
  cli_run contacts find example --format json
  cli_run contacts list --format csv
  cli_run export "$work/cli-export.csv"
  cli_run lists
  kill "$cli_sandbox" 2>/dev/null || true
  wait "$cli_sandbox" 2>/dev/null || true
  cli_sandbox=""
  local lists=() before
  shopt -s nullglob
  lists=("$work"/cli-*.list)
  shopt -u nullglob
  if [ ${#lists[@]} -eq 0 ]; then
    echo "[finish-image] No command-line training ran; its classes are left out." >&2
    return 0
  fi
  before=$(grep -c . "$work/classes.list")
  cat "$work/classes.list" "${lists[@]}" | awk '!seen[$0]++' >"$work/merged.list"
  mv "$work/merged.list" "$work/classes.list"
  echo "[finish-image] Command-line training: $(( $(grep -c . "$work/classes.list") - before )) more classes listed"
}
cli_training

# Class-path classes in the list cannot be found without a class path; the dump skips them.
"$java" -Xshare:dump "-XX:SharedClassListFile=$work/classes.list" \
  "-XX:SharedArchiveFile=$runtime/lib/server/classes.jsa" >"$work/dump.log" 2>&1 || {
  echo "[finish-image] CDS dump failed:" >&2
  tail -n 30 "$work/dump.log" >&2
  exit 1
}
echo "[finish-image] AppCDS: $(grep -c . "$work/classes.list") classes listed by the smoke launch;" \
  "archive $(du -h "$runtime/lib/server/classes.jsa" | cut -f1)"

# --- AppCDS with the app's own classes (Linux) -------------------------------------------------
# A second archive, lib/app/dialbook.jsa, holds the same JDK and JavaFX classes plus the app's and
# its libraries' (about 3,000 more), so they are not read from jars and verified at each start. It
# names the jars by their absolute paths, as the launcher passes them: valid for this image where it
# is (the start-up benchmark, the smoke test), and made again for /opt/dialbook by the .deb's
# postinst from dialbook.classlist. Where the paths do not match, the JVM silently starts without
# any archive, so the launcher option only goes in where it is remade on install.
if [ "$os" = linux ]; then
  cfg="$jars/Dialbook.cfg"
  real_jars=$(cd "$jars" && pwd -P)
  classpath=$(sed -n 's|^app\.classpath=\$APPDIR|'"$real_jars"'|p' "$cfg" | paste -sd: -)
  cp "$work/classes.list" "$jars/dialbook.classlist"
  "$java" -Xshare:dump "-XX:SharedClassListFile=$jars/dialbook.classlist" \
    "-XX:SharedArchiveFile=$jars/dialbook.jsa" -cp "$classpath" >"$work/app-dump.log" 2>&1 || {
    echo "[finish-image] App CDS dump failed:" >&2
    tail -n 30 "$work/app-dump.log" >&2
    exit 1
  }
  if ! grep -q 'SharedArchiveFile' "$cfg"; then
    sed -i 's|^\[JavaOptions\]$|[JavaOptions]\njava-options=-XX:SharedArchiveFile=$APPDIR/dialbook.jsa|' "$cfg"
  fi
  echo "[finish-image] AppCDS with the app's classes: $(grep -c '^org/dialbook' "$jars/dialbook.classlist") of" \
    "Dialbook's own classes; archive $(du -h "$jars/dialbook.jsa" | cut -f1)"
fi

# --- The launcher (Linux) ---------------------------------------------------------------------
# jpackage's Linux launcher asks rpm, then dpkg, which package owns it, on every start, to find its
# own library (about 240 ms here: startup-bench.sh's app against app-java; once installed from the
# .deb it also lists the package's files). That is paid by every window and every CLI command. A
# shell script written from its .cfg starts the same runtime with the same JVM options, class path
# and main class, and skips the queries.
if [ "$os" = linux ]; then
  cfg="$jars/Dialbook.cfg"
  launcher="$image/bin/Dialbook"
  main_class=$(sed -n 's|^app\.mainclass=||p' "$cfg")
  options=$(sed -n 's|^java-options=||p' "$cfg" | sed 's|\$APPDIR|$app|g' | sed 's|^\(.*\)$|  "\1" \\|')
  classpath=$(sed -n 's|^app\.classpath=\$APPDIR|$app|p' "$cfg" | paste -sd: -)
  cat >"$launcher" <<SCRIPT
#!/bin/bash
# Starts Dialbook. Written by packaging/finish-image.sh from jpackage's lib/app/Dialbook.cfg, in
# place of jpackage's launcher, which queries rpm and dpkg on every start.
root=\$(dirname "\$(dirname "\$(readlink -f "\$0")")")
app="\$root/lib/app"
exec -a Dialbook "\$root/lib/runtime/bin/java" \\
$options
  "-Djpackage.app-path=\$root/bin/Dialbook" \\
  -cp "$classpath" \\
  $main_class "\$@"
SCRIPT
  chmod 755 "$launcher"
  echo "[finish-image] Launcher: bin/Dialbook is a script starting $main_class (no rpm/dpkg queries)"
fi

# --- The image the .deb is built from (Linux) ---------------------------------------------------
# The same files, hard-linked, without lib/app/dialbook.jsa: that archive names this build folder's
# paths, and the .deb's postinst makes the one for /opt/dialbook, so it would be 55 MB of dead
# weight in the download. pom.xml's jpackage-linux profile points the installer at this copy.
if [ "$os" = linux ]; then
  installer_image="$(dirname "$(dirname "$image")")/installer-image/$(basename "$image")"
  rm -rf "$installer_image"
  mkdir -p "$(dirname "$installer_image")"
  cp -al "$image" "$installer_image"
  rm -f "$installer_image/lib/app/dialbook.jsa"
fi
