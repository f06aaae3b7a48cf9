#!/bin/sh
# Drives the real form (`nianbao edit`) in tmux as a clerk would: keys go
# in with send-keys, screens come back with capture-pane.
#   tui-test.sh NIANBAO DATA_DIR
set -u
NIANBAO=$1
DATA=$2
case $NIANBAO in /*) ;; *) NIANBAO=$PWD/$NIANBAO ;; esac
case $DATA in /*) ;; *) DATA=$PWD/$DATA ;; esac
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-tui.XXXXXX")
SOCKET=
starts=0
failures=0
checks=0

cleanup() {
	[ -z "${KEEP_WORK:-}" ] || { echo "kept $WORK" >&2; return; }
	[ -z "$SOCKET" ] || tmux -S "$SOCKET" kill-server 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT

. "$(dirname "$0")/check-lib.sh"

# start COLS ROWS ARGS...: runs nianbao ARGS in a fresh tmux window, with
# TERM=$FORM_TERM (tmux-256color unless set) and the variables of $FORM_ENV.
start() {
	cols=$1
	rows=$2
	shift 2
	# a server per window: a new one never races the old one's shutdown
	[ -z "$SOCKET" ] || tmux -S "$SOCKET" kill-server 2>/dev/null
	starts=$((starts + 1))
	SOCKET="$WORK/tmux.$starts.sock"
	SHELL=/bin/sh tmux -S "$SOCKET" -f /dev/null new-session -d -s form -x "$cols" -y "$rows" \
		"${FORM_ENV:-} LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=${FORM_TERM:-tmux-256color} $NIANBAO $*; printf \"\\r\\n[exit %s]\\r\\n\" \$?; sleep 600"
	tmux -S "$SOCKET" set-option -t form remain-on-exit on >/dev/null
}

# raw HEX...: sends bytes as a terminal does (an escape sequence, say).
raw() {
	tmux -S "$SOCKET" send-keys -t form -H "$@"
}

keys() {
	tmux -S "$SOCKET" send-keys -t form "$@"
}

# type_text TEXT: sends TEXT literally, as an input method commits it.
type_text() {
	tmux -S "$SOCKET" send-keys -t form -l "$1"
}

screen() {
	tmux -S "$SOCKET" capture-pane -t form -p
}

. "$(dirname "$0")/screen-lib.sh"

file_has() {
	checks=$((checks + 1))
	grep -qF -- "$2" "$1" || { fail "$1 lacks \"$2\""; }
}

pid_of_form() {
	tmux -S "$SOCKET" list-panes -t form -F '#{pane_pid}' | head -1 |
		xargs -I{} pgrep -P {} -x nianbao
}

cd "$WORK" || exit 1

# --- without a terminal --------------------------------------------------
checks=$((checks + 1))
if "$NIANBAO" edit x.yaml </dev/null >out.txt 2>err.txt; then
	fail "edit without a terminal succeeded"
fi
grep -q "终端" err.txt || fail "edit without a terminal did not say why: $(cat err.txt)"
[ ! -e x.yaml ] || fail "edit without a terminal created x.yaml"

# --- a report from nothing, at 80x24 ---------------------------------------
start 80 24 edit new.yaml
wait_for "发布机关："
type_text "函谷关镇人民政府"
keys Enter
wait_for "报告年度："
keys BSpace BSpace BSpace BSpace
type_text "2024"
keys Enter
wait_for "函谷关镇人民政府2024年政府信息公开工作年度报告"
wait_for "已新建"
checks=$((checks + 1))
[ -f new.yaml ] || fail "new.yaml was not created"
# 一: Chinese text as an input method types it
keys Enter
type_text "2024年，函谷关镇认真贯彻落实《政府信息公开条例》。"
keys Enter
type_text "全年主动公开政府信息1700余条。"
wait_for "全年主动公开政府信息1700余条。"
wait_for "未保存"
# 三: a number breaks the balance, the next one mends it
keys C-n C-n
wait_for "三、收到和处理政府信息公开申请情况"
type_text "3"
wait_for "第一项加第二项之和（3）不等于第三项加第四项之和（0），相差 3"
# letters are refused in a number cell, with a message
type_text "x"
wait_for "这一格只能填数字"
# past the limit is refused, what was typed stays
type_text "9999999999"
wait_for "数字太大：最大为 999999999"
keys Escape
wait_for "已取消本次输入"
wait_gone "第一项加第二项之和（3）"
# type 3 into 自然人 of 一 again, then 3 into 四、结转下年度继续办理
type_text "3"
keys Enter
wait_for "相差 3"
keys NPage NPage NPage Home
type_text "3"
wait_gone "相差 3"
wait_for "四、结转下年度继续办理／自然人"
# fullwidth digits from an input method
keys Up
type_text "１"
wait_for "“三、本年度办理结果／（七）总计／自然人”为 1"
keys BSpace
wait_gone "（七）总计／自然人”为 1"
# save with Ctrl-S
keys C-s
wait_for "已保存到"
file_has new.yaml "全年主动公开政府信息1700余条。"
file_has new.yaml "new:           [3, 0, 0, 0, 0, 0, 3]"
file_has new.yaml "carried_out:   [3, 0, 0, 0, 0, 0, 3]"
checks=$((checks + 1))
"$NIANBAO" check new.yaml >check.txt || fail "the saved report does not check: $(cat check.txt)"
checks=$((checks + 1))
[ ! -e .new.yaml.recovery ] || fail "the recovery file outlived the save"

# --- reopen: everything is there; quitting with changes asks --------------
keys F10
wait_for "[exit 0]"
start 80 24 edit new.yaml
wait_for "一  填"
keys Enter
wait_for "2024年，函谷关镇认真贯彻落实《政府信息公开条例》。"
type_text "补充一句。"
keys C-q
wait_for "报告有还没有保存的修改"
keys c
wait_gone "报告有还没有保存的修改"
wait_for "补充一句。"
keys C-q
wait_for "报告有还没有保存的修改"
keys s
wait_for "[exit 0]"
file_has new.yaml "补充一句。"

# --- kill -9 in the middle: every value typed comes back ------------------
start 80 24 edit new.yaml
wait_for "一  填"
keys C-n
wait_for "二、主动公开政府信息情况"
type_text "12"
keys Tab
type_text "3"
keys Tab
type_text "9"
keys C-n
wait_for "三、收到和处理政府信息公开申请情况"
keys Down Down
type_text "2"
wait_for "（一）予以公开／自然人"
# past the second within which the recovery file is written once
sleep 2
pid=$(pid_of_form)
checks=$((checks + 1))
if [ -n "$pid" ]; then kill -9 "$pid"; else fail "no nianbao process to kill"; fi
wait_for "[exit 137]"
checks=$((checks + 1))
[ -f .new.yaml.recovery ] || fail "no recovery file after kill -9"
start 80 24 edit new.yaml
wait_for "发现未保存的内容"
keys y
wait_for "已恢复"
keys C-n
wait_for "规章"
wait_for "12            3            9"
keys C-n
wait_for "（一）予以公开"
keys C-s
wait_for "已保存到"
file_has new.yaml "regulations: {issued: 12, repealed: 3, in_force: 9}"
file_has new.yaml "granted:       [2, 0, 0, 0, 0, 0, 2]"

# --- resize: the screen is laid out again; too small says so -------------
tmux -S "$SOCKET" resize-window -t form -x 160 -y 50
wait_for "三、收到和处理政府信  "
wait_for "四、结转下年度继续办理"
tmux -S "$SOCKET" resize-window -t form -x 50 -y 12
wait_for "窗口太小"
tmux -S "$SOCKET" resize-window -t form -x 80 -y 24
wait_for "（一）予以公开"

# --- a second form on the same report is refused while the first runs ---
checks=$((checks + 1))
if script -qec "$NIANBAO edit new.yaml" /dev/null </dev/null >second.txt 2>&1; then
	fail "a second form opened new.yaml while the first had it open"
fi
grep -q "正在另一个 nianbao 窗口中编辑" second.txt || fail "the second form did not say why: $(cat second.txt)"

# --- someone else changes the file while it is open -----------------------
keys Down Down
wait_for "三、本年度办理结果／（一）予以公开／自然人"
type_text "5"
sleep 0.3
sed 's/^organ: .*/organ: 别的机关/' new.yaml >other.yaml && mv other.yaml new.yaml
keys F2
wait_for "文件已被修改"
keys n
wait_for "没有保存：文件已被他人修改"
file_has new.yaml "organ: 别的机关"
keys F2
wait_for "文件已被修改"
keys y
wait_for "已保存到"
file_has new.yaml "organ: 函谷关镇人民政府"
file_has new.yaml "granted:       [5, 0, 0, 0, 0, 0, 5]"

