// SPDX-License-Identifier: GPL-2.0
/*
 * Driver for the Dapu INS5S8563 I2C real-time clock.
 *
 * Datasheet: "INS5S8563 Realtime Clock Module", v1.0, 2023-11-16.
 * Where the datasheet is ambiguous, see Documentation/rtc/ins5s8563.rst.
 */

#include <linux/bcd.h>
#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/clk-provider.h>
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/kstrtox.h>
#include <linux/math64.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/pm_wakeirq.h>
#include <linux/property.h>
#include <linux/regmap.h>
#include <linux/rtc.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/watchdog.h>

#include <kunit/visibility.h>

#include "rtc-ins5s8563.h"

#define INS5S8563_REG_CTRL1		0x00
#define INS5S8563_CTRL1_EXT_TEST	BIT(7)
#define INS5S8563_CTRL1_STOP		BIT(5)

#define INS5S8563_REG_CTRL2		0x01
#define INS5S8563_CTRL2_TI_TP		BIT(4)
#define INS5S8563_CTRL2_AF		BIT(3)
#define INS5S8563_CTRL2_TF		BIT(2)
#define INS5S8563_CTRL2_AIE		BIT(1)
#define INS5S8563_CTRL2_TIE		BIT(0)
#define INS5S8563_CTRL2_FLAGS		(INS5S8563_CTRL2_AF | INS5S8563_CTRL2_TF)
#define INS5S8563_CTRL2_ENABLES		(INS5S8563_CTRL2_TI_TP | \
					 INS5S8563_CTRL2_AIE | \
					 INS5S8563_CTRL2_TIE)

#define INS5S8563_REG_SEC		0x02
#define INS5S8563_SEC_VLF		BIT(7)
#define INS5S8563_REG_MIN		0x03
#define INS5S8563_REG_HOUR		0x04
#define INS5S8563_REG_DAY		0x05
#define INS5S8563_REG_WEEK		0x06
#define INS5S8563_REG_MONTH		0x07
#define INS5S8563_REG_YEAR		0x08
#define INS5S8563_TIME_LEN		7

#define INS5S8563_REG_ALM_MIN		0x09
#define INS5S8563_REG_ALM_WEEK		0x0c
#define INS5S8563_ALM_AE		BIT(7)
#define INS5S8563_ALM_LEN		4

#define INS5S8563_REG_CLKOUT		0x0d
#define INS5S8563_CLKOUT_FE		BIT(7)
#define INS5S8563_CLKOUT_FD		GENMASK(1, 0)

#define INS5S8563_REG_TIMER_CTRL	0x0e
#define INS5S8563_TIMER_TE		BIT(7)
#define INS5S8563_TIMER_TD		GENMASK(1, 0)
#define INS5S8563_TD_1HZ		2
#define INS5S8563_TD_1_60HZ		3

#define INS5S8563_REG_TIMER_LOW		0x0f
#define INS5S8563_REG_TIMER_HIGH	0x12
#define INS5S8563_REG_TIMER_MID		0x13
#define INS5S8563_TIMER_MAX		GENMASK(23, 0)

/*
 * A setting of the countdown timer: what the chip's timer does (ins->hw),
 * or what the user's countdown asks for (ins->countdown).
 */
struct ins5s8563_timer {
	u32 ticks;		/* reload value, 0 when unknown */
	u8 td;			/* source clock, TD[1:0] */
	bool enabled;		/* TE */
	bool pulse;		/* TI_TP */
	bool tie;		/* TIE (hw only) */
	bool expired;		/* an expiry not yet acknowledged (countdown) */
	bool unknown;		/* TE and the count unknown (hw only) */
};

/*
 * Who the countdown timer works for. There is one owner at a time, and
 * ins5s8563_timer_switch() is the one place that changes it.
 */
enum ins5s8563_timer_owner {
	INS5S8563_TIMER_FREE,		/* stopped, holding the user's settings */
	INS5S8563_TIMER_COUNTDOWN,	/* the user's countdown, through sysfs */
	INS5S8563_TIMER_ALARM,		/* exact alarms and update interrupts */
	INS5S8563_TIMER_WATCHDOG,	/* for the driver's lifetime: reset-source */
};

struct ins5s8563 {
	struct device *dev;
	struct regmap *regmap;
	struct rtc_device *rtc;
	/*
	 * Serialises every write of Control_2 (rtc ops, the interrupt thread
	 * and the countdown timer all write it) and the sequences that
	 * depend on it.
	 */
	struct mutex lock;
	/*
	 * The enable bits of Control_2 (TI_TP, AIE, TIE). Only the driver
	 * changes them, so Control_2 is written without being read first.
	 */
	u8 ctrl2;
	/*
	 * Enable bits of Control_2 that a failed write may have changed in
	 * the chip, whatever ctrl2 says: the next change of one of them
	 * writes Control_2, and a write that succeeds makes them known.
	 */
	u8 ctrl2_unknown;
	struct ins5s8563_timer countdown;
	struct ins5s8563_timer hw;
	enum ins5s8563_timer_owner owner;
	/* The alarm last set, in seconds; 0 when unknown. */
	time64_t alarm;
	/*
	 * The rtc core's update interrupts are on: they have the timer.
	 * Read from the core under its ops_lock (its ops, and the sysfs
	 * countdown, which takes it), where its timers are consistent: its
	 * own flag reads 0 while its work takes the update timer out of the
	 * queue and puts it back, which must not count as "off".
	 */
	bool uie;
	/*
	 * With the alarm in the timer: the second whose rollover the timer
	 * expires into next, 0 when unknown. A set_alarm for exactly that
	 * second (update interrupts, every second) needs no transfer.
	 */
	time64_t timer_next;
	/* The interrupt /INT drives, 0 when none. */
	int irq;
	/* The interrupt is edge-triggered: no line brings the handler back. */
	bool int_edge;
	/*
	 * Set at the start of teardown: from then on the interrupt reports
	 * nothing to an rtc device that is about to go.
	 */
	bool unbound;
	/* The invalid-time messages are printed once per time set. */
	bool vlf_reported;
	bool wday_reported;
#ifdef CONFIG_COMMON_CLK
	struct clk_hw clkout_hw;
#endif
	/* /INT resets the board: the timer is the watchdog's. */
	bool reset_source;
	/* The watchdog was counting when the system went to sleep. */
	bool wdt_suspended;
	/* Stopped for power-off or halt: nothing starts it again. */
	bool wdt_off;
	/*
	 * Where the chip's timer is not what decisions 12 to 14 chose (DT
	 * properties): it stops at 0 after an expiry; a count written while
	 * it runs reaches only the reload value; a start resumes the count
	 * held, and a count written while it is stopped reaches only the
	 * reload value.
	 */
	bool timer_one_shot;
	bool timer_write_reload_only;
	bool timer_start_resumes;
	struct watchdog_device wdd;
};

static bool ins5s8563_accessible_reg(struct device *dev, unsigned int reg)
{
	/* 0x10 and 0x11 are undocumented: never touch them. */
	return reg != 0x10 && reg != 0x11;
}

static bool ins5s8563_volatile_reg(struct device *dev, unsigned int reg)
{
	switch (reg) {
	case INS5S8563_REG_CTRL2:
	case INS5S8563_REG_SEC ... INS5S8563_REG_YEAR:
	case INS5S8563_REG_TIMER_LOW:
	case INS5S8563_REG_TIMER_HIGH:
	case INS5S8563_REG_TIMER_MID:
		return true;
	default:
		return false;
	}
}

VISIBLE_IF_KUNIT const struct regmap_config ins5s8563_regmap_config = {
	.reg_bits = 8,
	.val_bits = 8,
	.max_register = INS5S8563_REG_TIMER_MID,
	.readable_reg = ins5s8563_accessible_reg,
	.writeable_reg = ins5s8563_accessible_reg,
	.volatile_reg = ins5s8563_volatile_reg,
	.cache_type = REGCACHE_MAPLE,
};
EXPORT_SYMBOL_IF_KUNIT(ins5s8563_regmap_config);

/*
 * regmap updates its cache before the bus transfer, so a failed write would
 * leave a cached value the chip never got. Forget it instead: the next read
 * goes to the chip.
 */
static int ins5s8563_cached_write(struct ins5s8563 *ins, unsigned int reg,
				  const u8 *val, size_t len)
{
	int ret;

	ret = regmap_bulk_write(ins->regmap, reg, val, len);
	if (ret)
		regcache_drop_region(ins->regmap, reg, reg + len - 1);

	return ret;
}

/*
 * AF and TF can only be written to 0; writing 1 leaves them as they are. So
 * every write of Control_2 writes 1 to each flag it does not mean to clear,
 * and a flag that the chip sets meanwhile survives. This is the one place
 * that makes the value written to Control_2.
 */
static u8 ins5s8563_ctrl2_val(struct ins5s8563 *ins, u8 clear)
{
	lockdep_assert_held(&ins->lock);

	return (ins->ctrl2 | INS5S8563_CTRL2_FLAGS) & ~clear;
}

static int ins5s8563_write_ctrl2(struct ins5s8563 *ins, u8 clear)
{
	int ret;

	ret = regmap_write(ins->regmap, INS5S8563_REG_CTRL2,
			   ins5s8563_ctrl2_val(ins, clear));
	if (!ret)
		ins->ctrl2_unknown = 0;

	return ret;
}

/*
 * Changes enable bits of Control_2, and clears the flags in @clear. The
 * rtc core disables the alarm after every expiry and time set, mostly
 * when it is off already: then there is nothing to write, unless a failed
 * write left the chip's bit unknown.
 */
static int ins5s8563_update_ctrl2(struct ins5s8563 *ins, u8 mask, u8 val,
				  u8 clear)
{
	u8 old = ins->ctrl2;
	int ret;

	ins->ctrl2 = (old & ~mask) | (val & mask);
	if (ins->ctrl2 == old && !clear && !(ins->ctrl2_unknown & mask))
		return 0;

	ret = ins5s8563_write_ctrl2(ins, clear);
	if (ret) {
		/* It may have landed all the same (a lost ACK). */
		ins->ctrl2_unknown |= (old ^ ins->ctrl2) & mask;
		ins->ctrl2 = old;
	}

	return ret;
}

static void ins5s8563_report_vlf(struct ins5s8563 *ins)
{
	dev_warn(ins->dev, "power was lost: time is invalid until set\n");
	ins->vlf_reported = true;
}

/*
 * A power loss while the driver is bound puts the chip back at its
 * power-on values, whatever the cache remembers. (One found at probe is
 * older than the cache.) CLKOUT stays cached: it is what the clock
 * framework asked for, and setting the time restores it.
 */
static void ins5s8563_power_lost(struct ins5s8563 *ins)
{
	if (ins->vlf_reported)
		return;

	regcache_drop_region(ins->regmap, 0, INS5S8563_REG_CLKOUT - 1);
	regcache_drop_region(ins->regmap, INS5S8563_REG_CLKOUT + 1,
			     INS5S8563_REG_TIMER_MID);
	ins5s8563_report_vlf(ins);
}

/* Time registers, in address order: field mask and valid range. */
static const struct {
	u8 mask;
	u8 min;
	u8 max;
} ins5s8563_time_fields[INS5S8563_TIME_LEN] = {
	{ 0x7f, 0, 59 },	/* SEC (VLF masked) */
	{ 0x7f, 0, 59 },	/* MIN */
	{ 0x3f, 0, 23 },	/* HOUR */
	{ 0x3f, 1, 31 },	/* DAY */
	{ 0x07, 0, 7 },		/* WEEK, Sunday = 0 (or 7) */
	{ 0x1f, 1, 12 },	/* MONTH */
	{ 0xff, 0, 99 },	/* YEAR, 2000-2099 */
};

/* Decodes field @i of the time registers, or -EINVAL for garbage. */
static int ins5s8563_bcd_field(u8 reg, int i)
{
	u8 raw = reg & ins5s8563_time_fields[i].mask;
	int val = bcd2bin(raw);

	if ((raw & 0x0f) > 9 || (raw >> 4) > 9 ||
	    val < ins5s8563_time_fields[i].min ||
	    val > ins5s8563_time_fields[i].max)
		return -EINVAL;

	return val;
}

/* Sunday = 0, from the date alone (1970-01-01 was a Thursday). */
static int ins5s8563_weekday(struct rtc_time *tm)
{
	return (div_u64(rtc_tm_to_time64(tm), 86400) + 4) % 7;
}

