#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# nowayout: the driver's module parameter is the kernel's default
# (WATCHDOG_NOWAYOUT, off in the test kernel), which the other tests rely
# on (a magic close stops the watchdog). Set on the device (sysfs
# nowayout, CONFIG_WATCHDOG_SYSFS), a magic close no longer stops it:
# the board is reset one timeout later, and the module is pinned.
#
# The module parameter itself (nowayout=1) would need the module
# unloaded and loaded again, and in this UML kernel a module loaded after
# an unload draws a KASAN global-out-of-bounds report from load_module()
# (see scripts/e2e-run), which fails the boot: not done here.
#
# Runs last in the watchdog boot: after it the chip resets the simulated
# board every few seconds until the boot ends (only counted: nothing is
# reset).
# It comes last of the watchdog's tests: it leaves the watchdog running,
# and the module pinned.
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

SIM_WIRING=reset
sim_up_case
log_mark "sim-wdt-5-nowayout: start"
sim_wdt || true
expect_eq "the watchdog is stopped to begin with (TE=0)" 0 "$(wdt_te)"
expect_eq "module parameter nowayout: N (the default)" N \
	"$(cat /sys/module/rtc_ins5s8563/parameters/nowayout 2>&1)"

if [ ! -e "$WSYS/nowayout" ]; then
	skip "nowayout set on the device" "no $WSYS/nowayout (CONFIG_WATCHDOG_SYSFS not set)"
	plan_done
	exit 0
fi
expect_eq "sysfs nowayout 0" 0 "$(cat "$WSYS/nowayout")"
check "nowayout set through sysfs" sh -c "echo 1 >$WSYS/nowayout"
expect_eq "sysfs nowayout 1" 1 "$(cat "$WSYS/nowayout")"
echo 0 >"$DBG/counters"
check "opened with a 3 s timeout, fed 1 s, magic close" $WDPY run "$WDEV" --timeout 3 --hold 1
expect_eq "still running after the magic close (TE=1)" 1 "$(wdt_te)"
sleep 4.5
n=$(sim_counter resets)
if [ "$n" -ge 1 ]; then ok "the board was reset ($n) 4.5 s after"; else not_ok "the board reset within 4.5 s" "resets $n"; fi
if rmmod rtc_ins5s8563 2>/dev/null; then
	not_ok "the module is pinned while the watchdog runs"
else
	ok "the module is pinned while the watchdog runs"
fi
check "kernel log clean" no_splat "sim-wdt-5-nowayout: start"
plan_done
done_testing
