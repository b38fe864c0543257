#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""The guest side of scripts/bench's far alarm and watchdog rows.

Usage: bench_guest.py alarm DEV DBG NOW ALARM TIMEOUT irq|error|wday
       bench_guest.py far-alarm DEV DBG ALARM [--counter]
       bench_guest.py wdt-ping WDEV DBG REPS

alarm: an alarm row, on one file opened before anything else and kept
to the end: RTC_AIE_OFF, RTC_SET_TIME of NOW, RTC_WKALM_SET of ALARM,
then the chip's clock (DBG/clock, to the microsecond) read: the alarm
must have been programmed before its minute began (a driver with
RTC_FEATURE_ALARM_RES_MINUTE) or its second (one without), and for irq
0.3 s before, since the counters are reset then. Otherwise the
procedure, not the driver, would lose it (__rtc_set_alarm() refuses a
time that has come with -ETIME and the rtc core fires the event at
once): "LATE chip CHIP begin BEGIN", exit 3, for the caller to try again.
Then the event is waited for (TIMEOUT s):
  irq    the counters reset 0.3 s after the set; "RESULT alarm_irq ..."
         0.3 s after the event (the alarm interrupt row)
  error  the chip's next rollover found (rtc.sec_edge) after the set;
         "ALARMERR MS": the read on DEV returning minus the chip's
         rollover into ALARM's second
  wday   NOW's tm_wday passed as the day after its own (a caller's
         mistake the rtc core does not check): "WDAY delivered"
and "DELIVERED"; or "MISS what", exit 4, when it did not come although
it was programmed in time (exit 1 is a failure: fail() or an exception).

