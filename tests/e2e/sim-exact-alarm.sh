#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Exact alarms and update interrupts from the countdown timer, on the
# simulated chip. The alarm registers match minutes only; an alarm up to
# 16777215 s ahead runs on the 24-bit countdown timer at 1 Hz instead, whose
# 1 Hz source is the calendar's seconds rollover (datasheet decision 9),
# and fires at the rollover into its second. So:
#
# - the driver no longer says ALARM_RES_MINUTE, and says UPDATE_INTERRUPT;
# - `rtcwake -s 7` and an alarm inside the current minute are delivered on
#   /dev/rtcN with RTC_AF within 50 ms of the chip's rollover into their
#   second (the rollover is found by reading the simulator's SEC in a loop:
#   it follows the CLOCK_MONOTONIC the test reads), and RTC_WKALM_RD has
#   the seconds;
# - hwclock synchronises on the update interrupt, not in a busy loop;
# - update interrupts cost no bus transfer in set_alarm: each second only
#   the interrupt handler (Control_2 read and write) and the rtc core's
#   time reads;
# - the user's countdown has priority: enabling it moves a pending exact
#   alarm to the minute registers (rounded up), disabling it moves the
#   alarm back to the timer, where it still fires at its second;
#   RTC_UIE_ON fails with EINVAL while the countdown runs (so that hwclock
#   busy-waits), and the countdown cannot be enabled (EBUSY) while update
#   interrupts are on.
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

sim_up_case
mark="sim-exact-alarm-$$-$RANDOM"
log_mark "$mark"
epoch() { date -u -d "$1" +%s; }
cd_=$SYS/countdown
TOL_MS=50

# Control_2 bits: TIE (0), AIE (1).
ctl2_bits() {
	local c
	c=$(sim_reg 0x01)
	echo "TIE=$((c & 1)) AIE=$(((c >> 1) & 1))"
}

# deliver NAME ALARM EDGE TIMEOUT: wait on /dev/rtcN for the alarm due at
# ALARM ("YYYY-MM-DD HH:MM:SS", the chip's time), and check that it comes
# with RTC_AF within TOL_MS of the chip's rollover into that second. EDGE
# is a rollover measured before ("MONO EPOCH UNCERT" of rtc.py sec-edge):
# the rollover into ALARM is EDGE's plus the seconds between them. The
# device must not be open elsewhere (rtc-dev allows one open at a time).
deliver() {
	local name=$1 alarm=$2 edge=$3 out rc data err at
	out=$($RTCPY wait-irq "$DEV" "$4")
	rc=$?
	at=$($RTCPY read-time "$DEV")
	if [ $rc -ne 0 ]; then
		not_ok "$name: delivered" "$out" "time now $at"
		return
	fi
	data=$(echo "$out" | awk '{ print $2 }')
	err=$(echo "$edge $(epoch "$alarm") $out" |
		awk '{ printf "%.1f", ($10 - ($1 + ($4 - $2))) * 1000 }')
	diag "$name: delivery error $err ms (rollover known to +-$(echo "$edge" |
		awk '{ printf "%.1f", $3 * 1000 }') ms; $out; time then $at)"
	if [ $((data & 0x20)) -ne 0 ] &&
	   awk -v e="$err" -v t=$TOL_MS 'BEGIN { exit !(e >= -t && e <= t) }'; then
		ok "$name: delivered with RTC_AF at the rollover into $alarm, error $err ms"
	else
		not_ok "$name: delivered with RTC_AF within $TOL_MS ms of the rollover into $alarm" \
			"error $err ms" "$out" "time then $at"
	fi
}

# -- features --------------------------------------------------------------
f=$($RTCPY features "$DEV" 2>&1)
case " $f " in
*" ALARM_RES_MINUTE "*) not_ok "features: ALARM_RES_MINUTE cleared" "$f" ;;
*" ALARM "*) ok "features: ALARM_RES_MINUTE cleared ($f)" ;;
*) not_ok "features: ALARM set, ALARM_RES_MINUTE cleared" "$f" ;;
esac
case " $f " in
*" UPDATE_INTERRUPT "*) ok "features: UPDATE_INTERRUPT set" ;;
*) not_ok "features: UPDATE_INTERRUPT set" "$f" ;;
esac
echo 0 >"$cd_/enable" 2>/dev/null
echo 0 >"$SYS/wakealarm"

# -- rtcwake -s 7 -----------------------------------------------------------
check "set the time to 2030-02-03 04:05:20" hw --set --date '2030-02-03 04:05:20'
edge=$($RTCPY sec-edge "$DBG")
before=$($RTCPY read-time "$DEV")
check "rtcwake -m no -s 7" rtcwake -m no -d "$RTC" --utc -s 7
ra=$($RTCPY read-alarm "$DEV")
after=$($RTCPY read-time "$DEV")
alarm=$(echo "$ra" | cut -d' ' -f3-)
# rtcwake reads the RTC itself, at some second between the two reads here
# (a loaded guest can take a second or two to start it).
d=$(tdiff "$before" "$alarm" 2>/dev/null)
d2=$(tdiff "$after" "$alarm" 2>/dev/null)
if [ "${d:-0}" -ge 7 ] && [ "${d2:-99}" -le 7 ] && [ "${ra%% *}" = 1 ]; then
	ok "RTC_WKALM_RD: enabled, $alarm, 7 s after the time rtcwake read ($before..$after)"