static int ins5s8563_rtc_read_time(struct device *dev, struct rtc_time *tm)
{
	struct ins5s8563 *ins = dev_get_drvdata(dev);
	u8 regs[INS5S8563_TIME_LEN];
	int val[INS5S8563_TIME_LEN];
	int i, ret;

	/*
	 * A stopped oscillator holds a time that is frozen, not kept (the
	 * chip halted by a failed time write, or by a bootloader). Control_1
	 * is cached: the check costs no transfer.
	 */
	ret = regmap_test_bits(ins->regmap, INS5S8563_REG_CTRL1,
			       INS5S8563_CTRL1_STOP);
	if (ret)
		return ret < 0 ? ret : -EINVAL;

	ret = regmap_bulk_read(ins->regmap, INS5S8563_REG_SEC, regs,
			       sizeof(regs));
	if (ret)
		return ret;

	if (regs[0] & INS5S8563_SEC_VLF) {
		ins5s8563_power_lost(ins);
		return -EINVAL;
	}

	for (i = 0; i < INS5S8563_TIME_LEN; i++) {
		val[i] = ins5s8563_bcd_field(regs[i], i);
		if (val[i] < 0)
			return val[i];
	}

	tm->tm_sec = val[0];
	tm->tm_min = val[1];
	tm->tm_hour = val[2];
	tm->tm_mday = val[3];
	tm->tm_mon = val[5] - 1;
	tm->tm_year = val[6] + 100;
	if (tm->tm_mday > rtc_month_days(tm->tm_mon, tm->tm_year + 1900))
		return -EINVAL;
	tm->tm_wday = ins5s8563_weekday(tm);

	/*
	 * The chip has no century bit: after 2099-12-31 it counts on from
	 * 2000-01-01, and the weekday it counted on from the one the driver
	 * wrote no longer fits the date. Such a time is not the one that
	 * was set. (7, never written by the driver, is taken as Sunday.)
	 */
	if (val[4] % 7 != tm->tm_wday) {
		if (!ins->wday_reported)
			dev_warn(ins->dev,
				 "weekday does not match the date (wrapped past 2099?): time is invalid until set\n");
		ins->wday_reported = true;
		return -EINVAL;
	}

	return 0;
}

/*
 * The datasheet asks for every register to be initialised after a power
 * loss: alarm and timer off, interrupts off (Control_2 itself is written
 * with the time). CLKOUT gets back what the clock framework last asked for
 * (the power-on default may not be it), in the same burst.
 */
static int ins5s8563_init_after_power_loss(struct ins5s8563 *ins)
{
	u8 regs[] = {
		INS5S8563_ALM_AE, INS5S8563_ALM_AE,	/* 0x09, 0x0a */
		INS5S8563_ALM_AE, INS5S8563_ALM_AE,	/* 0x0b, 0x0c */
		0,					/* 0x0d CLKOUT */
		0,					/* 0x0e timer off */
	};
	unsigned int clkout;
	int ret;

	/*
	 * The clk ops change 0x0d under the same lock: a rate or gate set
	 * between this read and the write would otherwise be undone.
	 */
	mutex_lock(&ins->lock);
	ret = regmap_read(ins->regmap, INS5S8563_REG_CLKOUT, &clkout);
	/*
	 * A watchdog started since the power loss keeps running. One that
	 * ran before it lost its counter with the power: the next ping,
	 * which finds VLF gone with this time set, starts it whole.
	 */
	if (!ret && ins->owner == INS5S8563_TIMER_WATCHDOG) {
		regs[INS5S8563_REG_CLKOUT - INS5S8563_REG_ALM_MIN] = clkout;
		ret = ins5s8563_cached_write(ins, INS5S8563_REG_ALM_MIN, regs,
					     sizeof(regs) - 1);
		if (!ret)
			ins->ctrl2 &= INS5S8563_CTRL2_TI_TP |
				      INS5S8563_CTRL2_TIE;
		if (ins->hw.enabled)
			ins->hw.unknown = true;
		mutex_unlock(&ins->lock);
		return ret;
	}
	if (!ret) {
		regs[INS5S8563_REG_CLKOUT - INS5S8563_REG_ALM_MIN] = clkout;
		ret = ins5s8563_cached_write(ins, INS5S8563_REG_ALM_MIN, regs,
					     sizeof(regs));
	}
	if (!ret) {
		ins->ctrl2 = 0;
		ins->hw = (struct ins5s8563_timer){ };
		ins->countdown.td = 0;
		ins->countdown.pulse = false;
		ins->countdown.expired = false;
		ins->owner = INS5S8563_TIMER_FREE;
		ins->alarm = 0;
		ins->timer_next = 0;
	}
	mutex_unlock(&ins->lock);

	return ret;
}

static int ins5s8563_rtc_set_time(struct device *dev, struct rtc_time *tm)
{
	struct ins5s8563 *ins = dev_get_drvdata(dev);
	u8 regs[] = {
		INS5S8563_CTRL1_STOP,	/* 0x00, EXT_TEST = 0 */
		0,			/* 0x01 Control_2, below */
		bin2bcd(tm->tm_sec),	/* 0x02, VLF = 0 */
		bin2bcd(tm->tm_min),
		bin2bcd(tm->tm_hour),
		bin2bcd(tm->tm_mday),
		/* The rtc core passes tm_wday from userspace unchecked. */
		ins5s8563_weekday(tm),
		bin2bcd(tm->tm_mon + 1),
		bin2bcd(tm->tm_year - 100),
	};
	u8 clear = 0, run = 0;
	int ret, err, try;

	ret = regmap_test_bits(ins->regmap, INS5S8563_REG_SEC,
			       INS5S8563_SEC_VLF);
	if (ret < 0)
		return ret;
	if (ret) {
		ins5s8563_power_lost(ins);
		ret = ins5s8563_init_after_power_loss(ins);
		if (ret)
			return ret;
		clear = INS5S8563_CTRL2_FLAGS;
	}

	/*
	 * STOP holds the prescaler in reset while the time is written, so the
	 * first second after the write is a whole one. It is the first byte
	 * of the burst that writes the time; Control_2 between them is
	 * written as it is (or cleared after a power loss). Control_1 is
	 * written whole and unconditionally, so that a failed transfer can
	 * never leave a cached STOP that disagrees with the chip.
	 */
	mutex_lock(&ins->lock);
	regs[INS5S8563_REG_CTRL2] = ins5s8563_ctrl2_val(ins, clear);
	ret = regmap_bulk_write(ins->regmap, INS5S8563_REG_CTRL1, regs,
				sizeof(regs));
	/*
	 * An alarm in the timer counted seconds of the old time; the rtc
	 * core sets it again after a time set, and that set must reload it.
	 */
	ins->timer_next = 0;
	mutex_unlock(&ins->lock);

	/*
	 * Whatever failed, never leave the clock stopped: a second attempt
	 * rides out a transient bus error. Should both fail, the cache
	 * forgets Control_1, so that read_time asks the chip for STOP.
	 */
	for (try = 0; try < 2; try++) {
		err = ins5s8563_cached_write(ins, INS5S8563_REG_CTRL1, &run, 1);
		if (!err)
			break;
	}
	if (!ret && !err) {
		ins->vlf_reported = false;
		ins->wday_reported = false;
	}

	return ret ?: err;
}

/* ---- the countdown timer and its owner ---------------------------------- */

/*
 * Brings the chip's timer to @new; only ins5s8563_timer_switch() calls it.
 * The counter is only ever loaded with TE=0, so the chip never counts from
 * a half-written value, and starting always loads it, so counting begins
 * at the full reload value. TF is cleared when the timer starts, and with
 * TIE where @clear says so. On an error, *@started says that the start
 * reached the chip (the timer runs @new).
 *
 * A chip whose start resumes the count it held, and which takes a count
 * written with TE=0 only as its reload value (dapu,timer-start-resumes),
 * is given the count again once it runs: written with TE=1, it is the
 * live count (decision 13). Until then it counts what its last use left,
 * so it starts with TIE off (a pulse may be the board's reset), and TF,
 * which that count may have set, is cleared after.
 */
static int ins5s8563_timer_apply(struct ins5s8563 *ins,
				 const struct ins5s8563_timer *new, u8 clear,
				 bool *started)
{
	struct ins5s8563_timer *cur = &ins->hw;
	bool load = (new->enabled && !cur->enabled) || cur->unknown ||
		    new->ticks != cur->ticks || new->td != cur->td;
	bool start = new->enabled && load;
	bool stop = cur->enabled && (load || !new->enabled);
	u8 ctrl = FIELD_PREP(INS5S8563_TIMER_TD, new->td);
	u8 low[2] = { ctrl, new->ticks & 0xff };
	u8 high[2] = { new->ticks >> 16, new->ticks >> 8 };
	u8 enables = (new->pulse ? INS5S8563_CTRL2_TI_TP : 0) |
		     (new->tie ? INS5S8563_CTRL2_TIE : 0);
	u8 mask = INS5S8563_CTRL2_TI_TP | INS5S8563_CTRL2_TIE;
	bool quiet = start && ins->timer_start_resumes;
	bool starting = false;
	unsigned int te;
	int ret;

	lockdep_assert_held(&ins->lock);
	*started = false;

	/*
	 * A timer that goes off /INT does so first: a failure in what
	 * follows then leaves it stopped without TIE, as a free timer is (no
	 * caller frees a timer that has no owner again). Nothing goes onto
	 * /INT before the count running now is stopped: where /INT is the
	 * board's reset, a count this driver did not start (a fast countdown
	 * left by an earlier kernel) must not pulse it.
	 */
	if (((ins->ctrl2 | ins->ctrl2_unknown) & INS5S8563_CTRL2_TIE) &&
	    (!new->tie || quiet)) {
		ret = ins5s8563_update_ctrl2(ins, INS5S8563_CTRL2_TIE, 0, clear);
		if (ret)
			goto err;
	}

	/* 0x0e and 0x0f in one burst: stopped, new source, low byte. */
	if (stop || load) {
		ret = ins5s8563_cached_write(ins, INS5S8563_REG_TIMER_CTRL, low,
					     load ? 2 : 1);
		if (ret)
			goto err;
		/* From here on a failure leaves the timer stopped. */
		cur->enabled = false;
	}
	if (load) {
		ret = regmap_bulk_write(ins->regmap, INS5S8563_REG_TIMER_HIGH,
					high, sizeof(high));
		if (ret)
			goto err;
	}

	if (!quiet && ((ins->ctrl2 & mask) != enables ||
		       (ins->ctrl2_unknown & mask) || start)) {
		ret = ins5s8563_update_ctrl2(ins, mask, enables,
					     start ? INS5S8563_CTRL2_TF : 0);
		if (ret)
			goto err;
	}

	if (start) {
		ctrl |= INS5S8563_TIMER_TE;
		starting = true;
		low[0] = ctrl;
		/* Started, then the low byte and the upper ones, live. */
		ret = ins5s8563_cached_write(ins, INS5S8563_REG_TIMER_CTRL,
					     low, quiet ? 2 : 1);
		if (!ret && quiet)
			ret = regmap_bulk_write(ins->regmap,
						INS5S8563_REG_TIMER_HIGH, high,
						sizeof(high)) ?:
			      ins5s8563_update_ctrl2(ins, mask, enables,
						     INS5S8563_CTRL2_TF);
		if (ret)
			goto err;
	}

	*cur = *new;

	return 0;

err:
	/*
	 * A start on a chip that resumes (see above) whose count or TIE did
	 * not follow runs a stale count: stop it, for the error to mean
	 * that it does not run. The write of Control_2 that failed may have
	 * put TIE on all the same: unknown, for the next change to write it
	 * (ctrl2, restored, says off). Should the stop fail too, it may run
	 * so, which is not the start asked for: unknown, so that the next
	 * change takes it off /INT, then stops, loads and starts it whole.
	 */
	if (quiet && starting) {
		ins->ctrl2_unknown |= INS5S8563_CTRL2_TIE;
		ctrl &= ~INS5S8563_TIMER_TE;
		if (!ins5s8563_cached_write(ins, INS5S8563_REG_TIMER_CTRL,
					    &ctrl, 1)) {
			cur->enabled = false;
			return ret;
		}
		cur->enabled = true;
		cur->unknown = true;
		cur->tie = false;
		return ret;
	}

	/*
	 * A transfer that failed may still have reached the chip: ask it
	 * whether the timer runs. When the chip does not answer either, a
	 * timer that ran, or was being started, may run now, from a count
	 * nobody knows: the next change stops, loads and starts it whole
	 * (a stop that was taken as done would leave it running).
	 */
	if (!regmap_read(ins->regmap, INS5S8563_REG_TIMER_CTRL, &te)) {
		cur->enabled = te & INS5S8563_TIMER_TE;
		if (starting && cur->enabled) {
			*cur = *new;
			*started = true;
		}
	} else if (cur->enabled || starting) {
		cur->enabled = true;
		cur->unknown = true;
	}

	return ret;
}

/* The live counter, read so that a borrow between the bytes never shows. */
static int ins5s8563_timer_remaining(struct ins5s8563 *ins, u32 *count)
{
	u8 high[2], again[2];
	unsigned int low;
	int ret, try;

	for (try = 0; try < 5; try++) {
		ret = regmap_bulk_read(ins->regmap, INS5S8563_REG_TIMER_HIGH,
				       high, sizeof(high));
		if (!ret)
			ret = regmap_read(ins->regmap, INS5S8563_REG_TIMER_LOW,
					  &low);
		if (!ret)
			ret = regmap_bulk_read(ins->regmap,
					       INS5S8563_REG_TIMER_HIGH,
					       again, sizeof(again));
		if (ret)
			return ret;

		if (!memcmp(high, again, sizeof(high))) {
			*count = high[0] << 16 | high[1] << 8 | low;
			return 0;
		}
	}

	return -EBUSY;
}

/*
 * Rounded up to its minute in 0x09-0x0c, AIE as @enable: the place an
 * alarm goes when the timer cannot take it. The old alarm must not fire
 * while the new one is written.
 */
