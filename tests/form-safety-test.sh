#!/bin/sh
# The form never loses work and never lies about it, driven in tmux as a
# clerk would, as an unprivileged user (root ignores file permissions):
# read-only reports and folders (只读, 另存为, the work kept on quitting),
# recovery files that cannot be written, dated copies of unsaved work,
# an external editor that dies, and kill -9 while a field of 基本信息 is
# typed but not confirmed.
#   form-safety-test.sh NIANBAO DATA_DIR
set -u
NIANBAO=$1
DATA=$2
case $NIANBAO in /*) ;; *) NIANBAO=$PWD/$NIANBAO ;; esac
case $DATA in /*) ;; *) DATA=$PWD/$DATA ;; esac
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-safety.XXXXXX")
chmod 755 "$WORK"
AS_CLERK=
if [ "$(id -u)" -eq 0 ]; then
	command -v setpriv >/dev/null || { echo "form-safety-test: setpriv missing" >&2; exit 1; }
	AS_CLERK="setpriv --reuid=65534 --regid=65534 --clear-groups"
	chown 65534:65534 "$WORK"
fi
failures=0
checks=0
. "$(dirname "$0")/check-lib.sh"
. "$(dirname "$0")/form-lib.sh"

cleanup() {
	[ -z "${KEEP_WORK:-}" ] || { echo "kept $WORK" >&2; return; }
	form_stop
	chmod -R u+w "$WORK" 2>/dev/null
	rm -rf "$WORK" "$WORK.program"
}
trap cleanup EXIT
if [ -n "$AS_CLERK" ]; then
	clerk_copies "$WORK.program"
	cp -R "$DATA" "$WORK.program/data" # the clerk copies from it
	chmod -R a+rX "$WORK.program/data"
	DATA=$WORK.program/data
fi

# clerk CMD...: runs CMD as the clerk, in WORK.
clerk() {
	(cd "$WORK" && $AS_CLERK env HOME="$WORK/home" "$@")
}

title_has() {
	checks=$((checks + 1))
	screen | head -1 | grep -qF -- "$1" || fail "the title line lacks \"$1\": $(screen | head -1)"
}

title_lacks() {
	checks=$((checks + 1))
	! screen | head -1 | grep -qF -- "$1" || fail "the title line has \"$1\": $(screen | head -1)"
}

check() {
	checks=$((checks + 1))
	eval "$1" || fail "$2"
}

cd "$WORK" || exit 1
clerk mkdir -p home ro rw
clerk cp "$DATA/example-2024.yaml" ro/report.yaml
clerk cp "$DATA/example-2024.yaml" rw/locked.yaml
clerk chmod 555 ro
clerk chmod 444 rw/locked.yaml
STATE="$WORK/home/.local/state/nianbao"

# --- a report in a read-only folder: 只读, F2 is 另存为 ------------------------
form_start 100 30 "" edit ro/report.yaml
wait_for "示例县人民政府2024年"
title_has "只读 已保存"
# a change: the recovery file goes to the state folder
keys Down Down Down Down Enter
type_text "改"
wait_for "只读 未保存"
sleep 0.3
check 'ls "$STATE"/report.yaml.*.recovery >/dev/null 2>&1' \
	"no recovery file in $STATE for a report in a read-only folder"
keys F2
wait_for "另存为（原文件是只读的）"
wait_for "文件名： $WORK/report.yaml"
# an existing file is refused unless the clerk says yes
clerk cp "$DATA/seed-004.yaml" report.yaml
keys Enter
wait_for "已经存在"
keys n
wait_for "另存为（换一个文件名）"
check 'cmp -s report.yaml "$DATA/seed-004.yaml"' "另存为 replaced an existing file without asking"
keys C-u # the suggestion goes, as in a shell
type_text "副本.yaml"
keys Enter
wait_for "已另存到 副本.yaml"
title_lacks "只读"
title_has "已保存"
check 'grep -q "改" 副本.yaml' "副本.yaml lacks the change"
check 'cmp -s ro/report.yaml "$DATA/example-2024.yaml"' "the read-only report changed"
check '! ls "$STATE"/report.yaml.*.recovery >/dev/null 2>&1' \
	"the recovery file outlived 另存为"
# from now on F2 saves there
type_text "再"
keys F2
wait_for "已保存到 副本.yaml"
check 'grep -q "再" 副本.yaml' "F2 after 另存为 did not save to the new file"
keys F10
wait_for "[exit 0]"

# --- quitting with unsaved work keeps it in the state folder, and says where
form_start 100 30 "" edit ro/report.yaml
wait_for "只读 已保存"
keys Down Down Down Down Enter
type_text "留下"
wait_for "只读 未保存"
keys F10
wait_for "报告是只读的"
wait_for "[A] 另存为后退出"
keys q
wait_for "[exit 0]"
wait_for "未保存的内容留在 $STATE/report.yaml."
kept=$(ls "$STATE"/report.yaml.*.recovery.2* 2>/dev/null | head -1)
check '[ -n "$kept" ] && grep -q "留下" "$kept"' "the work of a read-only report was not kept"
check 'cmp -s ro/report.yaml "$DATA/example-2024.yaml"' "the read-only report changed"

# --- a new report in a read-only folder: said where its content is ---------
form_start 100 30 "" edit ro/new.yaml --organ 某镇 --year 2024
wait_for "新文件没能保存：无法写入 ro/new.yaml：没有写入权限"
wait_for "（内容在恢复文件 "
check 'ls "$STATE"/new.yaml.*.recovery >/dev/null 2>&1' "the new report's content is not in $STATE"
title_has "只读 未保存"
keys F10
wait_for "[Q] 退出，修改留在恢复文件"
keys q
wait_for "[exit 0]"
check '[ ! -e ro/new.yaml ]' "a new report appeared in a read-only folder"
# spelt another way, the same report has the same recovery file
form_start 100 30 "" edit "$WORK/ro/../ro/new.yaml" --organ 某镇 --year 2024
wait_for "（内容在恢复文件 "
pid=$(pid_of_form)
if [ -n "$pid" ]; then $AS_CLERK kill -TERM "$pid"; else fail "no nianbao process"; fi
wait_for "[exit 143]"
check '[ "$(ls "$STATE" | grep "^new\.yaml\." | cut -d. -f3 | sort -u | wc -l)" -eq 1 ]' \
	"two spellings of one report have two recovery files: $(ls "$STATE")"

# --- a read-only file in a writable folder: never replaced by a save -----------
form_start 100 30 "" edit rw/locked.yaml
wait_for "只读 已保存"
keys Down Down Down Down Enter
type_text "锁"
keys C-s
wait_for "另存为（原文件是只读的）"
keys Escape
wait_for "没有另存"
keys F10
wait_for "[A] 另存为后退出"
keys a
wait_for "另存为（原文件是只读的）"
keys C-u
type_text "rw/unlocked.yaml"
keys Enter
wait_for "[exit 0]"
check 'grep -q "锁" rw/unlocked.yaml' "另存为 then quit did not save"
check 'cmp -s rw/locked.yaml "$DATA/example-2024.yaml"' "the read-only file changed"

# --- the recovery file cannot be written: said, retried, and never claimed ---
clerk mkdir fold
clerk cp "$DATA/example-2024.yaml" fold/report.yaml
form_start 100 30 "" edit fold/report.yaml
wait_for "示例县人民政府2024年"
keys Down Down Down Down Enter
type_text "一"
wait_for "未保存"
sleep 0.3
check '[ -f fold/.report.yaml.recovery ]' "no recovery file after a change"
clerk rm fold/.report.yaml.recovery
clerk chmod 555 fold
type_text "二"
wait_for "没能写入恢复文件"
title_has "恢复文件写入失败"
# the next change tries again, and says when it worked
clerk chmod 755 fold
type_text "三"
wait_for "未保存的内容已写入恢复文件"
title_lacks "恢复文件写入失败"
check 'grep -q "一二三" fold/.report.yaml.recovery' "the retried recovery file lacks the changes"
# the folder removed while the report is open: said, and retried
clerk mv fold fold.away
type_text "五"
wait_for "没能写入恢复文件"
title_has "恢复文件写入失败"
clerk mv fold.away fold
type_text "六"
wait_for "未保存的内容已写入恢复文件"
check 'grep -q "一二三五六" fold/.report.yaml.recovery' "the recovery file lacks what was typed meanwhile"
# killed while the recovery file cannot be written: not claimed as kept
clerk chmod 555 fold
clerk rm -f fold/.report.yaml.recovery 2>/dev/null
type_text "四"
wait_for "没能写入恢复文件"
pid=$(pid_of_form)
if [ -n "$pid" ]; then $AS_CLERK kill -TERM "$pid"; else fail "no nianbao process"; fi
wait_for "[exit 143]"
wait_for "没能写入恢复文件"
checks=$((checks + 1))
! screen | grep -qF "未保存的内容已写入恢复文件" || fail "SIGTERM claimed a recovery file it did not write"
clerk chmod 755 fold

# --- dated copies of unsaved work do not pile up unseen ---------------------
clerk mkdir pile
clerk cp "$DATA/example-2024.yaml" pile/report.yaml
for stamp in 20250101-080000 20250102-080000 20250103-080000 20250104-080000 20250105-080000; do
	clerk cp "$DATA/example-2024.yaml" "pile/.report.yaml.recovery.$stamp"
done
clerk touch pile/.report.yaml.recovery.notes # not one of ours
form_start 100 30 "" edit pile/report.yaml
wait_for "这个报告有 5 份以前没有保存的内容，最早的 2 份是："
wait_for ".report.yaml.recovery.20250101-080000"
wait_for ".report.yaml.recovery.20250102-080000"
wait_for "[D] 删除这 2 份（留下最近的 3 份）"
keys k
wait_for "以前没有保存的内容都留着：5 份"
keys F10
wait_for "[exit 0]"
check '[ "$(ls pile/.report.yaml.recovery.2* | wc -l)" -eq 5 ]' "K removed a copy"
form_start 100 30 "" edit pile/report.yaml
wait_for "最早的 2 份是："
keys d
wait_for "删除了 2 份以前没有保存的内容，留下最近的 3 份"
keys F10
wait_for "[exit 0]"
check '[ "$(ls pile/.report.yaml.recovery.2* | wc -l)" -eq 3 ]' "D did not leave 3 copies"
check '[ ! -e pile/.report.yaml.recovery.20250102-080000 ] && [ -e pile/.report.yaml.recovery.20250103-080000 ]' \
	"D removed other copies than the oldest"
check '[ -e pile/.report.yaml.recovery.notes ]' "a file that is not a dated copy was removed"
# at most three: said in the message line, nothing asked
form_start 100 30 "" edit pile/report.yaml
wait_for "这个报告还有 3 份以前没有保存的内容，最近一份是"
wait_for ".report.yaml.recovery.20250105-080000"
keys F10
wait_for "[exit 0]"

# --- an external editor that dies leaves the narrative as it was ------------
clerk mkdir -p ed bin
clerk cp "$DATA/example-2024.yaml" ed/report.yaml
cat >"$WORK/bin/killed-editor" <<'EOS'
#!/bin/sh
printf '编辑器写了一半\n第二行\n' >"$1"
kill -9 $$
EOS
cat >"$WORK/bin/failing-editor" <<'EOS'
#!/bin/sh
exit 3
EOS
cat >"$WORK/bin/nano" <<'EOS'
#!/bin/sh
printf '默认编辑器写的。\n' >>"$1"
EOS
chmod 755 "$WORK/bin/killed-editor" "$WORK/bin/failing-editor" "$WORK/bin/nano"
form_start 100 30 "EDITOR=$WORK/bin/killed-editor" edit ed/report.yaml
wait_for "示例县人民政府2024年"
keys Down Down Down Down Enter
keys C-e
wait_for "外部编辑器异常结束"
wait_for "外部编辑器被信号 9"
wait_for "表单里的文字保持原样"
wait_for "编辑器写了一半"
wait_for "[Y] 采用这些内容   [N] 不采用（留在 /tmp/nianbao-text-"
keys n
wait_for "外部编辑器写的内容没有采用；它留在 /tmp/nianbao-text-"
wait_for "一是部分单位主动公开意识有待增强"
title_has "已保存"
left=$(screen | sed -n 's/.*它留在 \(\/tmp\/nianbao-text-[A-Za-z0-9]*\.txt\).*/\1/p' | head -1)
check '[ -n "$left" ] && grep -q "编辑器写了一半" "$left"' "the editor's text was not left in its file"
[ -z "$left" ] || rm -f "$left"
# asked again, the clerk takes it
keys F4
wait_for "外部编辑器异常结束"
keys y
wait_for "已采用外部编辑器里的文字"
wait_for "编辑器写了一半"
title_has "未保存"
keys F10
wait_for "报告有还没有保存的修改"
keys d
wait_for "[exit 0]"
check 'cmp -s ed/report.yaml "$DATA/example-2024.yaml"' "the report changed without a save"
# a failing editor that wrote nothing: nothing to offer
form_start 100 30 "EDITOR=$WORK/bin/failing-editor" edit ed/report.yaml
wait_for "示例县人民政府2024年"
keys Down Down Down Down Enter
keys C-e
wait_for "外部编辑器以退出码 3 结束；文字没有改动"
title_has "已保存"
keys F10
wait_for "[exit 0]"
# no $VISUAL or $EDITOR: the form says which editor runs and how to leave it;
# nano, where installed, comes before the `editor` alternative
clerk ln -s vim.basic "$WORK/bin/editor"
form_start 100 30 "PATH=$WORK/bin:/usr/bin:/bin" edit ed/report.yaml
wait_for "示例县人民政府2024年"
keys Down Down Down Down Enter
keys C-e
wait_for "没有设置 VISUAL 或 EDITOR 环境变量。"
wait_for "将运行系统默认的编辑器 nano。"
wait_for "写完按 Ctrl-X"
keys Escape
wait_for "没有启动外部编辑器"
keys C-e
wait_for "[Enter] 启动编辑器"
keys Enter
wait_for "已采用外部编辑器里的文字"
wait_for "编辑器写的。"
keys F10
wait_for "报告有还没有保存的修改"
keys d
wait_for "[exit 0]"
# without nano, the alternative
clerk mv "$WORK/bin/nano" "$WORK/bin/vim.basic"
form_start 100 30 "PATH=$WORK/bin:/usr/bin:/bin" edit ed/report.yaml
wait_for "示例县人民政府2024年"
keys Down Down Down Down Enter
keys C-e
wait_for "将运行系统默认的编辑器 vim.basic（$WORK/bin/vim.basic）。"
wait_for "再输入 :wq 回车"
keys Escape
keys F10
wait_for "[exit 0]"

