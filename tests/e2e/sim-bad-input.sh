#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Bad input, one row per input: every sysfs attribute the driver owns or
# the rtc core shows for it, every RTC ioctl (and the watchdog's),
# device tree properties of the wrong type or value, a probe with no chip
# answering, and the chip vanishing (every transfer NACKs) in the middle
# of each client. A refused input must fail with the errno of its row and
# change nothing: no register but the time's in the chip (read through
# the simulator's debugfs, not the driver), no value in sysfs, and the
# regmap cache must still agree with the chip. A row that is no refusal
# says what must happen instead. The boot's own checks add that nothing
# oopsed and nothing leaked (kmemleak). Ends with the line
#   # bad input: <rows> inputs, <refused> refused cleanly, <violations> violations
# that make check's summary repeats.
#
# The device tree rows need the nodes /ins5s8563-sim-bad-* of
# sim/ins5s8563-sim.dts: the simulator makes its client at 0x51 from one
# of them (debugfs client_node), so that the driver's probe parses real
# device tree properties, and from rtc@51 again afterwards.
set -u
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/sim.bash"
echo "TAP version 13"

ROWS=0 REFUSED=0 VIOL=0
# row_ok NAME REFUSED: a row that passed; REFUSED 1 when it was an input
# refused as its row says, 0 for an expected behaviour.
row_ok() {
	ROWS=$((ROWS + 1))
	REFUSED=$((REFUSED + $2))
	ok "$1"
}

row_bad() {
	local name=$1
	shift
	ROWS=$((ROWS + 1))
	VIOL=$((VIOL + 1))
	not_ok "$name" "$@"
}

row_skip() {
	ROWS=$((ROWS + 1))
	skip "$1" "$2"
}

# Loaded before sim_up, the driver gets a first probe with no chip
# answering: the module load row. In a boot where an earlier test has
# loaded it, the rtc core's alarm timer keeps it loaded for good, and the
# rows below cover the same probe through a new client.
load_row=
if ! grep -q '^rtc_ins5s8563 ' /proc/modules; then
	[ -d "$DBG" ] || insmod "$E2E_REPO/sim/ins5s8563-sim.ko"
	load_row=1
	log_mark "sim-bad-input: module load"
	echo "nack 1 1000000" >"$DBG/fault"
	load_rc=0
	insmod "$E2E_REPO/drivers/rtc/rtc-ins5s8563.ko" || load_rc=$?
	load_left=$(ls -d /sys/bus/i2c/devices/*-0051/rtc \
		/sys/bus/i2c/devices/*-0051/driver /sys/kernel/debug/regmap/*-0051* \
		2>/dev/null)
	echo off >"$DBG/fault"
	# The device is there, unbound: bind it now that the chip answers.
	for d in /sys/bus/i2c/devices/*-0051; do
		[ -e "$d/driver" ] || echo "${d##*/}" >/sys/bus/i2c/drivers/rtc-ins5s8563/bind
	done
fi

sim_up_case

# The clock consumer kept unbound while the rows below delete and
# re-create the chip's client many times (see consumer_release); bound
# for its own row at the end.
consumer_release

mark="sim-bad-input-$$-$RANDOM"
log_mark "$mark"
drv=/sys/bus/i2c/drivers/rtc-ins5s8563
CN=$DBG/client_node
DEFNODE=/ins5s8563-sim-i2c/rtc@51

# The kernel log since marker $1.
since() { dmesg | awk -v m="$1" 'index($0, m) { on = 1; next } on'; }

# The registers a refused input must leave alone (all but the time's),
# as the simulator has them, in one read.
snap() {
	awk 'NR > 1 { for (i = 2; i <= 17; i++) r[(NR - 2) * 16 + i - 2] = $i }
	     END { print r[0], r[1], r[9], r[10], r[11], r[12], r[13], r[14],
		   r[15], r[18], r[19] }' "$DBG/regs"
}

