// SPDX-License-Identifier: GPL-2.0
/*
 * Register-level model of the Dapu INS5S8563 real-time clock.
 *
 * The behaviour, and every choice made where the datasheet is silent, is
 * described in ins5s8563-model.h. This file only implements it: the bus
 * side (write masks, write-0-only flags, the register pointer, counters,
 * the access hook and fault injection) first, then time (prescaler,
 * calendar, alarm, countdown timer), then /INT.
 *
 * ins5s8563_model_advance() never walks the oscillator tick by tick: it
 * jumps from one event to the next (a countdown timer expiry, the end of
 * an /INT pulse, a minute rollover while the alarm is armed) and moves the
 * calendar between events arithmetically, so advancing a simulated year
 * costs about one loop per day plus one per event.
 */

#include <linux/bcd.h>
#include <linux/bits.h>
#include <linux/atomic.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/hash.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/lockdep.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/string.h>

#include "ins5s8563-model.h"

#define REG_CTRL1		0x00
#define  CTRL1_EXT_TEST		BIT(7)
#define  CTRL1_STOP		BIT(5)
#define REG_CTRL2		0x01
#define  CTRL2_TI_TP		BIT(4)
#define  CTRL2_AF		BIT(3)
#define  CTRL2_TF		BIT(2)
#define  CTRL2_AIE		BIT(1)
#define  CTRL2_TIE		BIT(0)
#define REG_SEC			0x02
#define  SEC_VLF		BIT(7)
#define  SEC_MASK		GENMASK(6, 0)
#define REG_MIN			0x03
#define  MIN_MASK		GENMASK(6, 0)
#define REG_HOUR		0x04
#define  HOUR_MASK		GENMASK(5, 0)
#define REG_DAY			0x05
#define  DAY_MASK		GENMASK(5, 0)
#define REG_WEEK		0x06
#define  WEEK_MASK		GENMASK(2, 0)
#define REG_MONTH		0x07
#define  MONTH_MASK		GENMASK(4, 0)
#define REG_YEAR		0x08
#define  YEAR_MASK		GENMASK(7, 0)
#define REG_MIN_ALARM		0x09
#define REG_HOUR_ALARM		0x0a
#define REG_DAY_ALARM		0x0b
#define REG_WEEK_ALARM		0x0c
#define  ALARM_AE		BIT(7)
#define REG_CLKOUT		0x0d
#define  CLKOUT_FE		BIT(7)
#define REG_TIMER_CTRL		0x0e
#define  TIMER_CTRL_TE		BIT(7)
#define  TIMER_CTRL_TD		GENMASK(1, 0)
#define REG_TIMER_LO		0x0f	/* counter bits 7..0 */
#define REG_TIMER_HI		0x12	/* counter bits 23..16 */
#define REG_TIMER_MID		0x13	/* counter bits 15..8 */

#define TD_4096HZ		0
#define TD_1_60HZ		3

#define OSC_HZ			INS5S8563_MODEL_OSC_HZ
#define SECS_PER_MIN		60

/*
 * Bits a bus write stores, per register; 0 for the addresses that hold no
 * register (0x10, 0x11 and everything from 0x14 on).
 */
static const u8 model_wmask[] = {
	[REG_CTRL1]		= CTRL1_EXT_TEST | CTRL1_STOP,
	[REG_CTRL2]		= CTRL2_TI_TP | CTRL2_AF | CTRL2_TF |
				  CTRL2_AIE | CTRL2_TIE,
	[REG_SEC]		= SEC_VLF | SEC_MASK,
	[REG_MIN]		= MIN_MASK,
	[REG_HOUR]		= HOUR_MASK,
	[REG_DAY]		= DAY_MASK,
	[REG_WEEK]		= WEEK_MASK,
	[REG_MONTH]		= MONTH_MASK,
	[REG_YEAR]		= YEAR_MASK,
	[REG_MIN_ALARM]		= ALARM_AE | MIN_MASK,
	[REG_HOUR_ALARM]	= ALARM_AE | HOUR_MASK,
	[REG_DAY_ALARM]		= ALARM_AE | DAY_MASK,
	[REG_WEEK_ALARM]	= ALARM_AE | WEEK_MASK,
	[REG_CLKOUT]		= CLKOUT_FE | GENMASK(1, 0),
	[REG_TIMER_CTRL]	= TIMER_CTRL_TE | TIMER_CTRL_TD,
	[REG_TIMER_LO]		= 0xff,
	[REG_TIMER_HI]		= 0xff,
	[REG_TIMER_MID]		= 0xff,
};

/* Oscillator ticks per edge of each countdown timer source, by TD[1:0]. */
static const u32 model_timer_period[] = {
	OSC_HZ / 4096, OSC_HZ / 64, OSC_HZ, SECS_PER_MIN * OSC_HZ,
};

