#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""How far the simulated chip lands from the system clock after a time set.

Usage: timeset.py set DEV DBG REPS
       timeset.py ntp DEV DBG REPS FIRST_MS
       timeset.py ntp-judge BUS_MS LATE_MS HALF_MS
       timeset.py hwclock DEV DBG REPS [DELAY]
       timeset.py offset DBG
       timeset.py ntp-synced on|off
       timeset.py ntp-status

Every figure is the chip's clock minus the system clock (CLOCK_REALTIME),
in ms, taken from the simulator's own clock (debugfs DBG/clock, the
prescaler's fraction to 30.5 us), never from the rtc read back at second
resolution: the read of DBG/clock is bracketed by two reads of the system
clock, the narrowest of 5 brackets kept, its middle taken. It is taken
1.2 s after the set, past the chip's first increment (the clock's fraction
means the same on every variant once the chip has counted a second).
Positive: the chip is ahead.

set: REPS times, RTC_SET_TIME of N issued when the system clock reads
  N.000 (slept to 50 ms before, then spun): "OFFSET set MS KERNEL_MS
  BUS_MS LATE_MS": MS the offset; LATE_MS how late after N.000 the ioctl
  was issued (the spin's last read: a descheduled guest reads late);
  KERNEL_MS the offset against that moment, MS + LATE_MS (the syscall,
  the rtc core and the driver); BUS_MS the simulator's trace from the
  set's first bus access to its last write (this driver: the write
  releasing STOP).

