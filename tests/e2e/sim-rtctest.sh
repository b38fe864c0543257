#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The kernel's own RTC selftest (tools/testing/selftests/rtc/rtctest, built
# by scripts/e2e-run from the same kernel source, path in
# INS5S8563_RTCTEST) against the driver on the simulated chip. Each of its
# cases is one TAP line here, as rtctest reports it; its output is kept in
# the test's .err file.
#
# Every case must pass for real: the driver has exact (second resolution)
# alarms from the countdown timer and update interrupts, so nothing may
# be skipped, and no case may pass by returning early, as the 6.12 rtctest
# does when RTC_UIE_ON fails ("skip update IRQs not supported.") or the
# alarm ioctls do ("skip alarms are not supported."): such a case fails
# here, and so does any sign of "update IRQs not supported" in its output.
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

sim_up_case
bin=${INS5S8563_RTCTEST:-}
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
	not_ok "rtctest is built" "INS5S8563_RTCTEST='$bin'"
	plan_done
	done_testing
	exit
fi
# At :10 of a minute, as before the alarms were exact (the 3 s alarm
# tests do not cross a minute, so minute resolution could not pass them).
hwclock $HWCLOCK_OPTS -f "$DEV" --set --date '2032-05-06 07:08:10'
log=$(mktemp)
start=$SECONDS
"$bin" "$DEV" >"$log" 2>&1
rc=$?
cat "$log" >&2
diag "rtctest exit $rc in $((SECONDS - start)) s"

# The lines rtctest printed for case $1 (e.g. rtc.alarm_alm_set).
block() {
	awk -v t="$1" 'index($0, "RUN") && index($0, " " t " ...") { on = 1 }
		on { print } on && /^(not )?ok / { exit }' "$log"
}

n=0
while IFS= read -r line; do
	case $line in
	"ok "*|"not ok "*) ;;
	*) continue ;;
	esac
	n=$((n + 1))
	name=$(echo "$line" | sed -E 's/^(not )?ok [0-9]+ //')
	b=$(block "${name%% # *}")
	# A case that returns early logs why ("skip ..."), and passes.
	why=$(echo "$b" | sed -n 's/^# .*:[0-9]*:[a-z_]*:\(skip .*\)/\1/p' | head -n1)
	case $line in
	*"# SKIP"*|*"# skip"*)
		not_ok "rtctest ${name%% # *}" "skipped: ${name#* # }" "$b" ;;
	"ok "*)
		if [ -n "$why" ]; then
			not_ok "rtctest $name" "passed without testing, it returned early: \"$why\"" "$b"
		else
			ok "rtctest $name"
		fi ;;
	*) not_ok "rtctest $name" "$b" ;;
	esac
done <"$log"
tplan=$(sed -n 's/^1\.\.\([0-9]\+\).*/\1/p' "$log" | head -n1)
if [ "$n" -ge 8 ] && [ "$n" = "$tplan" ]; then
	ok "rtctest ran its $n cases"
else
	not_ok "rtctest ran all its cases" "$n results of plan '$tplan', exit $rc"
fi
if grep -q 'update IRQs not supported' "$log"; then
	not_ok "update interrupts supported (no \"update IRQs not supported\")" \
		"$(grep 'update IRQs not supported' "$log")"
else
	ok "update interrupts supported (no \"update IRQs not supported\")"
fi
expect_eq "rtctest exits 0" 0 "$rc"
rm -f "$log"
hwclock $HWCLOCK_OPTS -f "$DEV" --systohc
plan_done
done_testing