static int ins5s8563_alarm_to_minutes(struct ins5s8563 *ins, bool enable)
{
	time64_t alarm = DIV_ROUND_UP_ULL(ins->alarm, 60) * 60;
	u8 regs[INS5S8563_ALM_LEN];
	struct rtc_time tm;
	int ret;

	rtc_time64_to_tm(alarm, &tm);
	regs[0] = bin2bcd(tm.tm_min);
	regs[1] = bin2bcd(tm.tm_hour);
	regs[2] = bin2bcd(tm.tm_mday);
	regs[3] = INS5S8563_ALM_AE;

	ret = ins5s8563_update_ctrl2(ins, INS5S8563_CTRL2_AIE, 0,
				     INS5S8563_CTRL2_AF);
	if (!ret)
		ret = ins5s8563_cached_write(ins, INS5S8563_REG_ALM_MIN, regs,
					     sizeof(regs));
	if (!ret && enable)
		ret = ins5s8563_update_ctrl2(ins, INS5S8563_CTRL2_AIE,
					     INS5S8563_CTRL2_AIE, 0);

	return ret;
}

/* The chip's time in seconds, and its seconds register as read. */
static int ins5s8563_now(struct ins5s8563 *ins, time64_t *now, u8 *sec)
{
	struct rtc_time tm;
	int ret;

	ret = ins5s8563_rtc_read_time(ins->dev, &tm);
	if (ret)
		return ret;

	*now = rtc_tm_to_time64(&tm);
	if (sec)
		*sec = bin2bcd(tm.tm_sec);

	return 0;
}

/*
 * The alarm leaves the timer for the minute registers, before the
 * countdown takes the timer. An alarm whose second has come may have set
 * TF already, which the countdown's start clears before the interrupt
 * thread sees it: such an alarm is not moved (its minute has begun, and
 * would match a month later) but reported, in *@due.
 */
static int ins5s8563_alarm_leave_timer(struct ins5s8563 *ins, bool *due)
{
	time64_t now;
	int ret;

	ret = ins5s8563_now(ins, &now, NULL);
	if (ret)
		return ret;

	*due = ins->alarm <= now;
	if (*due)
		return 0;

	return ins5s8563_alarm_to_minutes(ins, true);
}

/*
 * After the countdown took the timer from the alarm: a second of the alarm
 * that came while it moved (its TF cleared by the start) is reported now,
 * and its copy in the minute registers goes. The rtc core takes a report
 * as "look at your timers": a second one for the same alarm, should the
 * minute registers or the handler report it too, delivers nothing twice.
 */
static void ins5s8563_alarm_left_timer(struct ins5s8563 *ins, bool due)
{
	time64_t now;
	int ret = 0;

	if (!due) {
		ret = ins5s8563_now(ins, &now, NULL);
		due = !ret && ins->alarm <= now;
	}
	/* Not knowing, the rtc core looks: it finds the alarm not yet due. */
	if (due || ret)
		rtc_update_irq(ins->rtc, 1, RTC_AF | RTC_IRQF);
	if (due)
		ins5s8563_update_ctrl2(ins, INS5S8563_CTRL2_AIE, 0,
				       INS5S8563_CTRL2_AF);
}

/*
 * The timer's alarm and the minute registers' are never armed together: a
 * second wake, up to a minute later. Wherever the timer may hold the
 * alarm, AIE goes.
 */
static int ins5s8563_alarm_minutes_off(struct ins5s8563 *ins)
{
	if (ins->owner != INS5S8563_TIMER_ALARM ||
	    !(ins->ctrl2 & INS5S8563_CTRL2_AIE))
		return 0;

	return ins5s8563_update_ctrl2(ins, INS5S8563_CTRL2_AIE, 0,
				      INS5S8563_CTRL2_AF);
}

static int ins5s8563_timer_free(struct ins5s8563 *ins);

/*
 * The one place that decides who owns the countdown timer and brings the
 * chip there; every change of owner, and every change of 0x0e, 0x0f,
 * 0x12, 0x13, TIE and TI_TP, goes through it, save the owner's own
 * writes of the count (the watchdog's ping, and the handler's re-arm of
 * a one-shot timer, ins5s8563_timer_rearm(), which with
 * dapu,timer-start-resumes writes the running count) and those that
 * bring the chip to a known state where no owner is yet or none is
 * left: probe's (timer_init, wdt_register), a power loss's and the
 * driver's going (timer_release, the handler once unbound); the time set
 * writes TIE and TI_TP as they are. @hw is what the new owner wants of
 * the timer.
 *
 * - The user's countdown has priority over the alarm: the alarm moves to
 *   the minute registers (rounded up) when the countdown takes the timer,
 *   or reaches the rtc core at once if its second has come. Update
 *   interrupts last about a second (hwclock) and need the timer: while
 *   they are on, the countdown is refused with -EBUSY; while the
 *   countdown runs, they are refused (see set_alarm).
 * - The alarm takes the timer unless the countdown holds it (-EBUSY); the
 *   minute registers are then switched off, once the timer runs.
 * - Free: the timer is stopped, with the user's settings loaded.
 *
 * - The watchdog (reset-source) holds it for the driver's lifetime; /INT
 *   is the reset line, so nothing else asks for it then.
 *
 * The countdown drives /INT only with an interrupt (nothing else would
 * clear TF); the alarm always does, to wake the system as AF would; the
 * watchdog in pulse mode, since TF stays set across the reset it causes
 * and a level /INT would hold the board in reset.
 *
 * Whatever fails, the owner is who the chip's timer works for, and the
 * timer's alarm and the minute registers' are never both armed.
 */
static int ins5s8563_timer_switch(struct ins5s8563 *ins,
				  enum ins5s8563_timer_owner owner,
				  struct ins5s8563_timer *hw)
{
	enum ins5s8563_timer_owner old = ins->owner;
	bool due = false, started;
	unsigned int ctrl2;
	u8 clear = 0;
	int ret;

	lockdep_assert_held(&ins->lock);

	/* The watchdog keeps the timer as long as the driver is bound. */
	if (old == INS5S8563_TIMER_WATCHDOG && owner != old)
		return -EBUSY;

	switch (owner) {
	case INS5S8563_TIMER_WATCHDOG:
		hw->td = INS5S8563_TD_1HZ;
		hw->pulse = true;
		hw->tie = true;
		break;
	case INS5S8563_TIMER_COUNTDOWN:
		if (ins->uie)
			return -EBUSY;
		if (old == INS5S8563_TIMER_ALARM) {
			ret = ins5s8563_alarm_leave_timer(ins, &due);
			if (ret)
				return ret;
			/*
			 * The alarm's count is not the countdown's, also
			 * where their settings agree: start it anew.
			 */
			ins->hw.ticks = 0;
		}
		hw->enabled = true;
		hw->tie = ins->irq > 0;
		break;
	case INS5S8563_TIMER_ALARM:
		if (old == INS5S8563_TIMER_COUNTDOWN)
			return -EBUSY;
		/*
		 * Starting clears TF. Without an interrupt, TF is all that
		 * records a countdown expiry not yet acknowledged: keep it.
		 */
		if (old != INS5S8563_TIMER_ALARM && ins->irq <= 0) {
			ret = regmap_read(ins->regmap, INS5S8563_REG_CTRL2,
					  &ctrl2);
			if (ret)
				return ret;
			if (ctrl2 & INS5S8563_CTRL2_TF)
				ins->countdown.expired = true;
		}
		hw->enabled = true;
		hw->pulse = false;
		hw->tie = true;
		break;
	case INS5S8563_TIMER_FREE:
		hw->enabled = false;
		hw->tie = false;
		/*
		 * Without an interrupt, a TF the alarm left (it fired while
		 * the system was awake) is no countdown expiry: it goes with
		 * TIE.
		 */
		if (old == INS5S8563_TIMER_ALARM && ins->irq <= 0)
			clear = INS5S8563_CTRL2_TF;
		break;
	}

	ret = ins5s8563_timer_apply(ins, hw, clear, &started);
	if (ret) {
		/*
		 * What the chip has decides: a stopped timer has no owner, a
		 * start that reached it the new one; a stop that did not, the
		 * old one still.
		 */
		if (started)
			ins->owner = owner;
		else if (!ins->hw.enabled)
			ins->owner = INS5S8563_TIMER_FREE;
		ins->timer_next = 0;
		ins5s8563_alarm_minutes_off(ins);
		/*
		 * An alarm found due is reported all the same; its TF, left
		 * where no start cleared it, is no countdown expiry. The
		 * clear is not checked: the switch fails with its own error
		 * already, and a clear that fails too leaves TF to read as
		 * one countdown expiry that never was (a false expiry, never
		 * a lost one), which the user acknowledges.
		 */
		if (due) {
			if (!started)
				ins5s8563_write_ctrl2(ins, INS5S8563_CTRL2_TF);
			rtc_update_irq(ins->rtc, 1, RTC_AF | RTC_IRQF);
		}
		return ret;
	}
	ins->owner = owner;
	if (owner != INS5S8563_TIMER_ALARM)
		ins->timer_next = 0;
	if (old == INS5S8563_TIMER_ALARM && owner == INS5S8563_TIMER_COUNTDOWN)
		ins5s8563_alarm_left_timer(ins, due);

	/*
	 * The alarm leaves the minute registers, if it was there. Should
	 * that fail, the timer gives it back to them: the rtc core, which
	 * hears of the error, keeps what they hold.
	 */
	ret = ins5s8563_alarm_minutes_off(ins);
	if (ret)
		ins5s8563_timer_free(ins);

	return ret;
}

/* Frees the timer from the alarm: stopped, the user's settings loaded. */
static int ins5s8563_timer_free(struct ins5s8563 *ins)
{
	struct ins5s8563_timer hw = ins->countdown;

	return ins5s8563_timer_switch(ins, INS5S8563_TIMER_FREE, &hw);
}

/*
 * The alarm in the timer. Within the 1 Hz counter's range (16777215 s,
 * 194 days) it is T - now ticks of the 1 Hz source, which expire on the
 * rollover into second T (the 1 Hz source is the calendar's, NOTES.md
 * decision 9). Beyond it, the timer counts minute rollovers at 1/60 Hz
 * (16777215 of them, 31.9 years) up to the last one at or before T: there
 * the rtc core finds the alarm not yet due and sets it again, then within
 * the 1 Hz range. A rollover between reading the time and starting the
 * timer would make it a second (a minute) late, so the seconds are read
 * again afterwards and the timer reloaded if they moved. -ETIME when T
 * has come, -ERANGE when it is beyond the counter.
 */
static int ins5s8563_alarm_to_timer(struct ins5s8563 *ins)
{
	struct ins5s8563_timer hw = { };
	unsigned int sec;
	time64_t now;
	int ret, try;
	u8 was;

	/* Whatever fails, the second timer_next names is not loaded. */
	ins->timer_next = 0;
	for (try = 0; try < 3; try++) {
		ret = ins5s8563_now(ins, &now, &was);
		if (ret)
			return ret;
		if (ins->alarm <= now)
			return -ETIME;
		if (ins->alarm - now <= INS5S8563_TIMER_MAX) {
			hw.td = INS5S8563_TD_1HZ;
			hw.ticks = ins->alarm - now;
		} else if (div_s64(ins->alarm, 60) - div_s64(now, 60) <=
			   INS5S8563_TIMER_MAX) {
			hw.td = INS5S8563_TD_1_60HZ;
			hw.ticks = div_s64(ins->alarm, 60) - div_s64(now, 60);
		} else {
			return -ERANGE;
		}

		/*
		 * The count an earlier alarm left says nothing of this one,
		 * also if the numbers agree: load it again.
		 */
		ins->hw.ticks = 0;
		ret = ins5s8563_timer_switch(ins, INS5S8563_TIMER_ALARM, &hw);
		if (ret)
			return ret;

		ret = regmap_read(ins->regmap, INS5S8563_REG_SEC, &sec);
		if (ret)
			return ret;
		if ((sec & ~INS5S8563_SEC_VLF) == was) {
			if (hw.td == INS5S8563_TD_1HZ)
				ins->timer_next = ins->alarm;
			return 0;
		}
	}

	return -EAGAIN;
}

/*
 * When the alarm in the timer expires: the time and the live counter, read
 * within one second (the counter steps on the rollover, decision 9). At
 * 1/60 Hz, the minute rollover it expires at.
 */
static int ins5s8563_timer_expiry(struct ins5s8563 *ins, time64_t *expiry)
{
	unsigned int sec;
	time64_t now;
	u32 count;
	int ret, try;
	u8 was;

	for (try = 0; try < 3; try++) {
		ret = ins5s8563_now(ins, &now, &was) ?:
		      ins5s8563_timer_remaining(ins, &count) ?:
		      regmap_read(ins->regmap, INS5S8563_REG_SEC, &sec);
		if (ret)
			return ret;
		if ((sec & ~INS5S8563_SEC_VLF) != was)
			continue;
		if (ins->hw.td == INS5S8563_TD_1_60HZ)
			*expiry = (div_s64(now, 60) + count) * 60;
		else
			*expiry = now + count;
		return 0;
	}

	return -EAGAIN;
}

/* An alarm register: -1 when AE says the field takes no part. */
static int ins5s8563_alarm_field(u8 reg, int i, int *field)
{
	int val;

	if (reg & INS5S8563_ALM_AE) {
		*field = -1;
		return 0;
	}

	val = ins5s8563_bcd_field(reg, i);
	if (val < 0)
		return val;

	*field = val;
	return 0;
}

/* The alarm the chip holds: in the timer, to the second, or by minute. */
static int ins5s8563_rtc_read_alarm(struct device *dev,
				    struct rtc_wkalrm *alrm)
{
	struct ins5s8563 *ins = dev_get_drvdata(dev);
	u8 regs[INS5S8563_ALM_LEN];
	unsigned int ctrl2;
	time64_t expiry;
	int ret;

