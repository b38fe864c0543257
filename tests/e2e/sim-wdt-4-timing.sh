#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The watchdog never resets a healthy board, on the simulated chip with
# /INT wired to the board's reset (int_wiring=reset), events placed against
# the chip's own clock (the simulator's clock and reset_at):
# - starved after a ping 10 ms before a seconds rollover, the board is
#   reset no sooner than the timeout after that ping (and within a second
#   after it), for timeouts 2, 3 and 10;
# - held open at a 3 s timeout by a feeding process across a suspend of the
#   devices that lasts 5 s (pm_test devices; userspace frozen, nobody
#   feeds it): no reset;
# - a magic close whose stop write fails: the counter runs on, and the
#   watchdog core feeds it (the driver leaves it known to run): no reset
#   in three timeouts; the next magic close stops it.
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

SIM_WIRING=reset
sim_up_case
log_mark "sim-wdt-4-timing: start"
if ! sim_wdt; then
	not_ok "the chip's watchdog" "no watchdog under /sys/bus/i2c/devices/$BUS-0051"
	plan_done
	exit 1
fi
ok "the chip's watchdog ($WDT)"
hw --set --date "2024-06-15 12:00:00" >/dev/null 2>&1

for t in 2 3 10; do
	out=$($WDPY starve "$WDEV" "$t" "$DBG" 0.990 2>&1)
	after=$(printf '%s\n' "$out" | sed -n 's/.* after=\([0-9.]*\)$/\1/p')
	if [ -n "$after" ] && awk -v a="$after" -v t="$t" 'BEGIN { exit !(a >= t && a <= t + 1.05) }'; then
		ok "timeout $t, pinged 10 ms before a rollover: reset $after s after the ping"
	else
		not_ok "timeout $t, pinged 10 ms before a rollover: reset no sooner than $t s, within $((t + 1)) s" "$out"
	fi
done
expect_eq "stopped after the magic closes" 0 "$(wdt_te)"

# Across a suspend of the devices (5 s), fed before and after it.
echo 0 >"$DBG/counters"
$WDPY run "$WDEV" --timeout 3 --hold 12 >/dev/null 2>&1 &
pid=$!
sleep 2
if [ -w /sys/power/pm_test ] && grep -qw mem /sys/power/state; then
	echo devices >/sys/power/pm_test
	check "suspend (pm_test devices, 5 s) with the watchdog open at 3 s" \
		sh -c 'echo mem >/sys/power/state'
	echo none >/sys/power/pm_test
else
	not_ok "the kernel can test suspend (pm_test, mem)"
fi
if wait $pid; then ok "the feeding process ran to its magic close"; else not_ok "the feeding process ran to its magic close"; fi
expect_eq "across the suspend: no reset" 0 "$(sim_counter resets)"
expect_eq "stopped after the magic close" 0 "$(wdt_te)"

# A magic close whose stop write fails (the next transfer, the stop).
echo 0 >"$DBG/counters"
check "a magic close with its stop write failing" \
	$WDPY run "$WDEV" --timeout 3 --hold 1 --fault "$DBG/fault" "timeout 1 1"
expect_eq "the stop did not reach the chip: TE=1" 1 "$(wdt_te)"
sleep 10
expect_eq "fed by the watchdog core: no reset in three timeouts (10 s)" 0 "$(sim_counter resets)"
if dmesg | grep -q "watchdog not stopped"; then
	ok "the driver said so: watchdog not stopped"
else
	not_ok "the kernel log has the driver's 'watchdog not stopped'" "$(dmesg | tail -n 5)"
fi
check "the next magic close stops it" $WDPY run "$WDEV" --timeout 3
expect_eq "stopped: TE=0" 0 "$(wdt_te)"
n=$(sim_counter resets)
sleep 5
expect_eq "stopped: no reset in 5 s" "$n" "$(sim_counter resets)"
echo off >"$DBG/fault"
check "kernel log clean" no_splat "sim-wdt-4-timing: start"
plan_done
done_testing
