#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""The soak test's watchdog boot: the chip as the board's watchdog.

Usage: soak_wdt.py --seconds S --seed N [--permille P]

scripts/soak runs this in a second boot of the UML test kernel, with the
chip's reset-source device tree (tests/soak/ins5s8563-soak-wdt.dts:
sim/ins5s8563-sim-reset.dts with a 4 s timeout-sec, so that the watchdog
core feeds it every 2 s as the daemon does every second) and the
simulator's int_wiring=reset, where each /INT pulse counts as a reset of
the board ("resets" in the simulator's counters). With random bus faults
(P per mille of all transfers, as in the first boot), for S seconds:

  daemon     busybox watchdog -F -T 4 -t 1 feeds it, for 10 s phases;
  core       in the other phases, the watchdog core alone: the driver is
             unbound and bound while the watchdog runs (the daemon's file
             then answers nothing, and the daemon is killed), and probe
             hands the running counter to the core (WDOG_HW_RUNNING);
  suspend    every 8 to 12 s, 5 s of suspended devices with userspace
             frozen (pm_test devices), longer than the timeout;
  timeleft   the watchdog's timeleft in sysfs, every 0.2 s: never more
             than the timeout.

Violations: a board reset, unless a transfer failed in the last timeout
(and its extra tick) before it; every transfer of this boot after the
start is the watchdog's (its pings, starts and stops, probe, suspend and
resume: nothing else uses the chip here), so such a reset is counted apart
as excused. A failed operation (bind, suspend, the daemon's start,
timeleft) is a fault when the simulator failed a transfer meanwhile, a
violation otherwise; the counter not running after a bind that followed a
running watchdog is one too.

At the end it prints "key=value" lines (scripts/soak reads them), each
violation as "# VIOLATION: ...", and exits 0 when nothing was violated, 1
otherwise.
"""
import argparse
import os
import random
import signal
import subprocess
import sys
import threading
import time

import soak
from soak import DBG, S, log, read, write

REPO = soak.REPO
DRV = soak.DRV
TIMEOUT = 4             # the daemon's -T and the tree's timeout-sec
PHASE = 10.0            # seconds of the daemon, then of the core
SUSPEND_EVERY = (8.0, 12.0)


def counters():
    return soak.rtc.counters(DBG)


def te():
    """The chip's TE: the counter runs."""
    return soak.rtc.sim_regs(DBG)[0x0e] >> 7 & 1


class Board:
    def __init__(self):
        self.client = None
        for a in os.listdir("/sys/bus/i2c/devices"):
            p = "/sys/bus/i2c/devices/%s/name" % a
            if a.startswith("i2c-") and os.path.exists(p) and \
                    read(p) == "INS5S8563 simulator":
                self.client = "%s-0051" % a[4:]
        if self.client is None:
            raise RuntimeError("no simulated adapter")
        self.wdt = None
        self.daemon = None
        self.daemon_f0 = 0

    def find(self, tmo=10):
        """The watchdog device of the chip (a new one at every bind)."""
        end = time.monotonic() + tmo
        d = "/sys/bus/i2c/devices/%s/watchdog" % self.client
        while time.monotonic() < end:
            names = os.listdir(d) if os.path.isdir(d) else []
            if names and os.path.exists("/dev/" + names[0]):
                self.wdt = names[0]
                return True
            time.sleep(0.05)
        self.wdt = None
        return False


B = None
M = None


