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
# than the core's 5 ms, and the kernel writes no sooner than its window.
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
# Hz fraction, truncated in both readings, and a margin): whatever the
# guest's pace, that is the driver's. Tried again until a try is on time
# with its bus within the 5 ms the core gives it, up to 5 times.
# least A B: the smaller of A and B, a number not measured (nan) or none
# yet ("") left out.
least() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (b !~ /^-?[0-9]/) print a; else if (a == "" || b + 0 < a + 0) print b; else print a }'
}
try=0 line='' pace='' astray='' minbus='' minlate='' early=0 toosoon=''
onms='' ontry='' onhalf=''
while [ "$try" -lt 5 ]; do
	try=$((try + 1))
	line=$($TS ntp "$DEV" "$DBG" 1 1000 2>&1)
	[[ $line == "OFFSET ntp "* ]] || break
	read -r _ _ ms took bus late after half <<<"$line"
	if j=$($TS ntp-judge "$bus" "$late" "$half" 2>&1); then
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
	[ "$pace" = early ] && early=$((early + 1))
	[ "$pace" = on ] && onms=$ms ontry=$try onhalf=$half
	# rtc_tv_nsec_ok() lets the core write no sooner than 5 jiffies (50
	# ms at UML's HZ=100) before its aim, when its work reads the clock;
	# the first access comes after that read, later still in a guest
	# descheduled between them, so only the early side holds on every
	# try.
	awk -v l="$late" -v h="$half" 'BEGIN { exit !(l ~ /^-?[0-9]/ && l >= -(50 + h + 0.1)) }' ||
		toosoon="${toosoon:+$toosoon; }try $try: $late ms"
	minlate=$(least "$minlate" "$late")
	minbus=$(least "$minbus" "$bus")
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
	# The bound, on the last try on time (ntp-judge), to the brackets of
	# its readings of the chip.
	if [ -z "$ontry" ]; then
		# No try in 5 whose kernel path let the bound hold: the
		# guest's pace, which says nothing of the driver (the cases
		# around this one judge every try: the chip, the bus, the
		# kernel's aim).
		skip "the NTP update lands within 5 ms of the system clock" \
			"no try on time in $try (last: $pace, $late ms, bus $bus ms; the chip at $ms ms)"
	elif awk -v m="$onms" -v h="$onhalf" 'BEGIN { exit !(m >= -(5 + h) && m <= 5 + h) }'; then
		ok "the NTP update lands within 5 ms of the system clock ($onms ms, try $ontry)"
	else
		not_ok "the NTP update lands within 5 ms of the system clock" "$onms ms on try $ontry, brackets $onhalf ms" "$line"
	fi
	# The kernel aims where set_offset_nsec = 1005 ms says: never before
	# the core's window, and early on every try only if it aims early
	# (an early write needs the work the clear queues stalled half a
	# second); on time within the window on one try at least, however
	# late the guest runs the others. The value itself is KUnit's
	# (ins5s8563-time's set_offset cases).
	if [ -n "$toosoon" ]; then
		not_ok "the kernel wrote at the moment set_offset_nsec = 1005 ms aims at" "before the core's window: $toosoon"
	elif [ "$early" = "$try" ]; then
		not_ok "the kernel wrote at the moment set_offset_nsec = 1005 ms aims at" "early on all $try tries, the least $minlate ms"
	elif [ -z "$minlate" ] || ! awk -v l="$minlate" 'BEGIN { exit !(l <= 50) }'; then
		not_ok "the kernel wrote at the moment set_offset_nsec = 1005 ms aims at" "no try within the core's 50 ms (the least ${minlate:-unmeasured} ms)"
	else
		ok "the kernel wrote at the moment set_offset_nsec = 1005 ms aims at, within the core's 50 ms ($minlate ms at the least)"
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
