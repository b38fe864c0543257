# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash source-path=SCRIPTDIR
#
# Sourced by tests/e2e/sim-hw-check-variant-NAME.sh, with HWV_DECISION
# set to NAME (a decision of tests/chip-variants, e.g. reload): on each
# alternative of tests/chip-variants for it, switched through the
# simulator's debugfs file variant in one boot, the driver unbound,
# scripts/hw-check --only the check of that decision fails, names the
# alternative on its variant line, advises the device tree property the
# file gives the setting (" +NAME": dapu,timer-one-shot for
# reload=oneshot, dapu,timer-write-reload-only for
# write_running=reload-only, dapu,timer-start-resumes for
# start=resume-stale; the binding's and the driver's names, checked
# against both) and none for the others, and restores the chip, a 1/60 Hz
# countdown included. Where stop-first-second is inconclusive (its
# variant line says why) it runs once more, and inconclusive again its
# cases fail with that reason. The chip on its chosen
# reading: tests/e2e/sim-hw-check-decisions.sh.
. "$(dirname "${BASH_SOURCE[0]}")/common.bash"
. "$(dirname "${BASH_SOURCE[0]}")/sim.bash"
echo "TAP version 13"

sim_up_case
. "$(dirname "${BASH_SOURCE[0]}")/hw-check.bash"

# check_of NAME: the check that tells decision NAME's alternatives apart.
check_of() {
	case $1 in
	reload) echo timer-auto-reload ;;
	write_running) echo timer-write-running ;;
	start) echo timer-start-loads ;;
	stop_release) echo stop-first-second ;;
	tf) echo tf-kept ;;
	readback) echo timer-live-read ;;
	esac
}
binding=$E2E_REPO/Documentation/devicetree/bindings/rtc/dapu,ins5s8563.yaml
chosen=$SIM_CHOSEN

# A countdown the restore must give back on every alternative (a start
# that resumes a stale count needs the count written after it).
check "a countdown of 0x123456 ticks at 1/60 Hz" sh -c \
	"echo 0 >$SYS/countdown/enable && echo 1/60 >$SYS/countdown/clock && echo 0x123456 >$SYS/countdown/ticks && echo 1 >$SYS/countdown/enable"
check "unbind $client" sh -c "echo $client >$drv/unbind"
vstart=$SECONDS
n=0
# SETTING [+PROPERTY...], one a line; a setting may have several lines
# (bare, the driver not adapted, beside "+dapu,..."): hw-check sees the
# chip, not the node, so each setting runs once and its property is
# the one any of its lines names.
while read -r v props; do
	[ "${v%%=*}" = "$HWV_DECISION" ] || continue
	n=$((n + 1))
	c=$(check_of "${v%%=*}") p=${props#+}
	p=${p%% *}
	if [ -z "$c" ]; then
		not_ok "variant $v: a check of hw-check tells it apart" "no check for decision ${v%%=*}"
		continue
	fi
	if ! echo "$chosen,$v" >"$DBG/variant"; then
		not_ok "variant $v: set through $DBG/variant" "write refused"
		continue
	fi
	t=$SECONDS
	c_before=$(count)
	hwc --only "$c"
	line=$(grep "^variant ${v%%=*}=" "$out")
	why=$(printf '%s\n' "$line" | sed -n 's/^variant [a-z_]*=unknown: \(inconclusive.*\)/\1/p')
	# stop-first-second inconclusive: once more; inconclusive again, its
	# cases fail with the reason (never a pass as skips).
	if [ -n "$why" ] && [ "$c" = stop-first-second ]; then
		diag "variant $v: $c inconclusive ($why), run again"
		hwc --only "$c"
		line=$(grep "^variant ${v%%=*}=" "$out")
		why=$(printf '%s\n' "$line" | sed -n 's/^variant [a-z_]*=unknown: \(inconclusive.*\)/\1/p')
	fi
	c_after=$(count)
	echo "$chosen" >"$DBG/variant"
	if [ "$c_after" = "$c_before" ] || [ "$c_after" = $((c_before - 1)) ]; then
		ok "variant $v: the countdown as found ($c_after of $c_before, one 1/60 Hz tick allowed)"
	else
		not_ok "variant $v: the countdown as found" "before $c_before, after $c_after" "$(show)"
	fi
	diag "variant $v: hw-check --only $c, $((SECONDS - t)) s, exit $rc:"
	diag "$(grep -E '^(PASS|FAIL|variant) ' "$out")"
	if [ -n "$why" ]; then
		not_ok "variant $v: $c FAILs and reports 'variant $v', the chip restored" "inconclusive twice: $why" "$(show)"
		not_ok "variant $v: advises no property (the driver does not adapt to it)" "inconclusive twice: $why"
		continue
	fi
	if [ "$rc" = 1 ] && [ "${line%%:*}" = "variant $v" ] &&
	   grep -q "^FAIL $c: " "$out" && grep -q '^PASS restore: ' "$out"; then
		ok "variant $v: $c FAILs and reports 'variant $v', the chip restored"
	else
		not_ok "variant $v: $c FAILs and reports 'variant $v', the chip restored" "exit $rc" "$(show)"
	fi
	if [ -n "$p" ]; then
		# The name the driver reads, as the binding spells it.
		if case $line in *"add $p to the chip's node"*) true ;; *) false ;; esac &&
		   grep -q "^  $p:" "$binding" &&
		   grep -q "\"$p\"" "$E2E_REPO/drivers/rtc/rtc-ins5s8563.c"; then
			ok "variant $v: advises 'add $p to the chip's node', the binding's and the driver's name"
		else
			not_ok "variant $v: advises 'add $p to the chip's node', the binding's and the driver's name" "$(show)"
		fi
	else
		case $line in
		*"add dapu,"*) not_ok "variant $v: advises no property (the driver does not adapt to it)" "$(show)" ;;
		*) ok "variant $v: advises no property (the driver does not adapt to it)" ;;
		esac
	fi
