#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# hwclock (util-linux) against the driver on the simulated chip, whose
# clock runs: --show, --set --date, --systohc, --hctosys, round trips, a
# power loss (VLF) that makes --show fail clearly until --systohc, and the
# wrap from 2099 to 2000 that reads as invalid until set.
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

guest_clock_save
sim_up_case
# hwclock prints "2031-02-03 04:05:06.123456+00:00": the first 19 characters.
show() { hw --show 2>&1 | cut -c1-19; }

# Each read against the system clock read around it (a loaded guest takes
# seconds for hwclock): the chip may be up to 1 s behind (the read's own
# second) and up to 2 s ahead (util-linux before 2.40 writes the next
# second: see the README's time-set advice).
follows() {
	local what=$1 got=$2 s0=$3 s1=$4 e
	e=$(date -u -d "$got" +%s 2>/dev/null) || e=0
	if [ "$e" -ge $((s0 - 1)) ] && [ "$e" -le $((s1 + 2)) ]; then
		ok "$what ($got, system clock $(date -u -d "@$s0" +%T)..$(date -u -d "@$s1" +%T))"
	else
		not_ok "$what: within -1..+2 s of the system clock" "$got" \
			"system clock $(date -u -d "@$s0" '+%F %T')..$(date -u -d "@$s1" '+%F %T')"
	fi
}

echo 1 >"$DBG/power_loss"
sec=$(sim_reg 0x02)
if [ $((sec & 0x80)) -ne 0 ]; then ok "power loss: the chip has VLF set (SEC=$sec)"; else not_ok "power loss sets VLF" "SEC=$sec"; fi
if out=$(hw --show 2>&1); then
	not_ok "after a power loss hwclock --show fails" "it printed: $out"
else
	case $out in
	*RTC_RD_TIME*"Invalid argument"*) ok "after a power loss hwclock --show fails (RTC_RD_TIME: Invalid argument)" ;;
	*) not_ok "after a power loss hwclock --show fails with EINVAL" "$out" ;;
	esac
fi
expect_eq "RTC_VL_READ reports RTC_VL_DATA_INVALID" 1 "$($RTCPY vl-read "$DEV" 2>&1)"
expect_eq "RTC_VL_CLR is refused (ENOTTY): only setting the time clears VLF" \
	ENOTTY "$($RTCPY ioctl-errno "$DEV" vl-clr 2>&1)"
sec=$(sim_reg 0x02)
if [ $((sec & 0x80)) -ne 0 ]; then ok "VLF still set after RTC_VL_CLR"; else not_ok "VLF still set after RTC_VL_CLR" "SEC=$sec"; fi
check "hwclock --systohc recovers" hw --systohc
sec=$(sim_reg 0x02)
if [ $((sec & 0x80)) -eq 0 ]; then ok "VLF clear after --systohc (SEC=$sec)"; else not_ok "VLF clear after --systohc" "SEC=$sec"; fi
expect_eq "RTC_VL_READ reports 0 once the time is set" 0 "$($RTCPY vl-read "$DEV" 2>&1)"
s0=$(date -u +%s)
rtc_now=$(show)
s1=$(date -u +%s)
follows "hwclock --show agrees with the system clock" "$rtc_now" "$s0" "$s1"

t0=$SECONDS
check "hwclock --set --date '2031-02-03 04:05:06'" hw --set --date '2031-02-03 04:05:06'
got=$(show)
d=$(tdiff "2031-02-03 04:05:06" "$got" 2>/dev/null) || d=-1
# No more on than the guest's own seconds since hwclock started, and one
# for either edge (a loaded guest takes seconds for each hwclock).
w=$((SECONDS - t0 + 2))
if [ "$d" -ge 0 ] && [ "$d" -le "$w" ]; then
	ok "hwclock --show reads it back, running ($got)"
else
	not_ok "hwclock --show reads 2031-02-03 04:05:06 to $w s on" "$got"
