#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Bus faults injected by the simulated chip: while every transfer NACKs,
# every client (sysfs, /dev/rtcN, hwclock, the countdown timer, i2c-dev)
# gets an error, nothing oopses, and after the fault everything works
# again, the interrupt included; one transfer timing out fails one
# operation with ETIMEDOUT.
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

sim_up_case
mark="sim-faults-$$-$RANDOM"
log_mark "$mark"
check "hwclock --systohc before the fault" hw --systohc
# An alarm an earlier test left enabled would make wakealarm refuse with
# EBUSY (dash's echo reports any failed write as "I/O error").
echo 0 >"$SYS/wakealarm"
cd_=$SYS/countdown
echo 0 >"$cd_/enable"; echo 64 >"$cd_/clock"; echo 8 >"$cd_/ticks"; echo 1 >"$cd_/enable"

fails() { ! "$@" >/dev/null 2>&1; }
echo 0 >"$DBG/counters"
# Every transfer from the next on NACKs until it is turned off, however
# long the clients take (a window in time ran out under a loaded host
# before the last of them had run).
echo "nack 1 1000000" >"$DBG/fault"
check "NACK: sysfs time fails" fails cat "$SYS/time"
check "NACK: hwclock --show fails" fails hw --show
expect_eq "NACK: RTC_RD_TIME fails with ENXIO" ENXIO "$($RTCPY ioctl-errno "$DEV" rd-time)"
check "NACK: hwclock --systohc fails" fails hw --systohc
check "NACK: wakealarm write fails" fails sh -c "echo +120 >$SYS/wakealarm"
check "NACK: countdown remaining fails" fails cat "$cd_/remaining"
check "NACK: i2cget fails" fails i2cget -f -y "$BUS" 0x51 0x02
f=$(sim_counter failed)
if [ "$f" -ge 6 ]; then ok "the chip failed $f transfers"; else not_ok "the chip failed the transfers" "failed=$f"; fi
# A window in time ends by itself: the clients below find the chip back.
echo "nack-ms 300" >"$DBG/fault"
sleep 0.5
grep -q over "$DBG/fault" && ok "the fault is over" || not_ok "the fault is over" "$(cat "$DBG/fault")"
echo off >"$DBG/fault"

check "after: sysfs time reads" cat "$SYS/time"
check "after: hwclock --show" hw --show
check "after: hwclock --systohc" hw --systohc
check "after: wakealarm set and cleared" sh -c "echo +120 >$SYS/wakealarm && echo 0 >$SYS/wakealarm"
check "after: i2cget" i2cget -f -y "$BUS" 0x51 0x02
echo 0 >"$cd_/expired"
out=$($RTCPY poll-expired "$cd_/expired" 2 3)
if [ $? -eq 0 ]; then ok "after: the countdown interrupt works again ($(echo $out))"; else not_ok "after: the countdown interrupt works again" "$out"; fi
echo 0 >"$cd_/enable"; echo 0 >"$cd_/expired"

echo "timeout 1" >"$DBG/fault"
expect_eq "one transfer times out: RTC_RD_TIME fails with ETIMEDOUT" ETIMEDOUT "$($RTCPY ioctl-errno "$DEV" rd-time)"
expect_eq "the next one works" 0 "$($RTCPY ioctl-errno "$DEV" rd-time)"
echo off >"$DBG/fault"
check "no oops or warning in the kernel log" no_splat "$mark"
plan_done
done_testing
