#!/bin/sh
# Faults while nianbao writes: a full disk, a file-size limit, a read-only
# directory, and kill -9 in the middle of a save.  Whatever happens, the
# old file is left as it was (or, after a kill, is the complete new one),
# the clerk is told, and no temporary file is left behind by a failure.
#   fault-test.sh NIANBAO DATA_DIR
set -u
NIANBAO=$1
DATA=$2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-fault.XXXXXX")
MOUNTED=""
cleanup() {
	for m in $MOUNTED; do umount "$m" 2>/dev/null; done
	chmod -R u+w "$WORK" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
failures=0
checks=0

. "$(dirname "$0")/check-lib.sh"

cd "$DATA" || exit 1

# no_litter DIR: no temporary file of an atomic save is left in DIR
no_litter() {
	checks=$((checks + 1))
	left=$(find "$1" -maxdepth 1 -name '.*.tmp-*' | head -1)
	[ -z "$left" ] || fail "temporary file left behind: $left"
}

# limited BLOCKS COMMAND...: runs COMMAND with a file-size limit (ulimit -f)
limited() {
	blocks=$1
	shift
	(ulimit -f "$blocks" && exec "$@")
}

# --- a file-size limit: every command that writes refuses cleanly -----------
# (each output is several KB; the limit lets 1 KB through)
mkdir "$WORK/fsize"
F="$WORK/fsize"
cp seed-004.yaml "$F/old.yaml"
for cmd in "new --organ 函谷关镇人民政府 --year 2021" "import published/seed-004.txt" \
	"draft seed-004.yaml"; do
	cp seed-004.yaml "$F/out.yaml"
	# shellcheck disable=SC2086 # the command's words
	expect_status 2 limited 2 "$NIANBAO" $cmd -o "$F/out.yaml" --force
	contains "$WORK/err" "文件超过了允许的大小"
	contains "$WORK/err" "原文件没有改动"
	same "$F/out.yaml" "$F/old.yaml"
	no_litter "$F"
	# a new output is not created half-written either
	expect_status 2 limited 2 "$NIANBAO" $cmd -o "$F/fresh.yaml"
	contains "$WORK/err" "文件超过了允许的大小"
	[ ! -e "$F/fresh.yaml" ] || fail "$cmd left a partial $F/fresh.yaml"
	no_litter "$F"
done
cp seed-004.yaml "$F/render.txt"
expect_status 2 limited 2 "$NIANBAO" render seed-004.yaml --text "$F/render.txt" --force
contains "$WORK/err" "原文件没有改动"
same "$F/render.txt" "$F/old.yaml"
no_litter "$F"

# --- a full disk: a small tmpfs, where root may mount one ------------------
mkdir "$WORK/full"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=64k nianbao-full "$WORK/full" 2>/dev/null; then
	MOUNTED="$WORK/full $MOUNTED"
	cp seed-004.yaml "$WORK/full/report.yaml"
	# fill what is left of the disk
	dd if=/dev/zero of="$WORK/full/filler" bs=4k 2>/dev/null
	expect_status 2 "$NIANBAO" draft seed-000.yaml -o "$WORK/full/report.yaml" --force
	contains "$WORK/err" "磁盘空间不足"
	contains "$WORK/err" "原文件没有改动"
	same "$WORK/full/report.yaml" seed-004.yaml
	no_litter "$WORK/full"
	expect_status 2 "$NIANBAO" render seed-004.yaml --text "$WORK/full/report.yaml" --force
	contains "$WORK/err" "磁盘空间不足"
	same "$WORK/full/report.yaml" seed-004.yaml
	expect_status 2 "$NIANBAO" import published/seed-001.txt -o "$WORK/full/new.yaml"
	contains "$WORK/err" "磁盘空间不足"
	[ ! -e "$WORK/full/new.yaml" ] || fail "import left a partial file on a full disk"
	no_litter "$WORK/full"
else
	echo "fault-test: cannot mount a tmpfs here; the full disk is covered by the file-size limit only"
fi

# --- a read-only directory ---------------------------------------------------
# root ignores permissions, so it runs nianbao without its capabilities
as_clerk=""
if [ "$(id -u)" -eq 0 ]; then
	as_clerk="setpriv --bounding-set=-all --inh-caps=-all"
fi
mkdir "$WORK/ro"
cp seed-004.yaml "$WORK/ro/report.yaml"
chmod 555 "$WORK/ro"
expect_status 2 $as_clerk "$NIANBAO" draft seed-000.yaml -o "$WORK/ro/report.yaml" --force
contains "$WORK/err" "没有写入权限"
contains "$WORK/err" "原文件没有改动"
same "$WORK/ro/report.yaml" seed-004.yaml
expect_status 2 $as_clerk "$NIANBAO" new --organ 函谷关镇人民政府 --year 2021 -o "$WORK/ro/new.yaml"
contains "$WORK/err" "没有写入权限"
[ ! -e "$WORK/ro/new.yaml" ] || fail "new wrote into a read-only directory"
expect_status 2 $as_clerk "$NIANBAO" render seed-004.yaml --text "$WORK/ro/report.txt"
contains "$WORK/err" "没有写入权限"
chmod 755 "$WORK/ro"

# --- kill -9 in the middle of saving a big report --------------------------
# A report with two narratives near their limit (about 0.6 MB), so that a
# save takes long enough to be interrupted at many different moments.
mkdir "$WORK/kill"
K="$WORK/kill"
awk '{ print } /^  (overview|problems): \|$/ {
	for (i = 0; i < 900; i++)
		print "    " i "、政府信息公开工作年度报告测试文字。" \
			"主动公开依申请公开政府信息管理平台建设监督保障主动公开依申请公开政府信息管理平台建设监督保障主动公开依申请公开政府信息管理平台建设监督保障"
}' example-2024.yaml >"$K/big.yaml"
expect_status 0 "$NIANBAO" check "$K/big.yaml"
cp seed-000.yaml "$K/old.yaml"
cp "$K/old.yaml" "$K/report.yaml"
expect_status 0 "$NIANBAO" draft "$K/big.yaml" -o "$K/report.yaml" --force
cp "$K/report.yaml" "$K/new.yaml"
same_as_old=0
same_as_new=0
rounds=${NIANBAO_FAULT_KILLS:-60}
i=0
while [ $i -lt $rounds ]; do
	i=$((i + 1))
	cp "$K/old.yaml" "$K/report.yaml"
	"$NIANBAO" draft "$K/big.yaml" -o "$K/report.yaml" --force >/dev/null 2>&1 &
	pid=$!
	# a moment between 0 and about 40 ms, different each round
	sleep "0.0$(awk -v s="$i$$" 'BEGIN { srand(s); printf "%03d", rand() * 400 }')"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	checks=$((checks + 1))
	if cmp -s "$K/report.yaml" "$K/old.yaml"; then
		same_as_old=$((same_as_old + 1))
	elif cmp -s "$K/report.yaml" "$K/new.yaml"; then
		same_as_new=$((same_as_new + 1))
	else
		fail "after kill -9 (round $i) the report is neither the old nor the new file"
		cp "$K/report.yaml" "$WORK/../nianbao-fault-damaged.yaml" 2>/dev/null
	fi
	"$NIANBAO" check "$K/report.yaml" >/dev/null 2>&1
	[ $? -ne 2 ] || fail "after kill -9 (round $i) the report does not load"
done
echo "fault-test: kill -9 during a save, $rounds rounds: old file $same_as_old, new file $same_as_new"

echo "fault-test: $checks checks, $failures failures"
[ "$failures" -eq 0 ]
