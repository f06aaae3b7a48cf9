#!/bin/sh
# The pictures of the form in the clerks' instructions (tests/screens/):
# the real form on the bundled example in tmux at 100x30, each screen
# captured with its colours and drawn to a PNG by screen-png.py in
# WenQuanYi Zen Hei Mono.  Run again after the form changes, look at the
# pictures, commit them.  Needs tmux, fonts-wqy-zenhei, python3-pil.
#   tests/screenshots.sh NIANBAO [OUTDIR]
set -eu
nianbao=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
out=${2:-$here/screens}
font=/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
for need in tmux /usr/bin/python3; do
	command -v "$need" >/dev/null || { echo "screenshots: $need is missing" >&2; exit 77; }
done
[ -r "$font" ] || { echo "screenshots: $font is missing (fonts-wqy-zenhei)" >&2; exit 77; }
/usr/bin/python3 -c 'import PIL' 2>/dev/null || { echo "screenshots: python3-pil is missing" >&2; exit 77; }
work=$(mktemp -d)
socket=$work/tmux.sock
# the form writes its recovery file on the SIGHUP of kill-server: remove
# the folder once it has done so
cleanup() {
	tmux -S "$socket" kill-server 2>/dev/null
	i=0
	until rm -rf "$work" 2>/dev/null || [ $i -ge 50 ]; do
		i=$((i + 1))
		sleep 0.1
	done
}
trap cleanup EXIT
mkdir -p "$out"
cp "$here/data/example-2024.yaml" "$work/2025.yaml"
cd "$work"
SHELL=/bin/sh tmux -S "$socket" -f /dev/null new-session -d -s form -x 100 -y 30 \
	"LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color $nianbao edit 2025.yaml; sleep 600"

keys() { tmux -S "$socket" send-keys -t form "$@"; }
# wait_for TEXT: up to 5 s for TEXT on the screen, then a moment for the
# rest of the repaint.
wait_for() {
	i=0
	until tmux -S "$socket" capture-pane -t form -p | grep -qF -- "$1"; do
		i=$((i + 1))
		[ $i -lt 50 ] || { echo "screenshots: '$1' never showed" >&2; exit 1; }
		sleep 0.1
	done
	sleep 0.3
}
shot() { # NAME
	tmux -S "$socket" capture-pane -t form -p -e >"$work/$1.txt"
	/usr/bin/python3 "$here/screen-png.py" "$font" 100 30 <"$work/$1.txt" >"$out/$1.png"
	echo "$out/$1.png"
}

wait_for "F5 生成文本和PDF"
shot form-list # the list of sections, 一 selected, its text beside it
keys Down Down
keys Enter
wait_for "（本列数据的勾稽关系为"
shot form-table # table 三 with the official labels
keys Down Down
keys -l 3 # 予以公开／自然人: 12 becomes 3, and the balance breaks
wait_for "最可能有误"
shot form-error
keys Escape # the typing is undone: 12 again
wait_for "已取消本次输入"
keys F3
wait_for "已确认"
shot form-confirm # F3: section 三 confirmed, 完成 in the list
keys F1
wait_for "帮助：年报编辑的按键"
shot form-help
