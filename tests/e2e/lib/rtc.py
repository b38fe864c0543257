#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""RTC ioctls and poll() waits for the guest-side tests (no i2c-dev).

Usage: rtc.py COMMAND ARGS...
  read-time DEV                     print the RTC time "YYYY-MM-DD HH:MM:SS"
  set-time DEV "YYYY-MM-DD HH:MM:SS"
  set-alarm DEV "YYYY-MM-DD HH:MM:SS" [0|1]   RTC_WKALM_SET (enabled 1)
  read-alarm DEV                    "enabled pending YYYY-MM-DD HH:MM:SS"
  aie DEV on|off                    RTC_AIE_ON / RTC_AIE_OFF
  wait-irq DEV TIMEOUT              wait for an RTC event (read); print
                                    "data 0xNN elapsed S" or exit 1
  poll-expired FILE N TIMEOUT [ENABLE]
                                    wait for N POLLPRI wakeups of a sysfs
                                    attribute; print each wakeup's time
                                    since the start (after writing 1 to
                                    ENABLE, if given), exit 1 on timeout
  ioctl-errno DEV rd-time           print the errno of RTC_RD_TIME (0: ok)
  vl-read DEV                       print RTC_VL_READ's flags (decimal)
  ioctl-errno DEV vl-clr            print the errno of RTC_VL_CLR (0: ok)
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
        tmo = float(argv[3])
        start = time.monotonic()
        r, _, _ = select.select([fd], [], [], tmo)
        if not r:
            print("timeout after %.3f" % (time.monotonic() - start))
            return 1
        data = struct.unpack("L", os.read(fd, struct.calcsize("L")))[0]
        print("data 0x%x elapsed %.3f" % (data, time.monotonic() - start))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
