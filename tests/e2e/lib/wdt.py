#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Watchdog ioctls for the guest-side tests (linux/watchdog.h).

Usage: wdt.py COMMAND DEV ARGS...
  info DEV                      open, print "identity=... options=0x..
                                timeout=N timeleft=N|- bootstatus=0x..",
                                magic close
  settimeout DEV T [T...]       open, WDIOC_SETTIMEOUT each T in turn and
                                print "T ok|ERRNAME timeout=N" (N from
                                WDIOC_GETTIMEOUT after it), keep it fed,
                                set the timeout back to what it was, and
                                magic close
  run DEV [--timeout T] [--hold S] [--no-magic]
                                open (which starts the watchdog), set T,
                                keep it fed for S seconds (default 0) with
                                WDIOC_KEEPALIVE, write the magic 'V' (not
                                with --no-magic) and close; print
                                "closed after S s"; --fault FILE LINE:
                                write LINE to FILE (the simulator's
                                fault file) just before the magic close
  starve DEV T DBG [FRAC]       open, set T, feed it until the chip's
                                clock (DBG/clock) is at FRAC (default
                                0.990) of its second, ping there, then
                                starve it until DBG/reset_at changes; print
                                "ping=CLOCK reset=CLOCK after=SECONDS"
                                (the chip's times; the ping's is read after
                                the ioctl returned), then magic close
Exit status: 0, or 1 when the device cannot be opened or an ioctl that
should work fails (the message on stderr).
"""
import datetime
import errno
import fcntl
import os
import struct
import sys
import time


def _ioc(d, t, nr, size):
    return (d << 30) | (size << 16) | (ord(t) << 8) | nr


# struct watchdog_info: u32 options, u32 firmware_version, u8 identity[32]
WD_INFO = struct.Struct("II32s")
INT = struct.Struct("i")
WDIOC_GETSUPPORT = _ioc(2, "W", 0, WD_INFO.size)
WDIOC_GETBOOTSTATUS = _ioc(2, "W", 2, INT.size)
WDIOC_KEEPALIVE = _ioc(2, "W", 5, INT.size)
WDIOC_SETTIMEOUT = _ioc(3, "W", 6, INT.size)
WDIOC_GETTIMEOUT = _ioc(2, "W", 7, INT.size)
WDIOC_GETTIMELEFT = _ioc(2, "W", 10, INT.size)


def get_int(fd, req):
    return INT.unpack(fcntl.ioctl(fd, req, INT.pack(0)))[0]


def set_timeout(fd, t):
    """WDIOC_SETTIMEOUT: None when accepted, else the errno's name."""
    try:
        fcntl.ioctl(fd, WDIOC_SETTIMEOUT, struct.pack("I", t & 0xffffffff))
    except OSError as e:
        return errno.errorcode.get(e.errno, str(e.errno))
    return None


def keepalive(fd):
    fcntl.ioctl(fd, WDIOC_KEEPALIVE, INT.pack(0))


def magic_close(fd):
    os.write(fd, b"V")
    os.close(fd)


def chip_time(path):
    """A simulator clock file: its text and its time as a datetime."""
    with open(path) as f:
        text = f.read().strip()
    if text == "none":
        return text, None
    return text, datetime.datetime.strptime(text, "%Y-%m-%d %H:%M:%S.%f")


