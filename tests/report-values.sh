# Sourced by the tests of nianbao's outputs: what a report holds, read
# through nianbao summary (one CSV row), to compare a report with what an
# output of it imports back to.  Needs $nianbao and fail().

# The numbers of a report in the order of the form's cells, one a line:
# the summary's row without its first six columns.
numbers_of() {
	"$nianbao" summary "$1" -o - | sed -n 2p | tr -d '\r' | cut -d, -f7- | tr ',' '\n'
}

# Its organ and year.
organ_year_of() {
	"$nianbao" summary "$1" -o - | sed -n 2p | cut -d, -f2,3
}

# Fails unless REPORT and BACK hold the same numbers, organ and year.
same_values() { # REPORT BACK WHAT
	numbers_of "$1" >want
	numbers_of "$2" >got
	cmp -s want got || fail "$3 gives other numbers: $(diff want got | head -5)"
	[ "$(organ_year_of "$1")" = "$(organ_year_of "$2")" ] || fail "$3 gives another organ or year"
}
