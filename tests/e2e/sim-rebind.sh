#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What the driver finds when it binds to a chip someone else left behind,
# and what it leaves when it goes: a stopped oscillator is an invalid time
# (hwclock must not read a frozen clock as valid), a countdown still
# running has an unknown reload value (it is not guessed from the live
# counter), and unbinding while the countdown interrupts thousands of
# times a second oopses nothing.
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

sim_up_case
mark="sim-rebind-$$-$RANDOM"
log_mark "$mark"
drv=/sys/bus/i2c/drivers/rtc-ins5s8563
unbind() { echo "$BUS-0051" >"$drv/unbind"; }
# check runs its command in a subshell: sim_rtc (which sets RTC, DEV and
# SYS) follows in this one.
bind() { echo "$BUS-0051" >"$drv/bind"; }
cd_() { echo "$SYS/countdown/$1"; }

# -- STOP set while unbound ---------------------------------------------------
check "set the time to 2031-05-06 07:08:09" hw --set --date '2031-05-06 07:08:09'
check "unbind $BUS-0051" unbind
echo "0x00 0x20" >"$DBG/regs"
check "bind with STOP set (oscillator stopped)" bind
sim_rtc
expect_eq "regression: RTC_RD_TIME fails with EINVAL while STOP is set" EINVAL \
	"$($RTCPY ioctl-errno "$DEV" rd-time)"
if hw --show >/dev/null 2>&1; then not_ok "hwclock --show fails on a stopped clock"; else ok "hwclock --show fails on a stopped clock"; fi
s0=$SECONDS
check "hwclock --set restarts it" hw --set --date '2031-05-06 07:08:09'
expect_eq "STOP is clear" 0x00 "$(sim_reg 0x00)"
t=$($RTCPY read-time "$DEV")
d=$(tdiff "2031-05-06 07:08:09" "$t")
# No more than the guest's own time since the set (a loaded host makes
# that seconds), and on 1.2 s later.
el=$((SECONDS - s0))
sleep 1.2
t2=$($RTCPY read-time "$DEV")
if [ "$d" -ge 0 ] && [ "$d" -le $((el + 1)) ] && [ "$(tdiff "$t" "$t2")" -ge 1 ]; then
	ok "the clock runs again ($t, $el s after the set; $t2 1.2 s on)"
else
	not_ok "the clock runs again" "$t, $el s after the set; $t2 1.2 s on"
fi

# -- a countdown left running ----------------------------------------------------
check "countdown 1 Hz x 1000 running" sh -c "echo 0 >$(cd_ enable) && echo 1 >$(cd_ clock) && echo 1000 >$(cd_ ticks) && echo 1 >$(cd_ enable)"
sleep 1.2
check "unbind (the countdown keeps counting)" unbind
check "bind with the countdown running" bind
sim_rtc
expect_eq "enable reads 1" 1 "$(cat "$(cd_ enable)")"
expect_eq "regression: ticks reads 0: the reload value is unknown" 0 "$(cat "$(cd_ ticks)")"
check "echo 0 > enable" sh -c "echo 0 >$(cd_ enable)"
out=$( (echo 1 >"$(cd_ enable)") 2>&1)
rc=$?
if [ $rc -ne 0 ] && echo "$out" | grep -q 'Invalid argument'; then
	ok "regression: enable 1 without ticks fails with EINVAL"
else
	not_ok "regression: enable 1 without ticks fails with EINVAL" "exit $rc: $out"
fi
expect_eq "the timer is stopped (TE clear)" 0 "$(($(sim_reg 0x0e) & 0x80))"
check "ticks 5, enable 1" sh -c "echo 5 >$(cd_ ticks) && echo 1 >$(cd_ enable)"
# At 1 Hz the counter steps on the seconds rollover (decision 9): one may
# come between the start and the read.
c="$(sim_reg 0x0f) $(sim_reg 0x13) $(sim_reg 0x12)"
case $c in
"0x05 0x00 0x00"|"0x04 0x00 0x00") ok "the counter was loaded with 5 ($c)" ;;
*) not_ok "the counter was loaded with 5" "registers 0x0f 0x13 0x12: $c" ;;
esac

# -- unbind while the countdown interrupts at 4096 Hz ------------------------------
n=8
fails=0
for i in $(seq $n); do
	sh -c "echo 0 >$(cd_ enable) && echo 4096 >$(cd_ clock) && echo 1 >$(cd_ ticks) && echo 1 >$(cd_ enable)" || fails=$((fails + 1))
	sleep 0.2
	unbind || fails=$((fails + 1))
	bind || fails=$((fails + 1))
	sim_rtc || fails=$((fails + 1))
done
expect_eq "$n unbinds while TF interrupts at 4096 Hz" 0 "$fails"
check "countdown off" sh -c "echo 0 >$(cd_ enable) && echo 0 >$(cd_ expired)"
check "regression: no oops or warning in the kernel log" no_splat "$mark"
check "the rtc is back ($RTC) and reads the time" cat "$SYS/time"
plan_done
done_testing
