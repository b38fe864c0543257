#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The simulator's variant file (debugfs ins5s8563-sim/variant): one
# "name=value" line per decision, the chosen reading unless the module was
# loaded with variant=; a write of settings (commas or newlines) sets
# them, an unknown name or value fails with EINVAL and sets nothing. The
# test leaves the chip as it found it.
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

sim_up_case
V=$DBG/variant
chosen="reload=periodic
write_running=live
start=reload
stop_release=whole
tf=kept
readback=live"
before=$(cat "$V" 2>&1)
expect_eq "variant lists every decision, one line each" \
	"reload write_running start stop_release tf readback" \
	"$(echo "$before" | sed 's/=.*//' | tr '\n' ' ' | sed 's/ $//')"
expect_eq "the module parameter says what the file says" \
	"$(cat /sys/module/ins5s8563_sim/parameters/variant)" \
	"$(echo "$before" | grep -vxF -f <(echo "$chosen") | paste -sd, -)"

check "write two settings, comma-separated" sh -c "echo stop_release=half,tf=clear-on-read >$V"
expect_eq "both read back, the rest unchanged" \
	"$(echo "$before" | sed -e 's/^stop_release=.*/stop_release=half/' -e 's/^tf=.*/tf=clear-on-read/')" \
	"$(cat "$V")"
check "write two settings, newline-separated" sh -c "printf 'reload=oneshot\nreadback=reload\n' >$V"
expect_eq "reload and readback read back" "reload=oneshot readback=reload" \
	"$(grep -E '^(reload|readback)=' "$V" | tr '\n' ' ' | sed 's/ $//')"
now=$(cat "$V")
for bad in stop_release=halve stop=half "reload=periodic,tf=never" tf; do
	# bash's echo says which error (dash's says "I/O error" for any).
	if err=$(bash -c "echo '$bad' >$V" 2>&1); then
		not_ok "'$bad' is refused" "the write succeeded"
	else
		case $err in
		*"Invalid argument"*) ok "'$bad' is refused with EINVAL" ;;
		*) not_ok "'$bad' is refused with EINVAL" "$err" ;;
		esac
	fi
done
expect_eq "a refused write set nothing, not even its good part" "$now" "$(cat "$V")"

check "the variant as it was" sh -c "echo '$before' >$V"
expect_eq "the file as at the start" "$before" "$(cat "$V")"
plan_done
done_testing
