#!/usr/bin/env bash
# Regenerates the README's screenshots (docs/screenshots/<lang>-<screen>.png) in English and
# Ukrainian from the trainer itself under Xvfb, so they never go stale.
#   scripts/screenshots.sh            # all languages and screens
#   scripts/screenshots.sh uk         # one language
# Needs xvfb-run and a software Vulkan (Debian: xvfb xauth mesa-vulkan-drivers libvulkan1) and a
# release build (it builds one if missing); the printable report's picture needs chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/mineclear/target}"
cargo build --release --bin mineclear
bin="$CARGO_TARGET_DIR/release/mineclear"
out=docs/screenshots
mkdir -p "$out"
# A data folder of its own: the screenshots never touch a real trainee's records or settings.
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export MINECLEAR_DATA_DIR="$data"
replay="$data/lesson1.mcreplay"
"$bin" run first_lesson --autopilot --skip-lane 3 --trainee "Demo" --replay "$replay" --lang en >/dev/null
# An instructor's comments beside it (the review and the report show them).
"$bin" replay comment "$replay" --at-s 200 --author "Sok" "Good steady pace on lane 1" >/dev/null
"$bin" replay comment "$replay" --at-s 600 --place 40 22 --author "Сок" "Смугу 3 пропущено: поверніться, перш ніж залишати ділянку" >/dev/null

shot() { # lang name args...
  local lang=$1 name=$2
  shift 2
  echo "$out/$lang-$name.png"
  WGPU_BACKEND=vulkan xvfb-run -a -s "-screen 0 1280x720x24" "$bin" --lang "$lang" "$@" --window 1280x720 \
    --screenshot "$out/$lang-$name.png" >"$data/$lang-$name.log" 2>&1 \
    || { echo "  failed; its log:" >&2; tail -20 "$data/$lang-$name.log" >&2; exit 1; }
}

for lang in ${1:-en uk}; do
  shot "$lang" menu play --trainee Demo --after-secs 2
  shot "$lang" briefing play first_lesson --screen briefing --after-secs 2
  shot "$lang" operating play first_lesson --screen operating --autopilot --camera chase --skip-to-s 400 --after-secs 2
  shot "$lang" debrief play first_lesson --screen debrief --autopilot --after-secs 2
  shot "$lang" pause play first_lesson --screen operating --autopilot --camera cab --skip-to-s 300 --after-secs 1 --paused
  shot "$lang" editor edit first_lesson --after-secs 2
  shot "$lang" review review "$replay" --at-s 600 --reveal --after-secs 2
  shot "$lang" progress play --screen progress --trainee Demo --after-secs 2
  shot "$lang" take-over review "$replay" --at-s 620 --take-over --after-secs 3
  shot "$lang" review-expert review "$replay" --at-s 900 --expert --after-secs 3
  # The expert beside a hurried demonstration: its ghost while operating (the expert runs in
  # the background first), and the debrief compared with it.
  shot "$lang" ghost play first_lesson --screen operating --autopilot --speed-kmh 1.4 --expert --camera chase --skip-to-s 120 --after-secs 12
  shot "$lang" debrief-expert play first_lesson --screen debrief --autopilot --speed-kmh 1.4 --expert --after-secs 2
  # The printable report, as a browser shows it (when Chromium is installed).
  if command -v chromium >/dev/null; then
    "$bin" --lang "$lang" report "$replay" --out "$data/$lang-report.html" >/dev/null
    echo "$out/$lang-report.png"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,2600 \
      --screenshot="$out/$lang-report.png" "file://$data/$lang-report.html" >/dev/null 2>&1
  fi
done
