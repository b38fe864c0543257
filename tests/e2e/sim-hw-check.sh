#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# scripts/hw-check, the check for owners of a real chip, run on the
# simulated chip through i2c-dev: it refuses while the driver is bound
# (before any transfer), names an address where nothing answers, and
# says that --only vlf-after-power-loss cannot run without --check-vlf;
# unbound, on a chip with VLF set, the checks of the clock, the counter's
# layout, STOP, the flags, a count of 0 and the alarm pass, --check-vlf
# too, and the registers (VLF included) and the time are as found
# afterwards; with --force it runs with the driver bound, and checks can
# fail: VLF clear fails --check-vlf, a NACK fails the check it falls in
# with the I2C error (placed, whatever the guest's pace, on the first
# transfer after clock-runs: hw-check is stopped while the fault is set);
# killed (SIGTERM) after that, it restores the chip all the same. A test
# of hw-check killed, or killed with SIGKILL and followed by sim_up,
# leaves the driver bound, the chosen chip and no fault. The values measured are those of the simulator's chip
# model (kunit/ins5s8563-model.h): a count of 0 at rest, AF 1000 ms after
# STOP=0 at hh:mm:59 and once only. --list names a check, or why there is
# none, for each of the 25 decisions. The checks of the decisions with
# alternatives: tests/e2e/sim-hw-check-decisions.sh on the chosen reading,
# tests/e2e/sim-hw-check-variant-*.sh on each alternative.
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

sim_up_case
# shellcheck source=tests/e2e/lib/hw-check.bash
. "$(dirname "$0")/lib/hw-check.bash"

# -- --list: no bus needed; a line for each decision ---------------------------
rc=0
bash "$HWC" --list >"$out" 2>&1 || rc=$?
missing=
for d in $(seq 25); do
	grep -qE "^$d +[a-z0-9-]+ " "$out" || missing+=" $d"
done
if [ "$rc" = 0 ] && [ -z "$missing" ]; then
	ok "--list: exit 0, a line for each of decisions 1 to 25"
else
	not_ok "--list: exit 0, a line for each of decisions 1 to 25" "exit $rc, missing:${missing:- none}" "$(show)"
fi
listed=$(awk '$2 != "-" && $1 ~ /^[0-9]+$/ { print $2 }' "$out" | LC_ALL=C sort -u)
expect_eq "--list: the checks it names are hw-check's" \
	"alarm-match flags-write-0 flags-write-1 restore stop-first-second stop-holds-timer tf-kept timer-1hz-phase timer-auto-reload timer-count-borrow timer-count-bytes timer-live-read timer-start-loads timer-write-running timer-zero-count vlf-after-power-loss" \
	"$(echo $listed)"

# -- a chip in use: time, an alarm, a countdown at 1/60 Hz ---------------------
chip_in_use

# -- refusals -------------------------------------------------------------------
echo 0 >"$DBG/counters"
hwc
if [ "$rc" = 2 ] && grep -q "driver rtc-ins5s8563 is bound to $client" "$out" &&
   [ "$(sim_counter transfers)" = 0 ]; then
	ok "with the driver bound: refused (exit 2), no transfer"
else
	not_ok "with the driver bound: refused (exit 2), no transfer" "exit $rc, transfers $(sim_counter transfers)" "$(show)"
fi
hwc --addr 0x52
if [ "$rc" = 2 ] && grep -q "no answer from 0x52 on i2c-$BUS" "$out"; then
	ok "nothing at 0x52: exit 2, 'no answer from 0x52'"
else
	not_ok "nothing at 0x52: exit 2 and says so" "exit $rc" "$(show)"
fi

hwc --only vlf-after-power-loss
if [ "$rc" = 2 ] && grep -q "vlf-after-power-loss needs --check-vlf" "$out"; then
	ok "--only vlf-after-power-loss without --check-vlf: cannot run, exit 2"
else
	not_ok "--only vlf-after-power-loss without --check-vlf: cannot run, exit 2" "exit $rc" "$(show)"
fi

# -- unbound, VLF set: the checks pass, the chip is as found -----------------
check "unbind $client" sh -c "echo $client >$drv/unbind"
# VLF as after a power loss, the rest of the chip as in use.
echo "0x02 $(($(sim_reg 0x02) | 0x80))" >"$DBG/regs"
# The list as a user may type it, spaces after commas: the same checks.
run_unbound --check-vlf --only 'vlf-after-power-loss, clock-runs, timer-1hz-phase,timer-count-bytes,timer-count-borrow,stop-holds-timer,flags-write-1,flags-write-0,timer-zero-count, alarm-match'
if [ "$rc" = 0 ] && [ "$(nfail)" = 0 ] && [ "$(npass)" = 11 ] &&
   grep -q '^hw-check: 11 passed, 0 failed$' "$out"; then
	ok "unbound, --check-vlf with VLF set, --only 'a, b': 10 checks and the restore PASS, exit 0"