class Monitor:
    """Samples the simulator's counters: each reset judged as it comes."""

    def __init__(self):
        self.stop = threading.Event()
        self.fail_times = []
        self.lock = threading.Lock()
        c = counters()
        self.failed, self.resets = c["failed"], c["resets"]

    def sample(self):
        with self.lock:
            self._sample()

    def _sample(self):
        c = counters()
        now = time.monotonic()
        if c["failed"] != self.failed:
            self.fail_times.append(now)
            self.failed = c["failed"]
        while self.resets < c["resets"]:
            self.resets += 1
            # A failed ping leaves the counter loaded by the last one
            # that worked: the reset comes at most the timeout and its
            # extra tick later (and a sample late).
            window = TIMEOUT + 1 + 0.5
            if any(t >= now - window for t in self.fail_times):
                S.add("resets_excused")
                log("reset %d after a failed transfer (in the last %g s)" %
                    (self.resets, window))
            else:
                S.add("resets_unexcused")
                S.violation("the board was reset (reset %d; reset_at %s)" %
                            (self.resets, read(DBG + "/reset_at")))
                soak.save_trace("board reset")

    def failed_since(self, secs):
        self.sample()
        return any(t >= time.monotonic() - secs for t in self.fail_times)

    def run(self):
        while not self.stop.is_set():
            self.sample()
            time.sleep(0.05)
        self.sample()


def attempt(name, fn, *args):
    """fn, its failure a fault when a transfer failed meanwhile."""
    f0 = counters()["failed"]
    S.add("ops")
    try:
        fn(*args)
        return True
    except OSError as e:
        if counters()["failed"] != f0:
            S.add("fault_errors")
            log("%s: %s, after an injected fault" % (name, e.strerror))
        else:
            S.violation("%s: %s (errno %s)" % (name, e.strerror,
                                                 soak.errno.errorcode.get(e.errno)))
        return False


def start_daemon():
    B.daemon_f0 = counters()["failed"]
    S.add("ops")
    S.add("daemon_starts")
    B.daemon = subprocess.Popen(
        ["busybox", "watchdog", "-F", "-T", str(TIMEOUT), "-t", "1",
         "/dev/" + B.wdt], stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True)


def daemon_check():
    """The daemon dies when its open (the watchdog's start) fails."""
    if B.daemon is None or B.daemon.poll() is None:
        return
    err = B.daemon.stderr.read().strip()
    if counters()["failed"] != B.daemon_f0:
        S.add("fault_errors")
        log("busybox watchdog exited (%s) after an injected fault: again" %
            err[-100:])
    else:
        S.violation("busybox watchdog exited %d: %s" % (B.daemon.returncode,
                                                        err[-200:]))
    start_daemon()


def kill_daemon(sig=signal.SIGKILL):
    if B.daemon is None:
        return
    B.daemon.send_signal(sig)
    B.daemon.wait(10)
    B.daemon.stderr.close()
    B.daemon = None


def rebind():
    """Unbind and bind with the watchdog running: the core takes it."""
    S.add("ops")
    S.add("rebinds")
    write(DRV + "/unbind", B.client)
    for _ in range(20):
        f0 = counters()["failed"]
        try:
            write(DRV + "/bind", B.client)
            break
        except OSError as e:
            if os.path.exists("%s/%s" % (DRV, B.client)):
                S.add("bound_by_driver_core")
                break
            if counters()["failed"] != f0:
                S.add("probe_failed_fault")
                log("probe failed with a fault: %s" % e.strerror)
            else:
                S.violation("bind: %s" % e.strerror)
                break
    if not B.find():
        S.violation("no watchdog after bind")
        raise RuntimeError("no watchdog after bind")


def suspend():
    S.add("ops")
    write("/sys/power/pm_test", "devices")
    try:
        if attempt("suspend", write, "/sys/power/state", "mem"):
            S.add("suspends")
        else:
            S.add("suspend_failed")
    finally:
        write("/sys/power/pm_test", "none")


def timeleft():
    ok = [None]

    def get():
        ok[0] = int(read("/sys/class/watchdog/%s/timeleft" % B.wdt))
    if attempt("timeleft", get):
        S.add("timeleft_reads")
        if ok[0] > TIMEOUT:
            S.violation("timeleft %d s, the timeout %d s" % (ok[0], TIMEOUT))


def setup():
    if not os.path.isdir(DBG):
        subprocess.run(["insmod", REPO + "/sim/ins5s8563-sim.ko",
                        "int_wiring=reset"], check=True)
    if not os.path.isdir(DRV):
        subprocess.run(["insmod", REPO + "/drivers/rtc/rtc-ins5s8563.ko"],
                       check=True)