# --- SIGTERM writes the recovery file -------------------------------------
# typing into a cell that holds a value replaces it, as in a spreadsheet
type_text "7"
sleep 0.2
pid=$(pid_of_form)
checks=$((checks + 1))
if [ -n "$pid" ]; then kill -TERM "$pid"; else fail "no nianbao process"; fi
wait_for "[exit 143]"
file_has .new.yaml.recovery "granted:       [7, 0, 0, 0, 0, 0, 7]"

# --- help, and a render from the form -------------------------------------
start 80 24 edit new.yaml
wait_for "发现未保存的内容"
keys n
wait_for "没有恢复"
# what was not restored is kept under a name of its own, never deleted
aside=$(ls .new.yaml.recovery.2* 2>/dev/null | head -1)
checks=$((checks + 1))
[ -n "$aside" ] || fail "the recovery file that was not restored is gone"
[ -z "$aside" ] || file_has "$aside" "granted:       [7, 0, 0, 0, 0, 0, 7]"
keys F1
wait_for "帮助：年报编辑的按键"
keys Escape
wait_gone "帮助：年报编辑的按键"
keys F5
wait_for "已生成 new.txt 和 new.pdf"
file_has new.txt "函谷关镇人民政府2024年政府信息公开工作年度报告"
checks=$((checks + 1))
pdftotext new.pdf new-pdf.txt 2>/dev/null || fail "F5 wrote no readable PDF"
file_has new-pdf.txt "全年主动公开政府信息1700余条。"
keys F10
wait_for "[exit 0]"
checks=$((checks + 1))
[ ! -e .new.yaml.lock ] || fail "the lock file outlived the form"

