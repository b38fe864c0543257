# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Helpers sourced by the scripts in this directory (not run on its own):
# paths, progress output, the kernel source version, and the TAP-style
# result files that scripts/check adds up.
#
# Progress and diagnostics go to stderr, so that a script's stdout can carry
# a result (scripts/uml-kernel prints the build dir as its last line).

INS_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
INS_CACHE=${INS5S8563_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ins5s8563}
INS_RESULTS=${INS5S8563_RESULTS:-$INS_REPO/results}
# Absolute: scripts change directory (into the tree, which make check's
# second lane runs from a copy of) before they write there.
case $INS_RESULTS in /*) ;; *) INS_RESULTS=$PWD/$INS_RESULTS ;; esac

# The Debian package that provides the kernel the tests run (UML) and the
# tree the built-in check compiles in.
INS_SRC_PKG=linux-source-6.12
INS_SRC_TARBALL=/usr/src/linux-source-6.12.tar.xz
INS_SRC_DIR=$INS_CACHE/src/linux-source-6.12

INS_PROG=${0##*/}

_ins_ts() { date +%H:%M:%S; }
# step: a long action starts (timestamped); info: detail; warn: to notice;
# die: give up with an exit code (default 2, "could not run").
step() { printf '[%s] %s: %s\n' "$(_ins_ts)" "$INS_PROG" "$*" >&2; }
info() { printf '           %s\n' "$*" >&2; }
warn() { printf '[%s] %s: WARNING: %s\n' "$(_ins_ts)" "$INS_PROG" "$*" >&2; }
die() {
	local rc=2
	if [ $# -gt 1 ]; then rc=$1; shift; fi
	printf '[%s] %s: error: %s\n' "$(_ins_ts)" "$INS_PROG" "$*" >&2
	exit "$rc"
}

# Print the usage block at the top of the calling script: the comment lines
# from "# Usage:" up to the first line that is not a comment.
usage() {
	awk '/^# Usage:/ { on = 1 } on && /^#/ { sub(/^# ?/, ""); print; next }
	     on { exit }' "$0"
}

# Exit status of a usage error: 2, unless the script documents another
# (sim-run and uml-run pass COMMAND's status on, and use 125).
INS_USAGE_RC=2

# bad_usage MESSAGE: say what is wrong with the command line, print the
# usage, exit with INS_USAGE_RC.
bad_usage() {
	printf 'scripts/%s: %s\n' "$INS_PROG" "$*" >&2
	usage >&2
	exit "$INS_USAGE_RC"
}

# unknown_option ARG: the catch-all of an option loop. Names the option
# (or the argument) that is not understood, then the usage.
unknown_option() {
	case $1 in
	-*) bad_usage "unknown option '$1'" ;;
	*) bad_usage "unexpected argument '$1'" ;;
	esac
}