else
	not_ok "unbound, --check-vlf with VLF set, --only 'a, b': 10 checks and the restore PASS, exit 0" "exit $rc" "$(show)"
fi
expect_eq "decision 21, timer-zero-count: no TF, count 0" \
	"count 0 at 4096 Hz for 0.2 s: Control_2 0x00, count 0" "$(detail timer-zero-count)"
holds "decision 20, alarm-match" "AF after STOP=0 at hh:mm:59: the window measured holds 1000 ms" \
	"$(num alarm-match 'later (between \([0-9]*\) and')" \
	"$(num alarm-match 'and \([0-9]*\)), cleared')" 1000
if detail alarm-match | grep -q '00:01:30: Control_2 0x00 1.2 s later;.*cleared: Control_2 0x00 1.5 s later$'; then
	ok "decisions 10 and 20, alarm-match: no AF in the minute written, none again after clearing"
else
	not_ok "decisions 10 and 20, alarm-match: no AF in the minute written, none again after clearing" "$(show)"
fi
as_found_cases "the clock's checks" ", VLF still set"

# -- checks that fail, and SIGTERM: --force with the driver bound,
#    --check-vlf on a chip with VLF clear, a NACK in the middle; killed once
#    the NACK has failed a check --------------------------------------------------
check "bind $client" sh -c "echo $client >$drv/bind"
sim_rtc
check "hwclock --systohc (clears VLF)" hw --systohc
before=$(regs)
clock_sync
# shellcheck disable=SC2034 # t0 e0 t1 e1: read by drift_ok
t0=$HOST e0=$CHIP
# The NACK lands in whichever check follows clock-runs, whatever the
# guest's pace: hw-check is stopped (SIGSTOP) once clock-runs has passed,
# with the driver quiet (clock-runs turned the chip's interrupts off), the
# fault set for the next transfer, and hw-check let go on. Each check's
# transfer failing fails that check (none is retried but the restore's).
bash "$HWC" --bus "$BUS" --force --check-vlf >"$out" 2>&1 </dev/null &
pid=$!
stage=clock-runs
# Each wait ends too on clock-runs failing or hw-check gone: neither
# comes to what is waited for. Two minutes by the clock, not turns (a
# process start takes hundreds of ms in UML; 300 s is the test's bound).
end=$((SECONDS + 120))
while [ "$SECONDS" -lt "$end" ]; do
	grep -qE '^(PASS|FAIL) clock-runs: ' "$out" && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
done
if kill -STOP "$pid" 2>/dev/null && grep -q '^PASS clock-runs: ' "$out"; then
	echo "nack 1 1" >"$DBG/fault"
	kill -CONT "$pid"
	stage="the NACK's FAIL"
	end=$((SECONDS + 120))
	while [ "$SECONDS" -lt "$end" ]; do
		grep -q '^FAIL .*I2C error' "$out" && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	grep -q '^FAIL .*I2C error' "$out" && stage=
fi
[ -z "$stage" ] || diag "hw-check did not reach $stage"
# Stopped where clock-runs did not pass: a SIGTERM alone would wait.
kill -CONT "$pid" 2>/dev/null || true
kill -TERM "$pid" 2>/dev/null || true
rc=0
wait "$pid" || rc=$?
# hwc_cleanup waits for a $pid still set.
unset pid
echo off >"$DBG/fault"
clock_sync
# shellcheck disable=SC2034
t1=$HOST e1=$CHIP
after=$(regs)
diag "$(cat "$out")"
if grep -q '^FAIL vlf-after-power-loss: .*VLF=0' "$out"; then
	ok "--force, driver bound: runs; --check-vlf with VLF clear FAILs"
else
	not_ok "--force, driver bound: runs; --check-vlf with VLF clear FAILs" "$(show)"
fi
if [ "$(grep -c '^FAIL .*I2C error: .*No such device or address' "$out")" = 1 ]; then
	ok "NACK of the first transfer after clock-runs: one check FAILs with the I2C error"
else
	not_ok "NACK of the first transfer after clock-runs: one check FAILs with the I2C error" "$(show)"
