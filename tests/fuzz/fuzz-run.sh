#!/bin/sh
# Builds the libFuzzer targets with clang (ASan + UBSan) in their own build
# directory and runs each on its corpus for SECONDS, one after the other:
#   fuzz-run.sh SOURCE_DIR BUILD_DIR SECONDS [TARGET...]
# TARGET is report_load, form, import, rules, pdf or render (default: all).  New
# inputs go to BUILD_DIR/corpus/TARGET, crashes to BUILD_DIR/artifacts;
# the kept corpora in tests/fuzz/corpus are only read.  With "minimise" for
# SECONDS, the kept corpus of each TARGET is replaced by the fewest inputs
# that cover the same edges as it and the new inputs together.  Exits 77
# (skipped) when clang or its libFuzzer runtime is missing.
set -u
SRC=$1
BUILD=$2
SECONDS_EACH=$3
shift 3
TARGETS=${*:-report_load form import rules pdf render}

if ! command -v clang >/dev/null 2>&1; then
	echo "fuzz: skipped, clang is not installed (Debian: clang libclang-rt-14-dev)"
	exit 77
fi
mkdir -p "$BUILD/artifacts"
probe="$BUILD/probe.c"
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' >"$probe"
if ! clang -fsanitize=fuzzer,address,undefined "$probe" -o "$BUILD/probe" 2>"$BUILD/probe.log"; then
	echo "fuzz: skipped, clang cannot link libFuzzer (Debian: libclang-rt-14-dev)"
	exit 77
fi

log="$BUILD/build.log"
if ! { cmake -S "$SRC" -B "$BUILD" -DCMAKE_C_COMPILER=clang -DNIANBAO_FUZZ=ON \
	-DCMAKE_BUILD_TYPE=RelWithDebInfo -DNIANBAO_WERROR=ON &&
	for t in $TARGETS; do cmake --build "$BUILD" -j 2 --target "fuzz_$t" || exit 1; done; } \
	>"$log" 2>&1; then
	cat "$log"
	echo "fuzz: the clang build failed (log above)"
	exit 1
fi

# the PDF target also signs what it can, with a throwaway elliptic-curve key
if [ ! -f "$BUILD/keys/ec-key.pem" ]; then
	sh "$SRC/tests/make-sign-keys.sh" "$BUILD/keys" >/dev/null || exit 1
fi
export NIANBAO_FUZZ_KEYS="$BUILD/keys"
export LSAN_OPTIONS="suppressions=$SRC/tests/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

if [ "$SECONDS_EACH" = minimise ]; then
	for t in $TARGETS; do
		kept="$SRC/tests/fuzz/corpus/$t"
		rm -rf "$BUILD/minimised/$t"
		mkdir -p "$BUILD/minimised/$t" "$BUILD/corpus/$t"
		"$BUILD/tests/fuzz/fuzz_$t" -set_cover_merge=1 -use_counters=0 "$BUILD/minimised/$t" \
			"$kept" "$BUILD/corpus/$t" >"$BUILD/$t-minimise.log" 2>&1 || exit 1
		rm -f "$kept"/*
		cp "$BUILD/minimised/$t"/* "$kept/"
		echo "fuzz: $t corpus: $(ls "$kept" | wc -l) inputs, $(cat "$kept"/* | wc -c) bytes"
	done
	exit 0
fi

status=0
for t in $TARGETS; do
	mkdir -p "$BUILD/corpus/$t"
	echo "fuzz: $t for ${SECONDS_EACH}s"
	if ! "$BUILD/tests/fuzz/fuzz_$t" -max_total_time="$SECONDS_EACH" -timeout=10 \
		-rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
		-artifact_prefix="$BUILD/artifacts/$t-" \
		"$BUILD/corpus/$t" "$SRC/tests/fuzz/corpus/$t" >"$BUILD/$t.log" 2>&1; then
		tail -n 60 "$BUILD/$t.log"
		echo "fuzz: $t found a problem; the input is in $BUILD/artifacts/"
		status=1
	else
		grep -E '^stat::(number_of_executed_units|new_units_added)' "$BUILD/$t.log"
	fi
done
exit $status