# --- organ, year and 成文日期 typed without Enter survive kill -9 -------------
clerk mkdir basics
clerk cp "$DATA/example-2024.yaml" basics/report.yaml
# kill9 FIELD_DOWNS TEXT: types TEXT into a field of 基本信息, unconfirmed,
# and kills the form
kill9() {
	form_start 100 30 "" edit basics/report.yaml
	wait_for "示例县人民政府2024年"
	keys Up Enter # the list's first entry is 基本信息
	wait_for "报告所属的年度"
	[ "$1" -eq 0 ] || keys Down
	[ "$1" -le 1 ] || keys Down
	keys Enter
	# the year and the date are typed anew, the organ goes on
	[ "$1" -eq 0 ] || keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
	type_text "$2"
	wait_for "$2"
	sleep 2 # past the second within which the recovery file is written once
	pid=$(pid_of_form)
	if [ -n "$pid" ]; then $AS_CLERK kill -9 "$pid"; else fail "no nianbao process to kill"; fi
	wait_for "[exit 137]"
}
kill9 0 "（筹）"
check 'grep -q "^organ: 示例县人民政府（筹）" basics/.report.yaml.recovery' \
	"an organ typed without Enter did not survive kill -9: $(grep organ basics/.report.yaml.recovery 2>&1)"