else
	not_ok "RTC_WKALM_RD: enabled, 7 s after $before..$after" "$ra"
fi
now=$($RTCPY read-time "$DEV")
cnt=$(( ($(sim_reg 0x12) << 16) | ($(sim_reg 0x13) << 8) | $(sim_reg 0x0f) ))
left=$(tdiff "$now" "$alarm")
if [ "$(sim_reg 0x0e) $(ctl2_bits)" = "0x82 TIE=1 AIE=0" ] &&
   [ $((cnt - left)) -ge -1 ] && [ $((cnt - left)) -le 1 ]; then
	ok "the timer holds it: 0x0e 0x82 (TE, 1 Hz), TIE set, AIE clear, $cnt ticks left"
else
	not_ok "the timer holds it: 0x0e 0x82, TIE set, AIE clear, the seconds left counted" \
		"0x0e $(sim_reg 0x0e), $(ctl2_bits), count $cnt, $left s left (time $now)"
fi
deliver "rtcwake -s 7" "$alarm" "$edge" 12

# -- an alarm inside the current minute --------------------------------------
check "RTC_SET_TIME 2030-02-03 04:07:10" $RTCPY set-time "$DEV" "2030-02-03 04:07:10"
edge=$($RTCPY sec-edge "$DBG")
check "RTC_WKALM_SET 2030-02-03 04:07:17" $RTCPY set-alarm "$DEV" "2030-02-03 04:07:17" 1
expect_eq "RTC_WKALM_RD reports it with its seconds" "1 0 2030-02-03 04:07:17" \
	"$($RTCPY read-alarm "$DEV" 2>&1)"
# Within 50 ms of :17 is also not at the next minute (a time read after
# it can be seconds late on a busy host: no case of its own).
deliver "alarm at :17 of the current minute" "2030-02-03 04:07:17" "$edge" 11

# -- hwclock ------------------------------------------------------------------
out=$(hw --show --verbose 2>&1)
rc=$?
if [ $rc -eq 0 ] && echo "$out" | grep -q '^\.\.\.got clock tick' &&
   ! echo "$out" | grep -q -e 'RTC_UIE_ON' -e 'Waiting in loop' -e 'busy wait' -e 'Using delay'; then
	ok "hwclock --show --verbose synchronises on the update interrupt"
else
	not_ok "hwclock --show --verbose synchronises on the update interrupt (no RTC_UIE_ON error, no busy wait)" \
		"exit $rc" "$out"
fi

# -- update interrupts: what they cost ------------------------------------------
# 4 update events after 2 to settle: each is one chip interrupt. The
# handler reads Control_2 (4 bytes) and writes it (3); every other transfer
# must be a time read of the rtc core (10 bytes): set_alarm, reloading
# the same 1 s, costs nothing.
n=4
out=$($RTCPY uie-rate "$DEV" "$DBG" $n 2>&1)
rc=$?
diag "update interrupts, $n s: $out"
set -- $out
if [ $rc -eq 0 ] && [ "$#" -ge 8 ]; then
	t=$4 b=$6 irqs=$8
	if [ "$irqs" -eq $n ] && [ $((b - 7 * n)) -eq $((10 * (t - 2 * n))) ] &&
	   [ "$t" -gt $((2 * n)) ] && [ "$t" -le $((5 * n)) ]; then
		ok "update interrupts: 1 chip interrupt a second, $((t / n)) transfers/s ($b bytes in $n s): handler and time reads only"
	else
		not_ok "update interrupts: 1 chip interrupt a second, only the handler (2 transfers, 7 bytes) and 10-byte time reads" \
			"$out"
	fi
else
	not_ok "update interrupts run ($n events)" "exit $rc" "$out"
fi

# -- the countdown and the alarm share the timer ---------------------------------
check "set the time to 2030-02-03 04:09:05" hw --set --date '2030-02-03 04:09:05'
edge=$($RTCPY sec-edge "$DBG")
check "exact alarm for 04:09:35" $RTCPY set-alarm "$DEV" "2030-02-03 04:09:35" 1
expect_eq "the timer holds it (0x0e, Control_2)" "0x82 TIE=1 AIE=0" "$(sim_reg 0x0e) $(ctl2_bits)"
check "countdown 64 Hz x 10000 ticks set up" sh -c \
	"echo 0 >$cd_/expired && echo 64 >$cd_/clock && echo 10000 >$cd_/ticks"
