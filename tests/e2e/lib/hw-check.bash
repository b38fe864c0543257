# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Sourced by tests/e2e/sim-hw-check*.sh after sim_up_case: running
# scripts/hw-check on the simulated chip, and reading what it printed.

HWC=$E2E_REPO/scripts/hw-check
# shellcheck disable=SC2034 # drv, client and rc: for the tests
drv=/sys/bus/i2c/drivers/rtc-ins5s8563
# shellcheck disable=SC2034
client=$BUS-0051
out=$(mktemp)
# A test killed mid-run (e2e-run's timeout sends SIGTERM to the test and
# to a hw-check it runs) leaves the next test of the boot the driver
# bound, no variant and no fault (sim_up puts them right after SIGKILL).
# A hw-check still running restores the chip first.
hwc_cleanup() {
	[ -z "${pid:-}" ] || { kill -CONT "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; }
	sim_reset_chip
	rm -f "$out"
}
trap hwc_cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# hwc ARGS: run hw-check on the simulated bus; its output in $out, exit
# status in $rc.
# shellcheck disable=SC2034
hwc() {
	rc=0
	bash "$HWC" --bus "$BUS" "$@" >"$out" 2>&1 </dev/null || rc=$?
}
# The registers hw-check saves and restores, as the simulator holds them,
# and the chip's time in seconds since the epoch.
regs() {
	local r
	for r in 0x00 0x01 0x09 0x0a 0x0b 0x0c 0x0d 0x0e; do printf '%s=%s ' "$r" "$(sim_reg $r)"; done
	printf 'VLF=%d\n' $(($(sim_reg 0x02) >> 7))
}
count() { echo $(($(sim_reg 0x0f) | $(sim_reg 0x13) << 8 | $(sim_reg 0x12) << 16)); }
# clock_sync: CHIP (the chip's time, ms since the epoch, from the simulator's
# clock with its fraction) and HOST (the host's, ms) at the same moment:
# the clock read with bash's own read (no process started, which takes
# hundreds of ms in UML), the host's time the middle of that read.
clock_sync() {
	local a b line
	a=${EPOCHREALTIME/[.,]/}
	read -r line <"$DBG/clock"
	b=${EPOCHREALTIME/[.,]/}
	HOST=$(((10#$a + 10#$b) / 2000))
	CHIP=$(($(date -u -d "${line%.*}" +%s) * 1000 + 10#${line#*.} / 1000))
}
# drift_ok NAME: the chip's time moved as much as the host's since the
# last sync before (e0, t0) and the one after (e1, t1).
drift_ok() {
	local drift=$((e1 - e0 - (t1 - t0)))
	if [ "$drift" -ge -500 ] && [ "$drift" -le 500 ]; then
		ok "$1 ($drift ms off, 500 allowed)"
	else
		not_ok "$1" "chip advanced $((e1 - e0)) ms in $((t1 - t0)) ms"
	fi
}
# The run's output as diagnostics.
show() { sed 's/^/  /' "$out"; }
npass() { grep -c '^PASS ' "$out"; }
nfail() { grep -c '^FAIL ' "$out"; }
# detail NAME: the detail of check NAME's PASS line, "" when it did not pass.
detail() { sed -n "s/^PASS $1: //p" "$out"; }
# num NAME SED-REGEX: the number the regex's \1 takes in NAME's detail.
num() { detail "$1" | sed -n "s/.*$2.*/\1/p"; }
# range_case NAME WHAT LO HI VALUE SHOWN: a case, LO <= VALUE <= HI
# (numbers), SHOWN in its name when it passes.
range_case() {
	local v
	for v in "$3" "$4" "$5"; do
		case $v in
		''|*[!0-9-]*) not_ok "$1: $2" "not a number: '$3' '$4' '$5'" "$(show)"; return ;;
		esac
	done
	if [ "$3" -le "$5" ] && [ "$5" -le "$4" ]; then
		ok "$1: $2 ($6)"
	else
		not_ok "$1: $2" "$3 to $4, value $5" "$(show)"
	fi
}
# within NAME WHAT VALUE LO HI: the value measured in the bounds expected.
within() { range_case "$1" "$2 in $4..$5" "$4" "$5" "$3" "$3"; }
# holds NAME WHAT LO HI VALUE: the bounds measured hold the model's value.
holds() { range_case "$1" "$2" "$3" "$4" "$5" "$3 to $4"; }

# chip_in_use: the chip as a user leaves it: a time, an alarm (AIE on), a
# countdown at 1/60 Hz, each a case.
chip_in_use() {
	check "set the time to 2031-02-03 04:05:06" hw --set --date '2031-02-03 04:05:06'
	check "an alarm at 05:06 (AIE on)" $RTCPY set-alarm "$DEV" "2031-02-03 05:06:00" 1
	check "a countdown of 0x123456 ticks at 1/60 Hz" sh -c \
		"echo 0 >$SYS/countdown/enable && echo 1/60 >$SYS/countdown/clock && echo 0x123456 >$SYS/countdown/ticks && echo 1 >$SYS/countdown/enable"
}
# run_unbound ARGS: hw-check ARGS (the driver unbound), the registers
# (VLF included), the countdown and the time read before and after, for
# as_found_cases WHAT [NOTE]: they are as found, the time advanced by the
# run.
run_unbound() {
	before=$(regs) c_before=$(count)
	clock_sync; t0=$HOST e0=$CHIP
	hwc "$@"
	clock_sync; t1=$HOST e1=$CHIP
	after=$(regs) c_after=$(count)
	diag "hw-check $* ran $(((t1 - t0) / 1000)) s:"
	diag "$(cat "$out")"
}
as_found_cases() {
	expect_eq "$1: registers 0x00, 0x01, 0x09-0x0e as found${2:-}" "$before" "$after"
	if [ "$c_after" = "$c_before" ] || [ "$c_after" = $((c_before - 1)) ]; then
		ok "$1: the countdown as found ($c_after of $c_before, one 1/60 Hz tick allowed)"
	else
		not_ok "$1: the countdown as found" "before $c_before, after $c_after"
	fi
	drift_ok "$1: the time as found plus the run"
}
