#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What probe finds on the chip, through unbind and bind (the simulated
# chip keeps its registers, as a real one across a reset of the board):
# TF set means the last reset was the watchdog's (boot status CARDRESET,
# in wdctl; TF cleared); none without it; a watchdog left running at 1 Hz
# with TIE (a boot loader's, the last kernel's) is kept running and fed by
# the kernel until userspace opens it (WDOG_HW_RUNNING), and stops on a
# magic close.
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

SIM_WIRING=reset
sim_up_case
log_mark "sim-wdt-3-reprobe: start"
drv=/sys/bus/i2c/drivers/rtc-ins5s8563
unbind() { echo "$BUS-0051" >"$drv/unbind"; }
bind() { echo "$BUS-0051" >"$drv/bind" && sim_rtc && sim_wdt; }
poke() { echo "$1 $2" >"$DBG/regs"; }
ctrl2() { echo $(($(sim_reg 0x01))); }

sim_wdt || true
expect_eq "the watchdog is stopped to begin with (TE=0)" 0 "$(wdt_te)"

# The watchdog's reset: TF set (the counter reached 0, with TIE and
# TI_TP the pulse that reset the board).
check "unbind" unbind
check "TF set on the chip (poke 0x01 0x15: TI_TP, TF, TIE)" poke 0x01 0x15
check "bind with TF set" bind
out=$(wdctl "$WDEV" 2>&1)
if printf '%s\n' "$out" | grep -q '^CARDRESET .* 1$'; then
	ok "wdctl: CARDRESET in the boot status"
else
	not_ok "wdctl: CARDRESET in the boot status" "$out"
fi
sysfs_eq "sysfs bootstatus 32 (WDIOF_CARDRESET)" 32 bootstatus
expect_eq "probe cleared TF" 0 $(($(ctrl2) & 0x04))
expect_eq "probe left the watchdog stopped" 0 "$(wdt_te)"

check "unbind again" unbind
check "bind with TF clear" bind
out=$(wdctl "$WDEV" 2>&1)
if printf '%s\n' "$out" | grep -q '^CARDRESET .* 0$'; then
	ok "wdctl: no CARDRESET this time"
else
	not_ok "wdctl: no CARDRESET this time" "$out"
fi

# Left running by the last owner: 1 Hz (TD=2), TE, TIE, a 3 s count.
echo 0 >"$DBG/counters"
check "unbind for a running watchdog" unbind
check "a 3 s watchdog running at 1 Hz (0x0f 3, 0x0e 0x82, 0x01 0x11)" sh -c \
	"echo '0x12 0' >$DBG/regs && echo '0x13 0' >$DBG/regs && echo '0x0f 3' >$DBG/regs &&
	 echo '0x01 0x11' >$DBG/regs && echo '0x0e 0x82' >$DBG/regs"
check "bind with it running" bind
expect_eq "still running after probe (TE=1)" 1 "$(wdt_te)"
sysfs_eq "sysfs state: not active (no user), the kernel feeds it" inactive state
sleep 8
expect_eq "fed by the kernel: no reset in 8 s" 0 "$(sim_counter resets)"
expect_eq "still running (TE=1)" 1 "$(wdt_te)"
expect_eq "in pulse mode (TI_TP), TIE" $((0x11)) $(($(ctrl2) & 0x11))
check "opened, fed, magic close" $WDPY run "$WDEV" --hold 1
expect_eq "stopped by the magic close (TE=0)" 0 "$(wdt_te)"
sleep 4
expect_eq "no reset after all" 0 "$(sim_counter resets)"

# The rtc is back too.
check "hwclock sets and reads the time after the rebinds" sh -c \
	"hwclock $HWCLOCK_OPTS -f $DEV --systohc && hwclock $HWCLOCK_OPTS -f $DEV --show"
check "kernel log clean" no_splat "sim-wdt-3-reprobe: start"
plan_done
done_testing