check "echo 1 > countdown/enable (while the exact alarm holds the timer)" sh -c "echo 1 >$cd_/enable"
expect_eq "the alarm moves to 0x09-0x0C, rounded up to 04:10 on the 3rd, AIE set" \
	"0x10 0x04 0x03 0x80 AIE=1" \
	"$(sim_reg 0x09) $(sim_reg 0x0a) $(sim_reg 0x0b) $(sim_reg 0x0c) $(ctl2_bits | cut -d' ' -f2)"
expect_eq "the countdown has the timer (0x0e 0x81: TE, 64 Hz)" 0x81 "$(sim_reg 0x0e)"
check "echo 0 > countdown/enable" sh -c "echo 0 >$cd_/enable"
expect_eq "the alarm goes back to the timer: 0x0e 0x82, TIE set, AIE clear" \
	"0x82 TIE=1 AIE=0" "$(sim_reg 0x0e) $(ctl2_bits)"

# Once more, with RTC_UIE_ON (hwclock) tried while the countdown runs.
check "echo 1 > countdown/enable again" sh -c "echo 1 >$cd_/enable"
# EINVAL, as from a driver without update interrupts: hwclock (2.38)
# falls back to its busy loop only on EINVAL or ENOTTY; on any other
# error (EBUSY) it warns, "...synchronization failed", and --show exits 74
# without the time.
expect_eq "RTC_UIE_ON while the countdown runs: EINVAL" EINVAL "$($RTCPY uie "$DEV" on 2>&1)"
out=$(hw --show --verbose 2>&1)
rc=$?
if [ $rc -eq 0 ] && echo "$out" | grep -q '^Waiting in loop for time from' &&
   echo "$out" | grep -q '^\.\.\.got clock tick' && echo "$out" | grep -q '^2030-02-03 04:09:'; then
	ok "hwclock --show while the countdown runs: busy wait, the time shown"
else
	not_ok "hwclock --show while the countdown runs: busy wait (\"Waiting in loop\"), the time shown" \
		"exit $rc" "$out"
fi
check "echo 0 > countdown/enable" sh -c "echo 0 >$cd_/enable"
# The refused RTC_UIE_ON must not have changed the alarm: back in the
# timer, counting the seconds left to 04:09:35.
now=$($RTCPY read-time "$DEV")
cnt=$(( ($(sim_reg 0x12) << 16) | ($(sim_reg 0x13) << 8) | $(sim_reg 0x0f) ))
left=$(tdiff "$now" "2030-02-03 04:09:35")
if [ "$(sim_reg 0x0e) $(ctl2_bits)" = "0x82 TIE=1 AIE=0" ] &&
   [ $((cnt - left)) -ge -1 ] && [ $((cnt - left)) -le 1 ]; then
	ok "after a refused RTC_UIE_ON the alarm still goes back to the timer ($cnt ticks to 04:09:35)"
else
	not_ok "after a refused RTC_UIE_ON the alarm still goes back to the timer, counting to 04:09:35" \
		"0x0e $(sim_reg 0x0e), $(ctl2_bits), count $cnt, $left s left (time $now)" \
		"alarm registers 0x09-0x0b: $(sim_reg 0x09) $(sim_reg 0x0a) $(sim_reg 0x0b)"
fi
expect_eq "RTC_WKALM_RD still has it" "1 0 2030-02-03 04:09:35" "$($RTCPY read-alarm "$DEV" 2>&1)"
deliver "the alarm moved back to the timer" "2030-02-03 04:09:35" "$edge" 40

tmp=$(mktemp)
$RTCPY uie-hold "$DEV" 3 >"$tmp" 2>&1 &
holder=$!
for i in $(seq 50); do
	[ -s "$tmp" ] && break
	sleep 0.1
done
expect_eq "update interrupts on, held by a process" on "$(head -n1 "$tmp")"
# bash, whose echo names the errno (dash says "I/O error" for any).
out=$(bash -c "echo 1 >$cd_/enable" 2>&1)
rc=$?
if [ $rc -ne 0 ] && echo "$out" | grep -q 'Device or resource busy'; then
	ok "echo 1 > countdown/enable with update interrupts on: EBUSY"
else
	not_ok "echo 1 > countdown/enable with update interrupts on: EBUSY" "exit $rc" "$out"
fi
expect_eq "the countdown stays disabled" 0 "$(cat "$cd_/enable" 2>&1)"
wait "$holder"
ev=$(sed -n 's/^events //p' "$tmp")
if [ "${ev:-0}" -ge 2 ]; then ok "update events kept coming ($ev in 3 s)"; else not_ok "update events kept coming" "$(cat "$tmp")"; fi
rm -f "$tmp"
check "with update interrupts off again, the countdown can be enabled" sh -c "echo 1 >$cd_/enable"
echo 0 >"$cd_/enable"
echo 0 >"$cd_/expired"
echo 0 >"$SYS/wakealarm"

check "no oops or warning in the kernel log" no_splat "$mark"
hw --systohc
plan_done
done_testing
