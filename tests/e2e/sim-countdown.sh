#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The countdown timer's sysfs interface on the simulated chip, whose timer
# runs with the kernel clock and raises /INT: a 64 Hz x 32 one-shot wakes
# poll() on "expired" after 0.5 s, a 1 Hz periodic timer expires N times
# in N seconds.
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

sim_up_case
cd_=$SYS/countdown
setup() {
	echo 0 >"$cd_/enable" && echo 0 >"$cd_/expired" && echo 0 >"$cd_/pulse" &&
		echo "$1" >"$cd_/clock" && echo "$2" >"$cd_/ticks"
}

check "64 Hz x 32 ticks set up" setup 64 32
out=$($RTCPY poll-expired "$cd_/expired" 1 3 "$cd_/enable")
rc=$?
if [ $rc -eq 0 ] && awk -v s="$out" 'BEGIN { exit !(s >= 0.45 && s <= 0.75) }'; then
	ok "64 Hz x 32: poll() wakes after $out s (0.5 s expected)"
else
	not_ok "64 Hz x 32: poll() wakes after 0.45-0.75 s" "$out"
fi
expect_eq "expired reads 1" 1 "$(cat "$cd_/expired" 2>&1)"
rem=$(cat "$cd_/remaining" 2>&1)
if [ "$rem" -ge 1 ] 2>/dev/null && [ "$rem" -le 32 ]; then ok "remaining counts ($rem of 32)"; else not_ok "remaining within 1-32" "$rem"; fi

n=5
check "1 Hz x 1 tick (periodic) set up" setup 1 1
echo 0 >"$DBG/counters"
out=$($RTCPY poll-expired "$cd_/expired" $n $((n + 3)) "$cd_/enable")
rc=$?
times=$(echo "$out" | tr '\n' ' ')
# The 1 Hz source is free-running: the first expiry comes within the first
# second, then one a second (+-0.2 s: kernel ticks, interrupt thread).
if [ $rc -eq 0 ] && echo "$out" | awk '
	NR == 1 && ($1 < 0 || $1 > 1.1) { bad = 1 }
	NR > 1 { d = $1 - prev - 1; if (d < -0.2 || d > 0.2) bad = 1 }
	{ prev = $1 } END { exit bad || NR != '$n' }'; then
	ok "1 Hz periodic: $n expiries in $n s ($times)"
else
	not_ok "1 Hz periodic: $n expiries in $n s, 1 s apart (+-0.2 s)" "$times"
fi
echo 0 >"$cd_/enable"
exp=$(sim_counter timer_expiries)
if [ "$exp" -ge $n ] && [ "$exp" -le $((n + 1)) ]; then ok "the chip counted $exp expiries"; else not_ok "the chip counted $n expiries" "$exp"; fi
sleep 1.5
expect_eq "disabled: no more expiries" "$exp" "$(sim_counter timer_expiries)"
expect_eq "disabled: TE and TIE clear" "0 0" "$(($(sim_reg 0x0e) & 0x80)) $(($(sim_reg 0x01) & 0x01))"
echo 0 >"$cd_/expired"
plan_done
done_testing
