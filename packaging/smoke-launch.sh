#!/usr/bin/env bash
# Launches the packaged app image the way a user would (its own launcher and runtime), with
# --smoke: the window opens on a fresh home folder (so the sandbox starts and seeds its demo
# contacts, as on first run), and the run passes once the first page of contacts is on screen.
# Under xvfb-run when there is no display. Used by .ci/run after `mvn -B verify`.
#   packaging/smoke-launch.sh [IMAGE_DIR]     (default target/dist/Dialbook)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
image=${1:-target/dist/Dialbook}
launcher="$image/bin/Dialbook"
if [ ! -x "$launcher" ]; then
  echo "No app image at $image (mvn -B -Ppackage package -DskipTests -Djpackage.installer.skip=true)" >&2
  exit 2
fi
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
run=("$launcher" --smoke)
if [ -z "${DISPLAY:-}" ]; then
  run=(xvfb-run -a -s "-screen 0 1280x800x24" "${run[@]}")
fi
# The app gives up after 60 s by itself; the outer limit only catches a hang in the toolkit.
if DIALBOOK_HOME="$home" timeout 180 "${run[@]}"; then
  echo "Smoke launch of $image passed."
else
  status=$?
  echo "Smoke launch of $image FAILED (exit $status). The app's log:" >&2
  tail -n 40 "$home"/logs/*.log >&2 2>/dev/null || true
  exit "$status"
fi