/*
 * /INT pulse length with TI_TP=1, by TD[1:0] (Table 19): 122 us is half a
 * 4096 Hz period, 7.813 ms half a 64 Hz period.
 */
static const u32 model_pulse_ticks[] = { 4, 256, 256, 256 };

static u8 model_reg_mask(u8 reg)
{
	return reg < ARRAY_SIZE(model_wmask) ? model_wmask[reg] : 0;
}

/* Power-on state of Table 6; also restarts the divider chain. */
static void model_power_on(struct ins5s8563_model *m)
{
	memset(m->regs, 0, sizeof(m->regs));
	m->regs[REG_SEC] = SEC_VLF;
	m->regs[REG_DAY] = 0x01;
	m->regs[REG_MIN_ALARM] = ALARM_AE;
	m->regs[REG_HOUR_ALARM] = ALARM_AE;
	m->regs[REG_DAY_ALARM] = ALARM_AE;
	m->regs[REG_WEEK_ALARM] = ALARM_AE;
	m->regs[REG_CLKOUT] = CLKOUT_FE;
	m->ptr = 0;
	m->timer_reload = 0;
	m->subsec = 0;
	m->pulse_left = 0;
}

/*
 * stop_release=free: the divider's phase at STOP's release. A divider that
 * STOP neither resets nor ties to the release is found anywhere in its
 * second: drawn anew for each release, from a sequence each model starts
 * anew at init (at ins5s8563_model_seed_phases()'s seed) so that a test's
 * failure repeats whatever ran before it, and never within 1/16 s of a
 * whole second (the chosen reading's) so that the variant differs from
 * it.
 */
static u32 model_free_phase(struct ins5s8563_model *m)
{
	return OSC_HZ / 16 +
	       hash_32(++m->free_releases, 16) % (OSC_HZ * 7 / 8);
}

/* ---- Countdown timer registers ---- */

static u32 model_timer_count(const struct ins5s8563_model *m)
{
	return m->regs[REG_TIMER_LO] | m->regs[REG_TIMER_MID] << 8 |
	       m->regs[REG_TIMER_HI] << 16;
}

static void model_timer_set_count(struct ins5s8563_model *m, u32 count)
{
	m->regs[REG_TIMER_LO] = count & 0xff;
	m->regs[REG_TIMER_MID] = (count >> 8) & 0xff;
	m->regs[REG_TIMER_HI] = (count >> 16) & 0xff;
}

/* A counter byte written by the bus or poked sets that byte of the reload. */
static void model_timer_set_reload_byte(struct ins5s8563_model *m, u8 reg,
					u8 val)
{
	unsigned int shift;

	switch (reg) {
	case REG_TIMER_LO:
		shift = 0;
		break;
	case REG_TIMER_MID:
		shift = 8;
		break;
	case REG_TIMER_HI:
		shift = 16;
		break;
	default:
		return;
	}
	m->timer_reload &= ~(0xffU << shift);
	m->timer_reload |= (u32)val << shift;
}

static unsigned int model_timer_td(const struct ins5s8563_model *m)
{
	return m->regs[REG_TIMER_CTRL] & TIMER_CTRL_TD;
}

static u64 model_ticks_to_minute(const struct ins5s8563_model *m);
static unsigned int model_field_get(const struct ins5s8563_model *m, u8 reg,
				    u8 mask);

/*
 * Oscillator ticks from now to the next edge of timer source @td. The
 * 1/60 Hz edge is the calendar's minute rollover (decision 9).
 */
static u64 model_timer_first_edge(const struct ins5s8563_model *m,
				  unsigned int td)
{
	if (td == TD_1_60HZ)
		return model_ticks_to_minute(m);
	return model_timer_period[td] - m->subsec % model_timer_period[td];
}

/* ---- /INT ---- */

static bool model_int_level(const struct ins5s8563_model *m)
{
	u8 ctrl2 = m->regs[REG_CTRL2];

	if ((ctrl2 & CTRL2_AF) && (ctrl2 & CTRL2_AIE))
		return true;
	if ((ctrl2 & CTRL2_TF) && (ctrl2 & CTRL2_TIE) && !(ctrl2 & CTRL2_TI_TP))
		return true;
	return m->pulse_left > 0;
}

/*
 * Bring the derived state up to date after anything changed: the ticks to
 * the next edge of the selected timer source, and /INT, calling int_cb on
 * a change of level.
 */
static void model_settle(struct ins5s8563_model *m)
{
	bool level;

	lockdep_assert_held(&m->lock);

	m->timer_phase = model_timer_first_edge(m, model_timer_td(m));

	level = model_int_level(m);
	if (level == m->int_asserted)
		return;
	m->int_asserted = level;
	if (m->int_cb)
		m->int_cb(m, m->int_priv, level);
}

/* ---- Bus ---- */

