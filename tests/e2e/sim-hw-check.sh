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
# same. Every check that measures a value prints it, and the values are
# those of the simulator's chip model (kunit/ins5s8563-model.h): the first
# seconds increment 1000 ms after STOP=0, the timer reloading itself (2
# ticks at 1 Hz: every 2 s), a count written while it runs read back at
# once, a start with no write reloading the value last written, TF kept
# through every timer operation, a count of 0 at rest, AF 1000 ms after
# STOP=0 at hh:mm:59 and once only. --list names a check, or why there is
# none, for each of the 25 decisions.
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
# The registers hw-check saves and restores, as the simulator holds them,
# and the chip's time in seconds since the epoch.
regs() {
	local r
	for r in 0x00 0x01 0x09 0x0a 0x0b 0x0c 0x0d 0x0e; do printf '%s=%s ' "$r" "$(sim_reg $r)"; done
	printf 'VLF=%d\n' $(($(sim_reg 0x02) >> 7))
}
count() { echo $(($(sim_reg 0x0f) | $(sim_reg 0x13) << 8 | $(sim_reg 0x12) << 16)); }
# sync: CHIP (the chip's time, ms since the epoch, from the simulator's
# clock with its fraction) and HOST (the host's, ms) at the same moment:
# the clock read with bash's own read (no process started, which takes
# hundreds of ms in UML), the host's time the middle of that read.
sync() {
	local a b line
	a=${EPOCHREALTIME/[.,]/}
	read -r line <"$DBG/clock"
	b=${EPOCHREALTIME/[.,]/}
	HOST=$(((10#$a + 10#$b) / 2000))
	CHIP=$(($(date -u -d "${line%.*}" +%s) * 1000 + 10#${line#*.} / 1000))
}
# drift_ok NAME: the chip's time moved as much as the host's since the
# last sync before (e0, t0) and the one after (e1, t1).
drift_ok() {
	local drift=$((e1 - e0 - (t1 - t0)))
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
# detail NAME: the detail of check NAME's PASS line, "" when it did not pass.
detail() { sed -n "s/^PASS $1: //p" "$out"; }
# num NAME SED-REGEX: the number the regex's \1 takes in NAME's detail.
num() { detail "$1" | sed -n "s/.*$2.*/\1/p"; }
# range_case NAME WHAT LO HI VALUE SHOWN: a case, LO <= VALUE <= HI
# (numbers), SHOWN in its name when it passes.
range_case() {
	local v
	for v in "$3" "$4" "$5"; do
		case $v in
		''|*[!0-9-]*) not_ok "$1: $2" "not a number: '$3' '$4' '$5'" "$(show)"; return ;;
		esac
	done
	if [ "$3" -le "$5" ] && [ "$5" -le "$4" ]; then
		ok "$1: $2 ($6)"
	else
		not_ok "$1: $2" "$3 to $4, value $5" "$(show)"
	fi
}
# within NAME WHAT VALUE LO HI: the value measured in the bounds expected.
within() { range_case "$1" "$2 in $4..$5" "$4" "$5" "$3" "$3"; }
# holds NAME WHAT LO HI VALUE: the bounds measured hold the model's value.
holds() { range_case "$1" "$2" "$3" "$4" "$5" "$3 to $4"; }

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
if [ "$rc" = 0 ] && [ "$(nfail)" = 0 ] && [ "$(npass)" = 17 ] &&
   grep -q '^hw-check: 17 passed, 0 failed$' "$out"; then
	ok "unbound, --check-vlf with VLF set: 16 checks and the restore PASS, exit 0"
else
	not_ok "unbound, --check-vlf with VLF set: 16 checks and the restore PASS, exit 0" "exit $rc" "$(show)"
fi
# The values measured, against the model's behaviour. The reads of a
# slow bus (UML forks i2ctransfer for each) make some of them bounds:
# those are asserted to hold the model's value.
lo=$(num stop-first-second 'between \([0-9]*\) and') hi=$(num stop-first-second 'and \([0-9]*\);')
holds "decision 15, stop-first-second" "the window measured holds 1000 ms" "$lo" "$hi" 1000
# What a variant of the chip would be told apart by: a PCF8563's 508 ms.
if [ -n "$lo" ] && [ "$lo" -gt 508 ]; then
	ok "decision 15, stop-first-second: the window ($lo to $hi ms) leaves out a PCF8563's 508 ms"
else
	not_ok "decision 15, stop-first-second: the window leaves out a PCF8563's 508 ms" "from '$lo' to '$hi'" "$(show)"
fi
# The value to use, for a whole first second: the binding's default and
# the README's --delay for util-linux before 2.40.
if detail stop-first-second | grep -q 'for this chip: dapu,first-second-ms = <1000>, hwclock --systohc --delay 1\.000 (util-linux before 2\.40)$'; then
	ok "decision 15, stop-first-second: prints dapu,first-second-ms = <1000> and hwclock --delay 1.000"
else
	not_ok "decision 15, stop-first-second: prints dapu,first-second-ms = <1000> and hwclock --delay 1.000" "$(show)"
fi
if detail timer-auto-reload | grep -q 'count 2 in that read, .*: period 2000 ms (exact, in the chip.s seconds)$'; then
	ok "decision 12, timer-auto-reload: count 2 just after the first expiry, a period of 2000 ms to the second"
else
	not_ok "decision 12, timer-auto-reload: count 2 just after the first expiry, a period of 2000 ms to the second" "$(show)"
fi
dt=$(num timer-write-running 'within \([0-9]*\) ms')
within "decision 13, timer-write-running" "count read back after writing 512 at 1 Hz" \
	"$(num timer-write-running 'read \([0-9]*\) within')" $((511 - ${dt:-9999} / 1000)) 512
dt=$(num timer-start-loads 'within \([0-9]*\) ms')
within "decision 14, timer-start-loads" "count after TE 0->1 from 150 at 64 Hz" \
	"$(num timer-start-loads 'started: \([0-9]*\) within')" $((148 - ${dt:-9999} * 64 / 1000)) 150
if detail timer-start-loads | grep -q 'started with no write: [0-9]* (reloads 150)$'; then
	ok "decision 14, timer-start-loads: a start with no write reloads 150, as the model does"
else
	not_ok "decision 14, timer-start-loads: a start with no write reloads 150" "$(show)"
fi
if detail tf-kept | grep -q 'TE=0: 0x04, a counter read: 0x04, a load: 0x04, TE 0->1: 0x04$'; then
	ok "decision 16, tf-kept: Control_2 0x04 after each timer operation"
else
	not_ok "decision 16, tf-kept: Control_2 0x04 after each timer operation" "$(show)"
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
holds "decision 4, timer-live-read" "the rates the reads allow hold 64 Hz" \
	"$(num timer-live-read '(\([0-9]*\) to')" "$(num timer-live-read 'to \([0-9]*\) Hz by')" 64
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