	mutex_lock(&ins->lock);
	if (ins->owner == INS5S8563_TIMER_ALARM) {
		ret = ins5s8563_timer_expiry(ins, &expiry) ?:
		      regmap_read(ins->regmap, INS5S8563_REG_CTRL2, &ctrl2);
		/* The 1/60 Hz stage holds the minute; the driver the second. */
		if (!ret && ins->hw.td == INS5S8563_TD_1_60HZ &&
		    div_s64(ins->alarm, 60) * 60 == expiry)
			expiry = ins->alarm;
		if (!ret) {
			ins->alarm = expiry;
			rtc_time64_to_tm(expiry, &alrm->time);
			alrm->enabled = 1;
			alrm->pending = !!(ctrl2 & INS5S8563_CTRL2_TF);
		}
		mutex_unlock(&ins->lock);
		return ret;
	}
	mutex_unlock(&ins->lock);

	/* The alarm registers come from the cache: one transfer in all. */
	ret = regmap_bulk_read(ins->regmap, INS5S8563_REG_ALM_MIN, regs,
			       sizeof(regs));
	if (ret)
		return ret;

	ret = regmap_read(ins->regmap, INS5S8563_REG_CTRL2, &ctrl2);
	if (ret)
		return ret;

	/* The weekday alarm (regs[3]) is never used. */
	alrm->time.tm_sec = 0;
	ret = ins5s8563_alarm_field(regs[0], 1, &alrm->time.tm_min) ?:
	      ins5s8563_alarm_field(regs[1], 2, &alrm->time.tm_hour) ?:
	      ins5s8563_alarm_field(regs[2], 3, &alrm->time.tm_mday);
	if (ret)
		return ret;

	alrm->enabled = !!(ctrl2 & INS5S8563_CTRL2_AIE);
	alrm->pending = !!(ctrl2 & INS5S8563_CTRL2_AF);

	return 0;
}

/*
 * An alarm goes to the timer and fires at its second (beyond 194 days in
 * two stages, see ins5s8563_alarm_to_timer()). While the user's countdown
 * has the timer, or beyond 31.9 years, the minute registers take it,
 * rounded up: the chip matches minutes, and a minute that has begun would
 * match a month later. They match minute, hour and day of month: an alarm
 * more than a month ahead matches early, every month until its own, and
 * the rtc core then finds it not yet due and sets it again.
 */
static int ins5s8563_rtc_set_alarm(struct device *dev, struct rtc_wkalrm *alrm)
{
	struct ins5s8563 *ins = dev_get_drvdata(dev);
	time64_t alarm = rtc_tm_to_time64(&alrm->time);
	int ret = -ERANGE;

	mutex_lock(&ins->lock);
	ins->uie = ins->rtc->uie_rtctimer.enabled;
	/* Update interrupts: the timer expires into this second by itself. */
	if (alrm->enabled && ins->owner == INS5S8563_TIMER_ALARM &&
	    ins->timer_next == alarm) {
		ret = 0;
		goto out;
	}

	/*
	 * Update interrupts need the timer, which the countdown holds:
	 * RTC_UIE_ON fails, and the alarm pending stays as it is. With
	 * -EINVAL, as where there are none, hwclock falls back to its busy
	 * wait (it gives up on any other error).
	 */
	if (alrm->enabled && ins->owner == INS5S8563_TIMER_COUNTDOWN &&
	    ins->uie) {
		/* The rtc core drops them on this error: they are off. */
		ins->uie = false;
		ret = -EINVAL;
		goto out;
	}

	ins->alarm = alarm;
	if (alrm->enabled && ins->owner != INS5S8563_TIMER_COUNTDOWN)
		ret = ins5s8563_alarm_to_timer(ins);
	if (ret != -ERANGE)
		goto out;

	ret = 0;
	if (ins->owner == INS5S8563_TIMER_ALARM)
		ret = ins5s8563_timer_free(ins);
	if (!ret)
		ret = ins5s8563_alarm_to_minutes(ins, alrm->enabled);
out:
	mutex_unlock(&ins->lock);

	return ret;
}

static int ins5s8563_rtc_alarm_irq_enable(struct device *dev,
					  unsigned int enabled)
{
	struct ins5s8563 *ins = dev_get_drvdata(dev);
	int ret = 0;

	mutex_lock(&ins->lock);
	ins->uie = ins->rtc->uie_rtctimer.enabled;
	/*
	 * The rtc core disables the alarm when the alarm timer goes, also
	 * while update interrupts still need the timer.
	 */
	if (ins->owner == INS5S8563_TIMER_ALARM && !enabled && !ins->uie)
		ret = ins5s8563_timer_free(ins);
	/* The minute registers: their alarm, or one a failure left armed. */
	if (!ret && (ins->owner != INS5S8563_TIMER_ALARM || !enabled))
		ret = ins5s8563_update_ctrl2(ins, INS5S8563_CTRL2_AIE,
					     enabled ? INS5S8563_CTRL2_AIE : 0,
					     0);
	mutex_unlock(&ins->lock);

	return ret;
}

static int ins5s8563_rtc_ioctl(struct device *dev, unsigned int cmd,
			       unsigned long arg)
{
	struct ins5s8563 *ins = dev_get_drvdata(dev);
	int ret;

	switch (cmd) {
	case RTC_VL_READ:
		ret = regmap_test_bits(ins->regmap, INS5S8563_REG_SEC,
				       INS5S8563_SEC_VLF);
		if (ret < 0)
			return ret;

		return put_user(ret ? RTC_VL_DATA_INVALID : 0,
				(unsigned int __user *)arg);
	default:
		/*
		 * RTC_VL_CLR included: VLF says the time is invalid, and only
		 * setting the time makes it valid again.
		 */
		return -ENOIOCTLCMD;
	}
}

static const struct rtc_class_ops ins5s8563_rtc_ops = {
	.read_time = ins5s8563_rtc_read_time,
	.set_time = ins5s8563_rtc_set_time,
	.read_alarm = ins5s8563_rtc_read_alarm,
	.set_alarm = ins5s8563_rtc_set_alarm,
	.alarm_irq_enable = ins5s8563_rtc_alarm_irq_enable,
	.ioctl = ins5s8563_rtc_ioctl,
};

/*
 * A one-shot timer (dapu,timer-one-shot) rests at 0 after an expiry, TE
 * still 1, and counts the next period as one that reloads itself would
 * once it has its count again, loaded as every other load on that chip
 * is. It is loaded stopped, as ins5s8563_timer_apply() loads, and
 * started: written live, a count reaches only the reload value on a chip
 * with dapu,timer-write-reload-only, and on one that loads the AND of the
 * old byte and the new when the write meets an edge (a PCF8563, decision
 * 13; no property tells it) it loads 0, which never expires. The edges of
 * the stop's few transfers are lost, a period that late.
 *
 * A chip with dapu,timer-start-resumes takes a count written stopped only
 * as its reload value, and a start resumes the 0 it holds: the count is
 * written live (decision 13), as ins5s8563_timer_apply() starts it there.
 * One of up to 255 ticks in its low byte (the upper bytes are 0 already).
 * A longer one is not written low byte first, which could expire before
 * the upper bytes, nor upper bytes first, which an edge before the low
 * byte would borrow from (a period 256 ticks early at 4096 or 64 Hz): the
 * low byte is made 0xff first, which no edge of the next two transfers
 * takes to 0, then the upper bytes, then the low byte.
 *
 * A re-arm that fails leaves the timer at 0 or stopped: its state is
 * unknown, and the next change stops, loads and starts it whole.
 */
static int ins5s8563_timer_rearm(struct ins5s8563 *ins)
{
	u32 ticks = ins->hw.ticks;
	u8 ctrl = FIELD_PREP(INS5S8563_TIMER_TD, ins->hw.td);
	u8 low[2] = { ctrl, ticks & 0xff };
	u8 high[2] = { ticks >> 16, ticks >> 8 };
	int ret;

	if (ins->timer_start_resumes && ticks <= 0xff) {
		ret = regmap_write(ins->regmap, INS5S8563_REG_TIMER_LOW, low[1]);
	} else if (ins->timer_start_resumes) {
		ret = regmap_write(ins->regmap, INS5S8563_REG_TIMER_LOW, 0xff) ?:
		      regmap_bulk_write(ins->regmap, INS5S8563_REG_TIMER_HIGH,
					high, sizeof(high)) ?:
		      regmap_write(ins->regmap, INS5S8563_REG_TIMER_LOW, low[1]);
	} else {
		ctrl |= INS5S8563_TIMER_TE;
		ret = ins5s8563_cached_write(ins, INS5S8563_REG_TIMER_CTRL, low,
					     sizeof(low)) ?:
		      regmap_bulk_write(ins->regmap, INS5S8563_REG_TIMER_HIGH,
					high, sizeof(high)) ?:
		      ins5s8563_cached_write(ins, INS5S8563_REG_TIMER_CTRL,
					     &ctrl, 1);
	}
	if (ret)
		ins->hw.unknown = true;

	return ret;
}

VISIBLE_IF_KUNIT irqreturn_t ins5s8563_handle_irq(int irq, void *dev_id)
{
	struct ins5s8563 *ins = dev_id;
	unsigned int ctrl2, flags, seen = 0;
	bool report, alarm = false, countdown = false;
	int ret, loop;

	mutex_lock(&ins->lock);
	/*
	 * A flag set while the handler runs keeps /INT low. A level-triggered
	 * line then brings the handler back; on an edge-triggered one the
	 * flag would never interrupt again, so look once more after clearing
	 * (a few rounds at most: a fast timer sets TF faster than the bus
	 * clears it).
	 */
	for (loop = 0; loop < (ins->int_edge ? 4 : 1); loop++) {
		ret = regmap_read(ins->regmap, INS5S8563_REG_CTRL2, &ctrl2);
		if (ret)
			break;

		/* A flag drives /INT when its enable bit (2 lower) is set. */
		flags = ctrl2 & INS5S8563_CTRL2_FLAGS &
			((ctrl2 & INS5S8563_CTRL2_ENABLES) << 2);
		if (!flags)
			break;

		/*
		 * The rtc device is going: take the flags off /INT and leave
		 * them set, for the next probe to find.
		 */
		if (ins->unbound) {
			ret = ins5s8563_update_ctrl2(ins, flags >> 2, 0, 0);
			if (!ret)
				seen |= flags;
			break;
		}

		/*
		 * A write that failed may still have reached the chip: a flag
		 * it cleared released /INT, and nothing would bring the
		 * handler back for it. What the chip no longer shows is
		 * handled.
		 */
		ret = ins5s8563_write_ctrl2(ins, flags);
		if (ret && !regmap_read(ins->regmap, INS5S8563_REG_CTRL2,
					&ctrl2)) {
			flags &= ~ctrl2;
			if (flags)
				ret = 0;
		}
		if (ret)
			break;

		alarm |= flags & INS5S8563_CTRL2_AF;
		if ((flags & INS5S8563_CTRL2_TF) &&
		    ins->owner == INS5S8563_TIMER_ALARM) {
			/* The timer reloads: its next expiry is ticks later. */
			alarm = true;
			if (ins->timer_next)
				ins->timer_next += ins->hw.ticks;
		} else if (flags & INS5S8563_CTRL2_TF) {
			ins->countdown.expired = true;
			countdown = true;
		}
		seen |= flags;

		/* The watchdog's one expiry is the reset: nothing follows. */
		if ((flags & INS5S8563_CTRL2_TF) && ins->timer_one_shot &&
		    ins->owner != INS5S8563_TIMER_WATCHDOG && ins->hw.enabled &&
		    !ins->hw.unknown && ins->hw.ticks &&
		    ins5s8563_timer_rearm(ins)) {
			ins->timer_next = 0;
			dev_err_ratelimited(ins->dev,
					    "timer not restarted after its expiry\n");
		}
	}
	report = !ins->unbound;
	mutex_unlock(&ins->lock);

	if (report && alarm)
		rtc_update_irq(ins->rtc, 1, RTC_AF | RTC_IRQF);
	if (report && countdown)
		sysfs_notify(&ins->rtc->dev.kobj, "countdown", "expired");

	if (ret)
		dev_err_ratelimited(ins->dev, "interrupt not handled: %d\n", ret);

	/*
	 * Not claimed when the bus failed before any flag was handled: on a
	 * level line that stays low the oneshot thread would otherwise run
	 * again at once, forever, out of reach of the core's detection of
	 * an interrupt nobody handles.
	 */
	return seen ? IRQ_HANDLED : IRQ_NONE;
}
EXPORT_SYMBOL_IF_KUNIT(ins5s8563_handle_irq);

/*
 * The rtc device goes before the interrupt is freed: from here on the
 * handler must not report to it (nor notify its countdown group).
 */
static void ins5s8563_irq_release(void *data)
{
	struct ins5s8563 *ins = data;

	mutex_lock(&ins->lock);
	ins->unbound = true;
	mutex_unlock(&ins->lock);
	/* A handler past its check reports before this returns. */
	synchronize_irq(ins->irq);
}

static void ins5s8563_wakeup_release(void *data)
{
	struct device *dev = data;

	dev_pm_clear_wake_irq(dev);
	device_init_wakeup(dev, false);
}

/*
 * The alarm is advertised only where it can be delivered: through the
 * interrupt, or by waking the system through a line firmware knows about.
 */