# The regmap debugfs directory of the chip's client, if there is one.
regmap_dir() {
	local d
	for d in /sys/kernel/debug/regmap/*"$BUS-0051"*; do
		[ -r "$d/registers" ] && echo "$d" && return
	done
}

# What a refused input must leave alone, in one line and one process:
# the registers (all but the time's) as the simulator has them and the
# countdown's and max_user_freq's values in sysfs; then, after "| cache",
# the cached registers (0x00, 0x09-0x0e) that differ from the chip's.
state() {
	awk -v rm="${REGMAP:-}/registers" '
		FNR == 1 { f++ }
		f == 1 {
			if (FNR > 1)
				for (i = 2; i <= 17; i++)
					chip[sprintf("%02x", (FNR - 2) * 16 + i - 2)] = $i
			next
		}
		FILENAME == rm {
			r = $1
			sub(":", "", r)
			if (r ~ /^(00|09|0a|0b|0c|0d|0e)$/ && chip[r] != $2)
				bad = bad " " r ": cache " $2 ", chip " chip[r]
			next
		}
		{ vals = vals " " $0 }
		END {
			print chip["00"], chip["01"], chip["09"], chip["0a"],
			      chip["0b"], chip["0c"], chip["0d"], chip["0e"],
			      chip["0f"], chip["12"], chip["13"] vals " | cache" bad
		}' "$DBG/regs" "$SYS"/countdown/{clock,ticks,enable,pulse,expired} \
		"$SYS/max_user_freq" ${REGMAP:+"$REGMAP/registers"}
}

# The cached registers that differ from the chip's.
cache_diff() {
	local s
	REGMAP=$(regmap_dir)
	s=$(state)
	echo "${s#*| cache}"
}

# wr FILE DATA: the errno's name of writing DATA and a newline (as echo
# does) to FILE, or 0.
wr() {
	local out
	out=$( { printf '%s\n' "$2" >"$1"; } 2>&1) && { echo 0; return; }
	case $out in
	*"Invalid argument"*) echo EINVAL ;;
	*"Numerical result out of range"*) echo ERANGE ;;
	*"Permission denied"*) echo EACCES ;;
	*"Device or resource busy"*) echo EBUSY ;;
	*"No such device or address"*) echo ENXIO ;;
	*) echo "other: $out" ;;
	esac
}

# judge NAME WANT GOT BEFORE AFTER: a refused input's row; BEFORE and
# AFTER from state (or snap, and the cache is checked here).
judge() {
	local diff
	if [[ $5 = *"| cache"* ]]; then
		diff=${5#*| cache}
	else
		diff=$(cache_diff)
	fi
	if [ "$3" != "$2" ]; then
		row_bad "$1" "errno: want $2, got $3"
	elif [ "${4%% | cache*}" != "${5%% | cache*}" ]; then
		row_bad "$1" "changed:" "before: $4" "after:  $5"
	elif [ -n "$diff" ]; then
		row_bad "$1" "regmap cache and chip differ:$diff"
	else
		row_ok "$1" 1
	fi
}

# w_row ATTR DATA WANT [REPEAT]: sysfs attribute ATTR (under $SYS) gets
# DATA (a one-character DATA REPEAT times); refused with WANT.
w_row() {
	local f=$SYS/$1 data=$2 label=$2 rep=${4:-1} before after got
	[ -n "$label" ] || label="(empty line)"
	if [ "$rep" -gt 1 ]; then
		label="'$data' x $rep"
		data=$(printf "%${rep}s" "" | tr ' ' "$data")
	fi
	if [ ! -e "$f" ]; then
		row_skip "sysfs $1 <- $label: $3" "no $f"
		return
	fi
	before=$(state)
	got=$(wr "$f" "$data")
	after=$(state)
	judge "sysfs $1 <- $label: $3" "$3" "$got" "$before" "$after"
}

# A quiet chip: no alarm, no countdown, no stale expiry, a valid time.
quiet() {
	echo 0 >"$SYS/wakealarm" 2>/dev/null
	echo 0 >"$SYS/countdown/enable" 2>/dev/null
	echo 0 >"$SYS/countdown/expired" 2>/dev/null
	hw --systohc
}

# =============================================================================
# sysfs
# =============================================================================
check "a quiet chip with a valid time" quiet
REGMAP=$(regmap_dir)
if [ -n "$REGMAP" ]; then
	ok "regmap debugfs of the client: $REGMAP"
else
	skip "regmap debugfs of the client" "none: the cache is not compared"
fi
while IFS='|' read -r attr data want rep; do
	case $attr in ''|'#'*) continue ;; esac
	w_row "$attr" "$data" "$want" "${rep:-1}"
done <<'EOF'
# the rtc core's attributes
wakealarm|abc|EINVAL
wakealarm||EINVAL
wakealarm|+|EINVAL
wakealarm|+=60|EINVAL
wakealarm|99999999999999999999|ERANGE
wakealarm|4102444800|ERANGE
wakealarm|1|ERANGE|5000
max_user_freq|0|EINVAL
max_user_freq|4096|EINVAL
max_user_freq|-1|EINVAL
max_user_freq|abc|EINVAL
max_user_freq||EINVAL
max_user_freq|99999999999999999999|ERANGE
max_user_freq|9|ERANGE|5000
date|2031-05-06|EACCES
time|07:08:09|EACCES
since_epoch|0|EACCES
hctosys|1|EACCES
name|x|EACCES
range|0|EACCES
# the driver's countdown timer
countdown/clock|65|EINVAL
countdown/clock|1/61|EINVAL
countdown/clock|4096Hz|EINVAL
countdown/clock|abc|EINVAL
countdown/clock||EINVAL
countdown/clock|4|EINVAL|5000
countdown/ticks|0|ERANGE
countdown/ticks|16777216|ERANGE
countdown/ticks|0x1000000|ERANGE
countdown/ticks|4294967296|ERANGE
countdown/ticks|-1|EINVAL
countdown/ticks|abc|EINVAL
countdown/ticks|0x|EINVAL
countdown/ticks|12abc|EINVAL
countdown/ticks||EINVAL
countdown/ticks|1|ERANGE|5000
countdown/remaining|1|EACCES
countdown/enable|2|EINVAL
countdown/enable|-1|EINVAL
countdown/enable|yes|EINVAL
countdown/enable||EINVAL
countdown/enable|1|EINVAL|5000
countdown/pulse|2|EINVAL
countdown/pulse|on|EINVAL
countdown/pulse||EINVAL
countdown/expired|1|EINVAL
countdown/expired|2|EINVAL
countdown/expired|x|EINVAL
countdown/expired||EINVAL
EOF

# A time in the past is the rtc core's way to disable the alarm: accepted,
# and with no alarm enabled nothing reaches the chip.
before=$(state)
got=$(wr "$SYS/wakealarm" -5)
after=$(state)
if [ "$got" = 0 ] && [ "${before%% | cache*}" = "${after%% | cache*}" ]; then
	row_ok "sysfs wakealarm <- -5: a disable, accepted, nothing changed" 0
else
	row_bad "sysfs wakealarm <- -5: a disable, accepted, nothing changed" \
		"write: $got" "before: $before" "after:  $after"
fi

# The countdown while update interrupts hold the timer (the reverse is
# an ioctl row below).
echo 1/60 >"$SYS/countdown/clock"
echo 100 >"$SYS/countdown/ticks"
# uie-hold says "on" once RTC_UIE_ON has returned (a guest slowed by a
# loaded host takes a while to start it).
uie_out=$(mktemp)
$RTCPY uie-hold "$DEV" 3 >"$uie_out" 2>&1 &
uie=$!
for _ in $(seq 100); do
	grep -qx on "$uie_out" && break
	sleep 0.1
done
got=$(wr "$SYS/countdown/enable" 1)
en=$(cat "$SYS/countdown/enable")
wait $uie
if [ "$got" = EBUSY ] && [ "$en" = 0 ]; then
	row_ok "sysfs countdown/enable <- 1 during update interrupts: EBUSY" 1
else
	row_bad "sysfs countdown/enable <- 1 during update interrupts: EBUSY" \
		"write: $got, enable reads $en, uie-hold: $(tr '\n' ' ' <"$uie_out")"
fi
rm -f "$uie_out"
echo 0 >"$SYS/wakealarm" 2>/dev/null

# =============================================================================
# ioctls
# =============================================================================
# The struct rtc_time fields: sec min hour mday mon year wday yday isdst.
IOCTL_ROWS=$(cat <<'EOF'
EINVAL|set-time 60 8 7 6 4 131 2 0 0|RTC_SET_TIME tm_sec 60
EINVAL|set-time -1 8 7 6 4 131 2 0 0|RTC_SET_TIME tm_sec -1
EINVAL|set-time 9 60 7 6 4 131 2 0 0|RTC_SET_TIME tm_min 60
EINVAL|set-time 9 8 24 6 4 131 2 0 0|RTC_SET_TIME tm_hour 24
EINVAL|set-time 9 8 -1 6 4 131 2 0 0|RTC_SET_TIME tm_hour -1
EINVAL|set-time 9 8 7 0 4 131 2 0 0|RTC_SET_TIME tm_mday 0
EINVAL|set-time 9 8 7 32 4 131 2 0 0|RTC_SET_TIME tm_mday 32
EINVAL|set-time 9 8 7 31 5 131 2 0 0|RTC_SET_TIME 2031-06-31
EINVAL|set-time 9 8 7 29 1 131 2 0 0|RTC_SET_TIME 2031-02-29
EINVAL|set-time 9 8 7 6 12 131 2 0 0|RTC_SET_TIME tm_mon 12
EINVAL|set-time 9 8 7 6 -1 131 2 0 0|RTC_SET_TIME tm_mon -1
ERANGE|set-time 59 59 23 31 11 99 5 0 0|RTC_SET_TIME 1999-12-31 23:59:59
ERANGE|set-time 0 0 0 1 0 200 5 0 0|RTC_SET_TIME 2100-01-01 00:00:00
EINVAL|set-time 9 8 7 6 4 69 2 0 0|RTC_SET_TIME tm_year 69 (1969)
EINVAL|set-time 9 8 7 6 4 2147483647 2 0 0|RTC_SET_TIME tm_year INT_MAX
EFAULT|null-set-time|RTC_SET_TIME NULL
EFAULT|null-rd-time|RTC_RD_TIME NULL
EINVAL|alm-set 0 0 24 0 0 0 0 0 0|RTC_ALM_SET tm_hour 24
EINVAL|alm-set 0 60 7 0 0 0 0 0 0|RTC_ALM_SET tm_min 60
EINVAL|alm-set -1 0 7 0 0 0 0 0 0|RTC_ALM_SET tm_sec -1
EINVAL|wkalm-set 1 0 0 7 6 12 131 0 0 0|RTC_WKALM_SET tm_mon 12
EINVAL|wkalm-set 1 0 0 7 0 4 131 0 0 0|RTC_WKALM_SET tm_mday 0
EINVAL|wkalm-set 1 60 0 7 6 4 131 0 0 0|RTC_WKALM_SET tm_sec 60
ERANGE|wkalm-set 1 0 0 0 1 0 200 0 0 0|RTC_WKALM_SET 2100-01-01
EFAULT|null-wkalm-set|RTC_WKALM_SET NULL
EFAULT|null-wkalm-rd|RTC_WKALM_RD NULL
EFAULT|null-alm-read|RTC_ALM_READ NULL
EFAULT|null-vl-read|RTC_VL_READ NULL (the driver's own ioctl)
EINVAL|irqp-set 0|RTC_IRQP_SET 0
EINVAL|irqp-set 8193|RTC_IRQP_SET 8193
EINVAL|param-get 99 0|RTC_PARAM_GET unknown parameter 99
EINVAL|param-get 0 1|RTC_PARAM_GET RTC_PARAM_FEATURES index 1
EINVAL|param-get 1 0|RTC_PARAM_GET RTC_PARAM_CORRECTION (no offset)
EINVAL|param-set 0 0 0|RTC_PARAM_SET RTC_PARAM_FEATURES
EINVAL|param-set 1 0 100|RTC_PARAM_SET RTC_PARAM_CORRECTION 100
EINVAL|param-set 2 0 1|RTC_PARAM_SET RTC_PARAM_BACKUP_SWITCH_MODE
EINVAL|param-set 99 0 1|RTC_PARAM_SET unknown parameter 99
ENOTTY|epoch-read|RTC_EPOCH_READ
ENOTTY|epoch-set 1900|RTC_EPOCH_SET 1900
ENOTTY|vl-clr|RTC_VL_CLR (only a time set clears VLF)
ENOTTY|unknown|_IO('p', 0x7f)
EOF
)
check "a quiet chip with a valid time (ioctls)" quiet
res=$(printf '%s\n' "$IOCTL_ROWS" | cut -d'|' -f2 | $RTCPY try "$DEV" "$DBG" 2>&1)
i=0
while IFS="|" read -r want _ label; do
	i=$((i + 1))
	line=$(printf '%s\n' "$res" | sed -n "${i}p")
	read -r got changed dt <<<"$line"
	if [ "$got" != "$want" ]; then
		row_bad "$label: $want" "errno: want $want, got '$line'"
	elif [ "$changed" != 0 ]; then
		row_bad "$label: $want" "a register changed"
	elif [ "${dt:-9}" -lt 0 ] || [ "${dt:-9}" -gt 2 ]; then
		row_bad "$label: $want" "the chip's time moved by $dt s"
	else
		row_ok "$label: $want" 1
	fi
done <<<"$IOCTL_ROWS"
d=$(cache_diff)
if [ -z "$REGMAP" ]; then
	skip "regmap cache agrees with the chip after the ioctl rows" "no regmap debugfs for $BUS-0051"
elif [ -z "$d" ]; then
	ok "regmap cache agrees with the chip after the ioctl rows"
else
	not_ok "regmap cache agrees with the chip after the ioctl rows" "$d"
fi

# RTC_UIE_ON while the countdown holds the timer (documented: EINVAL, as
# where there are no update interrupts, so that hwclock busy-waits).
echo 1/60 >"$SYS/countdown/clock"
echo 100 >"$SYS/countdown/ticks"
echo 1 >"$SYS/countdown/enable"
before=$(snap | cut -d' ' -f1-8)
got=$(printf 'uie-on\n' | $RTCPY try "$DEV" "$DBG" | cut -d' ' -f1)
after=$(snap | cut -d' ' -f1-8)
judge "RTC_UIE_ON while the countdown runs: EINVAL" EINVAL "$got" "$before" "$after"
echo 0 >"$SYS/countdown/enable"
echo 0 >"$SYS/countdown/expired"

# The rtc core passes tm_wday unchecked: the driver writes the date's.
got=$(printf 'set-time 9 8 7 6 4 131 6 0 0\n' | $RTCPY try "$DEV" "$DBG" | cut -d' ' -f1)
week=$(sim_reg 0x06)
t=$($RTCPY read-time "$DEV" 2>&1)
case $got:$week:$t in
0:0x02:"2031-05-06 07:08:"*)
	row_ok "RTC_SET_TIME tm_wday 6 on a Tuesday: WEEK gets 2, the date's" 0 ;;
*)
	row_bad "RTC_SET_TIME tm_wday 6 on a Tuesday: WEEK gets 2, the date's" \
		"errno $got, WEEK $week, time $t" ;;
esac
check "the time set back" hw --systohc

# =============================================================================
# probe with no chip answering
# =============================================================================
# gone DEVNAME: the device has no driver, no rtc, no register map, no
# CLKOUT left.
gone() {
	local left=
	[ -e "/sys/bus/i2c/devices/$1/driver" ] && left+=" driver"
	ls -d "/sys/bus/i2c/devices/$1/rtc" >/dev/null 2>&1 && left+=" rtc"
	ls -d /sys/kernel/debug/regmap/*"$1"* >/dev/null 2>&1 && left+=" regmap"
	grep -q -- "$1-clkout" /sys/kernel/debug/clk/clk_summary 2>/dev/null &&
		left+=" clkout"
	[ -z "$left" ] || echo "left behind:$left"
}

if [ -n "$load_row" ]; then
	if [ "$load_rc" = 0 ] && [ -z "$load_left" ] &&
	   since "sim-bad-input: module load" | grep -q 'cannot read the registers'; then
		row_ok "module load with no chip answering: a log line, nothing left" 1
	else
		row_bad "module load with no chip answering: a log line, nothing left" \
			"insmod exit $load_rc, left behind: $load_left" \
			"$(since "sim-bad-input: module load" | grep ins5s8563 | tail -n 3)"
	fi
else
	diag "module load: the driver was loaded by an earlier test (the alarm" \
		"timer pins it); the device tree client row below is that probe"
fi

# noprobe NAME MARK ERR LEFT: the row of a probe that must have failed.
noprobe() {
	local logs
	logs=$(since "$2" | grep -E 'ins5s8563|0051|0052')
	if ! printf '%s\n' "$logs" | grep -q 'cannot read the registers'; then
		row_bad "$1" "no log line saying why" "$logs"
	elif [ -n "$4" ]; then
		row_bad "$1" "$4" "$3"
	else
		row_ok "$1" 1
	fi
}

# sim_rtc as a case, in this shell (it sets RTC, DEV and SYS).
rtc_back() {
	if sim_rtc; then ok "the rtc is back ($RTC)"; else not_ok "the rtc is back"; fi
}

m="sim-bad-input: bind-nack-$RANDOM"
log_mark "$m"
echo "$BUS-0051" >"$drv/unbind"
echo "nack 1 1000000" >"$DBG/fault"
got=$(wr "$drv/bind" "$BUS-0051")
echo off >"$DBG/fault"
noprobe "bind while every transfer NACKs: $got, nothing left" "$m" "$got" "$(gone "$BUS-0051")"
check "bind once the chip answers again" sh -c "echo $BUS-0051 >$drv/bind"
rtc_back

m="sim-bad-input: client-nack-$RANDOM"
log_mark "$m"
echo none >"$CN"
echo "nack 1 1000000" >"$DBG/fault"
echo "$DEFNODE" >"$CN"
sleep 0.5
echo off >"$DBG/fault"
noprobe "a client from the device tree with no chip answering (as at module load): nothing left" \
	"$m" "" "$(gone "$BUS-0051")"
echo none >"$CN"
check "the client made again once the chip answers" sh -c "echo $DEFNODE >$CN"
rtc_back

m="sim-bad-input: 0x52-$RANDOM"
log_mark "$m"
echo "ins5s8563 0x52" >"/sys/bus/i2c/devices/i2c-$BUS/new_device"
sleep 0.3
noprobe "new_device at 0x52, where no chip answers: nothing left" "$m" "" "$(gone "$BUS-0052")"
check "delete_device 0x52" sh -c "echo 0x52 >/sys/bus/i2c/devices/i2c-$BUS/delete_device"

# =============================================================================
# the chip vanishing in the middle of a client: the helper (rows below)
# =============================================================================
C=/sys/kernel/debug/ins5s8563-clk-consumer
fault_off_in() { sleep "$1"; echo off >"$DBG/fault"; }

# vanish NAME SETUP CMD...: a clean run of CMD (after SETUP) counts its
# transfers T; then, after SETUP again, every transfer from the (T/2+1)th
# on NACKs, until CMD ends or 4 s have passed. CMD must fail, or complete
# where what failed reports to nobody (a watchdog's stop at close, which
# the watchdog core logs, or an interrupt the client waits for once the
# chip is back); it must not hang; and afterwards the time can be set and
# read, STOP is clear, and CMD works again.
vanish() {
	local name=$1 setup=$2 t n rc out f k after
	shift 2
	$setup
	echo 0 >"$DBG/counters"
	if ! out=$(timeout 15 "$@" 2>&1); then
		row_bad "$name" "a clean run fails: $out"
		return
	fi
	t=$(sim_counter transfers)
	n=$((t / 2 + 1))
	$setup
	echo 0 >"$DBG/counters"
	echo "nack $n 1000000" >"$DBG/fault"
	fault_off_in 4 &
	k=$!
	rc=0
	out=$(timeout 15 "$@" 2>&1) || rc=$?
	kill "$k" 2>/dev/null
	wait "$k" 2>/dev/null
	echo off >"$DBG/fault"
	f=$(sim_counter failed)
	after=
	hw --systohc >/dev/null 2>&1 || after+=" hwclock --systohc fails;"
	hw --show >/dev/null 2>&1 || after+=" hwclock --show fails;"
	[ "$(sim_reg 0x00)" = 0x00 ] || after+=" Control_1 $(sim_reg 0x00);"
	$setup
	timeout 15 "$@" >/dev/null 2>&1 || after+=" a second run fails;"
	name="$name (transfer $n of $t on)"
	if [ "$f" -eq 0 ]; then
		row_bad "$name" "no transfer failed"
	elif [ "$rc" -ge 124 ]; then
		row_bad "$name" "hung or killed: exit $rc" "$out"
	elif [ -n "$after" ]; then
		row_bad "$name" "afterwards:$after" "$out"
	elif [ "$rc" -ne 0 ]; then
		row_ok "$name: an error (exit $rc), then works again" 1
	else
		row_ok "$name: no error reached it, then works again" 0
	fi
}

nothing() { :; }
no_alarm() { echo 0 >"$SYS/wakealarm" 2>/dev/null; }
cd_setup() {
	echo 0 >"$SYS/countdown/enable"
	echo 0 >"$SYS/countdown/expired"
	echo 64 >"$SYS/countdown/clock"
	echo 32 >"$SYS/countdown/ticks"
}
# The consumer holds no enable, CLKOUT is off (its power-on state is on:
# then the consumer's enable would write nothing) and at 32768 Hz.
clk_setup() {
	local i
	for i in $(seq "$(cat "$C/enable")"); do echo 0 >"$C/enable"; done
	echo 1 >"$C/enable"
	echo 0 >"$C/enable"
	echo 32768 >"$C/rate"
}

# =============================================================================
# device tree properties of the wrong type or value
# =============================================================================
# dt_use NODE: the client at 0x51 made from NODE (the registers that a
# probe may change first put back as they are now); the rtc found.
saved=
dt_use() {
	local v r
	echo none >"$CN"
	if [ -z "$saved" ]; then
		saved="0x01=$(($(sim_reg 0x01) & 0x13)) 0x0d=$(sim_reg 0x0d) 0x0e=$(sim_reg 0x0e)"
	fi
	for v in $saved; do
		r=${v%=*}
		echo "$r ${v#*=}" >"$DBG/regs"
	done
	echo "$1" >"$CN" && sim_rtc
}

check "a quiet chip with a valid time (device tree)" quiet

for node in /ins5s8563-sim-bad-clkname/rtc@51 /ins5s8563-sim-bad-clkname-unterminated/rtc@51; do
	m="sim-bad-input: dt-$RANDOM"
	log_mark "$m"
	n="DT $node clock-output-names not a string: the default name, a warning"
	if ! dt_use "$node"; then
		row_bad "$n" "no rtc: $(since "$m" | tail -n 3)"
		continue
	fi
	if [ ! -d "/sys/kernel/debug/clk/$BUS-0051-clkout" ]; then
		row_bad "$n" "no clock $BUS-0051-clkout" \
			"$(grep -v -E '^ *(clock|---)' /sys/kernel/debug/clk/clk_summary)"
	elif ! since "$m" | grep -q 'clock-output-names'; then
		row_bad "$n" "no log line about clock-output-names" "$(since "$m" | grep 0051)"
	else
		row_ok "$n" 0
	fi
done

m="sim-bad-input: dt-trigger-$RANDOM"
log_mark "$m"
n="DT interrupts with a rising edge, which the controller refuses: no alarm, a warning"
if dt_use /ins5s8563-sim-bad-trigger/rtc@51; then
	f=" $($RTCPY features "$DEV" 2>&1) "
	if ! since "$m" | grep -q 'no alarm interrupt'; then
		row_bad "$n" "no warning" "$(since "$m" | grep -E '0051|irq')"
	elif [[ $f = *" ALARM "* || $f = *" UPDATE_INTERRUPT "* ]]; then
		row_bad "$n" "features:$f"
	elif [ -e "$SYS/wakealarm" ] || [ ! -e "$SYS/countdown/enable" ]; then
		row_bad "$n" "wakealarm shown, or no countdown"
	else
		row_ok "$n" 0
	fi
else
	row_bad "$n" "no rtc: $(since "$m" | tail -n 3)"
fi

# dapu,first-second-ms beyond 1 to 1000: probe refuses the node, saying
# why, rather than give the kernel's NTP update a set_offset_nsec that
# sets the chip wrong.
for v in 0 1001; do
	m="sim-bad-input: dt-first-second-$v-$RANDOM"
	log_mark "$m"
	n="DT dapu,first-second-ms = <$v>: probe refuses it, saying why"
	if dt_use "/ins5s8563-sim-bad-first-second-$v/rtc@51"; then
		row_bad "$n" "an rtc was registered: $RTC"
	elif ! since "$m" | grep -q 'dapu,first-second-ms: not 1 to 1000'; then
		row_bad "$n" "no log line" "$(since "$m" | grep 0051)"
	else
		row_ok "$n" 1
	fi
done

# wdt_row NODE VALUE: reset-source with timeout-sec VALUE: the watchdog
# core's default (60 s) and its log line; then, for the first, the
# watchdog ioctls with bad timeouts.
wdt_row() {
	local m n t
	m="sim-bad-input: dt-timeout-$RANDOM"
	log_mark "$m"
	n="DT timeout-sec $2 with reset-source: 60 s, a log line"
	if ! dt_use "$1" || ! sim_wdt; then
		row_bad "$n" "no rtc or no watchdog: $(since "$m" | tail -n 3)"
		return 1
	fi
	t=$(cat "$WSYS/timeout" 2>&1)
	if [ "$t" != 60 ]; then
		row_bad "$n" "timeout $t"
	elif ! since "$m" | grep -q "timeout ($2) out of range"; then
		row_bad "$n" "no log line" "$(since "$m" | grep 0051)"
	else
		row_ok "$n" 0
	fi
}

if wdt_row /ins5s8563-sim-bad-timeout-0/rtc@51 0; then
	out=$($WDPY settimeout "$WDEV" 0 1 4294968 16777216 4294967295 2>&1)
	for t in 0 1 4294968 16777216 4294967295; do
		got=$(printf '%s\n' "$out" | awk -v t="$t" '$1 == t { print $2, $3 }')
		if [ "$got" = "EINVAL timeout=60" ]; then
			row_ok "WDIOC_SETTIMEOUT $t: EINVAL, the timeout stays 60" 1
		else
			row_bad "WDIOC_SETTIMEOUT $t: EINVAL, the timeout stays 60" "got '$got'" "$out"
		fi
	done
	expect_eq "the watchdog is stopped after its magic close (TE=0)" 0 "$(wdt_te)"
	# wdctl's magic close stops the watchdog: where the chip vanished
	# before the stop, the watchdog core keeps it running ("did not
	# stop!"), and the clean run after must stop it for good.
	vanish "wdctl, the chip vanishing" nothing wdctl "$WDEV"
	n="the watchdog stopped by the clean wdctl after the chip came back"
	if [ "$(wdt_te)" = 0 ]; then
		row_ok "$n (TE=0)" 0
	else
		row_bad "$n (TE=0)" "0x0e: $(sim_reg 0x0e)"
	fi
fi
wdt_row /ins5s8563-sim-bad-timeout-huge/rtc@51 4294967295

dt_use "$DEFNODE"
rtc_back
check "the time set back" hw --systohc

# =============================================================================
# the chip vanishing in the middle of each client
# =============================================================================
# shellcheck disable=SC2086 # HWCLOCK_OPTS: options, one word each
vanish "hwclock --show, the chip vanishing" nothing hwclock $HWCLOCK_OPTS -f "$DEV" --show
# shellcheck disable=SC2086
vanish "hwclock --systohc, the chip vanishing" nothing hwclock $HWCLOCK_OPTS -f "$DEV" --systohc
vanish "rtcwake -m no -s 120, the chip vanishing" no_alarm \
	rtcwake -m no -d "$RTC" --utc -s 120
no_alarm
# shellcheck disable=SC2086 # RTCPY: the interpreter and the script
vanish "countdown 32 ticks at 64 Hz waited with poll(), the chip vanishing" cd_setup \
	$RTCPY poll-expired "$SYS/countdown/expired" 1 3 "$SYS/countdown/enable"
echo 0 >"$SYS/countdown/enable"
echo 0 >"$SYS/countdown/expired"

# The clock consumer last. The chip vanishes at
# its set_rate, whose error the clock framework does not pass on
# (clk_change_rate() ignores it), nor is there one for an unprepare.
# Bound here, to the client of rtc@51 now in place (see the top).
if consumer_take; then
	vanish "clk consumer prepare_enable, set_rate 1024, disable_unprepare, the chip vanishing" \
		clk_setup sh -c "echo 1 >$C/enable && echo 1024 >$C/rate && echo 0 >$C/enable"
	clk_setup
	expect_eq "CLKOUT off (FE=0) after the consumer's last disable" 0 $(($(sim_reg 0x0d) >> 7))
else
	row_bad "clk consumer, the chip vanishing" "the consumer did not bind" \
		"$(dmesg | grep -i -E 'clk|consumer' | tail -n 5)"
fi
consumer_release

check "regression: no oops or warning in the kernel log" no_splat "$mark"
echo "# bad input: $ROWS inputs, $REFUSED refused cleanly, $VIOL violations"
plan_done
done_testing
