#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The kernel's own NTP-driven update of the chip (rtc_set_ntp_time(),
# CONFIG_RTC_SYSTOHC writing rtc0 at the moment set_offset_nsec asks for)
# and hwclock --systohc with the --delay the README gives for a chip whose
# first second after STOP is a whole one (decision 15; the simulator's
# default variant). Offsets are the chip's clock minus the system clock,
# from the simulator's own clock (tests/e2e/lib/timeset.py), not the rtc
# read back at second resolution.
#
# Not timing-fragile: the 5 ms bound is the rtc core's (set_offset_nsec
# gives the write's transport 5 ms: the chip lands 5 ms less the time
# from the moment the core aimed at to STOP released), and a guest that
# ran the kernel's work early or late is told from the trace (its first
# bus access against that moment; timeset.py ntp-judge) and tried again,
# up to 5 times. What the guest's pace cannot excuse is judged on every
# try: the chip holds what the write's moment says, the bus takes no more
# than the core's 5 ms, and the kernel aims where set_offset_nsec says.
#
# Named to run first in the simulated chip's boot (before sim-0-suspend):
# CONFIG_RTC_SYSTOHC_DEVICE is rtc0, and the chip is rtc0 only until a
# test unbinds it (the alarm timers keep rtc0, a bind makes rtc1).
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

TS="/usr/bin/python3 $E2E_REPO/tests/e2e/lib/timeset.py"
guest_clock_save
sim_up_case
# Whatever happens, the clock is reported unsynchronized again: the kernel
# must not write the chip under the tests that follow.
trap '$TS ntp-synced off' EXIT

expect_eq "the chip is rtc0, the rtc the kernel's NTP update writes (CONFIG_RTC_SYSTOHC_DEVICE)" \
	/dev/rtc0 "$DEV"
check "hwclock --systohc: a valid time to start from" hw --systohc

# One try: "OFFSET ntp MS TOOK BUS LATE AFTER HALF" (timeset.py), judged
# "PACE EXPECT" (ntp-judge). On every try the chip must be at EXPECT,
# within the two offsets' brackets (HALF) and 0.25 ms (the chip's 32768
# Hz fraction, truncated in both readings, and a margin), and no write
# may be the sync timer's before the moment aimed at ("aim"): whatever
# the guest's pace, these are the driver's. Tried again until a try is
# on time with its bus within the 5 ms the core gives it, up to 5 times.
try=0 line='' pace='' astray='' offaim='' minbus=''
while [ "$try" -lt 5 ]; do
	try=$((try + 1))
	line=$($TS ntp "$DEV" "$DBG" 1 1000 2>&1)
	[[ $line == "OFFSET ntp "* ]] || break
	read -r _ _ ms took bus late after half <<<"$line"
	if j=$($TS ntp-judge "$bus" "$late" "$after" "$half" 2>&1); then
		read -r pace expect <<<"$j"
	else
		pace="not judged ($j)" expect=nan
	fi
	diag "try $try: the chip at $ms ms, $took s after STA_UNSYNC was cleared; the write's first access $late ms after the moment aimed at, $after s after the clear ($pace), STOP released $bus ms after it: the chip due at $expect ms (brackets $half ms)"
	awk -v m="$ms" -v e="$expect" -v h="$half" 'BEGIN {
		n = "^-?[0-9]+([.][0-9]+)?$"
		if (m !~ n || e !~ n || h !~ n) exit 1
		d = m - e; t = h + 0.25; exit !(d >= -t && d <= t) }' ||
		astray="${astray:+$astray; }try $try: $ms ms, due at $expect ms ($pace)"
	# The sync timer never fires early, and the core writes within 5
	# jiffies (50 ms at UML's HZ=100) of its aim however late its work
	# runs: either off means another set_offset_nsec than 1005 ms (its
	# value is KUnit's: ins5s8563-time's set_offset cases).
	[ "$pace" != aim ] && awk -v l="$late" 'BEGIN { exit !(l ~ /^-?[0-9]/ && l >= -50 && l <= 50) }' ||
		offaim="${offaim:+$offaim; }try $try: $late ms, $after s after the clear ($pace)"
	minbus=$(awk -v a="$minbus" -v b="$bus" 'BEGIN {
		if (b !~ /^[0-9]/) print a; else if (a == "" || b + 0 < a + 0) print b; else print a }')
	[ "$pace" = on ] && awk -v b="$bus" 'BEGIN { exit !(b <= 5) }' && break
done
case $line in
"OFFSET ntp "*)
	ok "a chip set 30 s ahead is corrected by the kernel's NTP update once adjtimex clears STA_UNSYNC ($took s)"
	if [ -z "$astray" ]; then
		ok "the chip holds what its write's moment says on every try ($try; 5 ms less the time from the moment aimed at to STOP released)"
	else
		not_ok "the chip holds what its write's moment says on every try" "$astray"
	fi
	if [ -n "$minbus" ] && awk -v b="$minbus" 'BEGIN { exit !(b <= 5) }'; then
		ok "the driver's write fits the 5 ms set_offset_nsec gives its transport: first access to STOP released in $minbus ms (the least of $try tries)"
	else
		not_ok "the driver's write fits the 5 ms set_offset_nsec gives its transport" \
			"first access to STOP released in ${minbus:-an unmeasured time} ms at the least, in $try tries"
	fi
	if [ "$pace" != on ]; then
		# No write in 5 tries whose kernel path let the bound hold
		# (ntp-judge): the guest's pace, which says nothing of the
		# driver (the cases around this one judge every try: the
		# chip, the bus, the kernel's aim).
		skip "the NTP update lands within 5 ms of the system clock" \
			"the kernel's write was off its moment in all $try tries (last: $pace, $late ms, bus $bus ms; the chip at $ms ms)"
	elif awk -v m="$ms" 'BEGIN { exit !(m >= -5 && m <= 5) }'; then
		ok "the NTP update lands within 5 ms of the system clock ($ms ms, try $try)"
	else
		not_ok "the NTP update lands within 5 ms of the system clock" "$ms ms after $try tries" "$line"
	fi
	if [ -z "$offaim" ]; then
		ok "the kernel wrote at the moment set_offset_nsec = 1005 ms aims at: never before it by the sync timer, within the core's 50 ms ($late ms)"
	else
		not_ok "the kernel wrote at the moment set_offset_nsec = 1005 ms aims at" "$offaim"
	fi
	;;