done < <(grep -E '^[a-z_]+=[a-z0-9-]+( |$)' "$E2E_REPO/tests/chip-variants" |
	awk '!($1 in p) { o[++n] = $1; p[$1] = "" } NF > 1 && p[$1] == "" { p[$1] = $2 }
	     END { for (i = 1; i <= n; i++) print o[i], p[o[i]] }')
diag "the $n variants took $((SECONDS - vstart)) s"
if [ "$n" -gt 0 ]; then
	ok "tests/chip-variants: $n alternatives of $HWV_DECISION run"
else
	not_ok "tests/chip-variants: the alternatives of $HWV_DECISION run" "none found"
fi

# Decisions 13 and 14 together: a chip whose writes while it runs reach
# only the reload value and whose start resumes a stale count takes no
# count at all. hw-check says it is not supported, on both lines, and
# advises neither property (the driver refuses the pair). Its count,
# which no write reaches, is the one register the restore cannot give
# back (and says so); the others it must.
if [ "$HWV_DECISION" = write_running ]; then
	v=write_running=reload-only,start=resume-stale
	if echo "$chosen,$v" >"$DBG/variant"; then
		hwc --only timer-write-running,timer-start-loads
		echo "$chosen" >"$DBG/variant"
		diag "variant $v: hw-check --only timer-write-running,timer-start-loads, exit $rc:"
		diag "$(grep -E '^(PASS|FAIL|variant) ' "$out")"
		if [ "$rc" = 1 ] &&
		   grep -q '^variant write_running=reload-only: .*NOT SUPPORTED' "$out" &&
		   grep -q '^variant start=resume-stale: .*NOT SUPPORTED' "$out" &&
		   ! grep -q '^variant .*add dapu,' "$out" &&
		   grep -Eq '^(PASS restore: |FAIL restore: registers differ: count=[0-9]+\(found [0-9]+\)$)' "$out"; then
			ok "variant $v: NOT SUPPORTED on both lines, no property advised, the chip restored but its count"
		else
			not_ok "variant $v: NOT SUPPORTED on both lines, no property advised, the chip restored but its count" "exit $rc" "$(show)"
		fi
	else
		not_ok "variant $v: set through $DBG/variant" "write refused"
	fi
fi

check "bind $client" sh -c "echo $client >$drv/bind"
sim_rtc
check "countdown off" sh -c "echo 0 >$SYS/countdown/enable"
rm -f "$out"
diag "the test took $SECONDS s"
plan_done
done_testing
