#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""The soak test's guest side: every client of the driver at once.

Usage: soak.py --seconds S --seed N [--permille P]

scripts/soak runs this inside the UML test kernel booted with the
simulated chip's device tree (sim/ins5s8563-sim.dts). It loads the
simulator, the driver and the CLKOUT consumer, turns on random bus faults
(P per mille of all transfers, NACKs and timeouts, from a generator seeded
with N), and for S seconds runs concurrently:

  alarm      exact alarms (RTC_WKALM_SET) at a second 2 to 5 s ahead, and
             alarms on a minute boundary while the countdown may run;
             each must arrive exactly once, within 50 ms of its second on
             the chip's clock (the simulator's debugfs "clock"); for one
             exact alarm in four, the countdown is enabled the moment the
             chip's clock has rolled into the alarm's second (the alarm
             may have fired, its handler not run yet: the countdown's
             start clears TF), and disabled again after it; between
             alarms: hwclock --show, hwclock --systohc, and every 30 s an
             unbind and bind of the driver
  read       RTC_RD_TIME, RTC_VL_READ and RTC_RD_ALARM on /dev/rtcN, time
             never backwards but across a set
  sysfs      since_epoch, time and date in sysfs, the same rule
  set        RTC_SET_TIME (to the time it reads, so the clock never skips
             an alarm's second)
  uie        update interrupts on for 3 s (RTC_UIE_ON), events counted
  countdown  the countdown timer reconfigured and enabled, poll() on its
             expired attribute
  clk        CLKOUT prepare/enable, set_rate, get_rate, disable/unprepare
             through the consumer's debugfs

The countdown timer has one owner: exact alarms and update interrupts
need it; the countdown takes it from them. The test gives it to one side at
a time (10 s phases), except for alarms on a minute boundary, which are
exact wherever the driver puts them.

An operation that fails counts as a fault when its errno is one an
injected fault gives (ENXIO, ETIMEDOUT) or, for a program such as hwclock,
when the simulator failed a transfer while it ran; as a rebind error when
the driver was being unbound or bound meanwhile; anything else is a
violation. An alarm that is lost, doubled or late is excused (and counted
apart) when the set failed or a transfer of a kernel thread (the interrupt
thread, the rtc core's work) failed while it was due.

At the end it prints "key=value" lines (scripts/soak builds its summary
line from them), each violation as "# VIOLATION: ...", and exits 0 when
nothing was violated, 1 otherwise.
"""
import argparse
import calendar
import errno
import fcntl
import os
import queue
import random
import select
import struct
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "e2e", "lib"))
import rtc  # noqa: E402  (the ioctl numbers and structures)

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DBG = "/sys/kernel/debug/ins5s8563-sim"
CONS = "/sys/kernel/debug/ins5s8563-clk-consumer"
CONS_DRV = "/sys/bus/platform/drivers/ins5s8563-clk-consumer"
CONS_DEV = "clk-consumer"
DRV = "/sys/bus/i2c/drivers/rtc-ins5s8563"
FAULT_ERRNOS = (errno.ENXIO, errno.ETIMEDOUT)
RTC_UF, RTC_AF = 0x10, 0x20
PHASE = 10.0            # seconds of exact alarms, then of countdown
REBIND_EVERY = 30.0
ALARM_TOLERANCE = 0.050


def log(msg):
    print("# %s" % msg, flush=True)


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.n = {}
        self.violations = []

    def add(self, key, k=1):
        with self.lock:
            self.n[key] = self.n.get(key, 0) + k

    def get(self, key):
        with self.lock:
            return self.n.get(key, 0)

    def keep(self, key, val, pick):
        """key = pick(key, val), e.g. max: the largest value seen."""
        with self.lock:
            self.n[key] = pick(self.n.get(key, val), val)

    def violation(self, msg):
        self.add("violations")
        with self.lock:
            self.violations.append(msg)
        log("VIOLATION: " + msg)


S = Stats()


class RWLock:
    """Shared/exclusive, writers first (a waiting writer stops new readers)."""

    def __init__(self):
        self.cond = threading.Condition()
        self.readers = 0
        self.writer = False
        self.waiting = 0

    def acquire_shared(self, polite=True):
        with self.cond:
            while self.writer or (polite and self.waiting):
                self.cond.wait()
            self.readers += 1

    def release_shared(self):
        with self.cond:
            self.readers -= 1
            self.cond.notify_all()

    def acquire_exclusive(self):
        with self.cond:
            self.waiting += 1
            while self.writer or self.readers:
                self.cond.wait()
            self.waiting -= 1
            self.writer = True

    def release_exclusive(self):
        with self.cond:
            self.writer = False
            self.cond.notify_all()


class Held:
    def __init__(self, acq, rel):
        self.acq, self.rel = acq, rel

    def __enter__(self):
        self.acq()

    def __exit__(self, *a):
        self.rel()


def shared(lock):
    return Held(lock.acquire_shared, lock.release_shared)


def exclusive(lock):
    return Held(lock.acquire_exclusive, lock.release_exclusive)


# ---- the simulated chip -----------------------------------------------------

def sim_counters():
    return rtc.counters(DBG)


def chip_now():
    """The chip's time, seconds since 1970 with the prescaler's fraction."""
    with open(DBG + "/clock") as f:
        s = f.read().strip()
    date, frac = s.split(".")
    return calendar.timegm(time.strptime(date, "%Y-%m-%d %H:%M:%S")) + \
        int(frac) / 1e6


def save_trace(why):
    """The simulator's last bus accesses, next to the logs, for a violation."""
    out = os.environ.get("INS5S8563_OUT")
    if not out:
        return
    S.add("traces")
    name = "%s/trace-%d.txt" % (out, S.get("traces"))
    try:
        with open(DBG + "/trace") as f, open(name, "w") as o:
            o.write("# %s\n" % why)
            o.write(f.read())
        log("trace of the bus in %s" % name)
    except OSError as e:
        log("no trace: %s" % e)


def write(path, val):
    with open(path, "w") as f:
        f.write(val)


def read(path):
    with open(path) as f:
        return f.read().strip()


# ---- the driver's rtc, which changes name at every bind ---------------------

class Rtc:
    def __init__(self):
        self.lease = RWLock()       # shared: the fd in use; exclusive: closed
        self.gen = 0                # odd while unbinding/binding
        self.set_gen = 0            # odd while the time is being set
        self.set_lock = threading.Lock()
        self.bus = None
        for a in os.listdir("/sys/bus/i2c/devices"):
            p = "/sys/bus/i2c/devices/%s/name" % a
            if a.startswith("i2c-") and os.path.exists(p) and \
                    read(p) == "INS5S8563 simulator":
                self.bus = a[4:]
        if self.bus is None:
            raise RuntimeError("no simulated adapter")
        self.client = "%s-0051" % self.bus
        self.find()
        self.fd = None

    def find(self, tmo=10):
        end = time.monotonic() + tmo
        d = "/sys/bus/i2c/devices/%s/rtc" % self.client
        while time.monotonic() < end:
            names = os.listdir(d) if os.path.isdir(d) else []
            if names and os.path.exists("/dev/" + names[0]):
                self.name = names[0]
                self.dev = "/dev/" + self.name
                self.sys = "/sys/class/rtc/" + self.name
                return True
            time.sleep(0.05)
        return False


R = None


def consumer_write(what):
    """Bind or unbind the clock consumer; one a device link moved is fine."""
    try:
        write(CONS_DRV + "/" + what, CONS_DEV)
    except OSError as e:
        log("clock consumer %s: %s" % (what, e.strerror))


def op(name, fn, *args, gen_before=None):
    """Run fn; classify a failure. Returns (ok, value)."""
    g0 = R.gen if gen_before is None else gen_before
    S.add("ops")
    try:
        return True, fn(*args)
    except OSError as e:
        if g0 != R.gen or g0 & 1:
            S.add("rebind_errors")
        elif e.errno in FAULT_ERRNOS:
            S.add("fault_errors")
        else:
            S.violation("%s: %s (errno %s)" % (name, e.strerror,
                                                 errno.errorcode.get(e.errno)))
        return False, None


def run_prog(name, argv):
    """A client program; its failure is a fault when a transfer failed."""
    g0 = R.gen
    f0 = sim_counters()["failed"]
    S.add("ops")
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True, timeout=30)
    if p.returncode == 0:
        return True
    if g0 != R.gen or g0 & 1:
        S.add("rebind_errors")
    elif sim_counters()["failed"] != f0:
        S.add("fault_errors")
    else:
        S.violation("%s: exit %d: %s" % (name, p.returncode,
                                          p.stdout.strip()[-200:]))
    return False


# ---- workers ----------------------------------------------------------------

class Soak:
    def __init__(self, seconds, seed):
        self.end = time.monotonic() + seconds
        self.rnd = random.Random(seed)
        self.timer = RWLock()   # the countdown timer: exclusive for the
        # countdown, shared for exact alarms and update interrupts
        self.uf = 0
        self.uf_lock = threading.Lock()
        self.stop = threading.Event()
        self.countdown_turn = threading.Event()
        # Update interrupts, or the countdown at an alarm's second: the
        # countdown would make RTC_UIE_ON fail (EINVAL, by design).
        self.uie_lock = threading.Lock()
        self.reader_stop = threading.Event()
        self.afq = queue.Queue()
        self.lag_max = 0

    def running(self):
        return not self.stop.is_set() and time.monotonic() < self.end

    # -- alarms, and the windows with /dev/rtcN closed -------------------------

    def reader_worker(self):
        """
        The only reader of /dev/rtcN: update events are counted, alarm
        events queued with the chip's time at their arrival. It holds the
        file in slices and goes first even when a window waits for it:
        a window can wait behind update interrupts that need the reads.
        """
        try:
            os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(50))
        except OSError:
            pass
        # Until every other worker is done: update interrupts on near the
        # end still need their events read.
        while not self.reader_stop.is_set():
            R.lease.acquire_shared(polite=False)
            try:
                r, _, _ = select.select([R.fd], [], [], 0.1)
                if r:
                    m0 = time.monotonic()
                    ok, data = op("read /dev/rtc", lambda: struct.unpack(
                        "L", os.read(R.fd, struct.calcsize("L")))[0])
                    at = chip_now()
                    lag = time.monotonic() - m0
                    self.lag_max = max(self.lag_max, lag)
                    if ok and data & RTC_UF:
                        with self.uf_lock:
                            self.uf += 1
                    if ok and data & RTC_AF:
                        self.afq.put(at)
            finally:
                R.lease.release_shared()
            if R.lease.waiting:
                time.sleep(0.01)

    def alarm_events(self, tmo):
        """Chip times of the alarm events within tmo s."""
        try:
            return [self.afq.get(timeout=max(tmo, 0.001))]
        except queue.Empty:
            return []

    def listen(self, seconds):
        """An alarm event without an alarm due is a duplicate."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            for at in self.alarm_events(end - time.monotonic()):
                self.spurious(at)

    def spurious(self, at):
        S.add("alarm_events")
        self.judge("dup", sim_counters()["failed_kthread"] != self.kthread_seen,
                   "alarm event with no alarm due (chip %.3f)" % at)

    @staticmethod
    def judge(kind, excused, msg):
        """An alarm lost, doubled or late: a violation unless a fault met it."""
        if excused:
            S.add(kind + "_excused")
            return
        S.add(kind)
        S.violation(msg)
        save_trace(msg)

    def countdown_at(self, when):
        """The countdown enabled once the chip has rolled into `when`."""
        gen = R.gen
        cd = R.sys + "/countdown/"
        for attr, val in (("clock", "64"), ("ticks", "64")):
            if not op("countdown/" + attr, write, cd + attr, val,
                      gen_before=gen)[0]:
                return
        while self.running() and chip_now() < when:
            time.sleep(0.002 if when - chip_now() < 0.05 else 0.02)
        try:
            write(cd + "enable", "1")
            S.add("countdown_at_alarm")
        except OSError as e:
            # Update interrupts (the uie worker's window) keep the timer.
            if e.errno == errno.EBUSY:
                S.add("countdown_at_alarm_busy")
            elif gen != R.gen or e.errno in FAULT_ERRNOS:
                S.add("fault_errors")
            else:
                S.violation("countdown/enable at an alarm's second: %s" %
                            e.strerror)

    def countdown_off(self):
        """As a user would: the countdown stopped, its expiry acknowledged."""
        gen = R.gen
        cd = R.sys + "/countdown/"
        for attr in ("enable", "expired"):
            while not op("countdown/" + attr, write, cd + attr, "0",
                         gen_before=gen)[0] and gen == R.gen:
                time.sleep(0.01)

    def alarm_cycle(self, when, exact=False):
        """One alarm at chip second `when`, set and waited for."""
        tm = time.gmtime(when)
        wk = rtc.RTC_WKALRM.pack(1, 0, tm.tm_sec, tm.tm_min, tm.tm_hour,
                                 tm.tm_mday, tm.tm_mon - 1, tm.tm_year - 1900,
                                 (tm.tm_wday + 1) % 7, 0, 0)
        while not self.afq.empty():
            self.spurious(self.afq.get())
        k0 = sim_counters()["failed_kthread"]
        ok, _ = op("RTC_WKALM_SET", fcntl.ioctl, R.fd, rtc.RTC_WKALM_SET, wk)
        if not ok:
            S.add("alarm_set_failed")
            self.kthread_seen = sim_counters()["failed_kthread"]
            return
        S.add("alarms")
        grab = None
        if exact and self.rnd.random() < 0.25 and \
                self.uie_lock.acquire(blocking=False):
            grab = threading.Thread(target=self.countdown_at, args=(when,),
                                    name="countdown_at")
            grab.start()
        got, first = 0, None
        # Until 2.5 s past the alarm on the chip's clock, which the time
        # sets hold back (each starts the second anew), and 0.7 s after
        # a delivery, for a second one; 30 s at most.
        cap = time.monotonic() + max(when - chip_now(), 0) + 30
        settle = None
        while time.monotonic() < cap:
            if settle is not None:
                tmo = settle - time.monotonic()
                if tmo <= 0:
                    break
            else:
                left = when + 2.5 - chip_now()
                if left <= 0:
                    break
                tmo = min(left, 0.5)
            for at in self.alarm_events(tmo):
                S.add("alarm_events")
                got += 1
                if got == 1:
                    first = at
                    settle = time.monotonic() + 0.7
        if grab:
            grab.join()
            self.countdown_off()
            self.uie_lock.release()
        self.kthread_seen = sim_counters()["failed_kthread"]
        excused = self.kthread_seen != k0
        due = time.strftime("%H:%M:%S", tm)
        if got == 0:
            self.judge("lost", excused, "alarm for %s lost" % due)
        elif got > 1:
            self.judge("dup", excused,
                       "alarm for %s delivered %d times" % (due, got))
        if first is None:
            return
        err = round((first - when) * 1000, 1)
        S.keep("err_min_ms", err, min)
        S.keep("err_max_ms", err, max)
        if abs(err) > ALARM_TOLERANCE * 1000:
            self.judge("late", excused,
                       "alarm for %s delivered %+.1f ms off (countdown's "
                       "phase: %s, update interrupt windows so far: %d)" % (
                           due, err, self.countdown_turn.is_set(),
                           S.get("uie_windows")))
        else:
            S.add("on_time")
            S.keep("ok_max_ms", err, max)

    def window(self, what):
        """With /dev/rtcN closed: hwclock, or an unbind and bind."""
        with exclusive(R.lease):
            os.close(R.fd)
            if what == "rebind":
                self.rebind()
            else:
                hw = ["hwclock", "--utc", "--noadjfile", "-f", R.dev]
                if what == "systohc":
                    with R.set_lock:
                        R.set_gen += 1
                        run_prog("hwclock --systohc", hw + ["--systohc"])
                        R.set_gen += 1
                else:
                    run_prog("hwclock --show", hw + ["--show"])
            R.fd = os.open(R.dev, os.O_RDONLY)
        self.kthread_seen = sim_counters()["failed_kthread"]

    def rebind(self):
        R.gen += 1
        S.add("rebinds")
        # The clock consumer lets go of CLKOUT first, as a device link
        # would have it (6.12 makes none here): a clk kept across its
        # provider's unregistration walks memory clk_unregister() freed
        # (mainline's clk core; KASAN saw it in clk_core_get_boundaries).
        consumer_write("unbind")
        write(DRV + "/unbind", R.client)
        for attempt in range(20):
            f0 = sim_counters()["failed"]
            try:
                write(DRV + "/bind", R.client)
                break
            except OSError as e:
                # The driver core may bind it by itself, from its list of
                # deferred probes.
                if os.path.exists("%s/%s" % (DRV, R.client)):
                    S.add("bound_by_driver_core")
                    log("bind: %s, and bound all the same" % e.strerror)
                    break
                # Probe failed: excused only when it met a fault.
                if sim_counters()["failed"] != f0:
                    S.add("probe_failed_fault")
                    log("probe failed with a fault: errno %s" %
                        errno.errorcode.get(e.errno, e.errno))
                else:
                    S.violation("bind: %s (errno %s)" % (
                        e.strerror, errno.errorcode.get(e.errno, e.errno)))
                    break
        if not R.find():
            S.violation("no rtc after bind")
            raise RuntimeError("no rtc after bind")
        consumer_write("bind")
        for _ in range(100):
            if os.path.exists(CONS + "/enable"):
                break
            time.sleep(0.05)
        R.gen += 1

    def alarm_worker(self):
        self.kthread_seen = sim_counters()["failed_kthread"]
        last_rebind = time.monotonic()
        n = 0
        while self.running():
            phase_end = time.monotonic() + PHASE
            # Exact alarms: the timer is theirs for the phase.
            self.countdown_turn.clear()
            with shared(self.timer):
                while self.running() and time.monotonic() < phase_end:
                    with shared(R.lease):
                        self.alarm_cycle(int(chip_now()) +
                                         self.rnd.randint(2, 5), exact=True)
                    n += 1
                    if time.monotonic() - last_rebind >= REBIND_EVERY:
                        self.window("rebind")
                        last_rebind = time.monotonic()
                    elif n % 4 == 0:
                        self.window("systohc")
                    elif n % 2 == 0:
                        self.window("show")
            # The countdown's phase: an alarm only on a minute boundary,
            # which is exact in the timer and in the alarm registers.
            phase_end = min(time.monotonic() + PHASE, self.end)
            self.countdown_turn.set()
            now = chip_now()
            minute = (int(now) // 60 + 1) * 60
            if minute - now < 3:
                minute += 60
            with shared(R.lease):
                if self.running() and minute - now < phase_end - \
                        time.monotonic():
                    self.alarm_cycle(minute)
                    S.add("minute_alarms")
                self.listen(phase_end - time.monotonic())

    # -- time reads and sets ----------------------------------------------------

    def monotonic_check(self, last, source, val, g0):
        if g0 != R.set_gen or g0 & 1:
            last.clear()
            return
        if last.get("gen") == g0 and val < last["val"]:
            S.violation("%s went backwards: %s after %s" % (
                source, val, last["val"]))
        last["gen"], last["val"] = g0, val

    def read_worker(self):
        last = {}
        i = 0
        while self.running():
            with shared(R.lease):
                g0 = R.set_gen
                ok, tm = op("RTC_RD_TIME", rtc.read_time, R.fd)
                if ok:
                    self.monotonic_check(last, "RTC_RD_TIME", tm, g0)
                if i % 5 == 0:
                    ok, v = op("RTC_VL_READ", fcntl.ioctl, R.fd,
                               rtc.RTC_VL_READ, bytes(4))
                    if ok and struct.unpack("I", v)[0]:
                        S.violation("RTC_VL_READ: 0x%x" %
                                    struct.unpack("I", v)[0])
                if i % 7 == 0:
                    op("RTC_WKALM_RD", fcntl.ioctl, R.fd, rtc.RTC_WKALM_RD,
                       bytes(rtc.RTC_WKALRM.size))
            i += 1
            time.sleep(0.05)

    def sysfs_worker(self):
        last = {}
        while self.running():
            g0, gen = R.set_gen, R.gen
            ok, v = op("since_epoch", read, R.sys + "/since_epoch",
                       gen_before=gen)
            if ok:
                self.monotonic_check(last, "since_epoch", int(v), g0)
            op("time", read, R.sys + "/time", gen_before=gen)
            op("date", read, R.sys + "/date", gen_before=gen)
            time.sleep(0.1)

    def set_worker(self):
        while self.running():
            time.sleep(self.rnd.uniform(2, 5))
            with shared(R.lease):
                with R.set_lock:
                    R.set_gen += 1
                    ok, tm = op("RTC_RD_TIME", fcntl.ioctl, R.fd,
                                rtc.RTC_RD_TIME, bytes(rtc.RTC_TIME.size))
                    if ok and op("RTC_SET_TIME", fcntl.ioctl, R.fd,
                                 rtc.RTC_SET_TIME, tm)[0]:
                        S.add("time_sets")
                    R.set_gen += 1

    # -- update interrupts ------------------------------------------------------

    def uie_worker(self):
        while self.running():
            time.sleep(self.rnd.uniform(1, 4))
            with shared(self.timer), shared(R.lease), self.uie_lock:
                f0 = sim_counters()["failed"]
                with self.uf_lock:
                    u0 = self.uf
                ok, _ = op("RTC_UIE_ON", fcntl.ioctl, R.fd, rtc.RTC_UIE_ON, 0)
                # 3 s of the chip's clock (time sets hold it back), 10 s
                # at most.
                c0, end = chip_now(), time.monotonic() + 10
                while chip_now() - c0 < 3 and time.monotonic() < end:
                    time.sleep(0.2)
                if ok:
                    op("RTC_UIE_OFF", fcntl.ioctl, R.fd, rtc.RTC_UIE_OFF, 0)
                    S.add("uie_windows")
                    with self.uf_lock:
                        got = self.uf - u0
                    if got == 0 and sim_counters()["failed"] == f0:
                        S.violation("update interrupts on for 3 s: no event")
                        save_trace("update interrupts on for 3 s: no event")

    # -- countdown ---------------------------------------------------------------

    def countdown_worker(self):
        while self.running():
            time.sleep(self.rnd.uniform(0.2, 1))
            # Only in the countdown's phase: a writer waiting for the lock
            # would keep update interrupts from the exact alarms' phase.
            if not self.countdown_turn.wait(1):
                continue
            with exclusive(self.timer):
                self.countdown_once()

    def countdown_once(self):
        gen = R.gen
        cd = R.sys + "/countdown/"
        hz, ticks = self.rnd.choice([(4096, (256, 2048)), (64, (4, 48)),
                                     (1, (1, 1))])
        ticks = self.rnd.randint(*ticks)
        period = ticks / hz
        for attr, val in (("enable", "0"), ("clock", str(hz)),
                          ("ticks", str(ticks)), ("expired", "0")):
            if not op("countdown/" + attr, write, cd + attr, val,
                      gen_before=gen)[0]:
                return
        try:
            f = open(cd + "expired", "rb", buffering=0)
        except OSError as e:
            if gen != R.gen:
                S.add("rebind_errors")
            else:
                S.violation("countdown/expired: %s" % e.strerror)
            return
        with f:
            if not op("countdown/expired", f.read, gen_before=gen)[0]:
                return
            p = select.poll()
            p.register(f, select.POLLPRI | select.POLLERR)
            f0 = sim_counters()["failed"]
            if op("countdown/enable", write, cd + "enable", "1",
                  gen_before=gen)[0]:
                S.add("countdowns")
                woke = p.poll((period + 2) * 1000)
                if not woke:
                    if gen != R.gen or sim_counters()["failed"] != f0:
                        S.add("countdown_missed_excused")
                    else:
                        S.violation("countdown of %g s: no expiry in %g s" %
                                    (period, period + 2))
        # As a user would: the timer is stopped before it is given back.
        for attr in ("enable", "expired"):
            while not op("countdown/" + attr, write, cd + attr, "0",
                         gen_before=gen)[0] and gen == R.gen:
                time.sleep(0.01)

    # -- CLKOUT -----------------------------------------------------------------

    def clk_worker(self):
        rates = [32768, 1024, 32, 1]
        while self.running():
            gen = R.gen
            rate = self.rnd.choice(rates)
            ok = op("clk enable", write, CONS + "/enable", "1",
                    gen_before=gen)[0]
            f0 = sim_counters()["failed"]
            if op("clk set_rate", write, CONS + "/rate", str(rate),
                  gen_before=gen)[0]:
                ok2, got = op("clk get_rate", read, CONS + "/rate",
                              gen_before=gen)
                # The clock framework ignores an error of .set_rate
                # (clk_change_rate()): clk_set_rate() then returns 0 and
                # the rate read back from the chip is the old one.
                if ok2 and int(got) != rate and gen == R.gen:
                    if sim_counters()["failed"] != f0:
                        S.add("clk_rate_fault")
                    else:
                        S.violation("CLKOUT rate %s after set_rate %d" %
                                    (got, rate))
            if ok:
                op("clk disable", write, CONS + "/enable", "0",
                   gen_before=gen)
            time.sleep(self.rnd.uniform(0.05, 0.3))


def slab_kb():
    """Unreclaimable slab, after freeing what caches and KASAN hold."""
    write("/proc/sys/vm/drop_caches", "3")
    for c in os.listdir("/sys/kernel/slab"):
        try:
            write("/sys/kernel/slab/%s/shrink" % c, "1")
        except OSError:
            pass
    for line in open("/proc/meminfo"):
        if line.startswith("SUnreclaim:"):
            return int(line.split()[1])
    return 0


def setup():
    if not os.path.isdir(DBG):
        subprocess.run(["insmod", REPO + "/sim/ins5s8563-sim.ko"], check=True)
    if not os.path.isdir(DRV):
        subprocess.run(["insmod", REPO + "/drivers/rtc/rtc-ins5s8563.ko"],
                       check=True)
    if not os.path.isdir(CONS):
        subprocess.run(["insmod", REPO + "/sim/ins5s8563-clk-consumer.ko"],
                       check=True)
    for _ in range(100):
        if os.path.exists(CONS + "/enable"):
            break
        time.sleep(0.05)


def main():
    global R
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--permille", type=int, default=10)
    a = ap.parse_args()

    setup()
    R = Rtc()
    # Start from the system's time, as a board after hwclock --systohc.
    subprocess.run(["hwclock", "--utc", "--noadjfile", "-f", R.dev,
                    "--systohc"], check=True)
    R.fd = os.open(R.dev, os.O_RDONLY)
    try:
        write("/proc/sys/kernel/hung_task_timeout_secs", "20")
    except OSError:
        log("no hung task detector")
    slab0 = slab_kb()
    write(DBG + "/counters", "0")
    write(DBG + "/fault", "random %d %d" % (a.permille, a.seed))
    log("seed %d, %d per mille of transfers fail, %g s" % (
        a.seed, a.permille, a.seconds))

    s = Soak(a.seconds, a.seed)
    workers = [s.alarm_worker, s.reader_worker, s.read_worker, s.sysfs_worker, s.set_worker,
               s.uie_worker, s.countdown_worker, s.clk_worker]
    threads = []

    def wrap(fn):
        try:
            fn()
        except Exception as e:  # a worker that dies is a failure
            S.violation("%s died: %r" % (fn.__name__, e))
            s.stop.set()

    for w in workers:
        t = threading.Thread(target=wrap, args=(w,), name=w.__name__)
        t.start()
        threads.append(t)
    for t in threads:
        if t.name == "reader_worker":
            continue
        t.join(a.seconds + 300)
        if t.is_alive():
            S.violation("%s did not stop" % t.name)
    s.reader_stop.set()
    for t in threads:
        t.join(60)
        if t.is_alive() and t.name == "reader_worker":
            S.violation("%s did not stop" % t.name)
    c = sim_counters()
    log("reader: at most %.1f ms from select() to the chip's time" %
        (s.lag_max * 1000))
    write(DBG + "/fault", "off")
    os.close(R.fd)
    # Leave the chip idle: no alarm, countdown or CLKOUT consumer running.
    time.sleep(1)
    slab1 = slab_kb()
    log("unreclaimable slab %d kB before, %d kB after" % (slab0, slab1))
    # Allow what the first run of each path keeps for good (lockdep's
    # classes, kernfs nodes of the new rtc's number, caches' per-cpu
    # slabs): a leak per operation would be tens of thousands of objects.
    if slab1 - slab0 > 1024:
        S.violation("unreclaimable slab grew by %d kB" % (slab1 - slab0))
    res = {
        "seconds": round(a.seconds),
        "ops": S.get("ops"),
        "faults": c["failed"],
        "alarms": S.get("alarms"),
        "lost": S.get("lost"),
        "dup": S.get("dup"),
        "late": S.get("late"),
        "on_time": S.get("on_time"),
        "excused": S.get("lost_excused") + S.get("dup_excused") +
        S.get("late_excused"),
        "alarm_set_failed": S.get("alarm_set_failed"),
        "minute_alarms": S.get("minute_alarms"),
        "err_ms": "%s..%s" % (S.get("err_min_ms"), S.get("err_max_ms")),
        "ok_max_ms": S.get("ok_max_ms"),
        "reader_lag_ms": round(s.lag_max * 1000, 1),
        "fault_errors": S.get("fault_errors"),
        "rebind_errors": S.get("rebind_errors"),
        "rebinds": S.get("rebinds"),
        "probe_failed_fault": S.get("probe_failed_fault"),
        "time_sets": S.get("time_sets"),
        "uie_windows": S.get("uie_windows"),
        "countdowns": S.get("countdowns"),
        "countdown_at_alarm": S.get("countdown_at_alarm"),
        "slab_kb": "%d..%d" % (slab0, slab1),
        "violations": S.get("violations"),
        "seed": a.seed,
    }
    for k, v in res.items():
        print("%s=%s" % (k, v))
    return 1 if S.get("violations") else 0


if __name__ == "__main__":
    sys.exit(main())