# --- a complete, correct report from nothing, with the keyboard alone ------
start 80 24 edit full.yaml
wait_for "发布机关："
type_text "示例镇人民政府"
keys Enter
wait_for "报告年度："
keys BSpace BSpace BSpace BSpace
type_text "2025"
keys Enter
wait_for "已新建"
# 基本信息: the date it is issued
keys Home Enter
wait_for "成文日期    （未填）"
keys Down Down Enter
type_text "2026-01-20"
keys Enter
wait_for "成文日期    2026年1月20日"
# 一
keys C-n
wait_for "一、总体情况"
type_text "2025年，示例镇认真贯彻落实《中华人民共和国政府信息公开条例》。"
# each section is confirmed once it is right (F3, 确认本部分)
keys F3
wait_for "已确认“一、总体情况”"
# 二: every cell by Tab, the fee with decimals
keys C-n
wait_for "第二十条第（一）项"
for v in 1 0 5 2 1 9 30 12 2; do
	type_text "$v"
	keys Tab
done
type_text "3.5"
wait_for "3.5"
keys F3
wait_for "已确认“二、主动公开政府信息情况”"
# 三: the columns balance once the carried-over request is entered
keys C-n
wait_for "三、收到和处理政府信息公开申请情况"
type_text "4"
keys Tab
type_text "1"
keys Down Down Home
type_text "3"
keys Tab
type_text "1"
wait_for "自然人：第一项加第二项之和（4）不等于第三项加第四项之和（3）"
keys NPage NPage NPage Home
type_text "1"
wait_for "四、结转下年度继续办理／自然人"
wait_gone "相差 1"
keys F3
wait_for "已确认“三、收到和处理政府信息公开申请情况”"
# 四
keys C-n
wait_for "四、政府信息公开行政复议、行政诉讼情况"
type_text "1"
keys F3
wait_for "已确认“四、政府信息公开行政复议、行政诉讼情况”"
# 五 and 六
keys C-n
wait_for "五、存在的主要问题及改进情况"
type_text "一是公开内容还不够全面；下一步将改进解读。"
keys F3
wait_for "已确认“五、存在的主要问题及改进情况”"
keys C-n
wait_for "六、其他需要报告的事项"
type_text "本年度未收取信息处理费。"
wait_for "六  填"
keys F3
wait_for "六  完"
keys C-s
wait_for "已保存到 full.yaml"
checks=$((checks + 1))
"$NIANBAO" check full.yaml >check.txt 2>&1 || fail "the complete report does not check: $(cat check.txt)"
checks=$((checks + 1))
[ ! -s check.txt ] || fail "the complete report has warnings: $(cat check.txt)"
file_has full.yaml "issued_on: 2026-01-20"
file_has full.yaml "regulations: {issued: 1, repealed: 0, in_force: 5}"
file_has full.yaml "normative:   {issued: 2, repealed: 1, in_force: 9}"
file_has full.yaml 'fees:        "3.5000"'
file_has full.yaml "new:           [4, 1, 0, 0, 0, 0, 5]"
file_has full.yaml "total:         [3, 1, 0, 0, 0, 0, 4]"
file_has full.yaml "carried_out:   [1, 0, 0, 0, 0, 0, 1]"
file_has full.yaml "review:                  [1, 0, 0, 0, 1]"
file_has full.yaml "本年度未收取信息处理费。"
file_has full.yaml "confirmed: [overview, proactive, requests, appeals, problems, other]"

