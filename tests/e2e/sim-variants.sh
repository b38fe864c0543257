#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The driver on each variant of the simulated chip (tests/chip-variants;
# the chosen reading first), switched through debugfs in this one boot:
# a time set (the first second after it, from the simulator's trace), an
# exact alarm (its error against the chip's own rollover, rtc.py
# alarm-error), update interrupts for 3.5 s (rtc.py uie-hold). Where an
# alternative changes the outcome, the case asserts the outcome the RST's
# decision states for it (see expect_variant below). About 2 minutes. The
# chip is left on the variant it had.
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

sim_up_case
V=$DBG/variant
before=$(cat "$V")
chosen=reload=periodic,write_running=live,start=reload,stop_release=whole,tf=kept,readback=live
variants=(chosen)
# The simulated chip's device has no firmware properties: a line's " +NAME"
# (the driver's adaptation, tested by KUnit) is left off, and the driver
# meets the variant unadapted (expect_variant says what that gives): a
# setting listed with and without its adaptation runs once.
mapfile -t -O 1 variants < <(grep -v -e '^#' -e '^[[:space:]]' -e '^$' "$E2E_REPO/tests/chip-variants" | sed 's/ +.*//' | awk '!seen[$0]++')

# What each check gives on one alternative: "ok" or the documented outcome.
expect_one() {
	case $1/$2 in
	# Decision 15, free: the first second after a set is what the
	# divider held.
	stop_release=free/stop-release) echo any ;;
	# Decision 15, half: the first increment 0.508 s after STOP=0.
	stop_release=half/stop-release) echo "0.508 s" ;;
	*/stop-release) echo "whole second" ;;
	# Decision 12, not handled: a one-shot timer gives one update event.
	reload=oneshot/uie) echo "1 event" ;;
	# Decision 14, not handled: a start counts what the last use left.
	start=resume-stale/alarm) echo "not at its second" ;;
	start=resume-stale/uie) echo "at most 1 event" ;;
	*) echo ok ;;
	esac
}

# What each check gives on a variant: on one of several alternatives
# (reload=oneshot,start=resume-stale), the outcome of the one that is not
# "ok", start=resume-stale's before the others' (a start that resumes a
# stale count gives at most the one event a one-shot timer would).
expect_variant() {
	local c w base want
	base=$(expect_one chosen "$2")
	want=$base
	for c in ${1//,/ }; do
		w=$(expect_one "$c" "$2")
		[ "$w" != "$base" ] || continue
		if [ "$c" = start=resume-stale ]; then
			echo "$w"
			return
		fi
		[ "$want" != "$base" ] || want=$w
	done
	echo "$want"
}

for v in "${variants[@]}"; do
	spec=$chosen
	[ "$v" = chosen ] || spec=$chosen,$v
	if ! echo "$spec" >"$V" 2>/dev/null; then
		not_ok "[$v] the simulator takes the variant" "$(cat "$V")"
		continue
	fi

	# Time set: the prescaler as the simulator's trace saw it right after
	# the driver's last write of Control_1, the release of STOP (ticks of
	# 32768 Hz): 0, a whole first second (stop_release=half: 16128, the
	# first second 0.508 s; free: whatever it held). The trace times it
	# exactly, however slow the guest is.
	t="2031-0$((RANDOM % 9 + 1))-1$((RANDOM % 9)) 1$((RANDOM % 9)):2$((RANDOM % 9)):1$((RANDOM % 9))"
	echo 0 >"$DBG/trace"
	$RTCPY set-time "$DEV" "$t" >/dev/null 2>&1
	rel=$(awk '$5 == "W" && $6 == "00" { s = $3 } END { print s }' "$DBG/trace")
	want=$(expect_variant "$v" stop-release)
	case $want/$rel in
	"any/${t:17:2}."*) got=any ;;
	*/"${t:17:2}.00000") got="whole second" ;;
	*/"${t:17:2}.16128") got="0.508 s" ;;
	*) got="SEC.subsec $rel" ;;
	esac
	if [ "$got" = "$want" ]; then
		ok "[$v] time set: first second after STOP=0 ($want)"
	else
		not_ok "[$v] time set: first second after STOP=0 ($want)" \
			"set $t, STOP released at SEC.subsec ${rel:-(no write of 0x00 traced)}"
	fi

	# An exact alarm 3 s after a rollover rtc.py measures (so it is
	# ahead however slowly the guest starts rtc.py), its error against
	# the chip's rollover into its second: within 50 ms. "not at its
	# second" is an error outside that, or
	# no alarm in 10 s; an rtc.py that failed otherwise is neither.
	res=$($RTCPY alarm-error "$DEV" "$DBG" +3 10 2>&1)
	$RTCPY aie "$DEV" off >/dev/null 2>&1
	err=$(echo "$res" | sed -n 's/^error \(-\?[0-9]*\).*/\1/p')
	want=$(expect_variant "$v" alarm)
	if [ -n "$err" ] && [ "$err" -ge -50 ] && [ "$err" -le 50 ]; then
		got=ok
	elif [ -n "$err" ] || [ "${res#timeout: no alarm}" != "$res" ]; then
		got="not at its second"
	else
		got="rtc.py failed"
	fi
	if [ "$got" = "$want" ]; then
		ok "[$v] exact alarm at its second ($want)"
	else
		not_ok "[$v] exact alarm at its second ($want)" "rtc.py alarm-error: $res"
	fi

	# Update interrupts: about one event a second.
	res=$($RTCPY uie-hold "$DEV" 3.5 2>&1 | sed -n 's/^events //p')
	want=$(expect_variant "$v" uie)
	case $want/$res in
	ok/2|ok/3|ok/4) got=ok ;;
	"1 event/1") got="1 event" ;;
	"at most 1 event/0"|"at most 1 event/1") got="at most 1 event" ;;
	*) got="$res events" ;;
	esac
	expect_eq "[$v] update interrupts for 3.5 s ($want)" "$want" "$got"
done

check "the variant as it was" sh -c "echo '$before' >$V"
plan_done
done_testing