ntp: REPS times, the kernel's own update, rtc_set_ntp_time() writing
  rtc0 (CONFIG_RTC_SYSTOHC_DEVICE) at the moment set_offset_nsec asks:
  the chip set 30 s ahead through DEV, then adjtimex clears STA_UNSYNC
  (and sets maxerror 0, which otherwise grows past 16 s at once and sets
  STA_UNSYNC again), the kernel's write waited for (up to 8 s), STA_UNSYNC
  set again. Before it, the sync timer a previous update left armed for
  11 minutes is cancelled: the kernel does that for a step of the clock
  (ADJ_SETOFFSET with a whole second), so the clock is stepped +1 s and
  -1 s while STA_UNSYNC is still set. "OFFSET ntp MS TOOK_S BUS_MS
  LATE_MS AFTER_S HALF_MS": TOOK_S from the adjtimex to the chip
  corrected, BUS_MS as for set (the kernel's write), AFTER_S from just
  before the adjtimex to the write's first bus access, HALF_MS the half widths of
  the brackets of the two offsets measured (before and after the write)
  added, LATE_MS the write's first bus access after
  the moment the rtc core aimed it at, N + 1 - set_offset_nsec for a
  write of N, FIRST_MS the chip's first second after STOP that
  set_offset_nsec assumes (the driver's dapu,first-second-ms; 1000 for
  rtc-pcf8563), its 5 ms for the bus included: set_offset_nsec is
  FIRST_MS + 5 ms (from the trace: the chip's time at that access, less
  the chip's offset measured before).

ntp-judge: a try of ntp, by its BUS_MS, LATE_MS and HALF_MS: "PACE
  EXPECT_MS". EXPECT_MS is where the chip must be whatever the pace: 5 ms
  (what set_offset_nsec adds for the write's transport) less the time
  from the moment the core aimed at to STOP released, LATE_MS + BUS_MS.
  The 5 ms bound holds for that time within 0 to 10 ms. PACE:
    "on"      LATE_MS 0 (less HALF_MS and 0.1, what the readings of
              the two clocks allow) to 10 - BUS_MS: the bound holds;
    "late"    begun too late for it;
    "early"   begun before the moment: only the work that clearing
              STA_UNSYNC queues at once writes so (anywhere within 5
              jiffies of it), and the ntp row clears it half a second
              before, so that work was stalled that long: the guest's
              pace, unless every try is early (the kernel aims early);
    "unknown" LATE_MS not measured (nan).
  A bus over 5 ms is judged apart (the driver's own time).

hwclock: REPS times, `hwclock --systohc --utc --noadjfile -f DEV` with
  `--delay DELAY` when given: "OFFSET hwclock MS".

offset: the chip's offset now, "MS HALF" (the bracket's half width).

ntp-synced on|off: clear or set STA_UNSYNC (adjtimex).

ntp-status: "unsync" while STA_UNSYNC is set, "sync" otherwise.

Exit status: 0, 1 a failure ("FAIL ..." printed), 2 bad usage.
"""
import calendar
import ctypes
import fcntl
import math
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rtc  # noqa: E402

ADJ_MAXERROR = 0x0004
ADJ_ESTERROR = 0x0008
ADJ_STATUS = 0x0010
ADJ_SETOFFSET = 0x0100
STA_UNSYNC = 0x0040
STOP = 0x20
SETTLE = 1.2


class Timex(ctypes.Structure):
    _fields_ = [("modes", ctypes.c_uint), ("offset", ctypes.c_long),
                ("freq", ctypes.c_long), ("maxerror", ctypes.c_long),
                ("esterror", ctypes.c_long), ("status", ctypes.c_int),
                ("constant", ctypes.c_long), ("precision", ctypes.c_long),
                ("tolerance", ctypes.c_long),
                ("tv_sec", ctypes.c_long), ("tv_usec", ctypes.c_long),
                ("tick", ctypes.c_long), ("ppsfreq", ctypes.c_long),
                ("jitter", ctypes.c_long), ("shift", ctypes.c_int),
                ("stabil", ctypes.c_long), ("jitcnt", ctypes.c_long),
                ("calcnt", ctypes.c_long), ("errcnt", ctypes.c_long),
                ("stbcnt", ctypes.c_long), ("tai", ctypes.c_int),
                ("pad", ctypes.c_int * 11)]


_libc = ctypes.CDLL(None, use_errno=True)


def fail(msg):
    print("FAIL %s" % msg)
    sys.exit(1)


def adjtimex(**kw):
    tx = Timex()
    for k, v in kw.items():
        setattr(tx, k, v)
    if _libc.adjtimex(ctypes.byref(tx)) < 0:
        fail("adjtimex %s: %s" % (kw, os.strerror(ctypes.get_errno())))
    return tx


def ntp_synced(on):
    if on:
        adjtimex(modes=ADJ_STATUS | ADJ_MAXERROR | ADJ_ESTERROR, status=0,
                 maxerror=0, esterror=0)
    else:
        adjtimex(modes=ADJ_STATUS, status=STA_UNSYNC)


def cancel_sync_timer():
    """Only a step of whole seconds cancels it (ntp_notify_cmos_timer())."""
    if not adjtimex(modes=0).status & STA_UNSYNC:
        fail("cancel_sync_timer: STA_UNSYNC must be set first")
    adjtimex(modes=ADJ_SETOFFSET, tv_sec=1, tv_usec=0)
    adjtimex(modes=ADJ_SETOFFSET, tv_sec=-1, tv_usec=0)


def chip_clock(dbg):
    with open(dbg + "/clock") as f:
        d, frac = f.read().strip().split(".")
    return calendar.timegm(time.strptime(d, "%Y-%m-%d %H:%M:%S")) + \
        int(frac) / 1e6


def offset(dbg):
    """The chip's clock minus the system clock, and the half width, s."""
    best = None
    for _ in range(5):
        t0 = time.time()
        c = chip_clock(dbg)
        t1 = time.time()
        if best is None or t1 - t0 < 2 * best[1]:
            best = (c - (t0 + t1) / 2, (t1 - t0) / 2)
    return best


def trace_clear(dbg):
    with open(dbg + "/trace", "w") as f:
        f.write("0")


def trace(dbg):
    """The bus accesses: (time, sec, subsec, comm, what, reg, data)."""
    out = []
    with open(dbg + "/trace") as f:
        for line in f:
            v = line.split()
            if len(v) < 8 or v[4] not in ("R", "W"):
                continue
            sec, sub = v[2].split(".")
            n = int(v[6])
            out.append((float(v[0]), rtc.bcd(int(sec, 16)), int(sub), v[3],
                        v[4], int(v[5], 16),
                        [int(x, 16) for x in v[7:7 + min(n, len(v) - 8)]]))
    return out


def set_span(acc):
    """The set's accesses: from the first to its last write."""
    writes = [i for i, a in enumerate(acc) if a[4] == "W"]
    if not writes:
        return None, None
    last = writes[-1]
    # This driver's set ends with the write of Control_1 releasing STOP.
    for i in writes:
        a = acc[i]
        if a[5] == 0 and len(a[6]) == 1 and not a[6][0] & STOP:
            last = i
            break
    return acc[0], acc[last]


def tm_of(t):
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(t))


def row_set(dev, dbg, reps):
    for _ in range(reps):
        fd = os.open(dev, os.O_RDONLY)
        n = int(time.time()) + 2
        time.sleep(max(n - time.time() - 0.05, 0))
        trace_clear(dbg)
        tm = rtc.RTC_TIME.pack(*rtc.tm_pack(tm_of(n)))
        now = time.time()
        while now < n:
            now = time.time()
        fcntl.ioctl(fd, rtc.RTC_SET_TIME, tm)
        os.close(fd)
        acc = [a for a in trace(dbg) if a[3].startswith("python")]
        first, last = set_span(acc)
        time.sleep(SETTLE)
        off, _ = offset(dbg)
        bus = (last[0] - first[0]) * 1000 if first else float("nan")
        print("OFFSET set %.2f %.2f %.2f %.2f" % (
            off * 1000, (off + now - n) * 1000, bus, (now - n) * 1000), flush=True)


def row_ntp(dev, dbg, reps, first_ms):
    set_offset = first_ms / 1000 + 0.005
    for _ in range(reps):
        ntp_synced(False)
        cancel_sync_timer()
        fd = os.open(dev, os.O_RDONLY)
        fcntl.ioctl(fd, rtc.RTC_SET_TIME,
                    rtc.RTC_TIME.pack(*rtc.tm_pack(tm_of(time.time() + 30))))
        os.close(fd)
        time.sleep(SETTLE)
        before, hb = offset(dbg)
        if not 28 < before < 32:
            fail("ntp: the chip is %+.3f s off after the set, not 30" % before)
        trace_clear(dbg)
        # Clearing STA_UNSYNC queues the kernel's update at once
        # (ntp_notify_cmos_timer()), and that work writes if the clock is
        # within the core's fuzz of its aim, up to 5 jiffies early. Half a
        # second from the aim it reschedules for the aim instead, as every
        # later update does: the write measured is the timer's.
        half = ((-set_offset) % 1 + 0.5) % 1
        now = time.time()
        time.sleep((half - now % 1) % 1)
        start = time.monotonic()
        cleared = time.time()
        ntp_synced(True)
        while time.monotonic() - start < 8:
            time.sleep(0.1)
            if abs(offset(dbg)[0]) < 1:
                break
        took = time.monotonic() - start
        ntp_synced(False)
        if abs(offset(dbg)[0]) >= 1:
            fail("ntp: the chip is still %+.3f s off %.1f s after STA_UNSYNC "
                 "was cleared" % (offset(dbg)[0], took))
        acc = [a for a in trace(dbg) if not a[3].startswith("python")]
        first, last = set_span(acc)
        bus = late = after = float("nan")
        if first:
            bus = (last[0] - first[0]) * 1000
            # The write's value (SEC from the burst) and when it began,
            # by the chip's old time at that access less its old offset;
            # both modulo a minute.
            burst = [a for a in acc if a[4] == "W" and a[5] == 0 and
                     len(a[6]) >= 3]
            if burst:
                written = rtc.bcd(burst[0][6][2] & 0x7f)
                at = first[1] + first[2] / 32768 - before
                aim = written + 1 - set_offset
                late = ((at - aim + 30) % 60 - 30) * 1000
                after = (at - cleared) % 60
        time.sleep(SETTLE)
        off, ha = offset(dbg)
        print("OFFSET ntp %.2f %.1f %.2f %.2f %.3f %.3f" % (
            off * 1000, took, bus, late, after, (hb + ha) * 1000), flush=True)


CORE_BUS_MS = 5.0


def ntp_judge(bus, late, half):
    expect = CORE_BUS_MS - late - bus
    if math.isnan(late):
        pace = "unknown"
    elif late < -(half + 0.1):
        pace = "early"
    elif late + bus > 2 * CORE_BUS_MS:
        pace = "late"
    else:
        pace = "on"
    return "%s %.2f" % (pace, expect)


def ntp_judge_main(args):
    try:
        v = [float(a) for a in args]
    except ValueError:
        v = []
    if len(v) != 3 or any(math.isinf(x) for x in v) or \
            math.isnan(v[0]) or math.isnan(v[2]) or v[2] < 0:
        print("timeset.py ntp-judge: BUS_MS LATE_MS HALF_MS, three numbers "
              "(LATE_MS may be nan), not %r" % " ".join(args),
              file=sys.stderr)
        return 2
    print(ntp_judge(*v))
    return 0


def row_hwclock(dev, dbg, reps, delay):
    cmd = ["hwclock", "--systohc", "--utc", "--noadjfile", "-f", dev]
    if delay is not None:
        cmd += ["--delay", delay]
    for _ in range(reps):
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode:
            fail("%s: exit %d: %s" % (" ".join(cmd), r.returncode,
                                      r.stderr.strip()))
        time.sleep(SETTLE)
        off, _ = offset(dbg)
        print("OFFSET hwclock %.2f" % (off * 1000), flush=True)


def main(argv):
    if len(argv) == 5 and argv[1] == "set":
        row_set(argv[2], argv[3], int(argv[4]))
    elif len(argv) == 6 and argv[1] == "ntp":
        row_ntp(argv[2], argv[3], int(argv[4]), int(argv[5]))
    elif len(argv) >= 2 and argv[1] == "ntp-judge":
        return ntp_judge_main(argv[2:])
    elif len(argv) in (5, 6) and argv[1] == "hwclock":
        row_hwclock(argv[2], argv[3], int(argv[4]),
                    argv[5] if len(argv) == 6 else None)
    elif len(argv) == 3 and argv[1] == "offset":
        off, half = offset(argv[2])
        print("%.3f %.3f" % (off * 1000, half * 1000))
    elif len(argv) == 3 and argv[1] == "ntp-synced" and argv[2] in ("on", "off"):
        ntp_synced(argv[2] == "on")
    elif len(argv) == 2 and argv[1] == "ntp-status":
        print("unsync" if adjtimex(modes=0).status & STA_UNSYNC else "sync")
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