# --- a paste of a long text arrives whole; SIGHUP keeps it ---------------
long=$(i=0; while [ $i -lt 60 ]; do printf '第%d段文字，政府信息公开工作稳步推进。' $i; i=$((i + 1)); done)
keys C-p
wait_for "五、存在的主要问题及改进情况"
keys End
type_text "$long"
wait_for "第59段文字"
sleep 0.3
pid=$(pid_of_form)
checks=$((checks + 1))
if [ -n "$pid" ]; then kill -HUP "$pid"; else fail "no nianbao process"; fi
wait_for "[exit 129]"
file_has .full.yaml.recovery "下一步将改进解读。$long"

# --- $EDITOR: the text comes back from the clerk's editor ---------------
cat >editor.sh <<'EOS'
#!/bin/sh
printf '\r由外部编辑器补充的一段。\n' >>"$1"
EOS
chmod +x editor.sh
tmux -S "$SOCKET" kill-server 2>/dev/null
starts=$((starts + 1))
SOCKET="$WORK/tmux.$starts.sock"
SHELL=/bin/sh tmux -S "$SOCKET" -f /dev/null new-session -d -s form -x 80 -y 24 \
	"LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color EDITOR=$WORK/editor.sh $NIANBAO edit full.yaml; printf \"\\r\\n[exit %s]\\r\\n\" \$?; sleep 600"
wait_for "发现未保存的内容"
keys y
wait_for "已恢复"
keys C-n C-n C-n C-n
wait_for "五、存在的主要问题及改进情况"
keys C-e
wait_for "已采用外部编辑器里的文字"
keys C-s
wait_for "已保存到"
file_has full.yaml "由外部编辑器补充的一段。"
file_has full.yaml "第59段文字，政府信息公开工作稳步推进。"

# --- a published total that disagrees is shown, never overwritten ------
cp "$DATA/broken/appeals-row-sum.yaml" appeals.yaml
start 80 24 edit appeals.yaml
wait_for "四  错"
keys C-n C-n C-n
wait_for "四、政府信息公开行政复议、行政诉讼情况"
wait_for "“行政诉讼／未经复议直接起诉／总计”为 3"
wait_for "之和为 2，相差 1"
keys Down
type_text "5"
wait_for "之和为 6，相差 3"
keys BSpace
type_text "2"
wait_gone "相差"
# a total that agreed with its parts follows them
keys Up
type_text "4"
keys F2
wait_for "已保存到"
file_has appeals.yaml "review:                  [4, 1, 0, 0, 5]"
file_has appeals.yaml "litigation_direct:       [2, 0, 0, 1, 3]"

# --- typing after a save goes on where it was; pastes keep their shape ----
"$NIANBAO" new --organ 粘贴测试机关 --year 2024 -o paste.yaml >/dev/null
start 80 24 edit paste.yaml
wait_for "一  提"
keys Enter
type_text "ABCDEF"
keys C-s
wait_for "已保存到"
type_text "XYZ"
wait_for "ABCDEFXYZ"
# a bracketed paste: its tab and line break are text, not keys
type_text "$(printf '\033[200~甲甲\t乙乙\r丙丙\033[201~')"
wait_for "丙丙"
wait_for "一、总体情况"
# a paste from a terminal without markers comes as a burst: its tab is text too
type_text "$(printf '丁丁\t戊戊')"
wait_for "戊戊"
# a row pasted from a spreadsheet fills the cells across and down
keys C-n
wait_for "第二十条第（一）项"
type_text "$(printf '\033[200~3\t1\t8\n4\t0\t4\033[201~')"
wait_for "4            0            4"
# "12 34" is not 1234: the paste stops at the space, and says so
keys Down
type_text "$(printf '\033[200~12 34\033[201~')"
wait_for "粘贴的内容没有填入"
keys C-s
wait_for "已保存到"
file_has paste.yaml "ABCDEFXYZ甲甲$(printf '\t')乙乙"
file_has paste.yaml "丙丙丁丁$(printf '\t')戊戊"
file_has paste.yaml "regulations: {issued: 3, repealed: 1, in_force: 8}"
file_has paste.yaml "normative:   {issued: 4, repealed: 0, in_force: 4}"
file_has paste.yaml "licensing:   12 "
# quitting without saving keeps the file as saved, and what was typed aside
type_text "9"
keys C-q
wait_for "报告有还没有保存的修改"
keys d
wait_for "[exit 0]"
file_has paste.yaml "licensing:   12 "
checks=$((checks + 1))
ls .paste.yaml.recovery.2* >/dev/null 2>&1 || fail "what was typed before quitting without saving is gone"