static int ins5s8563_setup_irq(struct ins5s8563 *ins, int irq)
{
	struct device *dev = ins->dev;
	bool wakeup_source = device_property_read_bool(dev, "wakeup-source");
	unsigned long trigger;
	int ret;

	if (irq > 0) {
		trigger = irq_get_trigger_type(irq) ?: IRQF_TRIGGER_LOW;
		ins->int_edge = trigger & (IRQF_TRIGGER_RISING |
					   IRQF_TRIGGER_FALLING);
		ret = devm_request_threaded_irq(dev, irq, NULL,
						ins5s8563_handle_irq,
						trigger | IRQF_ONESHOT |
						IRQF_SHARED,
						dev_name(dev), ins);
		if (ret) {
			dev_warn(dev, "no alarm interrupt: irq %d: %d\n", irq,
				 ret);
			irq = 0;
		}
	}

	if (irq > 0) {
		ins->irq = irq;
		/*
		 * A flag that set before the interrupt was requested raised
		 * no edge this handler saw, and an edge-triggered /INT would
		 * stay low for good: handle what is pending now.
		 */
		ins5s8563_handle_irq(irq, ins);
	}

	/* Update interrupts come from the timer, through the interrupt. */
	if (irq <= 0)
		clear_bit(RTC_FEATURE_UPDATE_INTERRUPT, ins->rtc->features);

	if (irq <= 0 && !wakeup_source) {
		clear_bit(RTC_FEATURE_ALARM, ins->rtc->features);
		return 0;
	}

	if (irq <= 0)
		set_bit(RTC_FEATURE_ALARM_WAKEUP_ONLY, ins->rtc->features);

	device_init_wakeup(dev, true);
	if (irq > 0) {
		ret = dev_pm_set_wake_irq(dev, irq);
		if (ret)
			dev_warn(dev, "cannot wake through irq %d: %d\n", irq,
				 ret);
	}

	return devm_add_action_or_reset(dev, ins5s8563_wakeup_release, dev);
}

/* ---- countdown timer ------------------------------------------------- */

/* Source clocks as sysfs spells them, indexed by TD[1:0]. */
static const char * const ins5s8563_timer_clocks[] = { "4096", "64", "1", "1/60" };

static struct ins5s8563 *ins5s8563_from_rtc_dev(struct device *dev)
{
	return dev_get_drvdata(dev->parent);
}

enum ins5s8563_timer_field {
	INS5S8563_TIMER_SET_TD,
	INS5S8563_TIMER_SET_TICKS,
	INS5S8563_TIMER_SET_ENABLED,
	INS5S8563_TIMER_SET_PULSE,
};

/*
 * The user's countdown as @new asks: it takes the timer while enabled; when
 * disabled, the timer is stopped with these settings loaded, unless the
 * alarm has it (they are then loaded at the next start). A pending alarm
 * that the countdown pushed to the minute registers goes back to the
 * timer when the countdown stops.
 */
static int ins5s8563_countdown_apply(struct ins5s8563 *ins,
				     const struct ins5s8563_timer *new)
{
	struct ins5s8563_timer *cd = &ins->countdown;
	struct ins5s8563_timer hw = *new;
	bool was = ins->owner == INS5S8563_TIMER_COUNTDOWN;
	bool reload = !was || new->ticks != cd->ticks || new->td != cd->td;
	unsigned int ctrl2;
	int ret = 0;

	if (new->enabled)
		ret = ins5s8563_timer_switch(ins, INS5S8563_TIMER_COUNTDOWN,
					     &hw);
	else if (ins->owner != INS5S8563_TIMER_ALARM)
		ret = ins5s8563_timer_switch(ins, INS5S8563_TIMER_FREE, &hw);
	if (ret)
		return ret;

	cd->ticks = new->ticks;
	cd->td = new->td;
	cd->pulse = new->pulse;
	/* Starting (or reloading) clears a stale expiry. */
	if (new->enabled && reload)
		cd->expired = false;

	/*
	 * Also where an earlier attempt stopped the countdown but could not
	 * move the alarm back: it waits in the minute registers (AIE).
	 */
	if (new->enabled || !ins->alarm)
		return 0;
	ret = regmap_read(ins->regmap, INS5S8563_REG_CTRL2, &ctrl2);
	if (ret || !(ctrl2 & INS5S8563_CTRL2_AIE) ||
	    (ctrl2 & INS5S8563_CTRL2_AF))
		return ret;
	ret = ins5s8563_alarm_to_timer(ins);
	/*
	 * Come: due now. The minute registers may have let it go already (a
	 * rollover into its minute while it moved) or hold it up to its
	 * minute: the rtc core expires it at once. Out of range: the minute
	 * registers keep it.
	 */
	if (ret == -ETIME)
		rtc_update_irq(ins->rtc, 1, RTC_AF | RTC_IRQF);
	if (ret == -ETIME || ret == -ERANGE)
		ret = 0;

	return ret;
}

/*
 * Whether update interrupts are on is the rtc core's to say, under its
 * ops_lock: between its ops (its work takes the update timer out of the
 * queue and puts it back) the flag can read 0, and an update timer removed
 * behind an earlier alarm calls no op at all. The core also holds that lock
 * while it unregisters the rtc device, and waits there for this sysfs
 * write to end: tried for a second, never waited on.
 */
static int ins5s8563_rtc_trylock(struct ins5s8563 *ins)
{
	unsigned long end = jiffies + HZ;

	while (!mutex_trylock(&ins->rtc->ops_lock)) {
		if (time_after(jiffies, end))
			return -EBUSY;
		usleep_range(1000, 2000);
	}

	return 0;
}

/* Changes one setting of the countdown, in a copy that the chip then gets. */
static ssize_t ins5s8563_timer_store(struct device *dev, size_t count,
				     enum ins5s8563_timer_field field, u32 val)
{
	struct ins5s8563 *ins = ins5s8563_from_rtc_dev(dev);
	struct ins5s8563_timer new;
	int ret = 0;

	ret = ins5s8563_rtc_trylock(ins);
	if (ret)
		return ret;
	mutex_lock(&ins->lock);
	ins->uie = ins->rtc->uie_rtctimer.enabled;
	new = ins->countdown;
	new.enabled = ins->owner == INS5S8563_TIMER_COUNTDOWN;
	switch (field) {
	case INS5S8563_TIMER_SET_TD:
		new.td = val;
		break;
	case INS5S8563_TIMER_SET_TICKS:
		new.ticks = val;
		break;
	case INS5S8563_TIMER_SET_ENABLED:
		new.enabled = val;
		break;
	case INS5S8563_TIMER_SET_PULSE:
		new.pulse = val;
		break;
	}
	/*
	 * Nothing to count from (none was set, and the chip's own reload
	 * value is unknown): refuse what would start or reload the counter.
	 */
	if (new.enabled && !new.ticks && field != INS5S8563_TIMER_SET_PULSE)
		ret = -EINVAL;
	if (!ret)
		ret = ins5s8563_countdown_apply(ins, &new);
	mutex_unlock(&ins->lock);
	rtc_unlock(ins->rtc);

	return ret ?: count;
}

/* Strictly 0 or 1: a sysfs switch is no place for "yes" or "2". */
static int ins5s8563_parse_bool(const char *buf, u32 *val)
{
	int ret = kstrtou32(buf, 10, val);

	if (ret)
		return -EINVAL;

	return *val > 1 ? -EINVAL : 0;
}

static ssize_t clock_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	struct ins5s8563 *ins = ins5s8563_from_rtc_dev(dev);

	return sysfs_emit(buf, "%s\n",
			  ins5s8563_timer_clocks[ins->countdown.td]);
}

static ssize_t clock_store(struct device *dev, struct device_attribute *attr,
			   const char *buf, size_t count)
{
	int td = sysfs_match_string(ins5s8563_timer_clocks, buf);

	if (td < 0)
		return -EINVAL;

	return ins5s8563_timer_store(dev, count, INS5S8563_TIMER_SET_TD, td);
}
static DEVICE_ATTR_RW(clock);

static ssize_t ticks_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	return sysfs_emit(buf, "%u\n",
			  ins5s8563_from_rtc_dev(dev)->countdown.ticks);
}

static ssize_t ticks_store(struct device *dev, struct device_attribute *attr,
			   const char *buf, size_t count)
{
	u32 ticks;
	int ret;

	/* Decimal, or hex with 0x; a leading 0 is no octal here. */
	if (buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X'))
		ret = kstrtou32(buf, 16, &ticks);
	else
		ret = kstrtou32(buf, 10, &ticks);
	if (ret)
		return ret;
	if (!ticks || ticks > INS5S8563_TIMER_MAX)
		return -ERANGE;

	return ins5s8563_timer_store(dev, count, INS5S8563_TIMER_SET_TICKS, ticks);
}
static DEVICE_ATTR_RW(ticks);

/* 0 while the alarm has the timer: the countdown is not counting then. */
static ssize_t remaining_show(struct device *dev,
			      struct device_attribute *attr, char *buf)
{
	struct ins5s8563 *ins = ins5s8563_from_rtc_dev(dev);
	u32 count = 0;
	int ret = 0;

	mutex_lock(&ins->lock);
	if (ins->owner != INS5S8563_TIMER_ALARM)
		ret = ins5s8563_timer_remaining(ins, &count);
	mutex_unlock(&ins->lock);
	if (ret)
		return ret;

	return sysfs_emit(buf, "%u\n", count);
}
static DEVICE_ATTR_RO(remaining);

static ssize_t enable_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	return sysfs_emit(buf, "%d\n", ins5s8563_from_rtc_dev(dev)->owner ==
			  INS5S8563_TIMER_COUNTDOWN);
}

static ssize_t enable_store(struct device *dev, struct device_attribute *attr,
			    const char *buf, size_t count)
{
	u32 val;
	int ret;

	ret = ins5s8563_parse_bool(buf, &val);
	if (ret)
		return ret;

	return ins5s8563_timer_store(dev, count, INS5S8563_TIMER_SET_ENABLED,
				     val);
}
static DEVICE_ATTR_RW(enable);

static ssize_t pulse_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	return sysfs_emit(buf, "%d\n",
			  ins5s8563_from_rtc_dev(dev)->countdown.pulse);
}

static ssize_t pulse_store(struct device *dev, struct device_attribute *attr,
			   const char *buf, size_t count)
{
	u32 val;
	int ret;

	ret = ins5s8563_parse_bool(buf, &val);
	if (ret)
		return ret;

	return ins5s8563_timer_store(dev, count, INS5S8563_TIMER_SET_PULSE, val);
}
static DEVICE_ATTR_RW(pulse);

/*
 * An expiry stays reported until it is acknowledged, also when the
 * interrupt handler has already cleared TF in the chip. While the alarm
 * has the timer, TF is the alarm's.
 */
static ssize_t expired_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	struct ins5s8563 *ins = ins5s8563_from_rtc_dev(dev);
	unsigned int ctrl2;
	int ret;

	ret = regmap_read(ins->regmap, INS5S8563_REG_CTRL2, &ctrl2);
	if (ret)
		return ret;

	return sysfs_emit(buf, "%d\n", ins->countdown.expired ||
			  (ins->owner != INS5S8563_TIMER_ALARM &&
			   (ctrl2 & INS5S8563_CTRL2_TF)));
}

static ssize_t expired_store(struct device *dev, struct device_attribute *attr,
			     const char *buf, size_t count)
{
	struct ins5s8563 *ins = ins5s8563_from_rtc_dev(dev);
	u32 val;
	int ret;

	ret = ins5s8563_parse_bool(buf, &val);
	if (ret || val)
		return -EINVAL;

	mutex_lock(&ins->lock);
	if (ins->owner != INS5S8563_TIMER_ALARM)
		ret = ins5s8563_write_ctrl2(ins, INS5S8563_CTRL2_TF);
	if (!ret)
		ins->countdown.expired = false;
	mutex_unlock(&ins->lock);

	return ret ?: count;
}
static DEVICE_ATTR_RW(expired);

static struct attribute *ins5s8563_countdown_attrs[] = {
	&dev_attr_clock.attr,
	&dev_attr_ticks.attr,
	&dev_attr_remaining.attr,
	&dev_attr_enable.attr,
	&dev_attr_pulse.attr,
	&dev_attr_expired.attr,
	NULL
};

static const struct attribute_group ins5s8563_countdown_group = {
	.name = "countdown",
	.attrs = ins5s8563_countdown_attrs,
};

/*
 * Unbinding and shutdown: a countdown keeps counting, off /INT (its
 * expiries would reach nobody). An alarm in the timer keeps counting with
 * TIE set, so that where /INT powers the board up, it does so at its
 * second; the rtc core's alarm goes there if update interrupts had the
 * timer, and update interrupts alone stop.
 */