/* Ticks since the last edge of timer source @td. */
static u64 model_ticks_since_edge(const struct ins5s8563_model *m,
				  unsigned int td)
{
	unsigned int sec = model_field_get(m, REG_SEC, SEC_MASK);

	if (td == TD_1_60HZ)
		return (u64)min(sec, 59U) * OSC_HZ + m->subsec;
	return m->subsec % model_timer_period[td];
}

/*
 * write_running=pcf8563: whether a write transaction of @len bytes, which
 * ends now, met an edge of the timer's source (see the header).
 */
static bool model_write_meets_edge(const struct ins5s8563_model *m,
				   size_t len)
{
	u64 wire = min_t(u64, (u64)len * INS5S8563_MODEL_BYTE_TICKS,
			 m->now - m->bus_idle_since);

	if (m->variant.write_running != INS5S8563_MODEL_WRITE_RUNNING_PCF8563 ||
	    (m->regs[REG_CTRL1] & CTRL1_STOP))
		return false;
	return model_ticks_since_edge(m, model_timer_td(m)) < wire;
}

/*
 * One byte of a write transaction, with the masks and flag rules;
 * @meets_edge: the transaction met an edge of the timer's source.
 */
static void model_bus_write_reg(struct ins5s8563_model *m, u8 reg, u8 val,
				bool meets_edge)
{
	u8 old = m->regs[reg];
	u8 mask = model_reg_mask(reg);

	if (!mask)
		return;
	val &= mask;

	switch (reg) {
	case REG_CTRL1:
		/*
		 * STOP 0->1 holds the divider chain at 0, as on the PCF8563:
		 * after STOP 1->0 the first second takes exactly one second
		 * (stop_release=half: the PCF8563's 0.507813 s; free: what
		 * the divider held, which nothing ties to the release).
		 */
		if (m->variant.stop_release == INS5S8563_MODEL_STOP_RELEASE_FREE) {
			if (!(val & CTRL1_STOP) && (old & CTRL1_STOP))
				m->subsec = model_free_phase(m);
			break;
		}
		if ((val & CTRL1_STOP) && !(old & CTRL1_STOP))
			m->subsec = 0;
		else if (!(val & CTRL1_STOP) && (old & CTRL1_STOP) &&
			 m->variant.stop_release ==
			 INS5S8563_MODEL_STOP_RELEASE_HALF)
			m->subsec = OSC_HZ - INS5S8563_MODEL_HALF_FIRST_TICKS;
		break;
	case REG_CTRL2:
		/* AF and TF: writing 1 keeps the flag, writing 0 clears it. */
		val &= old | ~(CTRL2_AF | CTRL2_TF);
		break;
	case REG_SEC:
		val &= old | ~SEC_VLF;
		break;
	case REG_TIMER_CTRL:
		if ((val & TIMER_CTRL_TE) && !(old & TIMER_CTRL_TE) &&
		    m->variant.start == INS5S8563_MODEL_START_RELOAD)
			model_timer_set_count(m, m->timer_reload);
		if (!(val & TIMER_CTRL_TE) && (old & TIMER_CTRL_TE) &&
		    m->variant.tf == INS5S8563_MODEL_TF_CLEAR_ON_STOP)
			m->regs[REG_CTRL2] &= ~CTRL2_TF;
		break;
	case REG_TIMER_LO:
	case REG_TIMER_MID:
	case REG_TIMER_HI:
		model_timer_set_reload_byte(m, reg, val);
		if (!(m->regs[REG_TIMER_CTRL] & TIMER_CTRL_TE)) {
			if (m->variant.start == INS5S8563_MODEL_START_RESUME_STALE)
				return;
			break;
		}
		if (m->variant.write_running ==
		    INS5S8563_MODEL_WRITE_RUNNING_RELOAD_ONLY)
			return;
		if (meets_edge)
			val &= old;
		break;
	}
	m->regs[reg] = val;
}

/* A read of @reg as the bus returns it (readback=reload: the reload). */
static u8 model_bus_read_reg(const struct ins5s8563_model *m, u8 reg)
{
	if (!model_reg_mask(reg))
		return 0;
	if (m->variant.readback == INS5S8563_MODEL_READBACK_RELOAD) {
		switch (reg) {
		case REG_TIMER_LO:
			return m->timer_reload & 0xff;
		case REG_TIMER_MID:
			return (m->timer_reload >> 8) & 0xff;
		case REG_TIMER_HI:
			return (m->timer_reload >> 16) & 0xff;
		}
	}
	return m->regs[reg];
}