def starve(fd, timeout, dbg, frac):
    """Ping at @frac of a chip second, then starve: seconds to the reset."""
    err = set_timeout(fd, timeout)
    if err:
        print("WDIOC_SETTIMEOUT %d: %s" % (timeout, err), file=sys.stderr)
        return 1
    before, _ = chip_time(dbg + "/reset_at")
    deadline = time.monotonic() + 10
    ping_text = None
    while time.monotonic() < deadline:
        keepalive(fd)
        _, now = chip_time(dbg + "/clock")
        f = now.microsecond / 1e6
        if f < frac - 0.02:
            time.sleep(max(frac - 0.02 - f - 0.01, 0.001))
            continue
        if f > frac:
            time.sleep(1 - f)
            continue
        keepalive(fd)
        text, ping = chip_time(dbg + "/clock")
        # Read after the ping: still within the same second, near @frac.
        if ping.replace(microsecond=0) == now.replace(microsecond=0) and \
                ping.microsecond / 1e6 >= frac - 0.03:
            ping_text = text
            break
    if ping_text is None:
        print("could not place the ping at %.3f of a second" % frac, file=sys.stderr)
        return 1
    deadline = time.monotonic() + timeout + 5
    while time.monotonic() < deadline:
        reset_text, reset = chip_time(dbg + "/reset_at")
        if reset_text != before:
            print("ping=%s reset=%s after=%.3f" % (ping_text, reset_text,
                                                 (reset - ping).total_seconds()))
            return 0
        time.sleep(0.01)
    print("ping=%s reset=none after=-" % ping_text)
    return 0


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    cmd, dev = argv[1], argv[2]
    try:
        fd = os.open(dev, os.O_WRONLY)
    except OSError as e:
        print("cannot open %s: %s" % (dev, e.strerror), file=sys.stderr)
        return 1
    if cmd == "info":
        opts, _, ident = WD_INFO.unpack(fcntl.ioctl(fd, WDIOC_GETSUPPORT,
                                                    bytes(WD_INFO.size)))
        try:
            left = str(get_int(fd, WDIOC_GETTIMELEFT))
        except OSError:
            left = "-"
        print("identity=%s options=0x%x timeout=%d timeleft=%s bootstatus=0x%x"
              % (ident.rstrip(b"\0").decode(), opts,
                 get_int(fd, WDIOC_GETTIMEOUT), left,
                 get_int(fd, WDIOC_GETBOOTSTATUS)))
        magic_close(fd)
    elif cmd == "settimeout":
        old = get_int(fd, WDIOC_GETTIMEOUT)
        for a in argv[3:]:
            t = int(a)
            err = set_timeout(fd, t)
            keepalive(fd)
            print("%d %s timeout=%d" % (t, err or "ok", get_int(fd, WDIOC_GETTIMEOUT)))
        err = set_timeout(fd, old)
        if err:
            print("cannot set the timeout back to %d: %s" % (old, err), file=sys.stderr)
            magic_close(fd)
            return 1
        magic_close(fd)
    elif cmd == "run":
        args = argv[3:]
        hold, magic, fault = 0.0, True, None
        while args:
            if args[0] == "--timeout":
                err = set_timeout(fd, int(args[1]))
                if err:
                    print("WDIOC_SETTIMEOUT %s: %s" % (args[1], err), file=sys.stderr)
                    magic_close(fd)
                    return 1
                args = args[2:]
            elif args[0] == "--hold":
                hold, args = float(args[1]), args[2:]
            elif args[0] == "--no-magic":
                magic, args = False, args[1:]
            elif args[0] == "--fault":
                fault, args = (args[1], args[2]), args[3:]
            else:
                print("unknown argument %s" % args[0], file=sys.stderr)
                magic_close(fd)
                return 2
        start = time.monotonic()
        keepalive(fd)
        while time.monotonic() - start < hold:
            time.sleep(min(0.5, max(hold - (time.monotonic() - start), 0)))
            keepalive(fd)
        if magic:
            os.write(fd, b"V")
        if fault:
            with open(fault[0], "w") as f:
                f.write(fault[1] + "\n")
        os.close(fd)
        print("closed after %.1f s" % (time.monotonic() - start))
    elif cmd == "starve":
        ret = starve(fd, int(argv[3]), argv[4],
                     float(argv[5]) if len(argv) > 5 else 0.990)
        magic_close(fd)
        return ret
    else:
        print("unknown command %s" % cmd, file=sys.stderr)
        magic_close(fd)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