static void ins5s8563_timer_release(void *data)
{
	struct ins5s8563 *ins = data;
	struct rtc_timer *aie = &ins->rtc->aie_timer;
	int ret = 0, try;

	mutex_lock(&ins->lock);
	if (ins->owner == INS5S8563_TIMER_COUNTDOWN) {
		/*
		 * No one hears of a failure here, and the next probe would
		 * take a 1 Hz countdown left with TIE for an alarm: a second
		 * attempt rides out a transient bus error.
		 */
		for (try = 0; try < 2; try++) {
			ret = ins5s8563_update_ctrl2(ins, INS5S8563_CTRL2_TIE,
						     0, 0);
			if (!ret)
				break;
		}
		if (!ret)
			ins->hw.tie = false;
	} else if (ins->owner == INS5S8563_TIMER_ALARM && !aie->enabled) {
		ret = ins5s8563_timer_free(ins);
	} else if (ins->owner == INS5S8563_TIMER_ALARM &&
		   ins->alarm != ktime_divns(aie->node.expires, NSEC_PER_SEC)) {
		ins->alarm = ktime_divns(aie->node.expires, NSEC_PER_SEC);
		ret = ins5s8563_alarm_to_timer(ins);
		if (ret == -ERANGE)
			ret = ins5s8563_timer_free(ins) ?:
			      ins5s8563_alarm_to_minutes(ins, true);
		else if (ret == -ETIME)
			ret = 0;
	}
	mutex_unlock(&ins->lock);
	if (ret)
		dev_warn(ins->dev, "cannot leave the timer as it should be: %d\n",
			 ret);
}

/*
 * What probe finds in the timer, before the interrupt can come. The user's
 * countdown never keeps TIE across an unbind or a shutdown: a timer that
 * runs at 1 Hz or 1/60 Hz with TIE set is an alarm an earlier kernel left
 * counting. Any other running timer is a countdown.
 */
static void ins5s8563_timer_state(struct ins5s8563 *ins, const u8 *regs)
{
	struct ins5s8563_timer *hw = &ins->hw;
	u8 ctrl = regs[INS5S8563_REG_TIMER_CTRL];

	hw->td = FIELD_GET(INS5S8563_TIMER_TD, ctrl);
	hw->enabled = ctrl & INS5S8563_TIMER_TE;
	hw->pulse = regs[INS5S8563_REG_CTRL2] & INS5S8563_CTRL2_TI_TP;
	hw->tie = regs[INS5S8563_REG_CTRL2] & INS5S8563_CTRL2_TIE;
	ins->countdown.td = hw->td;
	ins->countdown.pulse = hw->pulse;

	if (ins->reset_source)
		ins->owner = INS5S8563_TIMER_WATCHDOG;
	else if (!hw->enabled)
		ins->owner = INS5S8563_TIMER_FREE;
	else if (hw->tie && hw->td >= INS5S8563_TD_1HZ)
		ins->owner = INS5S8563_TIMER_ALARM;
	else
		ins->owner = INS5S8563_TIMER_COUNTDOWN;

	/* An expiry while no driver was bound, cleared at probe. */
	if ((regs[INS5S8563_REG_CTRL2] & INS5S8563_CTRL2_TF) &&
	    ins->owner != INS5S8563_TIMER_ALARM)
		ins->countdown.expired = true;
}

/*
 * The chip shows the live counter, not its reload value: a stopped counter
 * still holds what was loaded, a running one has moved on, and its reload
 * value is unknown until written (ticks reads 0).
 */
static int ins5s8563_timer_init(struct ins5s8563 *ins, const u8 *regs)
{
	u8 high[2];
	int ret = 0;

	if (!ins->hw.enabled) {
		ret = regmap_bulk_read(ins->regmap, INS5S8563_REG_TIMER_HIGH,
				       high, sizeof(high));
		if (ret)
			return ret;

		ins->hw.ticks = high[0] << 16 | high[1] << 8 |
				regs[INS5S8563_REG_TIMER_LOW];
		ins->countdown.ticks = ins->hw.ticks;
	}

	mutex_lock(&ins->lock);
	if (ins->owner == INS5S8563_TIMER_ALARM &&
	    (regs[INS5S8563_REG_CTRL2] & INS5S8563_CTRL2_TF)) {
		/* It fired (and powered the board up, say): spent. */
		dev_info(ins->dev, "alarm went off while no driver was bound\n");
		ret = ins5s8563_timer_free(ins);
	} else if (ins->owner == INS5S8563_TIMER_COUNTDOWN && ins->hw.tie &&
		   ins->irq <= 0) {
		/* A countdown on /INT with no interrupt to clear TF. */
		ret = ins5s8563_update_ctrl2(ins, INS5S8563_CTRL2_TIE, 0, 0);
		if (!ret)
			ins->hw.tie = false;
	}
	mutex_unlock(&ins->lock);
	if (ret)
		return ret;

	ret = devm_add_action_or_reset(ins->dev, ins5s8563_timer_release, ins);
	if (ret)
		return ret;

	return rtc_add_group(ins->rtc, &ins5s8563_countdown_group);
}

/* ---- watchdog (reset-source) -------------------------------------------- */

static bool nowayout = WATCHDOG_NOWAYOUT;
module_param(nowayout, bool, 0444);
MODULE_PARM_DESC(nowayout, "Watchdog cannot be stopped once started (default="
		 __MODULE_STRING(WATCHDOG_NOWAYOUT) ")");

#define INS5S8563_WDT_DEFAULT_TIMEOUT	60

/*
 * The count for a timeout: one tick more. The counter steps on the seconds
 * rollovers (decision 9), so N ticks loaded during a second expire N - 1
 * to N seconds later; N + 1 expire no sooner than N seconds after the
 * ping, and at most one second after that.
 */
static u32 ins5s8563_wdt_ticks(struct watchdog_device *wdd)
{
	return wdd->timeout + 1;
}

/*
 * VLF is set: the chip lost its supply, now or before the time was last
 * set (VLF stays until then). A power loss now took the counter with it
 * (TE=0): -ENOLINK. Asked of the chip, not of the cache.
 */
static int ins5s8563_wdt_alive(struct ins5s8563 *ins)
{
	unsigned int te;
	int ret;

	regcache_drop_region(ins->regmap, INS5S8563_REG_TIMER_CTRL,
			     INS5S8563_REG_TIMER_CTRL);
	ret = regmap_read(ins->regmap, INS5S8563_REG_TIMER_CTRL, &te);
	if (ret)
		return ret;

	return te & INS5S8563_TIMER_TE ? 0 : -ENOLINK;
}

/*
 * VLF is set and the timer stopped, on a chip fed by restarts: a power
 * loss clears Control_2, and with it the watchdog's TIE and TI_TP (the
 * datasheet's power-on values): -ENOLINK. Kept, the timer is one whose
 * start failed, which the restart starts; no power was lost.
 */
static int ins5s8563_wdt_enables_kept(struct ins5s8563 *ins)
{
	u8 mask = INS5S8563_CTRL2_TIE | INS5S8563_CTRL2_TI_TP;
	unsigned int ctrl2;
	int ret;

	ret = regmap_read(ins->regmap, INS5S8563_REG_CTRL2, &ctrl2);
	if (ret)
		return ret;

	return (ctrl2 & mask) == mask ? 0 : -ENOLINK;
}

/*
 * The ping on a chip whose count written while it runs reaches only the
 * reload value (dapu,timer-write-reload-only): the timer is stopped, the
 * count written with TE=0 (the live count and the reload value, decision
 * 14), and the timer started. A start that loads the reload value and
 * one that resumes the count held (start=resume) both count it from
 * there; one that resumes and takes a count written with TE=0 only as
 * its reload value as well (dapu,timer-start-resumes too) cannot be fed
 * at all. The stop writes the low byte as 0xff, and the real one is
 * written after the upper bytes, each tried three times: a count left
 * half written is the upper bytes the timer held, or the new ones, over
 * 0xff: never shorter than the count it had unfed or the one asked for,
 * whichever is the shorter (a start on the new low byte and the old
 * upper bytes would run 489 s for a timeout of 1000 s with 401 s left),
 * and at most 255 ticks longer than the longer. A burst the chip took
 * in part (a byte acknowledged, the next refused) may hold any mix of
 * old and new bytes, shorter too: the error is returned, and the next
 * ping writes them all again. The timer
 * is started in every case, for a stopped board is unguarded and the
 * watchdog core pings no sooner than userspace does. The start is tried
 * again; if it cannot be made, the timer is left stopped. Either way
 * the next ping does all of it again: it writes every register this one
 * may have left wrong (Control_2 is not among them), so that a failure
 * there too leaves the timer started, not stopped as a start of the
 * whole timer would. Every error is returned to the watchdog core, also
 * one a retry made good: a stop that failed may not have reached the
 * chip, and then nothing was fed. A power loss: -ENOLINK, as the
 * reload.
 */
static int ins5s8563_wdt_restart(struct ins5s8563 *ins, u32 ticks)
{
	u8 ctrl = FIELD_PREP(INS5S8563_TIMER_TD, ins->hw.td);
	u8 stop[2] = { ctrl, 0xff };
	u8 high[2] = { ticks >> 16, ticks >> 8 };
	unsigned int sec, low = ticks & 0xff;
	int ret, err, try;

	ret = regmap_read(ins->regmap, INS5S8563_REG_SEC, &sec);
	if (ret)
		return ret;
	if (sec & INS5S8563_SEC_VLF) {
		ret = ins5s8563_wdt_alive(ins);
		if (ret == -ENOLINK)
			ret = ins5s8563_wdt_enables_kept(ins);
		if (ret)
			return ret;
	}

	/*
	 * 0x0e and 0x0f in one burst: stopped, the low byte 0xff; then the
	 * upper bytes, then the real low byte. A count left half written
	 * is the old or the new upper bytes over 0xff (bounds above).
	 */
	err = ins5s8563_cached_write(ins, INS5S8563_REG_TIMER_CTRL, stop,
				     sizeof(stop));
	for (try = 0; try < 3; try++) {
		ret = regmap_bulk_write(ins->regmap, INS5S8563_REG_TIMER_HIGH,
					high, sizeof(high));
		if (!ret)
			break;
		err = err ?: ret;
	}
	for (try = 0; !ret && try < 3; try++) {
		ret = regmap_write(ins->regmap, INS5S8563_REG_TIMER_LOW, low);
		if (!ret)
			break;
		err = err ?: ret;
	}
	if (ret)
		dev_err(ins->dev, "watchdog count not written: %d\n", ret);
	ctrl |= INS5S8563_TIMER_TE;
	for (try = 0; try < 3; try++) {
		ret = ins5s8563_cached_write(ins, INS5S8563_REG_TIMER_CTRL,
					     &ctrl, 1);
		if (!ret)
			break;
		err = err ?: ret;
	}
	if (ret) {
		dev_err(ins->dev, "watchdog timer not started again: %d\n", ret);
		return ret;
	}
	ins->hw.ticks = ticks;

	return err;
}

/*
 * Reloads the running counter without stopping it: a stop, should the
 * start after it fail, would leave the board unguarded. The counter's
 * bytes are written while it counts, in an order whose value in between
 * is never below 2, so that it can neither expire nor rest at 0 (a count
 * of 0 never expires): the upper bytes first when they are not zero, the
 * low byte first otherwise. The counter steps on the seconds rollover
 * (decision 9), and a step between the writes could borrow across them:
 * the seconds are read before and after, and the writes made again if
 * they moved. A power loss takes the counter and /INT's enables with it:
 * -ENOLINK, for the caller to start it all anew.
 */
static int ins5s8563_wdt_reload(struct ins5s8563 *ins, u32 ticks)
{
	u8 high[2] = { ticks >> 16, ticks >> 8 };
	unsigned int sec, again, low = ticks & 0xff;
	int ret, try;

	lockdep_assert_held(&ins->lock);

	if (ins->timer_write_reload_only)
		return ins5s8563_wdt_restart(ins, ticks);

	for (try = 0; try < 3; try++) {
		ret = regmap_read(ins->regmap, INS5S8563_REG_SEC, &sec);
		if (ret)
			return ret;
		if ((sec & INS5S8563_SEC_VLF) && !try) {
			ret = ins5s8563_wdt_alive(ins);
			if (ret)
				return ret;
		}
		if (ticks > 0xff)
			ret = regmap_bulk_write(ins->regmap,
						INS5S8563_REG_TIMER_HIGH, high,
						sizeof(high)) ?:
			      regmap_write(ins->regmap, INS5S8563_REG_TIMER_LOW,
					   low);
		else
			ret = regmap_write(ins->regmap, INS5S8563_REG_TIMER_LOW,
					   low) ?:
			      regmap_bulk_write(ins->regmap,
						INS5S8563_REG_TIMER_HIGH, high,
						sizeof(high));
		if (!ret)
			ret = regmap_read(ins->regmap, INS5S8563_REG_SEC, &again);
		if (ret)
			return ret;
		if ((again & ~INS5S8563_SEC_VLF) == (sec & ~INS5S8563_SEC_VLF)) {
			ins->hw.ticks = ticks;
			return 0;
		}
	}

	return -EAGAIN;
}

/*
 * Starts the watchdog, or feeds it where it runs: a counter that runs
 * (handed over at boot, or kept running by a stop that failed) is
 * reloaded, never stopped. One that lost power with the chip is started
 * anew, /INT's enables with it.
 */
static int ins5s8563_wdt_run(struct ins5s8563 *ins)
{
	struct watchdog_device *wdd = &ins->wdd;
	struct ins5s8563_timer hw = {
		.ticks = ins5s8563_wdt_ticks(wdd),
		.enabled = true,
	};
	int ret = -ENOENT;

	lockdep_assert_held(&ins->lock);

	if (ins->wdt_off)
		return 0;
	if (ins->hw.enabled && !ins->hw.unknown)
		ret = ins5s8563_wdt_reload(ins, hw.ticks);
	if (ret == -ENOLINK) {
		dev_warn(ins->dev, "power was lost: watchdog started again\n");
		regcache_drop_region(ins->regmap, 0, INS5S8563_REG_CLKOUT - 1);
		regcache_drop_region(ins->regmap, INS5S8563_REG_CLKOUT + 1,
				     INS5S8563_REG_TIMER_MID);
		ins->ctrl2 = 0;
		ins->hw.unknown = true;
	}
	if (ret == -ENOENT || ret == -ENOLINK)
		ret = ins5s8563_timer_switch(ins, INS5S8563_TIMER_WATCHDOG,
					     &hw);
	if (!ret)
		ins->wdt_suspended = false;

	return ret;
}