static void model_bus_read(struct ins5s8563_model *m, u8 *buf, size_t len)
{
	bool ctrl2 = false;
	size_t i;

	for (i = 0; i < len; i++, m->ptr++) {
		buf[i] = model_bus_read_reg(m, m->ptr);
		ctrl2 |= m->ptr == REG_CTRL2;
	}
	/* tf=clear-on-read: TF goes once the read has returned it. */
	if (ctrl2 && m->variant.tf == INS5S8563_MODEL_TF_CLEAR_ON_READ &&
	    (m->regs[REG_CTRL2] & CTRL2_TF)) {
		m->regs[REG_CTRL2] &= ~CTRL2_TF;
		model_settle(m);
	}
}

/*
 * Start of every bus access: number it, let the hook see it, then apply
 * fault injection. A failed access is numbered but moves no data.
 */
static int model_begin_access(struct ins5s8563_model *m,
			      enum ins5s8563_model_dir dir, u8 reg)
{
	unsigned int access = ++m->accesses;

	if (m->hook)
		m->hook(m, m->hook_priv, access, dir, reg);
	if (m->access_ticks)
		__ins5s8563_model_advance(m, m->access_ticks);

	if (m->fail_at && access >= m->fail_at &&
	    access - m->fail_at < m->fail_count)
		return m->fail_err ?: -EIO;
	return 0;
}

/* End of every bus access, failed or not: the bus is idle from now on. */
static void model_end_access(struct ins5s8563_model *m)
{
	m->bus_idle_since = m->now;
}

int ins5s8563_model_write(struct ins5s8563_model *m, const u8 *buf, size_t len)
{
	unsigned long flags;
	size_t i;
	int ret;

	spin_lock_irqsave(&m->lock, flags);
	ret = model_begin_access(m, INS5S8563_MODEL_WRITE,
				 len ? buf[0] : m->ptr);
	if (!ret) {
		bool meets_edge = model_write_meets_edge(m, len);

		if (len)
			m->ptr = buf[0];
		for (i = 1; i < len; i++, m->ptr++)
			model_bus_write_reg(m, m->ptr, buf[i], meets_edge);
		m->writes++;
		m->bytes_written += len;
		model_settle(m);
	}
	model_end_access(m);
	spin_unlock_irqrestore(&m->lock, flags);

	return ret;
}

int ins5s8563_model_read(struct ins5s8563_model *m, u8 *buf, size_t len)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&m->lock, flags);
	ret = model_begin_access(m, INS5S8563_MODEL_READ, m->ptr);
	if (!ret) {
		model_bus_read(m, buf, len);
		m->reads++;
		m->bytes_read += len;
	}
	model_end_access(m);
	spin_unlock_irqrestore(&m->lock, flags);

	return ret;
}

int ins5s8563_model_read_regs(struct ins5s8563_model *m, u8 reg, u8 *buf,
			      size_t len)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&m->lock, flags);
	ret = model_begin_access(m, INS5S8563_MODEL_READ, reg);
	if (!ret) {
		m->ptr = reg;
		model_bus_read(m, buf, len);
		m->reads++;
		m->bytes_written++;
		m->bytes_read += len;
	}
	model_end_access(m);
	spin_unlock_irqrestore(&m->lock, flags);

	return ret;
}

/* ---- Calendar ---- */

/*
 * A field's value: its BCD digits read as tens * 10 + ones, without
 * checking them, so an invalid digit such as 0x0a reads as 10.
 */
static unsigned int model_field_get(const struct ins5s8563_model *m, u8 reg,
				    u8 mask)
{
	u8 v = m->regs[reg] & mask;

	return (v >> 4) * 10 + (v & 0x0f);
}

/* Store a value 0..99 as BCD, keeping the bits outside the field (VLF). */
static void model_field_set(struct ins5s8563_model *m, u8 reg, u8 mask,
			    unsigned int val)
{
	m->regs[reg] = (m->regs[reg] & ~mask) | (bin2bcd(val) & mask);
}

/*
 * Add @n to a field counting 0..@period-1 and return the carries out of
 * it. A value at or above period-1 (valid or not) wraps to 0 on the next
 * unit, which keeps invalid values deterministic and bounded.
 */
static u64 model_field_add(struct ins5s8563_model *m, u8 reg, u8 mask,
			   u32 period, u64 n)
{
	unsigned int v = model_field_get(m, reg, mask);
	unsigned int left = v >= period - 1 ? 1 : period - v;
	u32 rem;
	u64 carries;

	if (!n)
		return 0;
	if (n < left) {
		model_field_set(m, reg, mask, v + n);
		return 0;
	}
	carries = 1 + div_u64_rem(n - left, period, &rem);
	model_field_set(m, reg, mask, rem);
	return carries;
}

static unsigned int model_month_days(unsigned int month, unsigned int year)
{
	static const u8 days[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};

	/* An invalid month (0, 13..) has 31 days, then carries to 1. */
	if (month < 1 || month > 12)
		return 31;
	/* 00..99 is 2000..2099: every fourth year is leap, 2000 too. */
	if (month == 2 && year % 4 == 0)
		return 29;
	return days[month - 1];
}

