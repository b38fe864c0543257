# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Sourced by the tests of the simulated chip (tests/e2e/sim-*.sh), after
# common.bash. sim_up loads the simulator (the chip a DT node, when the
# boot has scripts/e2e-run's device tree) and the driver unless they are
# loaded already (the tests share one boot, and the kernel's alarm timers
# keep the driver loaded for good), and sets:
#   BUS  the simulated adapter's number    DBG  the simulator's debugfs
#   RTC  the rtc name (rtc0, ...)          DEV  /dev/$RTC   SYS  its sysfs dir
# sim_rtc finds RTC again (after an unbind/bind the rtc gets a new number).
#
# The watchdog's tests (sim-wdt-*.sh, booted by e2e-run with the chip's
# reset-source device tree) set SIM_WIRING=reset before sim_up: the
# simulator is loaded with int_wiring=reset (or must have been), and
# sim_wdt sets WDT (watchdog0, ...), WDEV (/dev/$WDT) and WSYS (its sysfs
# directory) to the chip's watchdog.

DBG=/sys/kernel/debug/ins5s8563-sim
# Set by sim_up; empty until it has found them, so that a test whose
# sim_up failed reports its cases failing instead of dying under set -u.
BUS='' RTC='' DEV='' SYS=''
RTCPY="/usr/bin/python3 $E2E_REPO/tests/e2e/lib/rtc.py"
WDPY="/usr/bin/python3 $E2E_REPO/tests/e2e/lib/wdt.py"
HWCLOCK_OPTS="--utc --noadjfile"
export TZ=UTC

