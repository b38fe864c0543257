#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""RTC ioctls and poll() waits for the guest-side tests (no i2c-dev).

Usage: rtc.py COMMAND ARGS...
  read-time DEV                     print the RTC time "YYYY-MM-DD HH:MM:SS"
  set-time DEV "YYYY-MM-DD HH:MM:SS"
  set-alarm DEV "YYYY-MM-DD HH:MM:SS" [0|1]   RTC_WKALM_SET (enabled 1)
  read-alarm DEV                    "enabled pending YYYY-MM-DD HH:MM:SS"
  aie DEV on|off                    RTC_AIE_ON / RTC_AIE_OFF
  set-alarm-wait DEV "YYYY-MM-DD HH:MM:SS" TIMEOUT
                                    RTC_WKALM_SET, RTC_WKALM_RD (printed)
                                    and wait-irq, on one descriptor
  wait-irq DEV TIMEOUT              wait for an RTC event (read); print
                                    "data 0xNN elapsed S at MONO time T"
                                    (MONO: CLOCK_MONOTONIC when the read
                                    returned; T: RTC_RD_TIME just after)
                                    or exit 1
  uie DEV on|off                    RTC_UIE_ON / RTC_UIE_OFF; print 0 or the
                                    errno's name (the rtc core turns update
                                    interrupts off again when the file is
                                    closed, at exit: see uie-hold)
  uie-hold DEV SECONDS              RTC_UIE_ON, print "on" (or the errno's
                                    name and exit 1), read the update
                                    events for SECONDS, print "events N"
  uie-rate DEV DBG N                RTC_UIE_ON; after 2 events, reset the
                                    simulator's counters (debugfs DBG),
                                    wait for N more, print "events N
                                    transfers T bytes B interrupts I" (each
                                    counter read 0.3 s after an event, once
                                    the rtc core is done with it); or the
                                    errno's name of RTC_UIE_ON and exit 1
  alarm-error DEV DBG "YYYY-MM-DD HH:MM:SS" TIMEOUT
                                    find a rollover of the simulated chip
                                    (sec-edge), RTC_WKALM_SET the alarm and
                                    wait for it on the same open file (a
                                    new open clears a pending event); print
                                    "error MS data 0xNN": the read's return
                                    minus the chip's rollover into the
                                    alarm's second, or exit 1
  set-time-wait DEV "YYYY-MM-DD HH:MM:SS" TIMEOUT
                                    RTC_SET_TIME, then wait for an event
                                    on the same open file (an alarm set
                                    before); print "data 0xNN elapsed S",
                                    or exit 1
  fired-then DEV DBG SECONDS FILE   RTC_WKALM_SET an alarm SECONDS ahead
                                    of the chip's time, wait for the
                                    chip's rollover into it (DBG/regs),
                                    write 1 to FILE (countdown/enable) at
                                    once, and wait for the alarm on the
                                    same open file; print "events N
                                    error MS" (N events in 3 s after the
                                    rollover, the first one's read minus
                                    the rollover), or exit 1
  features DEV                      RTC_PARAM_GET(RTC_PARAM_FEATURES): the
                                    feature names, one line
  sec-edge DBG [TIMEOUT]            read the simulator's registers (debugfs
                                    DBG/regs) in a loop until SEC changes;
                                    print "MONO EPOCH UNCERT": the
                                    CLOCK_MONOTONIC time of the rollover
                                    (the middle of the window it is known
                                    to lie in), the chip's time it rolled
                                    into (seconds since 1970, UTC) and the
                                    window's half width (s)
  poll-expired FILE N TIMEOUT [ENABLE]
                                    wait for N POLLPRI wakeups of a sysfs
                                    attribute; print each wakeup's time
                                    since the start (after writing 1 to
                                    ENABLE, if given), exit 1 on timeout
  ioctl-errno DEV rd-time           print the errno of RTC_RD_TIME (0: ok)
  vl-read DEV                       print RTC_VL_READ's flags (decimal)
  ioctl-errno DEV vl-clr            print the errno of RTC_VL_CLR (0: ok)
  try DEV DBG                       bad ioctls, one per line of stdin: "OP
                                    ARGS", OP one of set-time, alm-set,
                                    wkalm-set (ARGS: the struct's fields,
                                    tm_sec first; wkalm-set: enabled
                                    first), null-rd-time, null-set-time,
                                    null-wkalm-set, null-wkalm-rd,
                                    null-alm-read, null-vl-read (a NULL
                                    argument),
                                    irqp-set N, param-get PARAM INDEX,
                                    param-set PARAM INDEX VALUE,
                                    epoch-read, epoch-set N, vl-clr,
                                    uie-on, unknown (_IO('p', 0x7f)); for
                                    each, print "ERRNO CHANGED DT": the
                                    errno's name (0: accepted), 1 when a
                                    register other than the time changed
                                    (the simulator's, debugfs DBG), and the
                                    chip's time after minus before (s)
  chip-epoch DBG                    the simulated chip's time, seconds
                                    since 1970 (from debugfs DBG/regs)
  alarm-timer - SECONDS HOLD        arm a CLOCK_REALTIME_ALARM timerfd
                                    (what systemd's WakeSystem= uses) to
                                    expire in SECONDS, print "armed", and
                                    hold it for HOLD seconds
"""
import ctypes
import calendar
import errno
import fcntl
import os
import select
import struct
import sys
import time

# struct rtc_time: 9 ints; struct rtc_wkalrm: 2 chars + pad + rtc_time.
RTC_TIME = struct.Struct("9i")
RTC_WKALRM = struct.Struct("BB2x9i")


def _ioc(d, t, nr, size):
    return (d << 30) | (size << 16) | (ord(t) << 8) | nr


RTC_RD_TIME = _ioc(2, "p", 0x09, RTC_TIME.size)
RTC_SET_TIME = _ioc(1, "p", 0x0A, RTC_TIME.size)
RTC_WKALM_SET = _ioc(1, "p", 0x0F, RTC_WKALRM.size)
RTC_WKALM_RD = _ioc(2, "p", 0x10, RTC_WKALRM.size)
RTC_VL_READ = _ioc(2, "p", 0x13, 4)
RTC_VL_CLR = _ioc(0, "p", 0x14, 0)
RTC_AIE_ON = _ioc(0, "p", 0x01, 0)
RTC_AIE_OFF = _ioc(0, "p", 0x02, 0)
RTC_UIE_ON = _ioc(0, "p", 0x03, 0)
RTC_UIE_OFF = _ioc(0, "p", 0x04, 0)
RTC_ALM_SET = _ioc(1, "p", 0x07, RTC_TIME.size)
RTC_ALM_READ = _ioc(2, "p", 0x08, RTC_TIME.size)
RTC_IRQP_SET = _ioc(1, "p", 0x0C, struct.calcsize("L"))
RTC_EPOCH_READ = _ioc(2, "p", 0x0D, struct.calcsize("L"))
RTC_EPOCH_SET = _ioc(1, "p", 0x0E, struct.calcsize("L"))
RTC_UNKNOWN = _ioc(0, "p", 0x7F, 0)
# struct rtc_param: __u64 param, union (__u64), __u32 index, __u32 pad.
RTC_PARAM = struct.Struct("QQII")
RTC_PARAM_GET = _ioc(1, "p", 0x13, RTC_PARAM.size)
RTC_PARAM_SET = _ioc(1, "p", 0x14, RTC_PARAM.size)
RTC_PARAM_FEATURES = 0
# Bit numbers of include/uapi/linux/rtc.h, RTC_FEATURE_*.
FEATURES = ["ALARM", "ALARM_RES_MINUTE", "NEED_WEEK_DAY", "ALARM_RES_2S",
            "UPDATE_INTERRUPT", "CORRECTION", "BACKUP_SWITCH_MODE",
            "ALARM_WAKEUP_ONLY"]


def tm_pack(s):
    t = time.strptime(s, "%Y-%m-%d %H:%M:%S")
    # struct rtc_time counts weekdays from Sunday, Python from Monday; a
    # driver may use tm_wday (rtc-pcf8563 puts it in its weekday alarm).
    return (t.tm_sec, t.tm_min, t.tm_hour, t.tm_mday, t.tm_mon - 1,
            t.tm_year - 1900, (t.tm_wday + 1) % 7, t.tm_yday - 1, 0)


def tm_str(v):
    sec, mn, hour, mday, mon, year = v[:6]
    return "%04d-%02d-%02d %02d:%02d:%02d" % (year + 1900, mon + 1, mday,
                                              hour, mn, sec)


def read_time(fd):
    return tm_str(RTC_TIME.unpack(fcntl.ioctl(fd, RTC_RD_TIME,
                                              bytes(RTC_TIME.size))))


def errname(e):
    return errno.errorcode.get(e.errno, str(e.errno))


def sim_regs(dbg):
    """The 256 registers of the simulator's debugfs dump."""
    with open(dbg + "/regs") as f:
        lines = f.read().splitlines()
    vals = []
    for line in lines[1:]:
        vals += [int(x, 16) for x in line.split()[1:]]
    return vals


def bcd(v):
    return (v >> 4) * 10 + (v & 0x0f)


def regs_epoch(r):
    return calendar.timegm((2000 + bcd(r[8]), bcd(r[7] & 0x1f),
                            bcd(r[5] & 0x3f), bcd(r[4] & 0x3f),
                            bcd(r[3] & 0x7f), bcd(r[2] & 0x7f), 0, 0, 0))


def sec_edge(dbg, tmo):
    """
    The simulator brings its chip up to date at every debugfs read, with
    the same CLOCK_MONOTONIC as this process: a read that still sees the
    old second started before the rollover, the first one that sees the
    new one ended after it.
    """
    start = time.monotonic()
    p0 = time.monotonic()
    r = sim_regs(dbg)
    p1 = time.monotonic()
    old = r[2] & 0x7f
    while time.monotonic() - start < tmo:
        t0 = time.monotonic()
        r = sim_regs(dbg)
        t1 = time.monotonic()
        if r[2] & 0x7f != old:
            mid = ((p0 + p1) / 2 + (t0 + t1) / 2) / 2
            return "%.6f %d %.6f" % (mid, regs_epoch(r), (t1 - p0) / 2)
        p0, p1 = t0, t1
    return None


def alarm_error(fd, dbg, alarm, tmo):
    edge = sec_edge(dbg, 3)
    if edge is None:
        print("timeout: SEC did not change")
        return 1
    mono, ep = float(edge.split()[0]), int(edge.split()[1])
    if alarm.startswith("+"):
        # Seconds after the rollover just measured: however long this
        # process took to start, the alarm is still ahead.
        alarm = time.strftime("%Y-%m-%d %H:%M:%S",
                              time.gmtime(ep + int(alarm[1:])))
    fcntl.ioctl(fd, RTC_WKALM_SET, RTC_WKALRM.pack(1, 0, *tm_pack(alarm)))
    data = wait_event(fd, tmo)
    at = time.monotonic()
    if data is None:
        print("timeout: no alarm in %g s" % tmo)
        return 1
    due = mono + calendar.timegm(time.strptime(alarm, "%Y-%m-%d %H:%M:%S")) - ep
    print("error %.1f data 0x%x" % ((at - due) * 1000, data))
    return 0


def fired_then(fd, dbg, ahead, path):
    """An alarm's rollover, then at once a write of 1 to @path."""
    edge = sec_edge(dbg, 3)
    if edge is None:
        print("timeout: SEC did not change")
        return 1
    alarm = int(edge.split()[1]) + ahead
    fcntl.ioctl(fd, RTC_WKALM_SET,
                RTC_WKALRM.pack(1, 0, *tm_pack(time.strftime(
                    "%Y-%m-%d %H:%M:%S", time.gmtime(alarm)))))
    while True:
        edge = sec_edge(dbg, ahead + 2)
        if edge is None:
            print("timeout: no rollover into the alarm's second")
            return 1
        if int(edge.split()[1]) >= alarm:
            break
    with open(path, "w") as f:
        f.write("1\n")
    due = float(edge.split()[0])
    first, n = None, 0
    while time.monotonic() < due + 3:
        data = wait_event(fd, max(due + 3 - time.monotonic(), 0))
        if data is None:
            break
        n += data >> 8
        if first is None:
            first = time.monotonic()
    if first is None:
        print("events 0 error -")
        return 0
    print("events %d error %.1f" % (n, (first - due) * 1000))
    return 0


def wait_event(fd, tmo):
    r, _, _ = select.select([fd], [], [], tmo)
    if not r:
        return None
    return struct.unpack("L", os.read(fd, struct.calcsize("L")))[0]


def wait_irq(fd, tmo):
    start = time.monotonic()
    data = wait_event(fd, tmo)
    at = time.monotonic()
    if data is None:
        print("timeout after %.3f" % (at - start))
        return 1
    # The time read on this descriptor at once: a later process's read
    # can be seconds late on a loaded host.
    print("data 0x%x elapsed %.3f at %.6f time %s" %
          (data, at - start, at, read_time(fd)))
    return 0


def counters(dbg):
    v = {}
    with open(dbg + "/counters") as f:
        for line in f:
            k, n = line.split()
            v[k] = int(n)
    return v


def uie_rate(fd, dbg, n):
    try:
        fcntl.ioctl(fd, RTC_UIE_ON, 0)
    except OSError as e:
        print(errname(e))
        return 1
    for _ in range(2):
        if wait_event(fd, 3) is None:
            print("timeout: no update event in 3 s")
            return 1
    time.sleep(0.3)
    with open(dbg + "/counters", "w") as f:
        f.write("0\n")
    for i in range(n):
        if wait_event(fd, 3) is None:
            print("timeout: update event %d of %d missing" % (i + 1, n))
            return 1
    time.sleep(0.3)
    c = counters(dbg)
    fcntl.ioctl(fd, RTC_UIE_OFF, 0)
    print("events %d transfers %d bytes %d interrupts %d" %
          (n, c["transfers"], c["bytes_written"] + c["bytes_read"] +
           c["bytes_address"], c["interrupts"]))
    return 0


# The registers a refused input must leave alone: all but the time's.
CTRL_REGS = [0x00, 0x01] + list(range(0x09, 0x10)) + [0x12, 0x13]


# The ioctls that take a pointer, given NULL.
NULL_ARG_IOCTLS = {
    "null-rd-time": RTC_RD_TIME,
    "null-set-time": RTC_SET_TIME,
    "null-wkalm-set": RTC_WKALM_SET,
    "null-wkalm-rd": RTC_WKALM_RD,
    "null-alm-read": RTC_ALM_READ,
    "null-vl-read": RTC_VL_READ,
}


def try_ioctl(fd, op, args):
    """One bad ioctl; the errno's name, or 0 when it was accepted."""
    a = [int(x, 0) for x in args]
    try:
        if op == "set-time":
            fcntl.ioctl(fd, RTC_SET_TIME, RTC_TIME.pack(*a))
        elif op == "alm-set":
            fcntl.ioctl(fd, RTC_ALM_SET, RTC_TIME.pack(*a))
        elif op == "wkalm-set":
            fcntl.ioctl(fd, RTC_WKALM_SET, RTC_WKALRM.pack(a[0], 0, *a[1:]))
        elif op in NULL_ARG_IOCTLS:
            fcntl.ioctl(fd, NULL_ARG_IOCTLS[op], 0)
        elif op == "irqp-set":
            fcntl.ioctl(fd, RTC_IRQP_SET, a[0])
        elif op == "param-get":
            fcntl.ioctl(fd, RTC_PARAM_GET, RTC_PARAM.pack(a[0], 0, a[1], 0))
        elif op == "param-set":
            fcntl.ioctl(fd, RTC_PARAM_SET,
                        RTC_PARAM.pack(a[0], a[2] & (2**64 - 1), a[1], 0))
        elif op == "epoch-read":
            fcntl.ioctl(fd, RTC_EPOCH_READ, bytes(struct.calcsize("L")))
        elif op == "epoch-set":
            fcntl.ioctl(fd, RTC_EPOCH_SET, a[0])
        elif op == "vl-clr":
            fcntl.ioctl(fd, RTC_VL_CLR, 0)
        elif op == "uie-on":
            fcntl.ioctl(fd, RTC_UIE_ON, 0)
            fcntl.ioctl(fd, RTC_UIE_OFF, 0)
        elif op == "unknown":
            fcntl.ioctl(fd, RTC_UNKNOWN, 0)
        else:
            return "bad-op"
    except OSError as e:
        return errname(e)
    return "0"


def try_batch(fd, dbg):
    for line in sys.stdin:
        w = line.split()
        if not w:
            continue
        before = sim_regs(dbg)
        err = try_ioctl(fd, w[0], w[1:])
        after = sim_regs(dbg)
        changed = any(before[r] != after[r] for r in CTRL_REGS)
        print(err, int(changed), regs_epoch(after) - regs_epoch(before),
              flush=True)


CLOCK_REALTIME_ALARM = 8


def alarm_timer(seconds, hold):
    libc = ctypes.CDLL(None, use_errno=True)
    fd = libc.timerfd_create(CLOCK_REALTIME_ALARM, 0)
    if fd < 0:
        raise OSError(ctypes.get_errno(), "timerfd_create")
    # struct itimerspec: interval, then value (tv_sec, tv_nsec each).
    spec = (ctypes.c_long * 4)(0, 0, seconds, 0)
    if libc.timerfd_settime(fd, 0, ctypes.byref(spec), None) < 0:
        raise OSError(ctypes.get_errno(), "timerfd_settime")
    print("armed", flush=True)
    time.sleep(hold)


def main(argv):
    cmd, dev = argv[1], argv[2]
    if cmd == "alarm-timer":
        alarm_timer(int(argv[3]), float(argv[4]))
        return 0
    if cmd == "chip-epoch":
        print(regs_epoch(sim_regs(dev)))
        return 0
    if cmd == "sec-edge":
        out = sec_edge(dev, float(argv[3]) if len(argv) > 3 else 3)
        if out is None:
            print("timeout: SEC did not change")
            return 1
        print(out)
        return 0
    if cmd == "poll-expired":
        n, tmo = int(argv[3]), float(argv[4])
        f = open(dev, "rb", buffering=0)
        f.read()
        p = select.poll()
        p.register(f, select.POLLPRI | select.POLLERR)
        start = time.monotonic()
        if len(argv) > 5:
            with open(argv[5], "w") as en:
                en.write("1\n")
        for _ in range(n):
            left = tmo - (time.monotonic() - start)
            if left <= 0 or not p.poll(left * 1000):
                print("timeout after %.3f" % (time.monotonic() - start))
                return 1
            f.seek(0)
            f.read()
            print("%.3f" % (time.monotonic() - start), flush=True)
        return 0
    fd = os.open(dev, os.O_RDONLY)
    if cmd == "read-time":
        print(read_time(fd))
    elif cmd == "vl-read":
        print(struct.unpack("I", fcntl.ioctl(fd, RTC_VL_READ, bytes(4)))[0])
    elif cmd == "ioctl-errno":
        try:
            if argv[3:4] == ["vl-clr"]:
                fcntl.ioctl(fd, RTC_VL_CLR, 0)
            else:
                read_time(fd)
            print(0)
        except OSError as e:
            print(errno.errorcode.get(e.errno, e.errno))
    elif cmd == "set-time":
        fcntl.ioctl(fd, RTC_SET_TIME, RTC_TIME.pack(*tm_pack(argv[3])))
    elif cmd == "set-alarm":
        en = int(argv[4]) if len(argv) > 4 else 1
        fcntl.ioctl(fd, RTC_WKALM_SET,
                    RTC_WKALRM.pack(en, 0, *tm_pack(argv[3])))
    elif cmd == "read-alarm":
        v = RTC_WKALRM.unpack(fcntl.ioctl(fd, RTC_WKALM_RD,
                                          bytes(RTC_WKALRM.size)))
        print(v[0], v[1], tm_str(v[2:]))
    elif cmd == "aie":
        fcntl.ioctl(fd, RTC_AIE_ON if argv[3] == "on" else RTC_AIE_OFF, 0)
    elif cmd == "wait-irq":
        return wait_irq(fd, float(argv[3]))
    elif cmd == "set-alarm-wait":
        # Set, read back and wait on one descriptor: a separate waiter
        # opening after the alarm fired would lose the event.
        fcntl.ioctl(fd, RTC_WKALM_SET, RTC_WKALRM.pack(1, 0, *tm_pack(argv[3])))
        v = RTC_WKALRM.unpack(fcntl.ioctl(fd, RTC_WKALM_RD,
                                          bytes(RTC_WKALRM.size)))
        print(v[0], v[1], tm_str(v[2:]), flush=True)
        return wait_irq(fd, float(argv[4]))
    elif cmd == "uie":
        try:
            fcntl.ioctl(fd, RTC_UIE_ON if argv[3] == "on" else RTC_UIE_OFF, 0)
            print(0)
        except OSError as e:
            print(errname(e))
    elif cmd == "uie-hold":
        try:
            fcntl.ioctl(fd, RTC_UIE_ON, 0)
        except OSError as e:
            print(errname(e))
            return 1
        print("on", flush=True)
        end = time.monotonic() + float(argv[3])
        events = 0
        while True:
            left = end - time.monotonic()
            if left <= 0:
                break
            if wait_event(fd, left) is not None:
                events += 1
        fcntl.ioctl(fd, RTC_UIE_OFF, 0)
        print("events %d" % events)
    elif cmd == "try":
        try_batch(fd, argv[3])
    elif cmd == "alarm-error":
        return alarm_error(fd, argv[3], argv[4], float(argv[5]))
    elif cmd == "uie-rate":
        return uie_rate(fd, argv[3], int(argv[4]))
    elif cmd == "set-time-wait":
        fcntl.ioctl(fd, RTC_SET_TIME, RTC_TIME.pack(*tm_pack(argv[3])))
        start = time.monotonic()
        data = wait_event(fd, float(argv[4]))
        if data is None:
            print("timeout: no event in %s s" % argv[4])
            return 1
        print("data 0x%x elapsed %.3f" % (data, time.monotonic() - start))
    elif cmd == "fired-then":
        return fired_then(fd, argv[3], int(argv[4]), argv[5])
    elif cmd == "features":
        v = RTC_PARAM.unpack(fcntl.ioctl(fd, RTC_PARAM_GET,
                                         RTC_PARAM.pack(RTC_PARAM_FEATURES,
                                                        0, 0, 0)))[1]
        print(" ".join(n for i, n in enumerate(FEATURES) if v & (1 << i)))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