far-alarm: RTC_WKALM_SET of ALARM ("YYYY-MM-DD HH:MM:SS", months
ahead of the chip's time), then the chip moved to where the
months between would leave it: its time registers set to 5 s before the
last minute rollover at or before ALARM and, with --counter (this
driver's alarm in the timer at 1/60 Hz), the timer's count to that one
minute left. The registers are written through the simulator's debugfs
(DBG/regs), not through the driver: RTC_SET_TIME would make the rtc core
set the alarm again, now within the 1 Hz range, and the 1/60 Hz stage
would never expire. Prints, each with the simulator's counters since the
stage began ("RESULT OP transfers bytes failed"):

  RESULT far_set        the set itself
  RESULT far_minute     the 1/60 Hz stage's expiry, through the rollover
                        of the minute and 1 s after it: the handler and
                        the rtc core's setting of the alarm again, on the
                        1 Hz counter (or, with minute registers, the alarm
                        itself, which fires there)
  RESULT far_second     from then until the event on DEV and 0.3 s after
                        it (the alarm on the 1 Hz counter firing)
  FARERR MS             the event's read on DEV returning minus the chip's
                        rollover into ALARM's second (taken from the
                        simulator's registers after they were moved)
  TD SET MINUTE         the timer's clock (TD) after the set and after
                        the minute stage (3: 1/60 Hz, 2: 1 Hz)

wdt-ping: opens WDEV (the watchdog starts), then REPS times: the
counters reset, one WDIOC_KEEPALIVE, "RESULT wdt_ping ..."; then REPS
times: the chip's power lost (DBG/power_loss), the counters reset, one
WDIOC_KEEPALIVE (which finds VLF and the counter stopped, and starts it
again), "RESULT wdt_ping_lost ...", and TE checked set; then a magic
close. The time is set (by the caller) before: VLF set from the boot
would make every ping one that checks for a power loss.

Exit status: 0, or 1 with a "FAIL ..." line.
"""
import calendar
import fcntl
import os
import select
import struct
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "e2e", "lib"))
import rtc  # noqa: E402
import wdt  # noqa: E402

SETTLE = 0.3


def fail(msg):
    print("FAIL %s" % msg)
    sys.exit(1)


def record(op, dbg):
    c = rtc.counters(dbg)
    print("RESULT %s %d %d %d" % (op, c["transfers"], c["bytes_written"] +
                                  c["bytes_read"] + c["bytes_address"],
                                  c["failed"]))
    return c


def reset(dbg):
    with open(dbg + "/counters", "w") as f:
        f.write("0")


def poke(dbg, reg, val):
    with open(dbg + "/regs", "w") as f:
        f.write("0x%02x 0x%02x" % (reg, val))


def to_bcd(v):
    return (v // 10) << 4 | v % 10


def epoch(s):
    return calendar.timegm(time.strptime(s, "%Y-%m-%d %H:%M:%S"))


def chip_epoch(dbg):
    return rtc.regs_epoch(rtc.sim_regs(dbg))


def far_alarm(dev, dbg, alarm, counter):
    fd = os.open(dev, os.O_RDONLY)
    t = epoch(alarm)
    minute = t // 60 * 60
    reset(dbg)
    try:
        fcntl.ioctl(fd, rtc.RTC_WKALM_SET,
                    rtc.RTC_WKALRM.pack(1, 0, *rtc.tm_pack(alarm)))
    except OSError as e:
        fail("RTC_WKALM_SET %s: %s" % (alarm, e.strerror))
    time.sleep(SETTLE)
    record("far_set", dbg)
    td_set = rtc.sim_regs(dbg)[0x0e] & 3

    # Months on: 5 s before the minute. Right after a rollover, so that
    # the writes (SEC first) see no carry between them.
    if rtc.sec_edge(dbg, 3) is None:
        fail("the chip's seconds do not move")
    tm = time.gmtime(minute - 5)
    poke(dbg, 0x02, to_bcd(tm.tm_sec))
    poke(dbg, 0x03, to_bcd(tm.tm_min))
    poke(dbg, 0x04, to_bcd(tm.tm_hour))
    poke(dbg, 0x05, to_bcd(tm.tm_mday))
    poke(dbg, 0x06, (tm.tm_wday + 1) % 7)
    poke(dbg, 0x07, to_bcd(tm.tm_mon))
    poke(dbg, 0x08, to_bcd(tm.tm_year % 100))
    if counter:
        # The minute rollovers left: one. Low byte first, while the
        # upper ones still hold a count, so that it never reads 0.
        poke(dbg, 0x0f, 1)
        poke(dbg, 0x13, 0)
        poke(dbg, 0x12, 0)
    edge = rtc.sec_edge(dbg, 3)
    if edge is None:
        fail("the chip's seconds do not move after the writes")
    mono, ep = float(edge.split()[0]), int(edge.split()[1])
    if not minute - 6 <= ep <= minute - 2:
        fail("the chip is at %d after the writes, not before %d" % (ep, minute))
    due = mono + t - ep
    reset(dbg)

    # The minute stage: to 1 s past the rollover, and the kernel's work.
    events, at = 0, None
    while time.monotonic() < mono + minute - ep + 1 + SETTLE:
        r, _, _ = select.select([fd], [], [], max(
            mono + minute - ep + 1 + SETTLE - time.monotonic(), 0))
        if r and at is None:
            os.read(fd, struct.calcsize("L"))
            at = time.monotonic()
            events += 1
    record("far_minute", dbg)
    td_minute = rtc.sim_regs(dbg)[0x0e] & 3
    reset(dbg)
    if at is None:
        r, _, _ = select.select([fd], [], [], max(due + 10 - time.monotonic(), 0))
        if r:
            os.read(fd, struct.calcsize("L"))
            at = time.monotonic()
    time.sleep(SETTLE)
    record("far_second", dbg)
    os.close(fd)
    print("TD %d %d" % (td_set, td_minute))
    if at is None:
        print("MISS far: the far alarm did not reach %s" % dev)
    else:
        print("FARERR %.1f" % ((at - due) * 1000))
        print("DELIVERED far")


def chip_clock(dbg):
    """The chip's time, seconds since 1970 with the prescaler's fraction."""
    with open(dbg + "/clock") as f:
        d, frac = f.read().strip().split(".")
    return epoch(d) + int(frac) / 1e6


def minute_res(fd):
    v = rtc.RTC_PARAM.unpack(fcntl.ioctl(
        fd, rtc.RTC_PARAM_GET,
        rtc.RTC_PARAM.pack(rtc.RTC_PARAM_FEATURES, 0, 0, 0)))[1]
    return bool(v & 1 << rtc.FEATURES.index("ALARM_RES_MINUTE"))


def alarm(dev, dbg, now, when, tmo, kind):
    """
    One file, opened first: the waiter that a new open would clear an
    event for (rtc_dev_open() zeroes it) is the one that set the alarm.
    """
    fd = os.open(dev, os.O_RDONLY)
    t = epoch(when)
    by_minute = minute_res(fd)
    begin = t // 60 * 60 if by_minute else t
    tm = list(rtc.tm_pack(now))
    if kind == "wday":
        tm[6] = (tm[6] + 1) % 7
    try:
        fcntl.ioctl(fd, rtc.RTC_AIE_OFF, 0)
        fcntl.ioctl(fd, rtc.RTC_SET_TIME, rtc.RTC_TIME.pack(*tm))
        fcntl.ioctl(fd, rtc.RTC_WKALM_SET,
                    rtc.RTC_WKALRM.pack(1, 0, *rtc.tm_pack(when)))
    except OSError as e:
        fail("alarm %s: %s" % (kind, e.strerror))
    chip = chip_clock(dbg)
    if chip + (SETTLE + 0.2 if kind == "irq" else 0) >= begin:
        print("LATE chip %+.3f begin %+d" % (chip - epoch(now), begin - epoch(now)))
        os.close(fd)
        return 3
    if kind == "irq":
        time.sleep(SETTLE)
        reset(dbg)
    elif kind == "error":
        edge = rtc.sec_edge(dbg, 3)
        if edge is None:
            fail("the chip's seconds do not move")
        mono, ep = float(edge.split()[0]), int(edge.split()[1])
    r, _, _ = select.select([fd], [], [], tmo)
    at = time.monotonic()
    if not r:
        print("MISS %s: no event in %g s, programmed %.3f s before %s" %
              (kind, tmo, begin - chip, "its minute" if by_minute else "its second"))
        os.close(fd)
        return 4
    os.read(fd, struct.calcsize("L"))
    if kind == "irq":
        time.sleep(SETTLE)
        if rtc.counters(dbg)["interrupts"] < 1:
            fail("the alarm came without an interrupt")
        record("alarm_irq", dbg)
    elif kind == "error":
        print("ALARMERR %.1f" % ((at - (mono + t - ep)) * 1000))
    else:
        print("WDAY delivered")
    print("DELIVERED %s" % kind)
    os.close(fd)
    return 0


def wdt_ping(wdev, dbg, reps):
    fd = os.open(wdev, os.O_WRONLY)
    try:
        for _ in range(reps):
            reset(dbg)
            fcntl.ioctl(fd, wdt.WDIOC_KEEPALIVE, wdt.INT.pack(0))
            record("wdt_ping", dbg)
            time.sleep(0.2)
        for _ in range(reps):
            with open(dbg + "/power_loss", "w") as f:
                f.write("1")
            reset(dbg)
            fcntl.ioctl(fd, wdt.WDIOC_KEEPALIVE, wdt.INT.pack(0))
            record("wdt_ping_lost", dbg)
            if not rtc.sim_regs(dbg)[0x0e] & 0x80:
                fail("the ping after a power loss left the counter stopped")
            time.sleep(0.2)
    except OSError as e:
        fail("WDIOC_KEEPALIVE: %s" % e.strerror)
    finally:
        os.write(fd, b"V")
        os.close(fd)


def main(argv):
    if len(argv) in (5, 6) and argv[1] == "far-alarm":
        far_alarm(argv[2], argv[3], argv[4], "--counter" in argv[5:])
    elif (len(argv) == 8 and argv[1] == "alarm" and
          argv[7] in ("irq", "error", "wday")):
        return alarm(argv[2], argv[3], argv[4], argv[5], float(argv[6]),
                     argv[7])
    elif len(argv) == 5 and argv[1] == "wdt-ping":
        wdt_ping(argv[2], argv[3], int(argv[4]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
