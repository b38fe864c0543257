#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# scripts/hw-check, the check for owners of a real chip, run on the
# simulated chip through i2c-dev: it refuses while the driver is bound
# (before any transfer) and names an address where nothing answers;
# unbound, on a chip with VLF set, every check passes, --check-vlf too,
# and the registers (VLF included) and the time are as found afterwards;
# with --force it runs with the driver bound, and checks can fail: VLF
# clear fails --check-vlf, a NACK in the middle fails a check with the
# I2C error; killed (SIGTERM) after that, it restores the chip all the
# same.
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

sim_up_case
HWC=$E2E_REPO/scripts/hw-check
drv=/sys/bus/i2c/drivers/rtc-ins5s8563
client=$BUS-0051
out=$(mktemp)

# hwc ARGS: run hw-check on the simulated bus; its output in $out, exit
# status in $rc.
hwc() {
	rc=0
	bash "$HWC" --bus "$BUS" "$@" >"$out" 2>&1 || rc=$?
}
# The registers hw-check saves and restores, as the simulator holds them.
regs() {
	local r
	for r in 0x00 0x01 0x09 0x0a 0x0b 0x0c 0x0d 0x0e; do printf '%s=%s ' "$r" "$(sim_reg $r)"; done
	printf 'VLF=%d\n' $(($(sim_reg 0x02) >> 7))
}
count() { echo $(($(sim_reg 0x0f) | $(sim_reg 0x13) << 8 | $(sim_reg 0x12) << 16)); }
# sync: HOST (the host's time, ms) and CHIP (the chip's, ms since the
# epoch, from the simulator's clock with its fraction of a second) read
# one right after the other, with no process started between them: a
# loaded guest stretched the wait for a seconds edge this used to poll.
sync() {
	local now clk
	now=${EPOCHREALTIME/[.,]/}
	read -r clk <"$DBG/clock"
	HOST=$((10#$now / 1000))
	CHIP=$(( $(date -u -d "${clk%.*}" +%s) * 1000 + 10#${clk##*.} / 1000 ))
}
# drift_ok NAME: the chip's time moved as much as the host's between
# the sync before (e0, t0) and the one after (e1, t1).
drift_ok() {
	local drift=$(((e1 - e0) - (t1 - t0)))
	if [ "$drift" -ge -500 ] && [ "$drift" -le 500 ]; then
		ok "$1 ($drift ms off, 500 allowed)"
	else
		not_ok "$1" "chip advanced $((e1 - e0)) ms in $((t1 - t0)) ms"
	fi
}
# The run's output as diagnostics.
show() { sed 's/^/  /' "$out"; }
npass() { grep -c '^PASS ' "$out"; }
nfail() { grep -c '^FAIL ' "$out"; }

# -- a chip in use: time, an alarm, a countdown at 1/60 Hz ---------------------
check "set the time to 2031-02-03 04:05:06" hw --set --date '2031-02-03 04:05:06'
check "an alarm at 05:06 (AIE on)" $RTCPY set-alarm "$DEV" "2031-02-03 05:06:00" 1
cd_=$SYS/countdown
check "a countdown of 0x123456 ticks at 1/60 Hz" sh -c \
	"echo 0 >$cd_/enable && echo 1/60 >$cd_/clock && echo 0x123456 >$cd_/ticks && echo 1 >$cd_/enable"

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

# -- unbound, VLF set: every check passes, the chip is as found ----------------
check "unbind $client" sh -c "echo $client >$drv/unbind"
# VLF as after a power loss, the rest of the chip as in use.
echo "0x02 $(($(sim_reg 0x02) | 0x80))" >"$DBG/regs"
before=$(regs) c_before=$(count)
sync; t0=$HOST e0=$CHIP
hwc --check-vlf
sync; t1=$HOST e1=$CHIP
after=$(regs) c_after=$(count)
diag "hw-check ran $(((t1 - t0) / 1000)) s:"
diag "$(cat "$out")"
if [ "$rc" = 0 ] && [ "$(nfail)" = 0 ] && [ "$(npass)" = 9 ] &&
   grep -q '^hw-check: 9 passed, 0 failed$' "$out"; then
	ok "unbound, --check-vlf with VLF set: 8 checks and the restore PASS, exit 0"
else
	not_ok "unbound, --check-vlf with VLF set: 8 checks and the restore PASS, exit 0" "exit $rc" "$(show)"
fi
expect_eq "registers 0x00, 0x01, 0x09-0x0e as found, VLF still set" "$before" "$after"
if [ "$c_after" = "$c_before" ] || [ "$c_after" = $((c_before - 1)) ]; then
	ok "the countdown as found ($c_after of $c_before, one 1/60 Hz tick allowed)"
else
	not_ok "the countdown as found" "before $c_before, after $c_after"
fi
drift_ok "the time as found plus the run"

# -- checks that fail, and SIGTERM: --force with the driver bound,
#    --check-vlf on a chip with VLF clear, a NACK in the middle; killed once
#    the NACK has failed a check --------------------------------------------------
check "bind $client" sh -c "echo $client >$drv/bind"
sim_rtc
check "hwclock --systohc (clears VLF)" hw --systohc
before=$(regs)
sync; t0=$HOST e0=$CHIP
echo "nack 40" >"$DBG/fault"
bash "$HWC" --bus "$BUS" --force --check-vlf >"$out" 2>&1 &
pid=$!
for _ in $(seq 300); do
	grep -q '^FAIL .*I2C error' "$out" && break
	sleep 0.1
done
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
echo off >"$DBG/fault"
sync; t1=$HOST e1=$CHIP
after=$(regs)
diag "$(cat "$out")"
if grep -q '^FAIL vlf-after-power-loss: .*VLF=0' "$out"; then
	ok "--force, driver bound: runs; --check-vlf with VLF clear FAILs"
else
	not_ok "--force, driver bound: runs; --check-vlf with VLF clear FAILs" "$(show)"
fi
if grep -q '^FAIL .*I2C error: .*No such device or address' "$out"; then
	ok "NACK of the 40th transfer: a check FAILs with the I2C error"
else
	not_ok "NACK of the 40th transfer: a check FAILs with the I2C error" "$(show)"
fi
if [ "$rc" = 143 ] && grep -q 'interrupted: chip restored' "$out" && ! grep -q '^hw-check: .* passed' "$out"; then
	ok "SIGTERM: exit 143, 'chip restored'"
else
	not_ok "SIGTERM: exit 143, 'chip restored'" "exit $rc" "$(show)"
fi
expect_eq "after SIGTERM: registers as found" "$before" "$after"
drift_ok "after SIGTERM: the time as found plus the run"

check "the driver sets and reads the time ($RTC)" hw --systohc
# Leave no alarm or countdown behind for the next test.
check "alarm and countdown off" sh -c "echo 0 >$SYS/wakealarm && echo 0 >$SYS/countdown/enable"
rm -f "$out"
diag "the test took $SECONDS s"
plan_done
done_testing