/*
 * The watchdog core feeds only a watchdog whose start succeeded: after an
 * error it schedules no ping and keeps none of its references. A start
 * that failed but may have left the counter running (known to run, or its
 * state unknown after a failed read-back) is therefore reported done, a
 * state short of running on /INT made unknown: the next ping, userspace's
 * or the core's, stops, loads and starts it whole. Only one known stopped
 * is reported failed.
 */
static int ins5s8563_wdt_start(struct watchdog_device *wdd)
{
	struct ins5s8563 *ins = watchdog_get_drvdata(wdd);
	int ret;

	mutex_lock(&ins->lock);
	ret = ins5s8563_wdt_run(ins);
	if (ret && ins->hw.enabled) {
		if (!ins->hw.tie)
			ins->hw.unknown = true;
		dev_warn(ins->dev,
			 "watchdog start failed (%d) but it may run: %s\n", ret,
			 ins->hw.unknown ? "the next ping starts it whole" : "it runs");
		ret = 0;
	}
	mutex_unlock(&ins->lock);

	return ret;
}

/*
 * A stop that may not have reached the chip leaves the counter running,
 * and the watchdog core has cleared WDOG_HW_RUNNING: given an error it
 * would keep the watchdog active, and nobody would feed it. Known to run
 * and not active, it is fed by the core until the next stop.
 */
static int ins5s8563_wdt_stop(struct watchdog_device *wdd)
{
	struct ins5s8563 *ins = watchdog_get_drvdata(wdd);
	struct ins5s8563_timer hw = { .ticks = ins5s8563_wdt_ticks(wdd) };
	int ret;

	mutex_lock(&ins->lock);
	ret = ins5s8563_timer_switch(ins, INS5S8563_TIMER_WATCHDOG, &hw);
	if (ret && ins->hw.enabled) {
		set_bit(WDOG_HW_RUNNING, &wdd->status);
		dev_warn(ins->dev, "watchdog not stopped (%d): fed until the next stop\n",
			 ret);
	}
	mutex_unlock(&ins->lock);

	return 0;
}

static int ins5s8563_wdt_ping(struct watchdog_device *wdd)
{
	struct ins5s8563 *ins = watchdog_get_drvdata(wdd);
	int ret;

	mutex_lock(&ins->lock);
	ret = ins5s8563_wdt_run(ins);
	mutex_unlock(&ins->lock);

	return ret;
}

/* The watchdog core pings after a new timeout: that loads it. */
static int ins5s8563_wdt_set_timeout(struct watchdog_device *wdd,
				     unsigned int timeout)
{
	wdd->timeout = timeout;

	return 0;
}

/* The whole seconds left: a count of N expires N - 1 to N seconds on. */
static unsigned int ins5s8563_wdt_get_timeleft(struct watchdog_device *wdd)
{
	struct ins5s8563 *ins = watchdog_get_drvdata(wdd);
	u32 count = 0;

	mutex_lock(&ins->lock);
	if (ins->hw.enabled && ins5s8563_timer_remaining(ins, &count))
		count = 0;
	mutex_unlock(&ins->lock);

	return count ? count - 1 : 0;
}

static const struct watchdog_info ins5s8563_wdt_info = {
	.identity = "INS5S8563",
	.options = WDIOF_SETTIMEOUT | WDIOF_KEEPALIVEPING | WDIOF_MAGICCLOSE |
		   WDIOF_CARDRESET,
};

static const struct watchdog_ops ins5s8563_wdt_ops = {
	.owner = THIS_MODULE,
	.start = ins5s8563_wdt_start,
	.stop = ins5s8563_wdt_stop,
	.ping = ins5s8563_wdt_ping,
	.set_timeout = ins5s8563_wdt_set_timeout,
	.get_timeleft = ins5s8563_wdt_get_timeleft,
};

/*
 * With reset-source, /INT resets the board: the timer is the watchdog's
 * for the driver's lifetime, at 1 Hz (2 s, since a reset comes up to a
 * second after the timeout, to 16777214 s). A watchdog found running at
 * 1 Hz with TIE (the
 * bootloader's, or the last kernel's) is handed to the watchdog core,
 * which feeds it until userspace opens it; probe never stops it. TF found
 * set means the last reset came from the watchdog.
 */
static int ins5s8563_wdt_register(struct ins5s8563 *ins, const u8 *regs)
{
	struct watchdog_device *wdd = &ins->wdd;
	struct ins5s8563_timer hw = { };
	int ret = 0;

	wdd->parent = ins->dev;
	wdd->info = &ins5s8563_wdt_info;
	wdd->ops = &ins5s8563_wdt_ops;
	wdd->min_timeout = 2;
	/* The counter would take 16777214 s; the watchdog core, 4294967. */
	wdd->max_timeout = min_t(unsigned int, INS5S8563_TIMER_MAX - 1,
				 UINT_MAX / 1000);
	wdd->timeout = INS5S8563_WDT_DEFAULT_TIMEOUT;
	watchdog_init_timeout(wdd, 0, ins->dev);
	watchdog_set_nowayout(wdd, nowayout);
	/* Suspend stops the counter: the core's pings would find no bus. */
	watchdog_stop_ping_on_suspend(wdd);
	watchdog_set_drvdata(wdd, ins);

	if (regs[INS5S8563_REG_CTRL2] & INS5S8563_CTRL2_TF)
		wdd->bootstatus = WDIOF_CARDRESET;

	mutex_lock(&ins->lock);
	if (ins->hw.enabled && ins->hw.tie &&
	    ins->hw.td == INS5S8563_TD_1HZ) {
		set_bit(WDOG_HW_RUNNING, &wdd->status);
		/* Pulsed, or /INT would hold the board in reset. */
		if (!ins->hw.pulse) {
			ret = ins5s8563_update_ctrl2(ins, INS5S8563_CTRL2_TI_TP,
						     INS5S8563_CTRL2_TI_TP, 0);
			if (!ret)
				ins->hw.pulse = true;
		}
	} else {
		/* Anything else the timer does is no watchdog: stopped. */
		hw.ticks = ins5s8563_wdt_ticks(wdd);
		ret = ins5s8563_timer_switch(ins, INS5S8563_TIMER_WATCHDOG,
					     &hw);
	}
	mutex_unlock(&ins->lock);
	if (ret)
		return ret;

	return devm_watchdog_register_device(ins->dev, wdd);
}

/* Only the KUnit suites use it, through the export below. */
VISIBLE_IF_KUNIT __maybe_unused struct watchdog_device *
ins5s8563_wdt(struct device *dev)
{
	struct ins5s8563 *ins = dev_get_drvdata(dev);

	return &ins->wdd;
}
EXPORT_SYMBOL_IF_KUNIT(ins5s8563_wdt);

#ifdef CONFIG_COMMON_CLK
/* Indexed by FD[1:0]. */
static const unsigned long ins5s8563_clkout_rates[] = { 32768, 1024, 32, 1 };

static struct ins5s8563 *clkout_to_ins5s8563(struct clk_hw *hw)
{
	return container_of(hw, struct ins5s8563, clkout_hw);
}

/* Under the lock that the power-loss restore of 0x0d holds. */
static int ins5s8563_clkout_update(struct ins5s8563 *ins, u8 mask, u8 val)
{
	int ret;

	mutex_lock(&ins->lock);
	ret = regmap_update_bits(ins->regmap, INS5S8563_REG_CLKOUT, mask, val);
	if (ret)
		regcache_drop_region(ins->regmap, INS5S8563_REG_CLKOUT,
				     INS5S8563_REG_CLKOUT);
	mutex_unlock(&ins->lock);

	return ret;
}

static int ins5s8563_clkout_prepare(struct clk_hw *hw)
{
	return ins5s8563_clkout_update(clkout_to_ins5s8563(hw),
				       INS5S8563_CLKOUT_FE,
				       INS5S8563_CLKOUT_FE);
}

static void ins5s8563_clkout_unprepare(struct clk_hw *hw)
{
	ins5s8563_clkout_update(clkout_to_ins5s8563(hw),
				INS5S8563_CLKOUT_FE, 0);
}

/* The framework takes any non-zero value, an error too, as "prepared". */
static int ins5s8563_clkout_is_prepared(struct clk_hw *hw)
{
	return regmap_test_bits(clkout_to_ins5s8563(hw)->regmap,
				INS5S8563_REG_CLKOUT, INS5S8563_CLKOUT_FE) > 0;
}

static unsigned long ins5s8563_clkout_recalc_rate(struct clk_hw *hw,
						  unsigned long parent_rate)
{
	unsigned int val;

	if (regmap_read(clkout_to_ins5s8563(hw)->regmap, INS5S8563_REG_CLKOUT,
			&val))
		return 0;

	return ins5s8563_clkout_rates[FIELD_GET(INS5S8563_CLKOUT_FD, val)];
}

/* The highest rate not above the request, else the lowest there is. */
static int ins5s8563_clkout_determine_rate(struct clk_hw *hw,
					   struct clk_rate_request *req)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(ins5s8563_clkout_rates) - 1; i++)
		if (ins5s8563_clkout_rates[i] <= req->rate)
			break;

	req->rate = ins5s8563_clkout_rates[i];

	return 0;
}

static int ins5s8563_clkout_set_rate(struct clk_hw *hw, unsigned long rate,
				     unsigned long parent_rate)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(ins5s8563_clkout_rates); i++)
		if (ins5s8563_clkout_rates[i] == rate)
			return ins5s8563_clkout_update(clkout_to_ins5s8563(hw),
						       INS5S8563_CLKOUT_FD,
						       FIELD_PREP(INS5S8563_CLKOUT_FD,
								  i));

	return -EINVAL;
}

VISIBLE_IF_KUNIT const struct clk_ops ins5s8563_clkout_ops = {
	.prepare = ins5s8563_clkout_prepare,
	.unprepare = ins5s8563_clkout_unprepare,
	.is_prepared = ins5s8563_clkout_is_prepared,
	.recalc_rate = ins5s8563_clkout_recalc_rate,
	.determine_rate = ins5s8563_clkout_determine_rate,
	.set_rate = ins5s8563_clkout_set_rate,
};
EXPORT_SYMBOL_IF_KUNIT(ins5s8563_clkout_ops);

/*
 * Registered on the device that carries the firmware node, so that
 * consumers find it. Probe never touches a running CLKOUT unless firmware
 * asks for it to be off ("dapu,clkout-disable"); otherwise an unused
 * CLKOUT is left to the clock framework.
 */
static int ins5s8563_clkout_register(struct ins5s8563 *ins)
{
	struct device *dev = ins->dev;
	struct clk_init_data init = {
		.ops = &ins5s8563_clkout_ops,
	};
	int ret;

	if (device_property_read_bool(dev, "dapu,clkout-disable")) {
		ret = ins5s8563_clkout_update(ins, INS5S8563_CLKOUT_FE, 0);
		if (ret)
			return ret;
	}

	/*
	 * A number where the name should be reads as a string from its
	 * first byte: <1> would name the clock "".
	 */
	ret = device_property_read_string(dev, "clock-output-names", &init.name);
	if (ret || !*init.name) {
		init.name = devm_kasprintf(dev, GFP_KERNEL, "%s-clkout",
					   dev_name(dev));
		if (!init.name)
			return -ENOMEM;
		if (device_property_present(dev, "clock-output-names"))
			dev_warn(dev, "clock-output-names is not a name: CLKOUT is %s\n",
				 init.name);
	}

	ins->clkout_hw.init = &init;
	ret = devm_clk_hw_register(dev, &ins->clkout_hw);
	if (ret)
		return dev_err_probe(dev, ret, "cannot register CLKOUT\n");

	return devm_of_clk_add_hw_provider(dev, of_clk_hw_simple_get,
					   &ins->clkout_hw);
}

/* Only the KUnit suites use it, through the export below. */
VISIBLE_IF_KUNIT __maybe_unused struct clk_hw *
ins5s8563_clkout_hw(struct device *dev)
{
	struct ins5s8563 *ins = dev_get_drvdata(dev);

	return &ins->clkout_hw;
}
EXPORT_SYMBOL_IF_KUNIT(ins5s8563_clkout_hw);
#else
static int ins5s8563_clkout_register(struct ins5s8563 *ins)
{
	return 0;
}
#endif

/*
 * Fills the register cache with one burst read of the control registers
 * instead of one transfer per register on first use.
 */
static int ins5s8563_cache_init(struct ins5s8563 *ins, u8 *regs, size_t len)
{
	struct regmap *map = ins->regmap;
	unsigned int reg;
	int ret;

	regcache_cache_bypass(map, true);
	ret = regmap_raw_read(map, INS5S8563_REG_CTRL1, regs, len);
	regcache_cache_bypass(map, false);
	if (ret)
		return ret;

	regcache_cache_only(map, true);
	for (reg = 0; reg < len && !ret; reg++)
		if (!ins5s8563_volatile_reg(ins->dev, reg))
			ret = regmap_write(map, reg, regs[reg]);
	regcache_cache_only(map, false);

	return ret;
}

