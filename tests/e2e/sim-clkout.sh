#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# CLKOUT through the common clock framework: a device tree consumer
# (sim/ins5s8563-clk-consumer.ko, node /clk-consumer with clocks = <&rtc>)
# finds the clock, and FE/FD in 0x0D follow clk_prepare_enable(),
# clk_set_rate() and clk_disable_unprepare().
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

sim_up_case
C=$CONS
if consumer_take; then
	ok "regression: the DT consumer finds CLKOUT (clocks = <&rtc>)"
else
	not_ok "regression: the DT consumer finds CLKOUT" "$(dmesg | grep -i clk | tail -n 5)"
fi
expect_eq "its clock is $BUS-0051-clkout" "$BUS-0051-clkout" "$(cat "$C/clock" 2>&1)"

fe() { echo $(( ($(sim_reg 0x0d) >> 7) & 1 )); }
fd() { echo $(( $(sim_reg 0x0d) & 3 )); }
check "clk_prepare_enable()" sh -c "echo 1 >$C/enable"
expect_eq "FE=1 after enable" 1 "$(fe)"
for pair in 1024:1 32:2 1:3 32768:0; do
	rate=${pair%:*} want=${pair#*:}
	if echo "$rate" >"$C/rate" 2>/dev/null && [ "$(cat "$C/rate")" = "$rate" ] &&
	   [ "$(fd)" = "$want" ] && [ "$(fe)" = 1 ]; then
		ok "clk_set_rate($rate): FD=$want, still running"
	else
		not_ok "clk_set_rate($rate): FD=$want" "rate $(cat "$C/rate" 2>&1), 0x0d=$(sim_reg 0x0d)"
	fi
done
echo 1000 >"$C/rate" 2>/dev/null
expect_eq "clk_set_rate(1000) rounds down to 32 Hz (FD=2)" "32 2" "$(cat "$C/rate") $(fd)"
line=$(grep -- "$BUS-0051-clkout" /sys/kernel/debug/clk/clk_summary)
case $line in
*" 32 "*) ok "clk_summary shows the clock at 32 Hz" ;;
*) not_ok "clk_summary shows the clock at 32 Hz" "$line" ;;
esac
check "clk_disable_unprepare()" sh -c "echo 0 >$C/enable"
expect_eq "FE=0 after disable" 0 "$(fe)"
# The consumer lets go of CLKOUT before later tests remove the chip's
# client (see consumer_release); the module stays loaded: no module
# unload in this boot (see e2e-run).
check "the consumer lets go of CLKOUT (unbound)" consumer_release
plan_done
done_testing