/* Midnight: weekday, then day, month and year with their carries. */
static void model_next_day(struct ins5s8563_model *m)
{
	unsigned int wday = model_field_get(m, REG_WEEK, WEEK_MASK);
	unsigned int day = model_field_get(m, REG_DAY, DAY_MASK);
	unsigned int month = model_field_get(m, REG_MONTH, MONTH_MASK);
	unsigned int year = model_field_get(m, REG_YEAR, YEAR_MASK);

	model_field_set(m, REG_WEEK, WEEK_MASK, wday >= 6 ? 0 : wday + 1);

	/* A day beyond the month's length (or invalid) ends the month. */
	if (day < model_month_days(month, year)) {
		model_field_set(m, REG_DAY, DAY_MASK, day + 1);
		return;
	}
	model_field_set(m, REG_DAY, DAY_MASK, 1);

	if (month < 12) {
		model_field_set(m, REG_MONTH, MONTH_MASK, month + 1);
		return;
	}
	model_field_set(m, REG_MONTH, MONTH_MASK, 1);
	model_field_set(m, REG_YEAR, YEAR_MASK, year >= 99 ? 0 : year + 1);
}

/* Move the calendar by @secs seconds; returns the minute rollovers. */
static u64 model_cal_add_seconds(struct ins5s8563_model *m, u64 secs)
{
	u64 minutes, hours, days;

	minutes = model_field_add(m, REG_SEC, SEC_MASK, 60, secs);
	hours = model_field_add(m, REG_MIN, MIN_MASK, 60, minutes);
	days = model_field_add(m, REG_HOUR, HOUR_MASK, 24, hours);
	while (days--)
		model_next_day(m);

	return minutes;
}

/* Oscillator ticks to the next minute rollover (seconds 59 -> 00). */
static u64 model_ticks_to_minute(const struct ins5s8563_model *m)
{
	unsigned int sec = model_field_get(m, REG_SEC, SEC_MASK);
	unsigned int secs_left = sec >= 59 ? 1 : 60 - sec;

	return OSC_HZ - m->subsec + (u64)(secs_left - 1) * OSC_HZ;
}

/* ---- Alarm ---- */

static const struct {
	u8 alarm;
	u8 time;
	u8 mask;
} model_alarm_fields[] = {
	{ REG_MIN_ALARM, REG_MIN, MIN_MASK },
	{ REG_HOUR_ALARM, REG_HOUR, HOUR_MASK },
	{ REG_DAY_ALARM, REG_DAY, DAY_MASK },
	{ REG_WEEK_ALARM, REG_WEEK, WEEK_MASK },
};

static bool model_alarm_armed(const struct ins5s8563_model *m)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(model_alarm_fields); i++)
		if (!(m->regs[model_alarm_fields[i].alarm] & ALARM_AE))
			return true;
	return false;
}

static bool model_alarm_match(const struct ins5s8563_model *m)
{
	bool armed = false;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(model_alarm_fields); i++) {
		u8 alarm = m->regs[model_alarm_fields[i].alarm];
		u8 time = m->regs[model_alarm_fields[i].time];

		if (alarm & ALARM_AE)
			continue;
		if ((alarm ^ time) & model_alarm_fields[i].mask)
			return false;
		armed = true;
	}
	return armed;
}

/* ---- Time ---- */

/*
 * The minute rollovers (1/60 Hz edges) in the next @secs second edges,
 * counted from the seconds register before they move it.
 */
static u64 model_minute_edges(const struct ins5s8563_model *m, u64 secs)
{
	unsigned int sec = model_field_get(m, REG_SEC, SEC_MASK);
	unsigned int secs_left = sec >= 59 ? 1 : 60 - sec;

	if (secs < secs_left)
		return 0;
	return 1 + div_u64(secs - secs_left, SECS_PER_MIN);
}

/* @edges source edges hit the running counter (never more than it holds). */
static void model_timer_count_down(struct ins5s8563_model *m, u32 count,
				   u64 edges)
{
	u8 ctrl2 = m->regs[REG_CTRL2];

	count -= min_t(u64, edges, count);
	if (!count) {
		/* reload=oneshot: the count stays 0, which stops the timer. */
		if (m->variant.reload == INS5S8563_MODEL_RELOAD_PERIODIC)
			count = m->timer_reload;
		m->regs[REG_CTRL2] |= CTRL2_TF;
		m->timer_expiries++;
		if ((ctrl2 & CTRL2_TI_TP) && (ctrl2 & CTRL2_TIE))
			m->pulse_left = model_pulse_ticks[model_timer_td(m)];
	}
	model_timer_set_count(m, count);
}

/*
 * Advance by at most @limit ticks, stopping at the first event (timer
 * expiry, end of an /INT pulse, minute rollover with the alarm armed) so
 * that int_cb sees /INT change at the exact tick. Returns the ticks used.
 */