VISIBLE_IF_KUNIT int ins5s8563_probe(struct device *dev, struct regmap *regmap,
				     int irq)
{
	u8 regs[INS5S8563_REG_TIMER_LOW + 1];
	u32 first_ms = MSEC_PER_SEC;
	struct ins5s8563 *ins;
	u8 flags;
	int ret;

	/*
	 * How long after STOP is released the chip's seconds first count: a
	 * whole second unless the board says otherwise (a chip whose divider
	 * chain releases half-way, as a PCF8563's does).
	 */
	if (device_property_present(dev, "dapu,first-second-ms")) {
		/* One cell: an array's first would be taken silently. */
		ret = device_property_count_u32(dev, "dapu,first-second-ms");
		if (ret == 1)
			ret = device_property_read_u32(dev, "dapu,first-second-ms",
						       &first_ms);
		else
			ret = -EINVAL;
		if (ret || !first_ms || first_ms > MSEC_PER_SEC)
			return dev_err_probe(dev, -EINVAL,
					     "dapu,first-second-ms: not 1 to 1000\n");
	}
	/*
	 * The count is then written stopped, and a start that resumes takes
	 * it only as the reload value: no write would feed the timer.
	 */
	if (device_property_read_bool(dev, "dapu,timer-write-reload-only") &&
	    device_property_read_bool(dev, "dapu,timer-start-resumes"))
		return dev_err_probe(dev, -EINVAL,
				     "dapu,timer-write-reload-only and dapu,timer-start-resumes: a timer no write feeds is not supported\n");

	ins = devm_kzalloc(dev, sizeof(*ins), GFP_KERNEL);
	if (!ins)
		return -ENOMEM;

	ins->dev = dev;
	ins->regmap = regmap;
	mutex_init(&ins->lock);
	ins->timer_one_shot = device_property_read_bool(dev,
							"dapu,timer-one-shot");
	ins->timer_write_reload_only =
		device_property_read_bool(dev, "dapu,timer-write-reload-only");
	ins->timer_start_resumes =
		device_property_read_bool(dev, "dapu,timer-start-resumes");
	dev_set_drvdata(dev, ins);

	ret = ins5s8563_cache_init(ins, regs, sizeof(regs));
	if (ret)
		return dev_err_probe(dev, ret, "cannot read the registers\n");

	/* Test mode would keep the calendar from counting normally. */
	if (regs[INS5S8563_REG_CTRL1] & INS5S8563_CTRL1_EXT_TEST) {
		ret = regmap_update_bits(regmap, INS5S8563_REG_CTRL1,
					 INS5S8563_CTRL1_EXT_TEST, 0);
		if (ret)
			return ret;
	}
	if (regs[INS5S8563_REG_CTRL1] & INS5S8563_CTRL1_STOP)
		dev_warn(dev, "clock is stopped: setting the time restarts it\n");
	if (regs[INS5S8563_REG_SEC] & INS5S8563_SEC_VLF)
		ins5s8563_report_vlf(ins);

	ins->ctrl2 = regs[INS5S8563_REG_CTRL2] & INS5S8563_CTRL2_ENABLES;
	/*
	 * A flag found here went off while no driver was bound (the alarm
	 * that powered the board up, a countdown left on /INT by the last
	 * boot) and holds /INT low: clear it. That alarm is spent, so AIE
	 * goes with it; kept, the rtc core would read the alarm back as one
	 * still to come and move it on to next month.
	 */
	flags = regs[INS5S8563_REG_CTRL2] & INS5S8563_CTRL2_FLAGS;
	if (flags & INS5S8563_CTRL2_AF) {
		dev_info(dev, "alarm went off while no driver was bound\n");
		ins->ctrl2 &= ~INS5S8563_CTRL2_AIE;
	}
	if (flags) {
		mutex_lock(&ins->lock);
		ret = ins5s8563_write_ctrl2(ins, flags);
		mutex_unlock(&ins->lock);
		if (ret)
			return ret;
	}

	ins->rtc = devm_rtc_allocate_device(dev);
	if (IS_ERR(ins->rtc))
		return PTR_ERR(ins->rtc);

	ins->rtc->ops = &ins5s8563_rtc_ops;
	ins->rtc->range_min = RTC_TIMESTAMP_BEGIN_2000;
	ins->rtc->range_max = RTC_TIMESTAMP_END_2099;
	/*
	 * The rtc core's default is a first increment 1 s after the write,
	 * plus its 5 ms for the bus: the kernel's NTP update writes time N
	 * when the system clock reads N + 1 less that. A shorter first second
	 * wants the write that much later.
	 */
	ins->rtc->set_offset_nsec -= (MSEC_PER_SEC - first_ms) * NSEC_PER_MSEC;

	/*
	 * reset-source: /INT resets the board. An alarm would reset it, and
	 * the timer is the watchdog's: no alarm, no update interrupts, no
	 * countdown.
	 */
	ins->reset_source = IS_ENABLED(CONFIG_WATCHDOG) &&
			    device_property_read_bool(dev, "reset-source");
	if (ins->reset_source) {
		ins5s8563_timer_state(ins, regs);
		clear_bit(RTC_FEATURE_ALARM, ins->rtc->features);
		clear_bit(RTC_FEATURE_UPDATE_INTERRUPT, ins->rtc->features);
		ret = ins5s8563_wdt_register(ins, regs);
	} else {
		ins5s8563_timer_state(ins, regs);
		ret = ins5s8563_setup_irq(ins, irq) ?:
		      ins5s8563_timer_init(ins, regs);
	}
	if (ret)
		return ret;

	ret = ins5s8563_clkout_register(ins);
	if (ret)
		return ret;

	ret = devm_rtc_register_device(ins->rtc);
	if (ret)
		return ret;

	/* Registered last, so that it runs first at unbind. */
	if (ins->irq > 0)
		return devm_add_action_or_reset(dev, ins5s8563_irq_release, ins);

	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(ins5s8563_probe);

/*
 * At shutdown or reboot the countdown goes off /INT, as at unbind: the
 * next kernel would find TIE set and, on an edge-triggered line, /INT low
 * with no edge to come.
 *
 * The watchdog keeps running through a reboot, which it guards until the
 * next kernel takes it over at probe. At power-off and halt it stops: on
 * its battery it would expire with the board off, and reset (or, where
 * /INT reaches the PMIC, power up) a board that was meant to stay off, and
 * the next boot would report a reset it did not make (CARDRESET).
 */
VISIBLE_IF_KUNIT void ins5s8563_shutdown(struct device *dev,
					 enum system_states state)
{
	struct ins5s8563 *ins = dev_get_drvdata(dev);
	struct ins5s8563_timer hw = { .ticks = ins5s8563_wdt_ticks(&ins->wdd) };
	int ret;

	if (ins->reset_source &&
	    (state == SYSTEM_POWER_OFF || state == SYSTEM_HALT)) {
		mutex_lock(&ins->lock);
		ret = ins->hw.enabled ?
		      ins5s8563_timer_switch(ins, INS5S8563_TIMER_WATCHDOG,
					     &hw) : 0;
		/*
		 * The core's worker may ping until the power goes: a stopped
		 * watchdog stays so, one still running stays fed.
		 */
		ins->wdt_off = !ins->hw.enabled;
		mutex_unlock(&ins->lock);
		if (ret)
			dev_warn(dev, "watchdog not stopped for power-off: %d\n",
				 ret);
	}
	ins5s8563_timer_release(ins);
}
EXPORT_SYMBOL_IF_KUNIT(ins5s8563_shutdown);

/*
 * The watchdog's counter runs on its battery while the system sleeps, and
 * nobody feeds it then: a suspend longer than the timeout would reset the
 * board. It is stopped, and started with a whole timeout at resume (the
 * watchdog core feeds it from then on, or userspace does). A failed stop
 * fails the suspend: the system stays awake, and fed.
 */
static int ins5s8563_suspend(struct device *dev)
{
	struct ins5s8563 *ins = dev_get_drvdata(dev);
	struct ins5s8563_timer hw = { .ticks = ins5s8563_wdt_ticks(&ins->wdd) };
	int ret = 0;

	if (!ins->reset_source)
		return 0;

	mutex_lock(&ins->lock);
	if (ins->hw.enabled) {
		ret = ins5s8563_timer_switch(ins, INS5S8563_TIMER_WATCHDOG,
					     &hw);
		if (ret && !ins->hw.enabled)
			ret = 0;
		ins->wdt_suspended = !ret;
	}
	mutex_unlock(&ins->lock);

	return ret;
}

/*
 * A start that fails here is made by the next ping, which finds the
 * counter stopped (the core pings when the system resumes).
 */
static int ins5s8563_wdt_resume(struct ins5s8563 *ins)
{
	int ret = 0;

	mutex_lock(&ins->lock);
	if (ins->wdt_suspended)
		ret = ins5s8563_wdt_run(ins);
	mutex_unlock(&ins->lock);

	return ret;
}

/*
 * Without an interrupt (wakeup-source only) nothing else clears an alarm
 * that fired: AF would keep /INT low, and where /INT drives a PMIC's
 * power-on input, the next power-off would turn the board straight back
 * on. With an interrupt, the handler (the wake IRQ) does this.
 */
VISIBLE_IF_KUNIT int ins5s8563_resume(struct device *dev)
{
	struct ins5s8563 *ins = dev_get_drvdata(dev);
	unsigned int ctrl2;
	bool fired = false;
	int ret;

	if (ins->reset_source)
		return ins5s8563_wdt_resume(ins);
	if (ins->irq > 0)
		return 0;

	mutex_lock(&ins->lock);
	ret = regmap_read(ins->regmap, INS5S8563_REG_CTRL2, &ctrl2);
	if (!ret) {
		/* The alarm: AF with AIE, or TF with the alarm in the timer. */
		if (ins->owner != INS5S8563_TIMER_ALARM)
			ctrl2 &= ~INS5S8563_CTRL2_TF;
		ctrl2 &= INS5S8563_CTRL2_FLAGS & (ctrl2 << 2);
	}
	if (!ret && ctrl2) {
		ret = ins5s8563_write_ctrl2(ins, ctrl2);
		fired = !ret;
	}
	mutex_unlock(&ins->lock);

	if (fired)
		rtc_update_irq(ins->rtc, 1, RTC_AF | RTC_IRQF);

	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(ins5s8563_resume);

/*
 * Hibernation: the image is written after thaw, with userspace frozen and
 * the watchdog core's pings off until it is done: the watchdog stays
 * stopped from freeze to restore (the core's ping after a hibernation
 * that failed starts it again). An alarm that fired without an interrupt
 * is cleared at thaw as at resume.
 */
static int ins5s8563_thaw(struct device *dev)
{
	struct ins5s8563 *ins = dev_get_drvdata(dev);

	return ins->reset_source ? 0 : ins5s8563_resume(dev);
}

VISIBLE_IF_KUNIT const struct dev_pm_ops ins5s8563_pm_ops = {
	.suspend = pm_sleep_ptr(ins5s8563_suspend),
	.resume = pm_sleep_ptr(ins5s8563_resume),
	.freeze = pm_sleep_ptr(ins5s8563_suspend),
	.thaw = pm_sleep_ptr(ins5s8563_thaw),
	.poweroff = pm_sleep_ptr(ins5s8563_suspend),
	.restore = pm_sleep_ptr(ins5s8563_resume),
};
EXPORT_SYMBOL_IF_KUNIT(ins5s8563_pm_ops);

static int ins5s8563_i2c_probe(struct i2c_client *client)
{
	struct regmap *regmap;

	/* A multi-byte transfer is what keeps a time read consistent. */
	if (!i2c_check_functionality(client->adapter, I2C_FUNC_I2C) &&
	    !i2c_check_functionality(client->adapter,
				     I2C_FUNC_SMBUS_I2C_BLOCK))
		return dev_err_probe(&client->dev, -ENODEV,
				     "adapter has neither I2C nor SMBus block transfers\n");

	regmap = devm_regmap_init_i2c(client, &ins5s8563_regmap_config);
	if (IS_ERR(regmap))
		return dev_err_probe(&client->dev, PTR_ERR(regmap),
				     "cannot set up the register map\n");

	return ins5s8563_probe(&client->dev, regmap, client->irq);
}

static void ins5s8563_i2c_shutdown(struct i2c_client *client)
{
	ins5s8563_shutdown(&client->dev, system_state);
}

static const struct i2c_device_id ins5s8563_id[] = {
	{ "ins5s8563" },
	{ }
};
MODULE_DEVICE_TABLE(i2c, ins5s8563_id);

static const struct of_device_id ins5s8563_of_match[] = {
	{ .compatible = "dapu,ins5s8563" },
	{ }
};
MODULE_DEVICE_TABLE(of, ins5s8563_of_match);

static struct i2c_driver ins5s8563_driver = {
	.driver = {
		.name = "rtc-ins5s8563",
		.of_match_table = ins5s8563_of_match,
		.pm = pm_sleep_ptr(&ins5s8563_pm_ops),
	},
	.probe = ins5s8563_i2c_probe,
	.shutdown = ins5s8563_i2c_shutdown,
	.id_table = ins5s8563_id,
};
module_i2c_driver(ins5s8563_driver);

MODULE_AUTHOR("The INS5S8563 driver authors");
MODULE_DESCRIPTION("Dapu INS5S8563 RTC driver");
MODULE_LICENSE("GPL");