# optarg OPTION "$@": the value of an option that takes one (the caller
# shifts 2), or a usage error naming the option when it has none:
#   --kernel) kernel=$(optarg "$@"); shift 2 ;;
optarg() {
	[ $# -ge 2 ] && [ -n "$2" ] || bad_usage "option '$1' needs a value"
	printf '%s\n' "$2"
}

# Debian version of the installed kernel source package, e.g.
# "6.12.117-1~deb12u1"; empty when it is not installed.
ins_src_pkg_version() {
	dpkg-query -W -f='${db:Status-Status} ${Version}\n' "$INS_SRC_PKG" 2>/dev/null |
		awk '$1 == "installed" { print $2 }'
}

# The same, usable in a file name ("6.12.117-1_deb12u1").
ins_src_key() {
	local v
	v=$(ins_src_pkg_version)
	[ -n "$v" ] || return 1
	printf '%s\n' "$v" | tr -c 'A-Za-z0-9.+\n-' '_'
}

# ins_highest GLOB: the highest version of the directories GLOB matches.
ins_highest() {
	local d
	for d in $1; do [ -d "$d" ] && echo "$d"; done | sort -V | tail -n1
}

# ins_deb_tree NAME: where scripts/deps unpacked the Debian packages NAME
# (headers-6.12, image-6.1) with dpkg-deb -x; fails when it has not.
ins_deb_tree() {
	local dir
	dir=$(cat "$INS_CACHE/debs/$1.path" 2>/dev/null) || return 1
	[ -f "$dir/.done" ] && echo "$dir/root"
}

# ---- the newest kernel (Debian unstable's highest linux-source-X.Y) ----------
#
# scripts/deps check looks it up and unpacks it into $INS_CACHE/newest/;
# each of these fails when it has not.

# ins_newest_dir: the directory of the unpacked package (src/, .version).
ins_newest_dir() {
	local dir
	dir=$(cat "$INS_CACHE/newest/source.path" 2>/dev/null) || return 1
	[ -f "$dir/.done" ] && echo "$dir"
}

# ins_newest_src: the extracted source tree.
ins_newest_src() {
	local dir
	dir=$(ins_newest_dir) || return 1
	echo "$dir/src"
}

# ins_newest_pkg_version: its Debian version ("7.2.13-1").
ins_newest_pkg_version() {
	local dir
	dir=$(ins_newest_dir) || return 1
	awk '{ print $2 }' "$dir/.version"
}

# ins_newest_pkg: its package name ("linux-source-7.2").
ins_newest_pkg() {
	local dir
	dir=$(ins_newest_dir) || return 1
	awk '{ print $1 }' "$dir/.version"
}

# ins_newest_release: the kernel version it builds ("7.2.13"), the name
# result lines and stages of the newest kernel carry.
ins_newest_release() {
	local v
	v=$(ins_newest_pkg_version) || return 1
	echo "${v%%-*}"
}

# ins_newest_sparse: the sparse that the newest kernel accepts (Debian 12's,
# or one scripts/deps built from unstable's source into the cache).
ins_newest_sparse() {
	local sp
	sp=$(cat "$INS_CACHE/newest/sparse.path" 2>/dev/null) || return 1
	[ -x "$sp" ] && echo "$sp"
}

# ins_newest_key: the Debian version, usable in a file name.
ins_newest_key() {
	local v
	v=$(ins_newest_pkg_version) || return 1
	printf '%s\n' "$v" | tr -c 'A-Za-z0-9.+\n-' '_'
}

# ins_need SET: true when what scripts/deps SET installs is there; else
# false, after one line saying what is missing and how to get it.
ins_need() {
	"$INS_REPO/scripts/deps" --check "$1" 2>&1 | grep -v '^ ' >&2
	[ "${PIPESTATUS[0]}" -eq 0 ]
}

# ins_uml_kernel: print the UML build dir (scripts/uml-kernel builds it
# the first time, some 5-10 minutes); false when there is none (what
# uml-kernel printed says why).
ins_uml_kernel() {
	local out
	out=$("$INS_REPO/scripts/uml-kernel") || return 1
	out=$(printf '%s\n' "$out" | tail -n1)
	[ -x "$out/linux" ] || { warn "no UML kernel binary at '$out'"; return 1; }
	echo "$out"
}

# ins_stop_tree PID...: SIGTERM to each PID and every process below it.
# A guest runs under timeout(1), which moves itself into a process group
# of its own: a signal to the lane's group alone would leave the guest
# running (and writing results) after the lane is gone.
ins_stop_tree() {
	local p all=()
	_ins_below() {
		local c
		for c in $(cat /proc/"$1"/task/*/children 2>/dev/null); do
			all+=("$c")
			_ins_below "$c"
		done
	}
	for p; do
		all+=("$p")
		_ins_below "$p"
	done
	kill -TERM "${all[@]}" 2>/dev/null || true
}

ins_sha12() { sha256sum "$@" | cut -c1-12; }

# Format seconds as "1m05s".
ins_dur() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# ---- results ----------------------------------------------------------------
#
# A stage records one line per test case in its result file:
#   ok <name>
#   not ok <name>
#   skip <name>
# and prints the same as TAP ("ok 3 - name"). scripts/check adds up the
# files of all stages. Names must be one line.

TAP_FILE=
TAP_N=0
TAP_PASS=0
TAP_FAIL=0
TAP_SKIP=0
TAP_QUIET=0
# Put before every case name (e.g. "[7.2.13] ", the kernel a stage runs on).
TAP_PREFIX=

# ins_chip_variants: the chip model's alternatives the driver is tested
# against (tests/chip-variants), one setting a line; ins_chip_known SPEC:
# the KUnit failures documented on it, "LEAF<tab>PATTERN<tab>why" a line.
ins_chip_variants() {
	grep -v -e '^#' -e '^[[:space:]]' -e '^$' "$INS_REPO/tests/chip-variants"
}

ins_chip_known() {
	awk -v v="$1" '/^#/ || /^$/ { next } /^[^[:space:]]/ { on = ($0 == v); next }
		on { sub(/^[[:space:]]+/, ""); print }' "$INS_REPO/tests/chip-variants"
}

# tap_init FILE: start (truncate) a result file.
tap_init() {
	TAP_FILE=$1
	TAP_N=0 TAP_PASS=0 TAP_FAIL=0 TAP_SKIP=0
	mkdir -p "$(dirname "$TAP_FILE")"
	: >"$TAP_FILE"
}

_tap_record() {
	local kind=$1 name=$2 note=${3:-}
	# No subshell: a stage records thousands of cases (kunit-run --variant).
	name=$TAP_PREFIX${name//$'\n'/ }
	TAP_N=$((TAP_N + 1))
	case $kind in
	ok)	TAP_PASS=$((TAP_PASS + 1))
		[ "$TAP_QUIET" = 1 ] || printf 'ok %d - %s\n' "$TAP_N" "$name" ;;
	"not ok") TAP_FAIL=$((TAP_FAIL + 1))
		printf 'not ok %d - %s%s\n' "$TAP_N" "$name" "${note:+ # $note}" ;;
	skip)	TAP_SKIP=$((TAP_SKIP + 1))
		printf 'ok %d - %s # SKIP %s\n' "$TAP_N" "$name" "$note" ;;
	esac
	if [ -n "$TAP_FILE" ]; then
		printf '%s %s\n' "$kind" "$name" >>"$TAP_FILE"
	fi
}

tap_ok() { _tap_record ok "$1"; }
tap_fail() { _tap_record "not ok" "$1" "${2:-}"; }
tap_skip() { _tap_record skip "$1" "${2:-}"; }
# tap_result RC NAME [NOTE]: ok when RC is 0.
tap_result() {
	if [ "$1" -eq 0 ]; then tap_ok "$2"; else tap_fail "$2" "${3:-}"; fi
}

# tap_counts FILE...: print "passed failed skipped" over result files.
tap_counts() {
	cat "$@" 2>/dev/null | awk '
		/^ok /     { p++ }
		/^not ok / { f++ }
		/^skip /   { s++ }
		END { printf "%d %d %d\n", p, f, s }'
}

# "N passed, N failed[, N skipped]"
tap_summary_line() {
	if [ "$3" -gt 0 ]; then
		printf '%d passed, %d failed, %d skipped\n' "$1" "$2" "$3"
	else
		printf '%d passed, %d failed\n' "$1" "$2"
	fi
}

# tap_finish: print the stage's summary to stderr; return 1 if anything
# failed, 0 otherwise.
tap_finish() {
	step "$(tap_summary_line "$TAP_PASS" "$TAP_FAIL" "$TAP_SKIP")"
	[ "$TAP_FAIL" -eq 0 ]
}

# ---- kernel log -------------------------------------------------------------

# Lines of a kernel log that fail a run (extended regular expression):
# KUnit's kunit_err() of a hung, faulted or aborted case among them, as
# KUnit prints it ("# CASE: ..."), so that a driver's "retry timed out"
# is none.
INS_SPLAT_RE='WARNING:|BUG:|Oops|KASAN|UBSAN|blocked for more than|nobody cared|possible circular locking|possible recursive locking|inconsistent lock state|INFO: trying to register non-static key|suspicious RCU usage|sleeping function called from invalid context|Call Trace|unreferenced object|# [^ ]+: (try timed out|try faulted|test case (cleanup )?timed out|internal error occurred|test aborted during cleanup|failed to initialize)'

# ---- the simulated chip (sim/) -------------------------------------------------

# ins_sim_build KERNEL LOG: build the driver and the simulator modules for
# the UML kernel in KERNEL (output in LOG).
ins_sim_build() {
	make -C "$INS_REPO" KDIR="$1" ARCH=um INS5S8563_SIM=1 -j"$(ins_jobs)" >"$2" 2>&1
}

# ins_jobs: how many make jobs a test's module build runs: all cores, or
# $INS5S8563_JOBS (make check's lanes: one each, so that a build in one
# lane does not take the core of a timed guest in the other).
ins_jobs() { echo "${INS5S8563_JOBS:-$(nproc)}"; }

# ins_sim_dtb KERNEL OUT.dtb [DTS]: compile sim/ins5s8563-sim.dts (or
# DTS, e.g. sim/ins5s8563-sim-reset.dts: the chip as a watchdog with
# reset-source) with the dtc of the UML build (or the system's).
ins_sim_dtb() {
	local dtc=$1/scripts/dtc/dtc
	[ -x "$dtc" ] || dtc=$(command -v dtc) || return 1
	"$dtc" -q -I dts -O dtb -o "$2" "${3:-$INS_REPO/sim/ins5s8563-sim.dts}"
}

# ins_rtctest: print the path of the kernel's rtc selftest, built (once,
# cached) from the cached kernel source with the host's gcc.
ins_rtctest() {
	local src=$INS_SRC_DIR/tools/testing/selftests
	local key bin tmp
	key=$(ins_src_key) || return 1
	bin=$INS_CACHE/rtctest-$key/rtctest
	if [ ! -x "$bin" ]; then
		[ -f "$src/rtc/rtctest.c" ] || return 1
		mkdir -p "${bin%/*}"
		# A temporary of its own: make check's two lanes may both be
		# here on a cold cache.
		tmp=$(mktemp "$bin.XXXXXX") || return 1
		gcc -O2 -Wall -D_GNU_SOURCE -I "$src" -I "$INS_SRC_DIR/usr/include" \
			-o "$tmp" "$src/rtc/rtctest.c" -lrt -lpthread -lm >&2 || { rm -f "$tmp"; return 1; }
		chmod 755 "$tmp"
		mv "$tmp" "$bin"
	fi
	echo "$bin"
}
