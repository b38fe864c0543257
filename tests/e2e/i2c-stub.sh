#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The driver on an SMBus-only adapter, through the user-space interfaces:
# i2c-stub (a plain 256-byte register file at 0x51, no clock ticking) holds
# the chip's registers; sysfs, /dev/rtcN and hwclock go through the rtc
# core and the driver. Runs inside UML (scripts/e2e-run); TAP on stdout.
#
# Overrides, to try the test on another driver of the same register
# layout: INS5S8563_E2E_DRIVER_KO (module file), INS5S8563_E2E_DEVICE
# (i2c device name for new_device), INS5S8563_E2E_NAME (what the rtc's
# name attribute must contain).
set -u
. "$(dirname "$0")/lib/common.bash"

driver_ko=${INS5S8563_E2E_DRIVER_KO:-$E2E_REPO/drivers/rtc/rtc-ins5s8563.ko}
device=${INS5S8563_E2E_DEVICE:-ins5s8563}
expect_name=${INS5S8563_E2E_NAME:-ins5s8563}
addr=0x51
# hwclock: the RTC keeps UTC, no adjtime file (the guest's root is
# read-only, and the host's /etc/adjtime is none of our business).
export TZ=UTC

plan 21

# i2cget that prints the value only ("0x45"); -f because the driver owns 0x51.
reg() { i2cget -f -y "$bus" "$addr" "$1" 2>/dev/null; }

# -- the adapter ----------------------------------------------------------------
stub_ko=$(uml_module drivers/i2c/i2c-stub.ko)
check "load i2c-stub with chip_addr=$addr" insmod "${stub_ko:-i2c-stub.ko}" chip_addr=$addr

bus=
for d in /sys/bus/i2c/devices/i2c-*; do
	if [ "$(cat "$d/name" 2>/dev/null)" = "SMBus stub driver" ]; then
		bus=${d##*/i2c-}
		break
	fi
done
if [ -n "$bus" ]; then
	ok "i2c-stub adapter is i2c-$bus"
else
	not_ok "i2c-stub adapter found" "$(grep . /sys/bus/i2c/devices/i2c-*/name 2>&1)"
	bus=99
fi

# 2022-06-15 (a Wednesday) 12:30:45, VLF clear, clock running.
preload() {
	local r v
	while read -r r v; do
		i2cset -y "$bus" "$addr" "$r" "$v" || return
	done <<-EOF
		0x00 0x00
		0x01 0x00
		0x02 0x45
		0x03 0x30
		0x04 0x12
		0x05 0x15
		0x06 0x03
		0x07 0x06
		0x08 0x22
	EOF
	[ "$(i2cget -y "$bus" "$addr" 0x02)" = 0x45 ] && [ "$(i2cget -y "$bus" "$addr" 0x08)" = 0x22 ]
}
check "preload the registers with 2022-06-15 12:30:45" preload

# -- the driver -----------------------------------------------------------------
check "insmod ${driver_ko##*/}" insmod "$driver_ko"

newdev() {
	echo "$device $addr" >"/sys/bus/i2c/devices/i2c-$bus/new_device" || return
	local i
	for i in $(seq 50); do
		[ -e "/sys/bus/i2c/devices/$bus-0051/driver" ] && return 0
		sleep 0.1
	done
	echo "no driver bound to $bus-0051"
	dmesg | tail -n 5
	return 1
}
check "new_device $device $addr binds the driver" newdev

rtc=
for d in /sys/bus/i2c/devices/"$bus"-0051/rtc/rtc*; do
	[ -e "$d" ] && rtc=${d##*/}
done
if [ -n "$rtc" ] && [ -c "/dev/$rtc" ]; then
	ok "rtc class device $rtc and /dev/$rtc exist"
else
	not_ok "rtc class device registered" "$(ls -l /sys/class/rtc/ /dev/rtc* 2>&1)"
	rtc="rtc-missing"
fi
sys=/sys/class/rtc/$rtc
dev=/dev/$rtc

name=$(cat "$sys/name" 2>&1)
case $name in
*"$expect_name"*) ok "$rtc name names the driver ($name)" ;;
*) not_ok "$rtc name names the driver" "name: $name" ;;
esac

# -- reading --------------------------------------------------------------------
expect_eq "sysfs date reads 2022-06-15" 2022-06-15 "$(cat "$sys/date" 2>&1)"
expect_eq "sysfs time reads 12:30:45" 12:30:45 "$(cat "$sys/time" 2>&1)"

