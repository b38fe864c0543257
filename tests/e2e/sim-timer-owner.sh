#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The timer changing hands, and far alarms, on the simulated chip:
# - the countdown is enabled in the second an exact alarm fired, before
#   the alarm's interrupt reached its handler (the simulator raises it
#   500 ms late: irq_delay_ms): starting the countdown clears TF, and the
#   alarm must still be delivered once, at its second;
# - an alarm 400 days ahead (rtcwake -m no) runs on the timer at 1/60 Hz
#   (beyond the 1 Hz counter's 194 days), not in the minute registers,
#   which would match every month; the clock is then set to 70 s before
#   it, as a user correcting the time would: the rtc core sets the alarm
#   again, now on the 1 Hz counter, and it fires at its second.
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

sim_up_case
mark="sim-timer-owner-$$-$RANDOM"
log_mark "$mark"
cd_=$SYS/countdown

hw --set --date "2024-06-15 12:00:30" >/dev/null 2>&1
echo 0 >"$cd_/enable" 2>/dev/null
echo 100 >"$cd_/ticks"
echo 64 >"$cd_/clock"
echo 500 >"$DBG/irq_delay_ms"
out=$($RTCPY fired-then "$DEV" "$DBG" 3 "$cd_/enable" 2>&1)
echo 0 >"$DBG/irq_delay_ms"
n=$(printf '%s\n' "$out" | sed -n 's/^events \([0-9]*\) .*/\1/p')
err=$(printf '%s\n' "$out" | sed -n 's/.* error \([0-9.-]*\)$/\1/p')
expect_eq "countdown enabled before the fired alarm's handler ran: the alarm delivered once" 1 "${n:-$out}"
if [ -n "$err" ] && [ "$err" != - ] && awk -v e="$err" 'BEGIN { exit !(e >= 0 && e <= 300) }'; then
	ok "... at its second ($err ms after the chip's rollover into it)"
else
	not_ok "... at its second (within 300 ms of the rollover)" "$out"
fi
expect_eq "the countdown runs" 1 "$(cat "$cd_/enable")"
expect_eq "the delivered alarm is not left in the minute registers (AIE)" 0 $((($(sim_reg 0x01) >> 1) & 1))
echo 0 >"$cd_/enable"

# 400 days ahead: the 1/60 Hz stage. (rtcwake -t is in the system's
# time, which is not the chip's here: -s, and the alarm read back.)
now=$($RTCPY chip-epoch "$DBG")
check "rtcwake -m no, 400 days ahead" rtcwake -m no -d "$RTC" -s $((400 * 86400 + 17))
out=$($RTCPY read-alarm "$DEV")
far=$(date -u -d "$(echo "$out" | cut -d' ' -f3-)" +%s 2>/dev/null || echo 0)
d=$((far - now))
if [ "$d" -ge $((400 * 86400 + 16)) ] && [ "$d" -le $((400 * 86400 + 20)) ] &&
   [ "${out%% *}" = 1 ]; then
	ok "RTC_WKALM_RD: the alarm 400 days and 17 s ahead, enabled ($out)"
else
	not_ok "RTC_WKALM_RD: the alarm 400 days and 17 s ahead, enabled" "$out, chip at $now"
fi
expect_eq "the timer counts minutes (1/60 Hz, TE): 0x0e" 0x83 "$(sim_reg 0x0e)"
expect_eq "TIE set, AIE clear" 1 $(($(sim_reg 0x01) & 3))
cnt=$(($(sim_reg 0x0f) | $(sim_reg 0x13) << 8 | $(sim_reg 0x12) << 16))
# A minute rollover may come between the set and this read.
exp=$((far / 60 - now / 60))
if [ "$cnt" = "$exp" ] || [ "$cnt" = $((exp - 1)) ]; then
	ok "the counter holds the minute rollovers to the last one before it ($cnt)"
else
	not_ok "the counter holds the minute rollovers to the last one before it ($exp)" "$cnt"
fi

# The time set and the wait on one open file (rtc-dev has one opener).
$RTCPY set-time-wait "$DEV" "$(date -u -d "@$((far - 70))" '+%Y-%m-%d %H:%M:%S')" 90 \
	>/tmp/far-wait.out 2>&1 &
pid=$!
sleep 2
expect_eq "the clock set to 70 s before it: the rtc core set the alarm again on the 1 Hz counter (0x0e)" \
	0x82 "$(sim_reg 0x0e)"
if wait $pid; then
	at=$(cat "$DBG/clock")
	d=$(awk -v a="$(date -u -d "${at%.*}" +%s).${at##*.}" -v f="$far" 'BEGIN { printf "%.3f", a - f }')
	if awk -v d="$d" 'BEGIN { exit !(d >= 0 && d <= 0.5) }'; then
		ok "the far alarm fired at its second ($d s after it, as read after the wait)"
	else
		not_ok "the far alarm fired at its second" "$(cat /tmp/far-wait.out) chip $at, $d s after it"
	fi
else
	not_ok "the far alarm fired" "$(cat /tmp/far-wait.out)"
fi
expect_eq "no match of the minute registers" 0 "$(sim_counter alarm_matches)"
check "kernel log clean" no_splat "$mark"
plan_done
done_testing
