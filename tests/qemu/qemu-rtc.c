// SPDX-License-Identifier: GPL-2.0
/*
 * The RTC ioctls, an alarm waited for and sysfs poll() for the guest side
 * of scripts/qemu-boot's ARM boots, whose busybox initramfs has no Python
 * (the UML e2e tests use tests/e2e/lib/rtc.py for the same). Built
 * static with the cross compilers, twice for armhf: with a 64-bit time_t
 * (-D_TIME_BITS=64 -D_FILE_OFFSET_BITS=64) and with the legacy 32-bit
 * one, to show what an old program sees past 2038.
 *
 * The calendar arithmetic (an alarm N seconds ahead) is done on int64_t
 * here, never on time_t, so that both builds ask the kernel the same
 * thing; time_t only shows in read-time's last field, which is what the C
 * library's timegm() makes of the date.
 *
 * Usage: qemu-rtc COMMAND ARGS...
 *   time-bits                         the width of this build's time_t
 *   read-time DEV                     "YYYY-MM-DD HH:MM:SS EPOCH", EPOCH
 *                                     from timegm(), or "overflow"
 *   set-time DEV "YYYY-MM-DD HH:MM:SS"          RTC_SET_TIME
 *   set-alarm DEV "YYYY-MM-DD HH:MM:SS"         RTC_WKALM_SET, enabled
 *   read-alarm DEV                    "ENABLED PENDING YYYY-MM-DD HH:MM:SS"
 *   alarm-in DEV SECONDS TIMEOUT      RTC_RD_TIME, RTC_WKALM_SET at that
 *                                     time + SECONDS, wait for the event
 *                                     on the same open file; print "data
 *                                     0xNN after S.SSS at YYYY-MM-DD
 *                                     HH:MM:SS want YYYY-MM-DD HH:MM:SS"
 *                                     (the time read when it came, and the
 *                                     alarm's), or exit 1 on timeout
 *   poll-pri FILE TIMEOUT [ENABLE]    write 1 to ENABLE (if given), wait
 *                                     for POLLPRI on the sysfs FILE, print
 *                                     the seconds it took
 * Exit status: 0, 1 a call failed or timed out (message on stderr), 2
 * usage.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <linux/rtc.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

static int fail(const char *what)
{
	fprintf(stderr, "qemu-rtc: %s: %s\n", what, strerror(errno));
	return 1;
}

static int open_dev(const char *dev, int flags)
{
	int fd = open(dev, flags);

	if (fd < 0)
		fprintf(stderr, "qemu-rtc: open %s: %s\n", dev, strerror(errno));
	return fd;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static int64_t days_from_civil(int64_t y, unsigned int m, unsigned int d)
{
	int64_t era;
	unsigned int yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned int)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, struct rtc_time *tm)
{
	int64_t era, y;
	unsigned int doe, yoe, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned int)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	tm->tm_year = (int)(y + (m <= 2) - 1900);
	tm->tm_mon = (int)m - 1;
	tm->tm_mday = (int)d;
	tm->tm_wday = (int)((z - 719468 + 4) % 7 + 7) % 7;
}

static int64_t rtc_to_s64(const struct rtc_time *tm)
{
	return days_from_civil(tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday) * 86400 +
	       tm->tm_hour * 3600 + tm->tm_min * 60 + tm->tm_sec;
}

static void s64_to_rtc(int64_t t, struct rtc_time *tm)
{
	int64_t days = t / 86400, rem = t % 86400;

	if (rem < 0) {
		rem += 86400;
		days--;
	}
	memset(tm, 0, sizeof(*tm));
	civil_from_days(days, tm);
	tm->tm_hour = (int)(rem / 3600);
	tm->tm_min = (int)(rem / 60 % 60);
	tm->tm_sec = (int)(rem % 60);
	tm->tm_isdst = -1;
}

static int parse_tm(const char *s, struct rtc_time *tm)
{
	int y, mo, d, h, mi, sec;

	if (sscanf(s, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &sec) != 6) {
		fprintf(stderr, "qemu-rtc: not YYYY-MM-DD HH:MM:SS: '%s'\n", s);
		return -1;
	}
	memset(tm, 0, sizeof(*tm));
	tm->tm_year = y - 1900;
	tm->tm_mon = mo - 1;
	tm->tm_mday = d;
	tm->tm_hour = h;
	tm->tm_min = mi;
	tm->tm_sec = sec;
	/* The weekday the chip stores: from the date, as hwclock does. */
	s64_to_rtc(rtc_to_s64(tm), tm);
	return 0;
}

static void fmt_tm(const struct rtc_time *tm, char *buf, size_t len)
{
	snprintf(buf, len, "%04d-%02d-%02d %02d:%02d:%02d", tm->tm_year + 1900,
		 tm->tm_mon + 1, tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec);
}

static double mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int read_time(const char *dev)
{
	struct rtc_time rt;
	struct tm tm = { 0 };
	char buf[80];
	time_t t;
	int fd = open_dev(dev, O_RDONLY);

	if (fd < 0)
		return 1;
	if (ioctl(fd, RTC_RD_TIME, &rt) < 0)
		return fail("RTC_RD_TIME");
	close(fd);
	fmt_tm(&rt, buf, sizeof(buf));
	tm.tm_year = rt.tm_year;
	tm.tm_mon = rt.tm_mon;
	tm.tm_mday = rt.tm_mday;
	tm.tm_hour = rt.tm_hour;
	tm.tm_min = rt.tm_min;
	tm.tm_sec = rt.tm_sec;
	errno = 0;
	t = timegm(&tm);
	if (t == (time_t)-1 && errno)
		printf("%s overflow\n", buf);
	else
		printf("%s %lld\n", buf, (long long)t);
	return 0;
}