# hwclock reads at a clock tick: it waits for the seconds to change (it
# gives up after 1.5 s), then reports the time at which it was started, the
# time at the tick less the time it waited. The stub does not tick, so tick
# it here: 46 half a second after the start (47 and 48 after that, should
# hwclock start late); hwclock then prints 12:30:45 and a fraction.
ticker() {
	local s
	for s in 0x46 0x47 0x48; do
		sleep 0.5
		i2cset -f -y "$bus" "$addr" 0x02 "$s"
		sleep 0.5
	done
}
ticker &
tick_pid=$!
show=$(hwclock --show --utc --noadjfile -f "$dev" 2>&1)
kill "$tick_pid" 2>/dev/null
wait "$tick_pid" 2>/dev/null
i2cset -f -y "$bus" "$addr" 0x02 0x45
# A loaded machine can delay the ticker's first write by up to a second
# more than hwclock's start: hwclock then prints 12:30:44 and a fraction
# (the tick, less its longer wait), which is as right.
case $show in
"2022-06-15 12:30:45"*) ok "hwclock --show prints 2022-06-15 12:30:45" ;;
"2022-06-15 12:30:46"*) ok "hwclock --show prints 2022-06-15 12:30:46 (started late)" ;;
"2022-06-15 12:30:44"*) ok "hwclock --show prints 2022-06-15 12:30:44 (the ticker late)" ;;
*) not_ok "hwclock --show prints 2022-06-15 12:30:45" "$show" ;;
esac

# -- setting --------------------------------------------------------------------
check "hwclock --set --date '2031-02-03 04:05:06' --utc" \
	hwclock --set --date '2031-02-03 04:05:06' --utc --noadjfile -f "$dev"

# MIN HOUR DAY WEEK(Monday = 1) MONTH YEAR
regs=$(for r in 0x03 0x04 0x05 0x06 0x07 0x08; do reg $r; done | tr '\n' ' ')
expect_eq "registers 0x03-0x08 hold 2031-02-03 (Monday) 04:05" \
	"0x05 0x04 0x03 0x01 0x02 0x31 " "$regs"

# hwclock sets the time it was asked for plus the time it has run, which
# includes 1.5 s of waiting for a clock tick that the stub never gives, and
# more on a loaded machine: seconds 06 to 12 are fine; the read-back through
# the rtc core must agree with the register.
sec=$(reg 0x02)
now=$(cat "$sys/time" 2>&1)
case $sec in
0x0[6-9]|0x1[0-2])
	expect_eq "SEC is $sec (VLF clear), read back as 04:05:${sec#0x}" "04:05:${sec#0x}" "$now" ;;
*) not_ok "SEC holds seconds 06-12 with VLF clear" "SEC=$sec, time reads $now" ;;
esac

ctl1=$(reg 0x00)
if [ -n "$ctl1" ] && [ $((ctl1 & 0x20)) -eq 0 ]; then
	ok "Control_1 STOP is clear after the write ($ctl1)"
else
	not_ok "Control_1 STOP is clear after the write" "Control_1=$ctl1"
fi

# -- voltage low ----------------------------------------------------------------
setvlf() {
	local v
	v=$(reg 0x02) || return
	i2cset -f -y "$bus" "$addr" 0x02 $((v | 0x80)) || return
	[ $(($(reg 0x02) & 0x80)) -ne 0 ]
}
setvlf || diag "could not set VLF in the stub"
# It must fail reading the time, not for want of a device.
if out=$(hwclock --show --utc --noadjfile -f "$dev" 2>&1); then
	not_ok "hwclock --show fails while VLF is set" "it printed: $out"
else
	case $out in
	*RTC_RD_TIME*) ok "hwclock --show fails while VLF is set (RTC_RD_TIME fails)" ;;
	*) not_ok "hwclock --show fails reading the time while VLF is set" "$out" ;;
	esac
fi
if out=$(cat "$sys/time" 2>&1); then
	not_ok "sysfs time read fails while VLF is set" "it read: $out"
else
	ok "sysfs time read fails while VLF is set"
fi

check "hwclock --systohc" hwclock --systohc --utc --noadjfile -f "$dev"
sec=$(reg 0x02)
today=$(date -u +%F)
got=$(cat "$sys/date" 2>&1)
if [ -n "$sec" ] && [ $((sec & 0x80)) -eq 0 ] && [ "$got" = "$today" ]; then
	ok "VLF clear and time valid again after --systohc"
else
	not_ok "VLF clear and time valid again after --systohc" "SEC=$sec date=$got (expected $today)"
fi

# -- teardown ---------------------------------------------------------------------
deldev() {
	echo "$addr" >"/sys/bus/i2c/devices/i2c-$bus/delete_device" || return
	[ ! -e "/sys/bus/i2c/devices/$bus-0051" ]
}
check "delete_device $addr" deldev
mod=${driver_ko##*/}
mod=${mod%.ko}
check "rmmod ${mod//-/_}" rmmod "${mod//-/_}"
check "rmmod i2c_stub" rmmod i2c_stub

done_testing