# --- keys as terminals send them, under each TERM -------------------------
# Home/End in every spelling (PuTTY and tmux ESC[1~ ESC[4~, xterm ESC[H
# ESC[F and ESCOH ESCOF), Delete ESC[3~, Shift-Tab ESC[Z, Ctrl-Left
# ESC[1;5D, PuTTY's F1, F2 and F5 (ESC[11~ ESC[12~ ESC[15~; its F3
# ESC[13~ below); a marker typed after each key shows where the cursor
# went.  Esc, then typing, goes back into the narrative.
for term in xterm-256color screen-256color tmux-256color; do
	rm -f keys.yaml keys.txt keys.pdf
	"$NIANBAO" new --organ 按键测试机关 --year 2024 -o keys.yaml >/dev/null
	FORM_TERM=$term start 80 24 edit keys.yaml
	wait_for "一  提"
	keys Enter
	type_text "abc"
	wait_for "abc"
	raw 1b 5b 31 7e && type_text "1" && wait_for "1abc"
	raw 1b 5b 34 7e && type_text "4" && wait_for "1abc4"
	raw 1b 5b 48 && type_text "h" && wait_for "h1abc4"
	raw 1b 5b 46 && type_text "f" && wait_for "h1abc4f"
	raw 1b 4f 48 && type_text "H" && wait_for "Hh1abc4f"
	raw 1b 4f 46 && type_text "F" && wait_for "Hh1abc4fF"
	raw 1b 5b 31 7e 1b 5b 33 7e && wait_for "h1abc4fF"
	wait_gone "Hh1abc4fF"
	keys Escape
	wait_for "打字 接着填写"
	type_text "Z"
	wait_for "Zh1abc4fF"
	raw 1b 5b 31 31 7e
	wait_for "帮助：年报编辑的按键"
	wait_for "【在目录（左边的部分列表）中】"
	keys Escape
	wait_gone "帮助：年报编辑的按键"
	# typing at the end of a narrative stays in it: Tab and Down do not
	# leave the section, so the next section never gets the text
	keys End Tab
	wait_for "已在本部分末尾"
	keys Down
	type_text "尾"
	wait_for "Zh1abc4fF尾"
	# Ctrl-Left (ESC[1;5D) moves back one word: the run of Han characters
	raw 1b 5b 31 3b 35 44
	type_text "-"
	wait_for "Zh1abc4fF-尾"
	keys C-n
	wait_for "第二十条第（一）项"
	keys Tab
	raw 1b 5b 5a
	type_text "7"
	raw 1b 5b 31 32 7e
	wait_for "已保存到"
	file_has keys.yaml "Zh1abc4fF-尾"
	file_has keys.yaml "regulations: {issued: 7, repealed: 0, in_force: 0}"
	raw 1b 5b 31 35 7e
	wait_for "已生成 keys.txt 和 keys.pdf"
	file_has keys.yaml "overview: |"
	checks=$((checks + 1))
	grep -q "problems: .*尾" keys.yaml && fail "typing spilled into 五 under $term"
	keys F10
	wait_for "[exit 0]"
done

# --- a wide terminal shows the whole headings --------------------------
start 160 50 edit full.yaml
wait_for "三、收到和处理政府信  完成"
wait_for "     息公开申请情况"
wait_for "六、其他需要报告的事  完成"
keys F10
wait_for "[exit 0]"

# --- F5 says what keeps the report from being signed, as sign does ------
"$NIANBAO" draft "$DATA/seed-000.yaml" -o next.yaml >/dev/null 2>&1
start 120 30 edit next.yaml
wait_for "总体情况"
keys F5
wait_for "已生成 next.txt 和 next.pdf；还不是定稿，签名会被拒绝，先改正这 "
wait_for "1. 报告还标着草稿（draft: true）"
keys F10
wait_for "[exit 0]"
cp "$DATA/example-2024.yaml" final.yaml
start 120 30 edit final.yaml
wait_for "总体情况"
keys F5
wait_for "已生成 final.txt 和 final.pdf，是可以签名的定稿"
keys F10
wait_for "[exit 0]"