clerk rm -f basics/.report.yaml.recovery
kill9 1 "２０２３"
check 'grep -q "^year: 2023" basics/.report.yaml.recovery' \
	"a year typed without Enter did not survive kill -9: $(grep year basics/.report.yaml.recovery 2>&1)"
clerk rm -f basics/.report.yaml.recovery
kill9 2 "2025-02-03"
check 'grep -q "^issued_on: 2025-02-03" basics/.report.yaml.recovery' \
	"a date typed without Enter did not survive kill -9: $(grep issued basics/.report.yaml.recovery 2>&1)"
# the next start offers it; Esc while typing puts back the value from before
clerk rm -f basics/.report.yaml.recovery
form_start 100 30 "" edit basics/report.yaml
wait_for "示例县人民政府2024年"
keys Up Enter
wait_for "报告所属的年度"
keys Enter
type_text "甲乙"
wait_for "示例县人民政府甲乙2024年"
keys Escape
wait_for "示例县人民政府2024年"
sleep 2
check 'grep -q "^organ: 示例县人民政府 " basics/.report.yaml.recovery' \
	"Esc did not put the organ back in the recovery file"
keys F10
wait_for "报告有还没有保存的修改"
keys d
wait_for "[exit 0]"
check 'cmp -s basics/report.yaml "$DATA/example-2024.yaml"' "the report changed without a save"

echo "form-safety-test: $checks checks, $failures failed"
[ "$failures" -eq 0 ]