/* Whether the countdown timer counts: TE=1, STOP=0 and a non-zero count. */
static bool model_timer_running(const struct ins5s8563_model *m)
{
	/* A count of 0 never reaches 1 -> 0, so it never expires. */
	return !(m->regs[REG_CTRL1] & CTRL1_STOP) &&
	       (m->regs[REG_TIMER_CTRL] & TIMER_CTRL_TE) &&
	       model_timer_count(m);
}

/*
 * Oscillator ticks to the next event (timer expiry, end of an /INT pulse,
 * minute rollover with the alarm armed), at most @limit.
 */
static u64 model_ticks_to_event(const struct ins5s8563_model *m, u64 limit)
{
	unsigned int td = model_timer_td(m);
	u64 step = limit;

	if (m->pulse_left)
		step = min_t(u64, step, m->pulse_left);
	if (model_timer_running(m))
		step = min(step, model_timer_first_edge(m, td) +
				 (u64)(model_timer_count(m) - 1) *
				 model_timer_period[td]);
	if (!(m->regs[REG_CTRL1] & CTRL1_STOP) && model_alarm_armed(m))
		step = min(step, model_ticks_to_minute(m));
	return step;
}

static u64 model_step(struct ins5s8563_model *m, u64 limit)
{
	bool stopped = m->regs[REG_CTRL1] & CTRL1_STOP;
	bool running = model_timer_running(m);
	unsigned int td = model_timer_td(m);
	u32 count = model_timer_count(m);
	u64 step = model_ticks_to_event(m, limit);
	u64 edges = 0, secs, end;

	/* The pulse is timed by the oscillator, which STOP does not stop. */
	m->pulse_left -= min_t(u64, step, m->pulse_left);
	m->now += step;

	if (!stopped) {
		end = m->subsec + step;
		if (running && td != TD_1_60HZ)
			edges = div_u64(end, model_timer_period[td]) -
				m->subsec / model_timer_period[td];
		secs = div_u64_rem(end, OSC_HZ, &m->subsec);
		if (running && td == TD_1_60HZ)
			edges = model_minute_edges(m, secs);
		if (edges)
			model_timer_count_down(m, count, edges);

		/* With the alarm armed, a step ends at the first rollover. */
		if (model_cal_add_seconds(m, secs) && model_alarm_match(m)) {
			m->regs[REG_CTRL2] |= CTRL2_AF;
			m->alarm_matches++;
		}
	}

	model_settle(m);
	return step;
}

void __ins5s8563_model_advance(struct ins5s8563_model *m, u64 ticks)
{
	lockdep_assert_held(&m->lock);

	while (ticks)
		ticks -= model_step(m, ticks);
}

void ins5s8563_model_advance(struct ins5s8563_model *m, u64 ticks)
{
	unsigned long flags;

	spin_lock_irqsave(&m->lock, flags);
	__ins5s8563_model_advance(m, ticks);
	spin_unlock_irqrestore(&m->lock, flags);
}

u64 ins5s8563_model_next_event(struct ins5s8563_model *m)
{
	unsigned long flags;
	u64 ticks;

	spin_lock_irqsave(&m->lock, flags);
	ticks = model_ticks_to_event(m, U64_MAX);
	spin_unlock_irqrestore(&m->lock, flags);

	return ticks;
}

/* ---- Set-up and test access ---- */

void ins5s8563_model_init(struct ins5s8563_model *m)
{
	unsigned long flags;

	memset(m, 0, sizeof(*m));
	spin_lock_init(&m->lock);

	spin_lock_irqsave(&m->lock, flags);
	model_power_on(m);
	model_settle(m);
	spin_unlock_irqrestore(&m->lock, flags);
}

void ins5s8563_model_power_on_reset(struct ins5s8563_model *m)
{
	unsigned long flags;

	spin_lock_irqsave(&m->lock, flags);
	model_power_on(m);
	model_settle(m);
	spin_unlock_irqrestore(&m->lock, flags);
}

u8 ins5s8563_model_peek(struct ins5s8563_model *m, u8 reg)
{
	unsigned long flags;
	u8 val;

	spin_lock_irqsave(&m->lock, flags);
	val = m->regs[reg];
	spin_unlock_irqrestore(&m->lock, flags);

	return val;
}

void __ins5s8563_model_poke(struct ins5s8563_model *m, u8 reg, u8 val)
{
	lockdep_assert_held(&m->lock);

	/* There is nothing to overwrite at 0x10, 0x11 and from 0x14 on. */
	if (!model_reg_mask(reg))
		return;
	m->regs[reg] = val;
	model_timer_set_reload_byte(m, reg, val);
	model_settle(m);
}