# --- the narrative against the tables, live; F6 acknowledges the warning --
cp "$DATA/example-2024.yaml" ack.yaml
start 160 40 edit ack.yaml
wait_for "一、总体情况"
keys Enter
type_text "全年共收到政府信息公开申请40件。"
wait_for "但表格中“一、本年新收政府信息公开申请数量／总计”为 36"
wait_for "提1"
keys F6
wait_for "核实这条警告"
type_text "含上级转办4件"
keys BSpace
type_text "件，已核对"
keys Enter
wait_for "已标为已核实：含上级转办4件，已核对"
# still shown, marked, and no longer counted against the section (已填, not 提:
# 完成 waits for the clerk's confirmation)
wait_for "为 36（已核实：含上级转办4件"
wait_for "一、总体情况          已填"
keys F2
wait_for "已保存到"
file_has ack.yaml "acknowledged:"
file_has ack.yaml "  - {rule: text.numbers, path: text.overview, reason: 含上级转办4件，已核对, value: \"#"
keys F10
wait_for "[exit 0]"
"$NIANBAO" check ack.yaml >ack.out 2>&1
file_has ack.out "为 36（已核实：含上级转办4件，已核对） [text.numbers]"
# an error is not acknowledged
cp "$DATA/broken/appeals-row-sum.yaml" ack-error.yaml
start 80 24 edit ack-error.yaml
wait_for "四  错"
keys C-n C-n C-n
wait_for "四、政府信息公开行政复议、行政诉讼情况"
keys Down
wait_for "之和为 2，相差 1"
keys F6
wait_for "不能标为已核实"
keys F10
wait_for "[exit 0]"

# --- a section is 完成 once confirmed, an all-zero one too -----------------
"$NIANBAO" new --organ 确认测试机关 --year 2024 -o zero.yaml >/dev/null
start 80 24 edit zero.yaml
wait_for "四  空"
keys C-n C-n C-n
wait_for "四、政府信息公开行政复议、行政诉讼情况"
raw 1b 5b 31 33 7e
wait_for "已确认“四、政府信息公开行政复议、行政诉讼情况”"
wait_for "四  完"
keys C-s
wait_for "已保存到"
file_has zero.yaml "confirmed: [appeals]"
# a change takes the confirmation back; a broken section cannot be confirmed
type_text "2"
wait_for "四  填"
keys C-p
wait_for "三、收到和处理政府信息公开申请情况"
type_text "3"
wait_for "三  错"
# a first value in an empty cell is not blamed: the rest is still to fill
wait_for "最可能有误的是“四、结转下年度继续办理／自然人”"
checks=$((checks + 1))
screen | grep -q "刚填的" && fail "a first value typed was blamed"
keys C-o
wait_for "改正后才能确认"
keys F10
wait_for "报告有还没有保存的修改"
keys d
wait_for "[exit 0]"
start 80 24 edit zero.yaml
wait_for "四  完"
keys F10
wait_for "[exit 0]"

# --- undo (Ctrl-Z), delete a paragraph (Ctrl-K), to its start (Ctrl-U) ----
"$NIANBAO" new --organ 撤销测试机关 --year 2024 -o undo.yaml >/dev/null
start 80 24 edit undo.yaml
wait_for "一  提"
keys Enter
type_text "第一段"
keys Enter
type_text "第二段文字"
wait_for "第二段文字"
keys C-u
wait_gone "第二段文字"
keys C-z
wait_for "第二段文字"
keys Up C-k
wait_gone "第一段"
wait_for "第二段文字"
keys C-z
wait_for "第一段"
# the typing (with its line break) was one run: one more undo takes it all
keys C-z
wait_gone "第二段文字"
wait_gone "第一段"
keys C-n
wait_for "第二十条第（一）项"
type_text "12"
keys Tab
type_text "5"
wait_for "12            5"
keys C-z
wait_for "已撤销对"
keys C-s
wait_for "已保存到"
file_has undo.yaml "regulations: {issued: 12, repealed: 0, in_force: 0}"
keys C-z
wait_for "已撤销对"
keys C-s
wait_for "已保存到"
file_has undo.yaml "regulations: {issued: 0, repealed: 0, in_force: 0}"
checks=$((checks + 1))
grep -q "第.段" undo.yaml && fail "undo left text in undo.yaml"
keys C-z
wait_for "本部分没有可以撤销的修改"
# Ctrl-Y does again what was undone, newest first
keys C-y
wait_for "已重做对"
keys C-s
wait_for "已保存到"
file_has undo.yaml "regulations: {issued: 12, repealed: 0, in_force: 0}"
keys C-y
wait_for "12            5"
keys C-y
wait_for "本部分没有可以重做的修改"
keys F10
wait_for "报告有还没有保存的修改"
keys d
wait_for "[exit 0]"

