#!/usr/bin/env bash
# Window sizes under a real window manager (issue 13): starts Xvfb with Openbox, launches the app on
# a fresh home folder, opens each dialog with its shortcut, and checks with xdotool that the main
# window and every dialog are at least their minimum size and lie inside the screen. Without a
# window manager windows get whatever size they ask for, so only a run like this one catches a
# window that a real desktop shrinks to 200x200.
#   packaging/window-check.sh [IMAGE_DIR]        (default target/dist/Dialbook)
#   DIALBOOK_CMD="java -cp ... org.dialbook.app.Dialbook" packaging/window-check.sh   (a dev build)
# Also: the main window opens at its default size on a first start, and a maximized main window
# stays maximized across dialogs.
# Needs: xvfb, openbox, xdotool. WINDOW_CHECK_DISPLAY picks the display number (default 97).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
image=${1:-target/dist/Dialbook}
if [ -n "${DIALBOOK_CMD:-}" ]; then
  read -r -a launch <<<"$DIALBOOK_CMD"
else
  launch=("$image/bin/Dialbook")
  if [ ! -x "${launch[0]}" ]; then
    echo "No app image at $image (mvn -B -Ppackage package -DskipTests -Djpackage.installer.skip=true)" >&2
    exit 2
  fi
fi
for tool in Xvfb openbox xdotool; do
  command -v "$tool" >/dev/null || { echo "window-check needs $tool (apt-get install xvfb openbox xdotool)" >&2; exit 2; }
done

screen_w=1366
screen_h=800
display=":${WINDOW_CHECK_DISPLAY:-97}"
home=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$home"
}
trap cleanup EXIT

Xvfb "$display" -screen 0 "${screen_w}x${screen_h}x24" -nolisten tcp >"$home/xvfb.log" 2>&1 &
pids+=($!)
export DISPLAY=$display
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
openbox >"$home/openbox.log" 2>&1 &
pids+=($!)
sleep 1

DIALBOOK_HOME="$home/app" "${launch[@]}" >"$home/app.out" 2>&1 &
app=$!
pids+=($app)

failures=0

# Waits up to $2 seconds for a visible window whose title matches $1; prints its id.
find_window() {
  local title=$1 wait=${2:-20} id
  for _ in $(seq $((wait * 10))); do
    id=$(xdotool search --onlyvisible --name "$title" 2>/dev/null | tail -n 1 || true)
    if [ -n "$id" ]; then echo "$id"; return 0; fi
    sleep 0.1
  done
  return 1
}

# Checks a window's client area (xdotool reports it without the title bar) against a minimum size
# (the window's own minimum minus the frame: 4 px wide, 30 px high) and the screen's edges.
check_window() {
  local label=$1 id=$2 min_w=$3 min_h=$4 x y w h
  sleep 1   # let the window manager and the app's own settling finish
  eval "$(xdotool getwindowgeometry --shell "$id")"
  x=$X; y=$Y; w=$WIDTH; h=$HEIGHT
  local problems=()
  [ "$w" -ge $((min_w - 4)) ] || problems+=("narrower than $min_w")
  [ "$h" -ge $((min_h - 30)) ] || problems+=("lower than $min_h")
  [ "$x" -ge 0 ] && [ "$y" -ge 0 ] || problems+=("starts off screen")
  [ $((x + w)) -le "$screen_w" ] && [ $((y + h)) -le "$screen_h" ] || problems+=("ends off screen")
  if [ ${#problems[@]} -eq 0 ]; then
    echo "ok    $label: ${w}x${h} at $x,$y"
  else
    echo "FAIL  $label: ${w}x${h} at $x,$y: ${problems[*]}"
    failures=$((failures + 1))
  fi
}

# Opens a dialog from the main window with keys $2..., checks it, then closes it.
check_dialog() {
  local title=$1 min_w=$2 min_h=$3; shift 3
  xdotool windowactivate --sync "$main" >/dev/null 2>&1 || true
  xdotool key --clearmodifiers --delay 400 "$@"
  local id
  if ! id=$(find_window "$title" 10); then
    echo "FAIL  $title: did not open with $*"
    failures=$((failures + 1))
    return
  fi
  check_window "$title" "$id" "$min_w" "$min_h"
  xdotool windowactivate --sync "$id" >/dev/null 2>&1 || true
  xdotool key --clearmodifiers Escape
  sleep 0.5
  if xdotool search --onlyvisible --name "$title" >/dev/null 2>&1; then
    xdotool key --clearmodifiers alt+F4
    sleep 0.5
  fi
}

if ! main=$(find_window '^Dialbook$' 60); then
  echo "FAIL  the main window did not appear. Its output:" >&2
  tail -n 40 "$home/app.out" >&2
  exit 1
fi
# The first page of the sandbox's contacts, so that the contact shortcuts are enabled.
sleep 6
check_window "main window" "$main" 720 420
# A first start opens at the default size (1300x768, clamped to the screen), not at the minimum:
# the lists panel and every column header need that room.
eval "$(xdotool getwindowgeometry --shell "$main")"
if [ "$WIDTH" -ge 1200 ] && [ "$HEIGHT" -ge 700 ]; then
  echo "ok    main window opens at its default size: ${WIDTH}x${HEIGHT}"
else
  echo "FAIL  main window opens at ${WIDTH}x${HEIGHT}, not at its default size (about 1300x768)"
  failures=$((failures + 1))
fi
check_dialog '^New contact$' 520 520 ctrl+n
check_dialog '^Connection profiles$' 640 520 ctrl+comma
check_dialog '^Keyboard shortcuts$' 420 300 ctrl+slash
check_dialog '^Export contacts$' 480 320 ctrl+shift+s
check_dialog '^Import contacts$' 700 520 ctrl+i
check_dialog '^About Dialbook$' 520 340 ctrl+F1
check_window "main window after the dialogs" "$main" 720 420

# A maximized window stays maximized while a dialog opens and after it closes (JDK-8332222 shrank it
# to about 720x400). Openbox maximizes on a double click on the title bar, about 30 px above the
# client area that xdotool reports.
toggle_maximized() {
  eval "$(xdotool getwindowgeometry --shell "$main")"
  xdotool mousemove $((X + WIDTH / 2)) $((Y > 30 ? Y - 30 : 8)) click --repeat 2 --delay 80 1
  sleep 1.5
}
check_maximized() {
  local label=$1
  eval "$(xdotool getwindowgeometry --shell "$main")"
  if [ "$WIDTH" -ge $((screen_w - 10)) ] && [ "$HEIGHT" -ge $((screen_h - 60)) ]; then
    echo "ok    $label: ${WIDTH}x${HEIGHT}"
  else
    echo "FAIL  $label: ${WIDTH}x${HEIGHT}, not maximized"
    failures=$((failures + 1))
  fi
}
xdotool windowactivate --sync "$main" >/dev/null 2>&1 || true
toggle_maximized
check_maximized "main window maximized"
check_dialog '^New contact$' 520 520 ctrl+n
check_maximized "main window still maximized after New contact"
check_dialog '^About Dialbook$' 520 340 ctrl+F1
check_maximized "main window still maximized after About"
toggle_maximized

xdotool windowactivate --sync "$main" >/dev/null 2>&1 || true
xdotool key --clearmodifiers ctrl+q
for _ in $(seq 100); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
if [ "$failures" -gt 0 ]; then
  echo "window-check: $failures problem(s) under Openbox at ${screen_w}x${screen_h}" >&2
  exit 1
fi
echo "window-check passed: every window at least its minimum and on screen under Openbox."
