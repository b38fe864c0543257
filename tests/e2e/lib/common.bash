# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Sourced by the guest-side tests in tests/e2e/: TAP output and helpers.
# The tests run inside UML (scripts/e2e-run), as root, cwd = the repo,
# with INS5S8563_UML_DIR set to the UML build dir.

E2E_REPO=${INS5S8563_REPO:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)}
E2E_UML_DIR=${INS5S8563_UML_DIR:-}
E2E_N=0
E2E_FAILED=0

# plan N: print the TAP header and plan.
plan() {
	echo "TAP version 13"
	echo "1..$1"
}

ok() {
	E2E_N=$((E2E_N + 1))
	echo "ok $E2E_N - $1"
}

not_ok() {
	E2E_N=$((E2E_N + 1))
	E2E_FAILED=$((E2E_FAILED + 1))
	echo "not ok $E2E_N - $1"
	shift
	local l
	for l in "$@"; do
		printf '%s\n' "$l" | sed 's/^/# /'
	done
}

skip() {
	E2E_N=$((E2E_N + 1))
	echo "ok $E2E_N - $1 # SKIP ${2:-}"
}

# check NAME COMMAND...: one test case, passing when COMMAND succeeds;
# its output goes to the TAP stream as diagnostics when it fails.
check() {
	local name=$1 out rc=0
	shift
	out=$("$@" 2>&1) || rc=$?
	if [ "$rc" -eq 0 ]; then
		ok "$name"
	else
		not_ok "$name" "command: $*" "exit $rc" "$out"
	fi
}

# expect_eq NAME EXPECTED ACTUAL
expect_eq() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1" "expected: '$2'" "actual:   '$3'"
	fi
}

# Diagnostic line.
diag() { printf '%s\n' "$*" | sed 's/^/# /'; }

# Exit status for the end of a test script.
done_testing() {
	[ "$E2E_FAILED" -eq 0 ]
}

# Path of a module of the UML build, e.g. uml_module drivers/i2c/i2c-stub.ko
uml_module() {
	local ko=$E2E_UML_DIR/$1
	[ -f "$ko" ] || ko=$(find "$E2E_UML_DIR/$(dirname "$1")" -name "$(basename "$1")" 2>/dev/null | head -n1)
	[ -n "$ko" ] && [ -f "$ko" ] && echo "$ko"
}
