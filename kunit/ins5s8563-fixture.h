/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the driver's KUnit suites share to put the driver on the chip
 * model: the regmap bus, the rtc device probe registered, the countdown's
 * sysfs attributes, a level-triggered interrupt and the wakeup-source
 * property.
 */
#ifndef _INS5S8563_FIXTURE_H
#define _INS5S8563_FIXTURE_H

#include <kunit/test.h>
#include <linux/device.h>
#include <linux/regmap.h>
#include <linux/rtc.h>

/* The chip's registers and bits, as the tests name them (NOTES.md). */
#define REG_CTRL1	0x00
#define REG_CTRL2	0x01
#define REG_SEC		0x02
#define REG_YEAR	0x08
#define REG_ALM_MIN	0x09
#define REG_CLKOUT	0x0d
#define REG_TIMER_CTRL	0x0e
#define REG_TIMER_LOW	0x0f
#define REG_TIMER_HIGH	0x12
#define REG_TIMER_MID	0x13
#define TIMER_TE	0x80
#define CTRL1_EXT_TEST	0x80
#define CTRL1_STOP	0x20
#define CTRL2_TI_TP	0x10
#define CTRL2_AF	0x08
#define CTRL2_TF	0x04
#define CTRL2_AIE	0x02
#define CTRL2_TIE	0x01
#define SEC_VLF		0x80
#define ALM_AE		0x80

/* Bus transfers go to the struct ins5s8563_model given as bus context. */
extern const struct regmap_bus ins5s8563_model_bus;

/* The rtc device the driver registered below @dev, or NULL. */
struct rtc_device *ins5s8563_fixture_rtc(struct device *dev);

/* The attribute @name of the countdown group of @rtc, or NULL. */
struct device_attribute *ins5s8563_fixture_cd_attr(struct rtc_device *rtc,
						   const char *name);

/*
 * An interrupt the driver takes as level-low (the default it requests
 * when firmware names no trigger), which never fires: the test calls the
 * handler itself, as a level line would after each run. Released through
 * devm of @dev.
 */
int ins5s8563_fixture_level_irq(struct kunit *test, struct device *dev,
				const char *name);

/* Gives @dev the firmware property "wakeup-source". */
int ins5s8563_fixture_wakeup_source(struct device *dev);
/* Gives @dev the firmware property "reset-source": the watchdog. */
int ins5s8563_fixture_reset_source(struct device *dev);

/* The fault sweep (ins5s8563-fault-test.c), registered with the others. */
extern struct kunit_suite ins5s8563_fault_test_suite;

#endif /* _INS5S8563_FIXTURE_H */
