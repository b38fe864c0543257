#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# i2cget/i2cdump (i2c-tools, through i2c-dev and the I2C core's SMBus
# emulation) on the simulated bus agree with what the driver reports and
# with the simulator's own register dump.
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

sim_up_case
get() { i2cget -f -y "$BUS" 0x51 "$1" 2>&1; }
check "set the time to 2031-02-03 04:05:06" hwclock $HWCLOCK_OPTS -f "$DEV" --set --date '2031-02-03 04:05:06'

# The registers, read one by one, must give a time between the sysfs
# reads before and after them (a loaded guest takes seconds over the
# eight reads); tried again where a rollover came between two of them.
for try in $(seq 10); do
	d=$(cat "$SYS/date"); t=$(cat "$SYS/time")
	regs=$(for r in 0x02 0x03 0x04 0x05 0x07 0x08; do get $r; done | tr '\n' ' ')
	t1=$(cat "$SYS/time")
	set -- $regs
	c="20${6#0x}-${5#0x}-${4#0x} ${3#0x}:${2#0x}:${1#0x}"
	e=$(date -u -d "$c" +%s 2>/dev/null) || e=0
	[ "$e" -ge "$(date -u -d "$d $t" +%s)" ] && [ "$e" -le "$(date -u -d "$d $t1" +%s)" ] && break
done
if [ "$e" -ge "$(date -u -d "$d $t" +%s)" ] && [ "$e" -le "$(date -u -d "$d $t1" +%s)" ]; then
	ok "i2cget 0x02-0x08 agree with sysfs date and time ($c, sysfs $d $t..$t1)"
else
	not_ok "i2cget 0x02-0x08 agree with sysfs date and time" "registers $c, sysfs $d $t..$t1"
fi

# The rtc core writes an alarm to the chip only when it is enabled. An
# hour ahead, it goes to the countdown timer at 1 Hz, TIE set: the count
# is the seconds from the chip's time to the alarm (a loaded guest takes
# seconds between the set and this read; the chip's time is read
# before and after).
check "RTC_WKALM_SET 2031-02-03 05:06:00 (enabled)" $RTCPY set-alarm "$DEV" "2031-02-03 05:06:00" 1
at=$(date -u -d '2031-02-03 05:06:00' +%s)
before=$((at - $($RTCPY chip-epoch "$DBG")))
n=$(( $(get 0x0f) | $(get 0x13) << 8 | $(get 0x12) << 16 ))
exp=$((at - $($RTCPY chip-epoch "$DBG")))
if [ "$n" -ge "$exp" ] && [ "$n" -le $((before + 1)) ] && [ "$n" -le 3654 ]; then
	ok "i2cget 0x0f/0x13/0x12 hold the alarm's count ($n s)"
else
	not_ok "i2cget 0x0f/0x13/0x12 hold the alarm's count ($exp to $((before + 1)) s)" "$n"
fi
expect_eq "i2cget 0x0e: TE=1, TD=1 Hz; 0x01: TIE set" "0x82 1" "$(get 0x0e) $(( $(get 0x01) & 1 ))"
expect_eq "RTC_WKALM_RD agrees" "1 0 2031-02-03 05:06:00" "$($RTCPY read-alarm "$DEV")"

# The countdown takes the timer: the alarm moves to 0x09-0x0b.
cd_=$SYS/countdown
echo 0 >"$cd_/enable"; echo 1/60 >"$cd_/clock"; echo 0x123456 >"$cd_/ticks"; echo 1 >"$cd_/enable"
expect_eq "i2cget 0x09-0x0b then hold the alarm 05:06 day 3, AIE set" "0x06 0x05 0x03 2" \
	"$(get 0x09) $(get 0x0a) $(get 0x0b) $(( $(get 0x01) & 2 ))"
$RTCPY aie "$DEV" off

expect_eq "i2cget 0x0f/0x13/0x12 hold the counter the driver reports" \
	"$(cat "$cd_/remaining")" "$(( $(get 0x0f) | $(get 0x13) << 8 | $(get 0x12) << 16 ))"
expect_eq "i2cget 0x0e: TE=1, TD=1/60 Hz" 0x83 "$(get 0x0e)"
echo 0 >"$cd_/enable"

dump=$(i2cdump -f -y "$BUS" 0x51 b 2>&1)
row0=$(echo "$dump" | awk '$1 == "00:" { for (i = 2; i <= 17; i++) printf "%s ", $i }')
mine=$(awk '$1 == "00:" { for (i = 2; i <= 17; i++) printf "%s ", $i }' "$DBG/regs")
# SEC (0x02) may tick between the two reads.
expect_eq "i2cdump row 0x00 equals the chip's registers (but SEC)" \
	"$(echo "$mine" | cut -d' ' -f1,2,4-)" "$(echo "$row0" | cut -d' ' -f1,2,4-)"
row1=$(echo "$dump" | awk '$1 == "10:" { for (i = 2; i <= 17; i++) printf "%s ", $i }')
expect_eq "i2cdump 0x10, 0x11 and 0x14-0x1f read 0; 0x12/0x13 the counter" \
	"00 00 12 34 00 00 00 00 00 00 00 00 00 00 00 00 " "$row1"
plan_done
done_testing