sim_rtc() {
	local d i
	RTC=
	for i in $(seq 50); do
		for d in /sys/bus/i2c/devices/"$BUS"-0051/rtc/rtc*; do
			[ -e "$d" ] && RTC=${d##*/}
		done
		[ -n "$RTC" ] && [ -c "/dev/$RTC" ] && break
		sleep 0.1
	done
	DEV=/dev/$RTC
	SYS=/sys/class/rtc/$RTC
	[ -n "$RTC" ]
}

# The chosen reading of each decision with alternatives (tests/chip-variants).
SIM_CHOSEN=reload=periodic,write_running=live,start=reload,stop_release=whole,tf=kept,readback=live

# sim_reset_chip: the simulated chip as every test expects to find it: no
# fault, each decision on the reading the module was loaded with (the
# chosen one, less its variant= parameter), no interrupt delay, /INT
# wired as the module was loaded (int_wiring=), the client at 0x51 on
# the device tree's node, the driver bound to it. A test killed mid-run
# (e2e-run's timeout, SIGKILL; sim-timer-owner, sim-int-wiring,
# sim-bad-input change the others) can leave any of them behind, and
# every later test of the boot would fail.
sim_reset_chip() {
	local c=/sys/bus/i2c/devices/$BUS-0051 p
	local node=/ins5s8563-sim-i2c/rtc@51
	echo off >"$DBG/fault" || return
	p=$(cat /sys/module/ins5s8563_sim/parameters/variant 2>/dev/null) || p=
	[ "$p" = "(null)" ] && p=
	echo "$SIM_CHOSEN${p:+,$p}" >"$DBG/variant" || return
	echo 0 >"$DBG/irq_delay_ms" || return
	p=$(cat /sys/module/ins5s8563_sim/parameters/int_wiring 2>/dev/null) || p=
	[ -n "$p" ] && [ "$p" != "(null)" ] || p=irq
	[ "$(cat "$DBG/int_wiring")" = "$p" ] || echo "$p" >"$DBG/int_wiring" || return
	# Rewritten only when another: a write makes the client again.
	if [ -d "/proc/device-tree$node" ] && [ "$(cat "$DBG/client_node")" != "$node" ]; then
		echo "$node" >"$DBG/client_node" || return
	fi
	[ ! -e "$c" ] || [ -e "$c/driver" ] ||
		echo "$BUS-0051" >/sys/bus/i2c/drivers/rtc-ins5s8563/bind
}

sim_up() {
	local a
	if [ ! -d "$DBG" ]; then
		insmod "$E2E_REPO/sim/ins5s8563-sim.ko" int_wiring="${SIM_WIRING:-irq}" || return
	fi
	# As loaded: a test killed with debugfs's int_wiring changed leaves
	# it to sim_reset_chip.
	a=$(cat /sys/module/ins5s8563_sim/parameters/int_wiring)
	[ "$a" = "${SIM_WIRING:-irq}" ] ||
		{ echo "the simulator has int_wiring $a, not ${SIM_WIRING:-irq}"; return 1; }
	grep -q '^rtc_ins5s8563 ' /proc/modules ||
		insmod "$E2E_REPO/drivers/rtc/rtc-ins5s8563.ko" || return
	BUS=
	for a in /sys/bus/i2c/devices/i2c-*; do
		[ "$(cat "$a/name" 2>/dev/null)" = "INS5S8563 simulator" ] && BUS=${a##*/i2c-}
	done
	[ -n "$BUS" ] || { echo "no simulated adapter"; return 1; }
	sim_reset_chip || { echo "could not reset the simulated chip"; return 1; }
	sim_rtc || { echo "no rtc on i2c-$BUS 0x51"; dmesg | tail -n 5; return 1; }
}

sim_wdt() {
	local w i
	WDT=
	for i in $(seq 50); do
		for w in /sys/bus/i2c/devices/"$BUS"-0051/watchdog/watchdog*; do
			[ -e "$w" ] && WDT=${w##*/}
		done
		[ -n "$WDT" ] && [ -c "/dev/$WDT" ] && break
		sleep 0.1
	done
	WDEV=/dev/$WDT
	WSYS=/sys/class/watchdog/$WDT
	[ -n "$WDT" ]
}

# wdt_te: the chip's TE bit (1 while the watchdog runs).
wdt_te() { echo $(($(sim_reg 0x0e) >> 7 & 1)); }

# sysfs_eq NAME EXPECTED ATTR: a case on the watchdog's sysfs attribute
# ATTR, skipped in a kernel without CONFIG_WATCHDOG_SYSFS.
sysfs_eq() {
	if [ -e "$WSYS/$3" ]; then
		expect_eq "$1" "$2" "$(cat "$WSYS/$3" 2>&1)"
	else
		skip "$1" "no $WSYS/$3 (CONFIG_WATCHDOG_SYSFS not set)"
	fi
}

# sim_reg REG: the register as the simulator holds it ("0x2a").
sim_reg() {
	awk -v r=$(($1)) 'NR > 1 { for (i = 2; i <= 17; i++) if ((NR - 2) * 16 + i - 2 == r) print "0x" $i }' "$DBG/regs"
}

# hw ARGS: hwclock on the simulated chip.
hw() { hwclock $HWCLOCK_OPTS -f "$DEV" "$@"; }

# sim_counter NAME
sim_counter() { awk -v n="$1" '$1 == n { print $2 }' "$DBG/counters"; }

# Seconds between two "YYYY-MM-DD HH:MM:SS" (b - a).
tdiff() { echo $(($(date -u -d "$2" +%s) - $(date -u -d "$1" +%s))); }

# guest_clock_save / guest_clock_restore: for a test that steps the
# guest's clock, give it back. Under e2e-run, as the host's clock reads
# (which no test steps): a file written through hostfs gets its
# modification time there, to the nanosecond, and the TAP file e2e-run
# sends stdout to is in the guest's one writable hostfs directory.
# Otherwise as found plus the time gone by, from the monotonic clock
# (bash's SECONDS follows the wall clock being stepped), to 10 ms. The
# clock as found may be off already (a restore of a test before), and
# whole seconds lose up to 2 s a time: measured 3 s behind the host
# after two tests in one boot under load.
guest_clock_save() {
	GUEST_CLOCK0=$(date +%s%N)
	GUEST_MONO0=$(tr -d . </proc/uptime | cut -d' ' -f1)
}
# host_clock_file: the hostfs file to read the host's clock from, "" when
# stdout is no TAP file of e2e-run.
host_clock_file() {
	local f
	f=$(readlink "/proc/$$/fd/1")
	case $f in
	/*.tap) echo "${f%.tap}.clock" ;;
	esac
}
guest_clock_restore() {
	local f host now ns
	f=$(host_clock_file)
	if [ -n "$f" ] && echo >"$f" && host=$(stat -c %.9Y "$f"); then
		date -u -s "@$host" >/dev/null
	else
		ns=$((GUEST_CLOCK0 + ($(tr -d . </proc/uptime | cut -d' ' -f1) - GUEST_MONO0) * 10000000))
		date -u -s "@$((ns / 1000000000)).$(printf %09d $((ns % 1000000000)))" >/dev/null
	fi
	if [ -z "$f" ]; then
		skip "the guest's clock given back" "stdout is no TAP file of e2e-run: no host clock to compare"
		return
	fi
	echo >"$f"
	host=$(stat -c %Y "$f")
	rm -f "$f"
	now=$(date +%s)
	if [ $((now - host)) -ge -2 ] && [ $((now - host)) -le 2 ]; then
		ok "the guest's clock given back (within 2 s of the host's)"
	else
		not_ok "the guest's clock given back (within 2 s of the host's)" \
			"guest $(date -u -d "@$now" '+%F %T'), host $(date -u -d "@$host" '+%F %T')"
	fi
}

# todo NAME REASON: a known failure, reported as such (TAP TODO): it does
# not fail the test, and e2e-run counts it with the skipped cases.
todo() {
	E2E_N=$((E2E_N + 1))
	echo "not ok $E2E_N - $1 # TODO $2"
}

# The plan, at the end (TAP allows it there): a test that dies before it
# has none and fails "ran to the end".
plan_done() { echo "1..$E2E_N"; }

# Nothing in the kernel log since the start of the test that looks like a
# crash (uml-run judges the whole log as well).
no_splat() {
	! dmesg | awk -v s="$1" '$0 ~ s { on = 1 } on' |
		grep -E 'Oops|BUG:|WARNING:|Call Trace|KASAN|lockdep'
}

# A marker in the kernel log for no_splat.
log_mark() { echo "$1" >/dev/kmsg; }

# The first case of every test: sim_up, in this shell (it sets variables).
sim_up_case() {
	local log
	log=$(mktemp)
	if sim_up >"$log" 2>&1; then
		ok "simulated chip and driver up ($RTC on i2c-$BUS)"
	else
		not_ok "simulated chip and driver up" "$(cat "$log")"
	fi
	rm -f "$log"
}

# The device tree's clock consumer (sim/ins5s8563-clk-consumer.ko, node
# /clk-consumer, clocks = <&rtc>). A test binds it for its own rows and
# lets it go at its end: a consumer that holds its clk while the chip's
# client goes away (a rebind, client_node) keeps a clk whose provider is
# gone, and the clock framework's clk_unregister() frees the provider's
# own struct clk without taking it off the list of users, which the
# consumer's next clk_set_rate() or clk_put() walks (KASAN: use after
# free, on 6.12 and 7.2). driver_override keeps it unbound in between:
# nothing (a device link's autoprobe, a deferred probe) binds it behind
# a test's back.
CONS=/sys/kernel/debug/ins5s8563-clk-consumer
CONS_DEV=/sys/bus/platform/devices/clk-consumer
CONS_DRV=/sys/bus/platform/drivers/ins5s8563-clk-consumer

# consumer_take: the consumer bound to the rtc@51 client in place, its
# debugfs there (within 3 s); fails otherwise.
consumer_take() {
	local i
	echo >"$CONS_DEV/driver_override"
	if ! grep -q '^ins5s8563_clk_consumer ' /proc/modules; then
		insmod "$E2E_REPO/sim/ins5s8563-clk-consumer.ko" || return 1
	elif [ ! -e "$CONS_DEV/driver" ]; then
		# -EPROBE_DEFER while the provider is not there yet: the
		# deferred probe binds it when it comes.
		echo clk-consumer >"$CONS_DRV/bind" || true
	fi
	for i in $(seq 30); do
		[ -e "$CONS_DEV/driver" ] && [ -e "$CONS/enable" ] && return 0
		sleep 0.1
	done
	return 1
}

# consumer_release: the consumer unbound (its enables given back) and
# kept so.
consumer_release() {
	echo none >"$CONS_DEV/driver_override"
	[ ! -e "$CONS_DEV/driver" ] || echo clk-consumer >"$CONS_DRV/unbind"
}
