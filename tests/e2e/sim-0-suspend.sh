#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A wakeup the kernel's alarm timers program at suspend (what a systemd
# timer with WakeSystem= does): alarmtimer_suspend() hands the rtc core
# "now + delta" with its seconds, which reaches set_alarm unrounded.
# Beyond the countdown timer's 194 days the alarm registers take it, and
# they match minutes only: the driver must round it up to the next minute,
# since dropped seconds would program a minute that has already begun,
# which the chip matches next month. The suspend is the kernel's own
# (pm_test "devices": devices suspend, 5 s pass, they resume).
#
# Named to run first in the simulated chip's boot: the alarm timers take
# the first rtc that can wake the system and keep it for good, also after
# an unbind (which the other tests do) has made a new one.
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

sim_up_case
mark="sim-0-suspend-$$-$RANDOM"
log_mark "$mark"

if [ ! -w /sys/power/pm_test ] || ! grep -qw mem /sys/power/state; then
	not_ok "the kernel can test suspend (pm_test, mem)" \
		"pm_test: $(cat /sys/power/pm_test 2>&1)" "state: $(cat /sys/power/state 2>&1)"
	plan_done
	exit 1
fi
if ls -d /sys/class/rtc/"$RTC"/alarmtimer.* >/dev/null 2>&1; then
	ok "the alarm timers use $RTC"
else
	not_ok "the alarm timers use $RTC" "$(ls -d /sys/class/rtc/*/alarmtimer.* 2>&1)"
fi

check "set the time to 2030-01-01 10:00:05" hw --set --date '2030-01-01 10:00:05'
echo 0 >"$SYS/wakealarm"
fifo=$(mktemp -u)
mkfifo "$fifo"
# 200 days and 30 s: 2030-07-20, about 10:00:35.
$RTCPY alarm-timer - $((200 * 86400 + 30)) 40 >"$fifo" &
holder=$!
read -r armed <"$fifo"
rm -f "$fifo"
expect_eq "a CLOCK_REALTIME_ALARM timer expires in 200 days and 30 s" armed "$armed"

echo devices >/sys/power/pm_test
check "suspend (pm_test devices) and resume" sh -c 'echo mem >/sys/power/state'
echo none >/sys/power/pm_test
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null

# At suspend the RTC read 10:00:05 plus a few seconds: the wakeup is due on
# 2030-07-20 at about 10:00:35, beyond the 1 Hz counter's 194 days. It
# must be programmed on the timer at 1/60 Hz, with the minute rollovers up
# to the last one at or before it (200 days of them, one more should the
# suspend have come after 10:00:30), not in the minute registers, which
# would match on the 20th of every month. The alarm timers cancel it at
# resume: the simulator's trace has the writes.
at=$(dmesg | awk -v s="$mark" '$0 ~ s { on = 1 } on' | grep -c 'PM: suspend entry')
expect_eq "the kernel suspended once" 1 "$at"
# The trace: "T sec S.FRAC TASK W REG LEN DATA...": the load (0x0e-0x0f,
# then 0x12-0x13) before a start at 1/60 Hz (0x83 to 0x0e).
hex=$(awk '$5 == "W" && $6 == "0e" && $7 == 2 && $8 == "03" { lo = $9 }
	$5 == "W" && $6 == "12" && $7 == 2 && lo != "" { hi = $8; mid = $9 }
	$5 == "W" && $6 == "0e" && $7 == 1 && $8 == "83" && hi != "" { n = hi mid lo }
	END { print n }' "$DBG/trace" 2>/dev/null)
prog=$((16#${hex:-0}))
if [ "$prog" = $((200 * 1440)) ] || [ "$prog" = $((200 * 1440 + 1)) ]; then
	ok "the wakeup was programmed at 1/60 Hz: $prog minute rollovers"
else
	not_ok "the wakeup was programmed at 1/60 Hz, 288000 or 288001 minute rollovers" \
		"$prog" "$(tail -n 20 "$DBG/trace")"
fi
check "regression: no oops or warning in the kernel log" no_splat "$mark"
plan_done
done_testing