fi
regs=$(for r in 0x03 0x04 0x05 0x06 0x07 0x08; do sim_reg $r; done | tr '\n' ' ')
expect_eq "the chip holds 04:05 2031-02-03 (Monday) in 0x03-0x08" "0x05 0x04 0x03 0x01 0x02 0x31 " "$regs"
sleep 2
got=$(show)
d=$(tdiff "2031-02-03 04:05:06" "$got")
# At least the 2 s slept; a loaded guest takes seconds more for hwclock.
if [ "$d" -ge 2 ] && [ "$d" -le 10 ]; then ok "the simulated clock runs ($got two seconds later)"; else not_ok "the simulated clock runs" "$got"; fi

check "hwclock --hctosys" hw --hctosys
# Against the chip's time read right after, not the one read before
# hwclock, which on a loaded guest takes seconds.
sys=$(date -u '+%F %T')
chip=$(cut -c1-19 "$DBG/clock")
d=$(tdiff "$chip" "$sys")
if [ "${d#-}" -le 2 ]; then ok "the system clock follows the RTC ($sys)"; else not_ok "the system clock follows the RTC" "chip $chip, system $sys"; fi

check "date -s 2035-07-08 09:10:11 && hwclock --systohc" sh -c "date -u -s '2035-07-08 09:10:11' >/dev/null && hwclock $HWCLOCK_OPTS -f $DEV --systohc"
s0=$(date -u +%s)
got=$(show)
s1=$(date -u +%s)
follows "round trip system -> RTC -> hwclock --show" "$got" "$s0" "$s1"
s0=$(date -u +%s)
got=$($RTCPY read-time "$DEV")
s1=$(date -u +%s)
follows "RTC_RD_TIME agrees" "$got" "$s0" "$s1"

# The chip has no century bit: 2099 wraps to 2000, with a weekday that
# gives it away (Friday counted on from Thursday; 2000-01-01 was a
# Saturday). The wrapped time reads as invalid, logged once, until set.
mark="sim-hwclock-wrap-$$-$RANDOM"
log_mark "$mark"
# (RTC_SET_TIME itself: hwclock --set sets the next second, 2100-01-01,
# which the rtc core refuses.)
check "RTC_SET_TIME 2099-12-31 23:59:59" $RTCPY set-time "$DEV" '2099-12-31 23:59:59'
sleep 2
expect_eq "the chip wrapped to 2000-01-01, weekday Friday (5)" "0x00 0x01 0x01 0x05" \
	"$(sim_reg 0x08) $(sim_reg 0x07) $(sim_reg 0x05) $(sim_reg 0x06)"
expect_eq "regression: RTC_RD_TIME fails with EINVAL after the century wrap" EINVAL \
	"$($RTCPY ioctl-errno "$DEV" rd-time)"
expect_eq "and again" EINVAL "$($RTCPY ioctl-errno "$DEV" rd-time)"
n=$(dmesg | awk -v s="$mark" '$0 ~ s { on = 1 } on' | grep -c 'weekday does not match the date')
expect_eq "the kernel log says so once" 1 "$n"
t0=$SECONDS
check "hwclock --set --date '2040-01-01 00:00:00' makes it valid again" hw --set --date '2040-01-01 00:00:00'
got=$($RTCPY read-time "$DEV")
d=$(tdiff "2040-01-01 00:00:00" "$got")
# A guest slowed by a loaded host reads it seconds on: no more than the
# guest's own seconds since hwclock started, and one for either edge.
w=$((SECONDS - t0 + 2))
if [ "$d" -ge 0 ] && [ "$d" -le "$w" ]; then
	ok "RTC_RD_TIME reads it ($got, at most $w s on)"
else
	not_ok "RTC_RD_TIME reads 2040-01-01 00:00:00 to $w s on" "$got"
fi

# Give the guest its clock back, and the chip the real time.
guest_clock_restore
check "hwclock --systohc with the real time again" hw --systohc
plan_done
done_testing
