#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The simulator's /INT wiring (debugfs int_wiring), with the driver's
# countdown as the source of /INT: wired to the interrupt ("irq", the
# default) an expiry interrupts; wired to the board's reset ("reset", what
# the watchdog's reset-source boards have) the start of each /INT pulse,
# or a level going low, counts as a reset in "counters" and raises no
# interrupt. The watchdog's own tests (sim-wdt-*.sh) boot with the wiring
# as a module parameter; this one rewires at run time and puts it back.
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

sim_up_case
cd_=$SYS/countdown
setup() {
	echo 0 >"$cd_/enable" && echo 0 >"$cd_/expired" && echo "$3" >"$cd_/pulse" &&
		echo "$1" >"$cd_/clock" && echo "$2" >"$cd_/ticks"
}
wiring() { echo "$1" >"$DBG/int_wiring"; }

expect_eq "int_wiring reads irq (the default)" irq "$(cat "$DBG/int_wiring" 2>&1)"
if wiring bogus 2>/dev/null; then
	not_ok "int_wiring refuses 'bogus'"
else
	ok "int_wiring refuses 'bogus'"
fi
expect_eq "int_wiring still irq" irq "$(cat "$DBG/int_wiring" 2>&1)"

# Wired to the interrupt: 64 Hz x 16, 4 expiries a second, each holding
# /INT low until the driver clears TF (level mode: a pulse on the
# level-low line is lost while the driver's threaded handler keeps it
# masked, as it would be on a board).
check "irq wiring: 64 Hz x 16, level mode, set up" setup 64 16 0
echo 0 >"$DBG/counters"
echo 1 >"$cd_/enable"
sleep 1.1
echo 0 >"$cd_/enable"
ints=$(sim_counter interrupts) resets=$(sim_counter resets)
if [ "$ints" -ge 3 ] && [ "$resets" = 0 ]; then
	ok "irq wiring: expiries interrupt ($ints), no reset"
else
	not_ok "irq wiring: expiries interrupt, no reset" "interrupts $ints resets $resets"
fi

# Wired to the reset: 1 Hz x 1 pulses, one reset each.
check "int_wiring takes reset" wiring reset
expect_eq "int_wiring reads reset" reset "$(cat "$DBG/int_wiring" 2>&1)"
check "reset wiring: 1 Hz x 1, pulse mode, set up" setup 1 1 1
echo 0 >"$DBG/counters"
echo 1 >"$cd_/enable"
sleep 3.5
echo 0 >"$cd_/enable"
ints=$(sim_counter interrupts) resets=$(sim_counter resets) exp=$(sim_counter timer_expiries)
if [ "$ints" = 0 ] && [ "$resets" -ge 3 ] && [ "$resets" -le 4 ] && [ "$resets" = "$exp" ]; then
	ok "reset wiring: one reset per pulse ($resets in 3.5 s), no interrupt"
else
	not_ok "reset wiring: one reset per pulse (3-4 in 3.5 s), no interrupt" \
		"interrupts $ints resets $resets timer_expiries $exp"
fi

# A level: one reset when /INT goes low; it stays low (nobody clears TF
# without the interrupt), and further expiries are no new reset.
check "reset wiring: 1 Hz x 1, level mode, set up" setup 1 1 0
echo 0 >"$DBG/counters"
echo 1 >"$cd_/enable"
sleep 2.5
int=$(cat "$DBG/int")
echo 0 >"$cd_/enable"
resets=$(sim_counter resets) exp=$(sim_counter timer_expiries)
if [ "$resets" = 1 ] && [ "$exp" -ge 2 ] && [ "$int" = 1 ]; then
	ok "reset wiring: a level going low is one reset ($exp expiries), /INT stays low"
else
	not_ok "reset wiring: a level going low is one reset, /INT stays low" \
		"resets $resets timer_expiries $exp int $int"
fi
expect_eq "reset wiring: no interrupt" 0 "$(sim_counter interrupts)"
echo 0 >"$cd_/expired"
expect_eq "timer off, TF cleared: /INT released" 0 "$(cat "$DBG/int")"

check "int_wiring back to irq" wiring irq
check "irq wiring: 64 Hz x 16, level mode, set up again" setup 64 16 0
echo 0 >"$DBG/counters"
echo 1 >"$cd_/enable"
sleep 1.1
echo 0 >"$cd_/enable"
ints=$(sim_counter interrupts) resets=$(sim_counter resets)
if [ "$ints" -ge 3 ] && [ "$resets" = 0 ]; then
	ok "irq wiring again: expiries interrupt ($ints), no reset"
else
	not_ok "irq wiring again: expiries interrupt, no reset" "interrupts $ints resets $resets"
fi
echo 0 >"$cd_/expired"
plan_done
done_testing
