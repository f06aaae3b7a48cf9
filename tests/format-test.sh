#!/bin/sh
# The C sources of src/ and tests/ as .clang-format writes them: prints
# what clang-format would change and fails if anything.
#   format-test.sh SRC_DIR [CLANG_FORMAT]
set -u
top=$1
clang_format=${2:-clang-format}
if ! command -v "$clang_format" >/dev/null 2>&1; then
	echo "format-test: $clang_format is not installed (scripts/setup installs it)" >&2
	exit 1
fi
cd "$top" || exit 1
files=$(find src tests -name '*.[ch]' -not -path 'tests/fuzz/corpus/*' | sort)
# shellcheck disable=SC2086
if "$clang_format" --dry-run -Werror $files; then
	echo "format: $(echo "$files" | wc -l) files as .clang-format writes them"
else
	echo "format: run clang-format -i on the files above (see .clang-format)" >&2
	exit 1
fi