# --- numbers and dates as people write them --------------------------------
"$NIANBAO" new --organ 输入测试机关 --year 2024 -o input.yaml >/dev/null
start 80 24 edit input.yaml
wait_for "一  提"
keys C-n
wait_for "第二十条第（一）项"
type_text "$(printf '\033[200~1,234\033[201~')"
keys Tab
type_text "$(printf '\033[200~1 234\033[201~')"
keys Tab
type_text "$(printf '\033[200~１，２３４件\033[201~')"
wait_for "1234         1234         1234"
keys Down Down Down Down Down
wait_for "行政事业性收费"
type_text "$(printf '\033[200~5000元\033[201~')"
wait_for "金额只填数字（单位已是万元）：“5000元”没有填入"
type_text "$(printf '\033[200~1,234.5\033[201~')"
wait_for "1234.5"
keys C-p C-p
wait_for "成文日期    （未填）"
keys Down Down
for d in "2024/2/3:2024年2月3日" "2024.3.4:2024年3月4日" "2024-04-05:2024年4月5日" \
	"２０２４年６月７日:2024年6月7日" "2024年1月18日:2024年1月18日"; do
	keys Enter BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace \
		BSpace BSpace BSpace BSpace BSpace BSpace
	type_text "${d%%:*}"
	keys Enter
	wait_for "成文日期    ${d#*:}"
done
keys Enter BSpace BSpace
type_text "32日"
keys Enter
wait_for "并且是真实的"
keys Escape
keys C-s
wait_for "已保存到"
file_has input.yaml "issued_on: 2024-01-18"
file_has input.yaml "regulations: {issued: 1234, repealed: 1234, in_force: 1234}"
file_has input.yaml 'fees:        "1234.5000"'
keys F10
wait_for "[exit 0]"

# --- hints point at the cell most likely wrong, not always at 结转 -------
start 80 24 edit full.yaml
wait_for "三  完"
keys C-n C-n
wait_for "三、收到和处理政府信息公开申请情况"
keys Down Down
wait_for "（一）予以公开／自然人"
type_text "5"
wait_for "刚填的“三、本年度办理结果／（一）予以公开／自然人”最可能有误（为"
wait_for "3 即可相符"
keys F10
wait_for "报告有还没有保存的修改"
keys d
wait_for "[exit 0]"
sed 's/^  new:           \[4, 1,/  new:           [6, 1,/' full.yaml >hint.yaml
start 80 24 edit hint.yaml
wait_for "三  错"
keys C-n C-n
wait_for "三、收到和处理政府信息公开申请情况"
wait_for "最可能有误的是“一、本年新收政府信息公开申请数量／自然人”"
wait_for "为 4 即可相符"
keys F10
wait_for "[exit 0]"

# --- no $VISUAL or $EDITOR: nano where installed, else `editor` ----------
mkdir -p bin-nano bin-editor
for e in bin-nano/nano bin-nano/editor bin-editor/vim; do
	printf '#!/bin/sh\nprintf "由%s写的一段。" >>"$1"\n' "${e#*/}" >"$e"
	chmod +x "$e"
done
ln -s vim bin-editor/editor
"$NIANBAO" new --organ 编辑器测试机关 --year 2024 -o editors.yaml >/dev/null
FORM_ENV="PATH=$WORK/bin-nano VISUAL= EDITOR="
start 80 24 edit editors.yaml
FORM_ENV=
wait_for "一  提"
keys Enter C-e
wait_for "将运行系统默认的编辑器 nano。"
wait_for "写完按 Ctrl-X，再按 Y 和回车"
keys Enter
wait_for "已采用外部编辑器里的文字"
wait_for "由nano写的一段。"
keys C-s
wait_for "已保存到"
file_has editors.yaml "由nano写的一段。"
keys F10
wait_for "[exit 0]"
FORM_ENV="PATH=$WORK/bin-editor VISUAL= EDITOR="
start 80 24 edit editors.yaml
FORM_ENV=
wait_for "一  填"
keys Enter C-e
wait_for "将运行系统默认的编辑器 vim（$WORK/bin-editor/vim）。"
wait_for "再输入 :wq 回车"
keys Enter
wait_for "已采用外部编辑器里的文字"
wait_for "由nano写的一段。由vim写的一段。"
keys F10
wait_for "报告有还没有保存的修改"
keys d
wait_for "[exit 0]"

