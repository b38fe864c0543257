// SPDX-License-Identifier: GPL-2.0
/*
 * Driver for the Dapu INS5S8563 I2C real-time clock.
 *
 * Datasheet: "INS5S8563 Realtime Clock Module", v1.0, 2023-11-16.
 * Where the datasheet is ambiguous, see Documentation/rtc/ins5s8563.rst.
 */

#include <linux/bcd.h>
#include <linux/bits.h>
#include <linux/math64.h>
#include <linux/i2c.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/regmap.h>
#include <linux/rtc.h>

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

#define INS5S8563_REG_TIMER_CTRL	0x0e

#define INS5S8563_REG_TIMER_LOW		0x0f
#define INS5S8563_REG_TIMER_HIGH	0x12
#define INS5S8563_REG_TIMER_MID		0x13

struct ins5s8563 {
	struct device *dev;
	struct regmap *regmap;
	struct rtc_device *rtc;
	/* Serialises read-modify-write sequences of Control_2. */
	struct mutex lock;
	/* The invalid-time message is printed once per power loss. */
	bool vlf_reported;
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
 * After a power loss the chip is back at its power-on values, whatever the
 * cache remembers.
 */
static void ins5s8563_power_lost(struct ins5s8563 *ins)
{
	regcache_drop_region(ins->regmap, 0, INS5S8563_REG_TIMER_MID);
	if (!ins->vlf_reported)
		dev_warn(ins->dev, "power was lost: time is invalid until set\n");
	ins->vlf_reported = true;
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
	{ 0x07, 0, 6 },		/* WEEK, Sunday = 0 */
	{ 0x1f, 1, 12 },	/* MONTH */
	{ 0xff, 0, 99 },	/* YEAR, 2000-2099 */
};

static int ins5s8563_rtc_read_time(struct device *dev, struct rtc_time *tm)
{
	struct ins5s8563 *ins = dev_get_drvdata(dev);
	u8 regs[INS5S8563_TIME_LEN];
	int val[INS5S8563_TIME_LEN];
	int i, ret;

	ret = regmap_bulk_read(ins->regmap, INS5S8563_REG_SEC, regs,
			       sizeof(regs));
	if (ret)
		return ret;

	if (regs[0] & INS5S8563_SEC_VLF) {
		ins5s8563_power_lost(ins);
		return -EINVAL;
	}

	for (i = 0; i < INS5S8563_TIME_LEN; i++) {
		u8 raw = regs[i] & ins5s8563_time_fields[i].mask;

		if ((raw & 0x0f) > 9 || (raw >> 4) > 9)
			return -EINVAL;

		val[i] = bcd2bin(raw);
		if (val[i] < ins5s8563_time_fields[i].min ||
		    val[i] > ins5s8563_time_fields[i].max)
			return -EINVAL;
	}

	tm->tm_sec = val[0];
	tm->tm_min = val[1];
	tm->tm_hour = val[2];
	tm->tm_mday = val[3];
	tm->tm_wday = val[4];
	tm->tm_mon = val[5] - 1;
	tm->tm_year = val[6] + 100;

	return 0;
}

/*
 * The datasheet asks for every register to be initialised after a power
 * loss. CLKOUT is left alone: a consumer may depend on it running.
 */
static int ins5s8563_init_after_power_loss(struct ins5s8563 *ins)
{
	static const u8 alarm_off[INS5S8563_ALM_LEN] = {
		INS5S8563_ALM_AE, INS5S8563_ALM_AE,
		INS5S8563_ALM_AE, INS5S8563_ALM_AE,
	};
	const u8 timer_off = 0;
	int ret;

	mutex_lock(&ins->lock);
	/* Clearing both flags is the point here. */
	ret = regmap_write(ins->regmap, INS5S8563_REG_CTRL2, 0);
	mutex_unlock(&ins->lock);
	if (ret)
		return ret;

	ret = ins5s8563_cached_write(ins, INS5S8563_REG_ALM_MIN, alarm_off,
				     sizeof(alarm_off));
	if (ret)
		return ret;

	return ins5s8563_cached_write(ins, INS5S8563_REG_TIMER_CTRL,
				      &timer_off, 1);
}

static int ins5s8563_rtc_set_time(struct device *dev, struct rtc_time *tm)
{
	struct ins5s8563 *ins = dev_get_drvdata(dev);
	u8 regs[INS5S8563_TIME_LEN] = {
		bin2bcd(tm->tm_sec),	/* VLF = 0 */
		bin2bcd(tm->tm_min),
		bin2bcd(tm->tm_hour),
		bin2bcd(tm->tm_mday),
		/* The rtc core passes tm_wday from userspace unchecked. */
		(div_u64(rtc_tm_to_time64(tm), 86400) + 4) % 7,
		bin2bcd(tm->tm_mon + 1),
		bin2bcd(tm->tm_year - 100),
	};
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
	}

	/*
	 * STOP holds the prescaler in reset while the time is written, so the
	 * first second after the write is a whole one. Control_1 is written
	 * whole (EXT_TEST = 0) and unconditionally, so that a failed transfer
	 * can never leave a cached STOP that disagrees with the chip.
	 */
	ret = regmap_write(ins->regmap, INS5S8563_REG_CTRL1,
			   INS5S8563_CTRL1_STOP);
	if (!ret)
		ret = regmap_bulk_write(ins->regmap, INS5S8563_REG_SEC, regs,
					sizeof(regs));

	/*
	 * Whatever failed, never leave the clock stopped: a second attempt
	 * rides out a transient bus error.
	 */
	for (try = 0; try < 2; try++) {
		err = regmap_write(ins->regmap, INS5S8563_REG_CTRL1, 0);
		if (!err)
			break;
	}
	if (!ret && !err)
		ins->vlf_reported = false;

	return ret ?: err;
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
	.ioctl = ins5s8563_rtc_ioctl,
};

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
	u8 regs[INS5S8563_REG_TIMER_CTRL + 1];
	struct ins5s8563 *ins;
	int ret;

	ins = devm_kzalloc(dev, sizeof(*ins), GFP_KERNEL);
	if (!ins)
		return -ENOMEM;

	ins->dev = dev;
	ins->regmap = regmap;
	mutex_init(&ins->lock);
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
		ins5s8563_power_lost(ins);

	ins->rtc = devm_rtc_allocate_device(dev);
	if (IS_ERR(ins->rtc))
		return PTR_ERR(ins->rtc);

	ins->rtc->ops = &ins5s8563_rtc_ops;
	ins->rtc->range_min = RTC_TIMESTAMP_BEGIN_2000;
	ins->rtc->range_max = RTC_TIMESTAMP_END_2099;
	clear_bit(RTC_FEATURE_UPDATE_INTERRUPT, ins->rtc->features);

	return devm_rtc_register_device(ins->rtc);
}
EXPORT_SYMBOL_IF_KUNIT(ins5s8563_probe);

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
	},
	.probe = ins5s8563_i2c_probe,
	.id_table = ins5s8563_id,
};
module_i2c_driver(ins5s8563_driver);

MODULE_AUTHOR("The INS5S8563 driver authors");
MODULE_DESCRIPTION("Dapu INS5S8563 RTC driver");
MODULE_LICENSE("GPL");