fi
if [ "$rc" = 143 ] && [ "$(grep -c 'interrupted: chip restored' "$out")" = 1 ] &&
   ! grep -q '^hw-check: .* passed' "$out"; then
	ok "SIGTERM: exit 143, 'chip restored' once"
else
	not_ok "SIGTERM: exit 143, 'chip restored' once" "exit $rc" "$(show)"
fi
expect_eq "after SIGTERM: registers as found" "$before" "$after"
drift_ok "after SIGTERM: the time as found plus the run"

# -- a hw-check test killed mid-run (e2e-run's timeout, a case failing
#    under set -e) leaves the next test of the boot the driver bound, the
#    chip on its chosen reading and no fault --------------------------------------
lib=$E2E_REPO/tests/e2e/lib
bash -c '. "$1/common.bash"; . "$1/sim.bash"; sim_up_case
	. "$1/hw-check.bash"
	echo "$client" >"$drv/unbind"; echo reload=oneshot >"$DBG/variant"
	echo "nack 100000" >"$DBG/fault"
	kill -TERM $$; sleep 10' _ "$lib" >/dev/null 2>&1 || true
chip_as_chosen() {
	[ -e "/sys/bus/i2c/devices/$client/driver" ] && grep -qx reload=periodic "$DBG/variant" &&
		[ "$(cat "$DBG/fault")" = off ]
}
state() { echo "driver: $(readlink "/sys/bus/i2c/devices/$client/driver"); $(tr '\n' ' ' <"$DBG/variant"); fault: $(cat "$DBG/fault")"; }
if chip_as_chosen; then
	ok "a hw-check test killed (SIGTERM) with the driver unbound, a variant and a fault set: bound, chosen, off"
else
	not_ok "a hw-check test killed (SIGTERM) with the driver unbound, a variant and a fault set: bound, chosen, off" "$(state)"
fi
[ -e "/sys/bus/i2c/devices/$client/driver" ] || echo "$client" >"$drv/bind"
# The same left by a test killed with SIGKILL (no trap runs): sim_up, the
# next test's first case, puts it right.
echo "$client" >"$drv/unbind"
echo reload=oneshot >"$DBG/variant"
echo "nack 100000" >"$DBG/fault"
bash -c '. "$1/common.bash"; . "$1/sim.bash"; sim_up_case' _ "$lib" >/dev/null 2>&1 || true
if chip_as_chosen; then
	ok "sim_up after a test left the driver unbound, a variant and a fault set: bound, chosen, off"
else
	not_ok "sim_up after a test left the driver unbound, a variant and a fault set: bound, chosen, off" "$(state)"
fi
[ -e "/sys/bus/i2c/devices/$client/driver" ] || echo "$client" >"$drv/bind"
# What sim-timer-owner, sim-int-wiring and sim-bad-input change, left by
# one of them killed.
echo 500 >"$DBG/irq_delay_ms"
echo "$client" >"$drv/unbind"
echo reset >"$DBG/int_wiring"
echo none >"$DBG/client_node"
bash -c '. "$1/common.bash"; . "$1/sim.bash"; sim_up_case' _ "$lib" >/dev/null 2>&1 || true
wiring=$(cat /sys/module/ins5s8563_sim/parameters/int_wiring)
sim_left="irq_delay_ms $(cat "$DBG/irq_delay_ms"), int_wiring $(cat "$DBG/int_wiring") (loaded $wiring), client_node $(cat "$DBG/client_node")"
if [ "$sim_left" = "irq_delay_ms 0, int_wiring $wiring (loaded $wiring), client_node /ins5s8563-sim-i2c/rtc@51" ] &&
   chip_as_chosen; then
	ok "sim_up after a test left an interrupt delay, /INT on reset and no client: none, as loaded, the DT's client bound"
else
	not_ok "sim_up after a test left an interrupt delay, /INT on reset and no client: none, as loaded, the DT's client bound" \
		"$sim_left; $(state)"
	echo 0 >"$DBG/irq_delay_ms"
	echo "$wiring" >"$DBG/int_wiring"
	echo /ins5s8563-sim-i2c/rtc@51 >"$DBG/client_node" || true
fi
[ -e "/sys/bus/i2c/devices/$client/driver" ] || echo "$client" >"$drv/bind"
sim_reset_chip
sim_rtc

check "the driver sets and reads the time ($RTC)" hw --systohc
# Leave no alarm or countdown behind for the next test.
check "alarm and countdown off" sh -c "echo 0 >$SYS/wakealarm && echo 0 >$SYS/countdown/enable"
rm -f "$out"
diag "the test took $SECONDS s"
plan_done
done_testing
