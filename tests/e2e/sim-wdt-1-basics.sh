#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The driver's watchdog, in the boot with the chip's reset-source device
# tree and /INT wired to the board's reset (int_wiring=reset): what it
# registers (a watchdog "INS5S8563" under the I2C client, no alarm, no
# countdown, no interrupt), wdctl's view of it (identity, the default 60 s,
# time left), WDIOC_SETTIMEOUT at and past the limits (2..16777215 s, and
# the watchdog core's own UINT_MAX / 1000), the chip's registers while it
# runs (1 Hz, TE, TIE, TI_TP: pulses), and the magic close that stops it.
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

SIM_WIRING=reset
sim_up_case
log_mark "sim-wdt-1-basics: start"
echo 0 >"$DBG/counters"
if sim_wdt; then
	ok "a watchdog under the chip's I2C client ($WDT)"
else
	not_ok "a watchdog under the chip's I2C client" "$(ls -l /sys/bus/i2c/devices/"$BUS"-0051/ 2>&1)" \
		"$(dmesg | grep -i -E 'ins5s8563|watchdog' | tail -n 5)"
	plan_done
	exit 1
fi
sysfs_eq "identity INS5S8563 (sysfs)" INS5S8563 identity
expect_eq "stopped after probe: TE=0" 0 "$(wdt_te)"
expect_eq "no /INT interrupt requested" 0 "$(grep -c ins5s8563 /proc/interrupts)"

# The rtc without the alarm and the countdown: /INT is the reset line.
check "hwclock still sets and reads the time" sh -c \
	"hwclock $HWCLOCK_OPTS -f $DEV --systohc && hwclock $HWCLOCK_OPTS -f $DEV --show"
if [ -e "$SYS/wakealarm" ]; then
	not_ok "no wakealarm attribute (no RTC_FEATURE_ALARM)"
else
	ok "no wakealarm attribute (no RTC_FEATURE_ALARM)"
fi
out=$(rtcwake -m no -s 5 -d "$RTC" 2>&1)
if [ $? -ne 0 ]; then ok "rtcwake fails"; else not_ok "rtcwake fails" "$out"; fi
out=$($RTCPY aie "$DEV" on 2>&1)
if [ $? -ne 0 ]; then ok "RTC_AIE_ON refused"; else not_ok "RTC_AIE_ON refused" "$out"; fi
if [ -e "$SYS/countdown" ]; then
	not_ok "no countdown sysfs group" "$(ls "$SYS/countdown")"
else
	ok "no countdown sysfs group"
fi

# wdctl opens the device (which starts the watchdog), asks, and closes
# it with the magic 'V' (which stops it).
out=$(wdctl "$WDEV" 2>&1)
rc=$?
if [ $rc -eq 0 ] && printf '%s\n' "$out" | grep -q '^Identity: *INS5S8563' &&
   printf '%s\n' "$out" | grep -q '^Timeout: *60 seconds' &&
   printf '%s\n' "$out" | grep -Eq '^Timeleft: *(59|60) seconds'; then
	ok "wdctl: identity INS5S8563, timeout 60 s (the default), time left"
else
	not_ok "wdctl: identity INS5S8563, timeout 60 s (the default), time left 59-60 s" "exit $rc" "$out"
fi
for f in MAGICCLOSE SETTIMEOUT KEEPALIVEPING; do
	if printf '%s\n' "$out" | grep -q "^$f "; then ok "wdctl: $f"; else not_ok "wdctl: $f" "$out"; fi
done
expect_eq "wdctl closed it with the magic 'V': TE=0" 0 "$(wdt_te)"
sysfs_eq "sysfs state inactive" inactive state
if printf '%s\n' "$out" | grep -q '^CARDRESET .* 0$'; then
	ok "wdctl: CARDRESET supported, not the boot status (the last reset was not the watchdog's)"
else
	not_ok "wdctl: CARDRESET supported, boot status 0" "$out"
fi

# The limits: below 2 s refused; above, the driver's 16777215 s (24 bits
# at 1 Hz) and, first, the watchdog core's UINT_MAX / 1000 (its
# millisecond arithmetic): 4294967 s is the most it passes on.
out=$($WDPY settimeout "$WDEV" 0 1 2 60 4294967 4294968 16777215 16777216 -1 2>&1)
rc=$?
want="0 EINVAL timeout=60
1 EINVAL timeout=60
2 ok timeout=2
60 ok timeout=60
4294967 ok timeout=4294967
4294968 EINVAL timeout=4294967
16777215 EINVAL timeout=4294967
16777216 EINVAL timeout=4294967
-1 EINVAL timeout=4294967"
if [ $rc -eq 0 ] && [ "$out" = "$want" ]; then
	ok "WDIOC_SETTIMEOUT: 0, 1 refused; 2, 60, 4294967 taken; beyond refused"
else
	not_ok "WDIOC_SETTIMEOUT: 0, 1 refused; 2, 60, 4294967 taken; beyond refused" "exit $rc" "$out" "expected:" "$want"
fi
out=$($WDPY info "$WDEV" 2>&1)
case $out in
*" timeout=60 "*) ok "timeout back to 60 ($out)" ;;
*) not_ok "timeout back to 60" "$out" ;;
esac

# Running: 1 Hz (TD=2), TE, TIE, TI_TP; stopped by the magic close.
$WDPY run "$WDEV" --timeout 5 --hold 0.5 --no-magic >/dev/null 2>&1 &
pid=$!
sleep 0.3
regs="$(sim_reg 0x0e) $(sim_reg 0x01)"
wait $pid
t=$(($(sim_reg 0x0e) & 0x83)) c=$(($(sim_reg 0x01) & 0x11))
if [ "$t" = $((0x82)) ] && [ "$c" = $((0x11)) ]; then
	ok "running: timer at 1 Hz, TE=1, TIE=1, TI_TP=1 (0x0e 0x01: $regs)"
else
	not_ok "running: timer at 1 Hz, TE=1, TIE=1, TI_TP=1" "0x0e 0x01 while open: $regs, after: $(sim_reg 0x0e) $(sim_reg 0x01)"
fi
expect_eq "closed without 'V': still running (TE=1)" 1 "$(wdt_te)"
sysfs_eq "sysfs state active" active state
out=$($WDPY info "$WDEV" 2>&1)
left=$(printf '%s\n' "$out" | sed -n 's/.* timeleft=\([0-9]*\) .*/\1/p')
# The whole seconds left since the ping at the close; a loaded guest
# takes seconds from the close to this read.
if [ "${left:-0}" -ge 1 ] && [ "$left" -le 5 ]; then
	ok "WDIOC_GETTIMELEFT within the timeout ($left of 5)"
else
	not_ok "WDIOC_GETTIMELEFT within 1-5 of 5" "$out"
fi
# (info ends with a magic close)
expect_eq "magic close stops it: TE=0" 0 "$(wdt_te)"
sleep 6
expect_eq "no reset, 6 s after the stop" 0 "$(sim_counter resets)"
expect_eq "the chip's wiring: no interrupt raised" 0 "$(sim_counter interrupts)"
check "kernel log clean" no_splat "sim-wdt-1-basics: start"
plan_done
done_testing