void ins5s8563_model_poke(struct ins5s8563_model *m, u8 reg, u8 val)
{
	unsigned long flags;

	spin_lock_irqsave(&m->lock, flags);
	__ins5s8563_model_poke(m, reg, val);
	spin_unlock_irqrestore(&m->lock, flags);
}

bool ins5s8563_model_int(struct ins5s8563_model *m)
{
	unsigned long flags;
	bool asserted;

	spin_lock_irqsave(&m->lock, flags);
	asserted = m->int_asserted;
	spin_unlock_irqrestore(&m->lock, flags);

	return asserted;
}

void ins5s8563_model_fail(struct ins5s8563_model *m, unsigned int nth,
			  unsigned int count, int err)
{
	unsigned long flags;

	spin_lock_irqsave(&m->lock, flags);
	m->fail_at = nth;
	m->fail_count = count;
	m->fail_err = err;
	spin_unlock_irqrestore(&m->lock, flags);
}

void ins5s8563_model_reset_counters(struct ins5s8563_model *m)
{
	unsigned long flags;

	spin_lock_irqsave(&m->lock, flags);
	m->accesses = 0;
	m->reads = 0;
	m->writes = 0;
	m->bytes_read = 0;
	m->bytes_written = 0;
	m->timer_expiries = 0;
	m->alarm_matches = 0;
	spin_unlock_irqrestore(&m->lock, flags);
}

void ins5s8563_model_set_hook(struct ins5s8563_model *m,
			      ins5s8563_model_hook_t hook, void *priv)
{
	unsigned long flags;

	spin_lock_irqsave(&m->lock, flags);
	m->hook = hook;
	m->hook_priv = priv;
	spin_unlock_irqrestore(&m->lock, flags);
}

void ins5s8563_model_set_int_cb(struct ins5s8563_model *m,
				ins5s8563_model_int_t cb, void *priv)
{
	unsigned long flags;

	spin_lock_irqsave(&m->lock, flags);
	m->int_cb = cb;
	m->int_priv = priv;
	spin_unlock_irqrestore(&m->lock, flags);
}

void ins5s8563_model_seed_phases(struct ins5s8563_model *m, u32 seed)
{
	unsigned long flags;

	spin_lock_irqsave(&m->lock, flags);
	m->free_releases = seed;
	spin_unlock_irqrestore(&m->lock, flags);
}

void ins5s8563_model_set_variant(struct ins5s8563_model *m,
				 const struct ins5s8563_model_variant *v)
{
	unsigned long flags;

	spin_lock_irqsave(&m->lock, flags);
	m->variant = *v;
	spin_unlock_irqrestore(&m->lock, flags);
}

void ins5s8563_model_get_variant(struct ins5s8563_model *m,
				 struct ins5s8563_model_variant *v)
{
	unsigned long flags;

	spin_lock_irqsave(&m->lock, flags);
	*v = m->variant;
	spin_unlock_irqrestore(&m->lock, flags);
}

/* ---- Variants by name ---- */

static const char * const model_reload_names[] = {
	[INS5S8563_MODEL_RELOAD_PERIODIC] = "periodic",
	[INS5S8563_MODEL_RELOAD_ONESHOT] = "oneshot",
};

static const char * const model_write_running_names[] = {
	[INS5S8563_MODEL_WRITE_RUNNING_LIVE] = "live",
	[INS5S8563_MODEL_WRITE_RUNNING_RELOAD_ONLY] = "reload-only",
	[INS5S8563_MODEL_WRITE_RUNNING_PCF8563] = "pcf8563",
};

static const char * const model_start_names[] = {
	[INS5S8563_MODEL_START_RELOAD] = "reload",
	[INS5S8563_MODEL_START_RESUME] = "resume",
	[INS5S8563_MODEL_START_RESUME_STALE] = "resume-stale",
};

static const char * const model_stop_release_names[] = {
	[INS5S8563_MODEL_STOP_RELEASE_WHOLE] = "whole",
	[INS5S8563_MODEL_STOP_RELEASE_HALF] = "half",
	[INS5S8563_MODEL_STOP_RELEASE_FREE] = "free",
};

static const char * const model_tf_names[] = {
	[INS5S8563_MODEL_TF_KEPT] = "kept",
	[INS5S8563_MODEL_TF_CLEAR_ON_STOP] = "clear-on-stop",
	[INS5S8563_MODEL_TF_CLEAR_ON_READ] = "clear-on-read",
};

static const char * const model_readback_names[] = {
	[INS5S8563_MODEL_READBACK_LIVE] = "live",
	[INS5S8563_MODEL_READBACK_RELOAD] = "reload",
};