def main():
    global B, M
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--permille", type=int, default=10)
    a = ap.parse_args()

    setup()
    B = Board()
    if not B.find():
        print("# VIOLATION: the driver registered no watchdog")
        return 1
    # A valid time: the chip of a new boot has lost power (VLF), which
    # a ping would take as a new power loss every time.
    rtcs = os.listdir("/sys/bus/i2c/devices/%s/rtc" % B.client)
    subprocess.run(["hwclock", "--utc", "--noadjfile", "-f", "/dev/" + rtcs[0],
                    "--systohc"], check=True)
    for p in ("/sys/power/pm_test", "/sys/power/state"):
        if not os.access(p, os.W_OK):
            print("# VIOLATION: no %s: the kernel cannot test suspend" % p)
            return 1
    try:
        write("/proc/sys/kernel/hung_task_timeout_secs", "20")
    except OSError:
        log("no hung task detector")
    write(DBG + "/counters", "0")
    write(DBG + "/fault", "random %d %d" % (a.permille, a.seed))
    log("watchdog boot: seed %d, %d per mille of transfers fail, %g s" % (
        a.seed, a.permille, a.seconds))
    rnd = random.Random(a.seed)
    mon = M = Monitor()
    mt = threading.Thread(target=mon.run, name="monitor")
    mt.start()
    try:
        run(a.seconds, rnd)
    except Exception as e:  # a failure of the test itself
        S.violation("the watchdog boot died: %r" % e)
    # The end: no faults, the watchdog stopped by a magic close.
    write(DBG + "/fault", "off")
    if B.daemon is not None:
        kill_daemon(signal.SIGTERM)
    elif B.wdt:
        subprocess.run(["python3", REPO + "/tests/e2e/lib/wdt.py", "run",
                        "/dev/" + B.wdt], stdout=subprocess.DEVNULL)
    time.sleep(TIMEOUT + 1.5)
    mon.stop.set()
    mt.join(10)
    if te():
        S.violation("the watchdog still runs after a magic close")
    c = counters()
    res = {
        "seconds": round(a.seconds),
        "ops": S.get("ops"),
        "faults": c["failed"],
        "transfers": c["transfers"],
        "resets": c["resets"],
        "resets_unexcused": S.get("resets_unexcused"),
        "resets_excused": S.get("resets_excused"),
        "daemon_starts": S.get("daemon_starts"),
        "rebinds": S.get("rebinds"),
        "handovers": S.get("handovers"),
        "handover_missed_fault": S.get("handover_missed_fault"),
        "probe_failed_fault": S.get("probe_failed_fault"),
        "suspends": S.get("suspends"),
        "suspend_failed": S.get("suspend_failed"),
        "timeleft_reads": S.get("timeleft_reads"),
        "fault_errors": S.get("fault_errors"),
        "violations": S.get("violations"),
        "seed": a.seed,
    }
    for k, v in res.items():
        print("%s=%s" % (k, v))
    return 1 if S.get("violations") else 0


def run(seconds, rnd):
    end = time.monotonic() + seconds
    start_daemon()
    core = False
    phase_end = time.monotonic() + PHASE
    next_suspend = time.monotonic() + rnd.uniform(*SUSPEND_EVERY) / 2
    while time.monotonic() < end:
        now = time.monotonic()
        if now >= next_suspend:
            suspend()
            next_suspend = time.monotonic() + rnd.uniform(*SUSPEND_EVERY)
        elif now >= phase_end:
            if not core:
                # The daemon's counter runs: after the bind it is the
                # core's, and the daemon's file is left with no device.
                rebind()
                kill_daemon()
                if te():
                    S.add("handovers")
                elif M.failed_since(3 + PHASE / 2):
                    # A resume's start that met a fault, not yet made by
                    # a ping: nothing ran to hand over.
                    S.add("handover_missed_fault")
                else:
                    S.violation("the watchdog stopped across a rebind")
            else:
                start_daemon()
            core = not core
            phase_end = time.monotonic() + PHASE
        if not core:
            daemon_check()
        timeleft()
        time.sleep(0.2)


if __name__ == "__main__":
    sys.exit(main())
