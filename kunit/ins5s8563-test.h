/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the driver's KUnit suites (ins5s8563-*-test.c) share: the test
 * device on the chip model, and the helpers that read and drive it as a
 * user of the rtc device would. One file per suite, as mainline keeps them.
 */
#ifndef _INS5S8563_TEST_H
#define _INS5S8563_TEST_H

#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/bcd.h>
#include <linux/clk.h>
#include <linux/clk-provider.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irq_sim.h>
#include <linux/irqdomain.h>
#include <linux/kthread.h>
#include <linux/property.h>
#include <linux/regmap.h>
#include <linux/rtc.h>
#include <linux/umh.h>
#include <linux/watchdog.h>

#include "../drivers/rtc/rtc-ins5s8563.h"
#include "ins5s8563-fixture.h"
#include "ins5s8563-model.h"

#define ONE_SECOND	INS5S8563_MODEL_OSC_HZ

struct ins5s8563_test {
	struct ins5s8563_model model;
	/* The model's variant (the module's parameter variant). */
	struct ins5s8563_model_variant variant;
	struct device *dev;
	struct regmap *regmap;
	struct rtc_device *rtc;
	/* Simulated /INT line, when the test asks for one. */
	int irq;
	/*
	 * /INT assertions raise no edge while set: an assertion that came
	 * before the driver requested its edge-triggered interrupt.
	 */
	bool int_muted;
	/* Control_2 bits the race hook sets at the next write of Control_2. */
	u8 race_bits;
	/* The access before which flag_hook sets race_bits in Control_2. */
	unsigned int race_access;
	/*
	 * clkout_power_loss_race: the regmap's own lock, and a clk change
	 * made (by clk_work) whenever fire_task drops that lock before the
	 * first bus write.
	 */
	struct mutex map_lock;
	struct task_struct *fire_task;
	struct work_struct clk_work;
	struct completion clk_done;
	struct clk *clk;
	unsigned int fires;
	bool fire_task_wrote;
	/* The device has its firmware node (ins_add_props()). */
	bool has_props;
	/* Bus accesses seen by the model hook, in order. */
	struct {
		enum ins5s8563_model_dir dir;
		u8 reg;
	} log[32];
	unsigned int nlog;
};

/* A calendar time in a table; mktime64() is no constant expression. */
struct dt {
	unsigned int y, mo, d, h, mi, s;
};

#define DT(y, mo, d, h, mi, s)	{ y, mo, d, h, mi, s }

extern const struct ins5s8563_model_variant *ins5s8563_test_variant;
extern const char * const *ins5s8563_test_props;

void ins_log_access(struct ins5s8563_model *m, void *priv,
		    unsigned int access, enum ins5s8563_model_dir dir, u8 reg);
int ins5s8563_test_init(struct kunit *test);
void ins5s8563_test_exit(struct kunit *test);
int ins_probe(struct kunit *test);
void ins_probe_ok(struct kunit *test);
u8 ins_peek(struct kunit *test, u8 reg);
void ins_poke(struct kunit *test, u8 reg, u8 val);
void ins_poke_time(struct kunit *test, const struct rtc_time *tm);
void ins_expect_time_regs(struct kunit *test, const struct rtc_time *tm);
void ins_expect_tm_eq(struct kunit *test, struct rtc_time *got,
		      struct rtc_time *want);
int ins_set_time(struct kunit *test, struct rtc_time *tm);
time64_t ins_dt64(const struct dt *d);
void ins_add_irq(struct kunit *test);
void ins_add_level_irq(struct kunit *test);
void ins_or_variant(struct kunit *test,
		    const struct ins5s8563_model_variant *v);
bool ins_has_prop(const char *name);
void ins_add_props(struct kunit *test, const struct property_entry *props);
void ins_add_wakeup_source(struct kunit *test);
int ins_read_alarm(struct kunit *test, struct rtc_wkalrm *alrm);
bool ins_wait_for_irq_data(struct ins5s8563_test *t, unsigned long mask);
void ins_poke_running_timer(struct kunit *test, u8 td, u8 ctrl2);
ssize_t ins_cd_store(struct kunit *test, const char *name, const char *val);
void ins_cd_store_ok(struct kunit *test, const char *name, const char *val);
const char *ins_cd_show(struct kunit *test, const char *name);
u32 ins_timer_regs(struct kunit *test);

extern struct kunit_suite ins5s8563_time_suite;
extern struct kunit_suite ins5s8563_alarm_suite;
extern struct kunit_suite ins5s8563_clkout_suite;
extern struct kunit_suite ins5s8563_countdown_suite;
extern struct kunit_suite ins5s8563_exact_suite;
extern struct kunit_suite ins5s8563_wdt_suite;
extern struct kunit_suite ins5s8563_landed_suite;

#endif /* _INS5S8563_TEST_H */