# --- F1 says what the part asks; the title line counts to 31 January -----
"$NIANBAO" new --organ 期限测试机关 --year 2024 -o deadline.yaml >/dev/null
FORM_ENV=SOURCE_DATE_EPOCH=1736294400
start 100 30 edit deadline.yaml
wait_for "距 1月31日 还有 23 天  已保存"
keys Down Down
keys F1
wait_for "帮助：年报编辑的按键"
wait_for "三、收到和处理政府信息公开申请情况：按申请人情况分列本年新收"
wait_for "年度报告须于2025年1月31日前向社会公布（《政府信息公开条例》第五十条）。"
# the key list follows, from the key table
wait_for "【在目录（左边的部分列表）中】"
keys Escape
wait_gone "帮助：年报编辑的按键"
keys Home F1
wait_for "基本信息：发布机关写全称"
keys Escape
keys F10
wait_for "[exit 0]"
FORM_ENV=SOURCE_DATE_EPOCH=1738540800
start 100 30 edit deadline.yaml
wait_for "已过期 3 天  已保存"
keys F10
wait_for "[exit 0]"
# a help.yaml of its own must have every key, else the form does not start
mkdir -p own-templates
printf 'basic: "只有这一条"\n' >own-templates/help.yaml
FORM_ENV=NIANBAO_TEMPLATES_DIR=$WORK/own-templates
start 100 30 edit deadline.yaml
FORM_ENV=
wait_for "own-templates/help.yaml:1:1: 缺少模板“overview”"
wait_for "[exit 2]"

# --- F7 puts the sentence of templates/sentences.yaml, from the tables -----
cp "$DATA/example-2024.yaml" sentence.yaml
start 100 30 edit sentence.yaml
wait_for "一、总体情况"
keys Enter
keys F7
wait_for "本年度共收到政府信息公开申请36件"
wait_for "上年结转2件"
wait_for "未保存"
keys F2
wait_for "已保存到"
file_has sentence.yaml "本年度共收到政府信息公开申请36件，上年结转2件，结转下年度继续办理2件；本年制发行政规范性文件6件，现行有效41件。"
# 五 has none, and the message line says so
keys Escape Down Down Down Down Enter
keys F7
wait_for "这一部分没有由表格生成的句子"
keys F10
wait_for "[exit 0]"

# --- the recovery file: once a second while typing, always at the end -----
"$NIANBAO" new --organ 节流测试机关 --year 2024 -o throttle.yaml >/dev/null
start 80 24 edit throttle.yaml
wait_for "一  提"
keys Enter
type_text "第一句"
sleep 0.2
type_text "第二句"
wait_for "第一句第二句"
# past the window, what was typed is in the file, though no key came since
sleep 2.5
pid=$(pid_of_form)
checks=$((checks + 1))
if [ -n "$pid" ]; then kill -9 "$pid"; else fail "no nianbao process to kill"; fi
wait_for "[exit 137]"
file_has .throttle.yaml.recovery "第一句第二句"
# a signal right after typing still writes it, and says so
start 80 24 edit throttle.yaml
wait_for "发现未保存的内容"
keys y
wait_for "已恢复"
keys Enter
type_text "第三句"
wait_for "第三句"
pid=$(pid_of_form)
checks=$((checks + 1))
if [ -n "$pid" ]; then kill -TERM "$pid"; else fail "no nianbao process"; fi
wait_for "[exit 143]"
wait_for "未保存的内容已写入恢复文件"
file_has .throttle.yaml.recovery "第三句"
# and so does quitting right after typing
start 80 24 edit throttle.yaml
wait_for "发现未保存的内容"
keys y
wait_for "已恢复"
keys Enter
type_text "第四句"
keys C-q
wait_for "报告有还没有保存的修改"
keys d
wait_for "[exit 0]"
checks=$((checks + 1))
grep -l "第四句" .throttle.yaml.recovery.2* >/dev/null 2>&1 ||
	fail "what was typed right before quitting is not in the recovery file set aside"

echo "tui-test: $checks checks, $failures failed"
[ "$failures" -eq 0 ]