*)
	not_ok "a chip set 30 s ahead is corrected by the kernel's NTP update once adjtimex clears STA_UNSYNC" \
		"try $try: $line${astray:+; before it: $astray}"
	not_ok "the chip holds what its write's moment says on every try" "no update"
	not_ok "the driver's write fits the 5 ms set_offset_nsec gives its transport" "no update"
	not_ok "the NTP update lands within 5 ms of the system clock" "no update"
	not_ok "the kernel wrote at the moment set_offset_nsec = 1005 ms aims at" "no update"
	;;
esac
expect_eq "STA_UNSYNC set again after the measurement" unsync "$($TS ntp-status 2>&1)"

# hwclock before util-linux 2.40 without --delay writes N + 1 at N (its
# issue 1600): the chip about a second ahead. With --delay 1, the
# README's advice for a whole first second on those releases, it lands
# on the system clock. From 2.40 hwclock rounds, and --delay 1 leaves
# the chip about a second behind (the README: leave --delay out there).
# hwclock finds its moment by reading the system clock in a loop: a
# guest that is descheduled there lands late by as much, and a loop that
# ends on (or just before) its target has ceil() give 0: a second behind
# (1 in 11 tries on a loaded guest; README, "Setting the time"): the
# bound is 20 ms (100 ms for the second behind, as for the second ahead
# below) and the best of 3.
uver=$(hwclock --version 2>&1 | sed -n 's/.*util-linux \([0-9][0-9]*\.[0-9][0-9]*\).*/\1/p')
case $uver in
"")	# No release to judge it by: a failure, not a guess (2.40's).
	want=0 lo=1 hi=0
	dname="hwclock --systohc --delay 1: hwclock --version names no util-linux release" ;;
2.[0-9]|2.[0-3][0-9])
	want=0 lo=-20 hi=20
	dname="hwclock --systohc --delay 1 (util-linux $uver, before 2.40) lands within 20 ms of the system clock, best of 3" ;;
*)	want=-1000 lo=-1100 hi=-980
	dname="hwclock --systohc --delay 1 (util-linux $uver, 2.40 or later): the chip about a second behind, best of 3" ;;
esac
best=
for i in 1 2 3; do
	l=$($TS hwclock "$DEV" "$DBG" 1 1 2>&1) || { diag "try $i failed: $l"; continue; }
	m=${l##* }
	diag "hwclock --systohc --delay 1, try $i: $m ms"
	best=$(awk -v a="$best" -v m="$m" -v w="$want" 'BEGIN { d = m - w; e = a - w; if (a == "" || (d < 0 ? -d : d) < (e < 0 ? -e : e)) print m; else print a }')
done
if awk -v m="$best" -v lo="$lo" -v hi="$hi" 'BEGIN { exit !(m ~ /^[-+0-9.]+$/ && m >= lo && m <= hi) }'; then
	ok "$dname ($best ms)"
else
	not_ok "$dname" "${best:-no try measured}"
fi
# Without --delay the outcome is util-linux's: before 2.40 it rounds the
# second up (N + 1 written at N.000: the chip about a second ahead), from
# 2.40 on it rounds (N: on the system clock, as --delay 1 is before).
l=$($TS hwclock "$DEV" "$DBG" 1 2>&1)
m=${l##* }
case $uver in
"")	not_ok "hwclock --version names its util-linux release" "$(hwclock --version 2>&1)" ;;
2.[0-9]|2.[0-3][0-9])
	if awk -v m="$m" 'BEGIN { exit !(m ~ /^[-+0-9.]+$/ && m >= 900 && m <= 1020) }'; then
		ok "hwclock --systohc without --delay (util-linux $uver, before 2.40): the chip about a second ahead, as the README says ($m ms)"
	else
		not_ok "hwclock --systohc without --delay (util-linux $uver, before 2.40): the chip about a second ahead, as the README says" "$l"
	fi ;;
*)	if awk -v m="$m" 'BEGIN { exit !(m ~ /^[-+0-9.]+$/ && m >= -20 && m <= 20) }'; then
		ok "hwclock --systohc without --delay (util-linux $uver, 2.40 or later): within 20 ms of the system clock ($m ms)"
	else
		not_ok "hwclock --systohc without --delay (util-linux $uver, 2.40 or later): within 20 ms of the system clock" "$l"
	fi ;;
esac

# Give the guest its clock back, and the chip the real time.
guest_clock_restore
check "hwclock --systohc with the real time again" hw --systohc
plan_done
done_testing