/* In the order of struct ins5s8563_model_variant. */
const struct ins5s8563_model_decision
ins5s8563_model_decisions[INS5S8563_MODEL_NDECISIONS] = {
	{ "reload", 12, model_reload_names, ARRAY_SIZE(model_reload_names) },
	{ "write_running", 13, model_write_running_names,
	  ARRAY_SIZE(model_write_running_names) },
	{ "start", 14, model_start_names, ARRAY_SIZE(model_start_names) },
	{ "stop_release", 15, model_stop_release_names,
	  ARRAY_SIZE(model_stop_release_names) },
	{ "tf", 16, model_tf_names, ARRAY_SIZE(model_tf_names) },
	{ "readback", 4, model_readback_names,
	  ARRAY_SIZE(model_readback_names) },
};

unsigned int ins5s8563_model_variant_get(const struct ins5s8563_model_variant *v,
					 unsigned int decision)
{
	switch (decision) {
	case 0:
		return v->reload;
	case 1:
		return v->write_running;
	case 2:
		return v->start;
	case 3:
		return v->stop_release;
	case 4:
		return v->tf;
	case 5:
		return v->readback;
	}
	return 0;
}

int ins5s8563_model_variant_set(struct ins5s8563_model_variant *v,
				unsigned int decision, unsigned int value)
{
	if (decision >= INS5S8563_MODEL_NDECISIONS ||
	    value >= ins5s8563_model_decisions[decision].nvalues)
		return -EINVAL;

	switch (decision) {
	case 0:
		v->reload = value;
		break;
	case 1:
		v->write_running = value;
		break;
	case 2:
		v->start = value;
		break;
	case 3:
		v->stop_release = value;
		break;
	case 4:
		v->tf = value;
		break;
	case 5:
		v->readback = value;
		break;
	}
	return 0;
}

/* The index of the @len bytes at @s in @names, or -EINVAL. */
static int model_name_index(const char * const *names, unsigned int n,
			    const char *s, size_t len)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (strlen(names[i]) == len && !memcmp(names[i], s, len))
			return i;
	return -EINVAL;
}

static int model_decision_index(const char *s, size_t len)
{
	unsigned int i;

	for (i = 0; i < INS5S8563_MODEL_NDECISIONS; i++) {
		const char *name = ins5s8563_model_decisions[i].name;

		if (strlen(name) == len && !memcmp(name, s, len))
			return i;
	}
	return -EINVAL;
}

/* One "name=value" from @s to @end (blanks trimmed already) into @v. */
static int model_variant_parse_one(struct ins5s8563_model_variant *v,
				   const char *s, const char *end)
{
	const char *eq = memchr(s, '=', end - s);
	int d, val;

	if (!eq)
		return -EINVAL;
	d = model_decision_index(s, eq - s);
	if (d < 0)
		return d;
	val = model_name_index(ins5s8563_model_decisions[d].values,
			       ins5s8563_model_decisions[d].nvalues, eq + 1,
			       end - eq - 1);
	if (val < 0)
		return val;
	return ins5s8563_model_variant_set(v, d, val);
}

int ins5s8563_model_variant_parse(struct ins5s8563_model_variant *v,
				  const char *spec, size_t len)
{
	struct ins5s8563_model_variant parsed = *v;
	const char *p = spec, *end;
	int ret;

	/* A string may end before @len. */
	end = memchr(spec, '\0', len) ?: spec + len;
	while (p < end) {
		const char *s = p, *e;

		while (p < end && *p != ',' && *p != '\n')
			p++;
		e = p;
		if (p < end)
			p++;
		while (s < e && isspace(*s))
			s++;
		while (e > s && isspace(e[-1]))
			e--;
		if (s == e)
			continue;
		ret = model_variant_parse_one(&parsed, s, e);
		if (ret)
			return ret;
	}
	*v = parsed;
	return 0;
}

int ins5s8563_model_variant_print(const struct ins5s8563_model_variant *v,
				  char *buf, size_t size)
{
	int n = 0;
	unsigned int i;

	for (i = 0; i < INS5S8563_MODEL_NDECISIONS; i++) {
		const struct ins5s8563_model_decision *d =
			&ins5s8563_model_decisions[i];

		n += scnprintf(buf + n, size - n, "%s=%s\n", d->name,
			       d->values[ins5s8563_model_variant_get(v, i)]);
	}
	return n;
}

int ins5s8563_model_variant_label(const struct ins5s8563_model_variant *v,
				  char *buf, size_t size)
{
	int n = 0;
	unsigned int i;

	for (i = 0; i < INS5S8563_MODEL_NDECISIONS; i++) {
		const struct ins5s8563_model_decision *d =
			&ins5s8563_model_decisions[i];
		unsigned int val = ins5s8563_model_variant_get(v, i);

		if (!val)
			continue;
		n += scnprintf(buf + n, size - n, "%s%s=%s", n ? "," : "",
			       d->name, d->values[val]);
	}
	if (!n)
		n = scnprintf(buf, size, "chosen");
	return n;
}