static int set_time(const char *dev, const char *s)
{
	struct rtc_time rt;
	int fd;

	if (parse_tm(s, &rt))
		return 2;
	fd = open_dev(dev, O_RDONLY);
	if (fd < 0)
		return 1;
	if (ioctl(fd, RTC_SET_TIME, &rt) < 0)
		return fail("RTC_SET_TIME");
	close(fd);
	return 0;
}

static int set_alarm(int fd, const struct rtc_time *tm)
{
	struct rtc_wkalrm a = { .enabled = 1, .time = *tm };

	if (ioctl(fd, RTC_WKALM_SET, &a) < 0)
		return fail("RTC_WKALM_SET");
	return 0;
}

static int read_alarm(const char *dev)
{
	struct rtc_wkalrm a;
	char buf[80];
	int fd = open_dev(dev, O_RDONLY);

	if (fd < 0)
		return 1;
	if (ioctl(fd, RTC_WKALM_RD, &a) < 0)
		return fail("RTC_WKALM_RD");
	close(fd);
	fmt_tm(&a.time, buf, sizeof(buf));
	printf("%d %d %s\n", a.enabled, a.pending, buf);
	return 0;
}

static int alarm_in(const char *dev, int secs, int timeout)
{
	struct rtc_time now, want, then;
	char w[80], t[80];
	unsigned long data;
	struct timeval tv = { .tv_sec = timeout };
	fd_set rfds;
	double t0;
	int fd = open_dev(dev, O_RDONLY);

	if (fd < 0)
		return 1;
	if (ioctl(fd, RTC_RD_TIME, &now) < 0)
		return fail("RTC_RD_TIME");
	s64_to_rtc(rtc_to_s64(&now) + secs, &want);
	t0 = mono();
	if (set_alarm(fd, &want))
		return 1;
	FD_ZERO(&rfds);
	FD_SET(fd, &rfds);
	if (select(fd + 1, &rfds, NULL, NULL, &tv) != 1) {
		fmt_tm(&want, w, sizeof(w));
		fprintf(stderr, "qemu-rtc: no alarm event in %d s (alarm %s)\n", timeout, w);
		return 1;
	}
	if (read(fd, &data, sizeof(data)) != sizeof(data))
		return fail("read");
	t0 = mono() - t0;
	if (ioctl(fd, RTC_RD_TIME, &then) < 0)
		return fail("RTC_RD_TIME");
	close(fd);
	fmt_tm(&want, w, sizeof(w));
	fmt_tm(&then, t, sizeof(t));
	printf("data 0x%lx after %.3f at %s want %s\n", data & 0xff, t0, t, w);
	return 0;
}

static int poll_pri(const char *file, int timeout, const char *enable)
{
	struct pollfd p = { .events = POLLPRI | POLLERR };
	char buf[16];
	double t0;
	int fd = open_dev(file, O_RDONLY), efd;

	if (fd < 0)
		return 1;
	/* A sysfs attribute must be read once before poll() waits. */
	if (read(fd, buf, sizeof(buf)) < 0)
		return fail("read");
	t0 = mono();
	if (enable) {
		efd = open_dev(enable, O_WRONLY);
		if (efd < 0)
			return 1;
		if (write(efd, "1", 1) != 1)
			return fail("write enable");
		close(efd);
	}
	p.fd = fd;
	if (poll(&p, 1, timeout * 1000) != 1) {
		fprintf(stderr, "qemu-rtc: no POLLPRI on %s in %d s\n", file, timeout);
		return 1;
	}
	printf("%.3f\n", mono() - t0);
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "";

	if (!strcmp(cmd, "time-bits") && argc == 2)
		return printf("%zu\n", sizeof(time_t) * 8) < 0;
	if (!strcmp(cmd, "read-time") && argc == 3)
		return read_time(argv[2]);
	if (!strcmp(cmd, "set-time") && argc == 4)
		return set_time(argv[2], argv[3]);
	if (!strcmp(cmd, "set-alarm") && argc == 4) {
		struct rtc_time tm;
		int fd, rc;

		if (parse_tm(argv[3], &tm))
			return 2;
		fd = open_dev(argv[2], O_RDONLY);
		if (fd < 0)
			return 1;
		rc = set_alarm(fd, &tm);
		close(fd);
		return rc;
	}
	if (!strcmp(cmd, "read-alarm") && argc == 3)
		return read_alarm(argv[2]);
	if (!strcmp(cmd, "alarm-in") && argc == 5)
		return alarm_in(argv[2], atoi(argv[3]), atoi(argv[4]));
	if (!strcmp(cmd, "poll-pri") && (argc == 4 || argc == 5))
		return poll_pri(argv[2], atoi(argv[3]), argc == 5 ? argv[4] : NULL);
	fprintf(stderr, "usage: qemu-rtc time-bits | read-time DEV | set-time DEV TIME |\n"
		"       set-alarm DEV TIME | read-alarm DEV | alarm-in DEV SECONDS TIMEOUT |\n"
		"       poll-pri FILE TIMEOUT [ENABLE]\n");
	return 2;
}
