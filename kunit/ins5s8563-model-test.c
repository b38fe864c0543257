// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "ins5s8563-model": the INS5S8563 chip model against the
 * datasheet and the decisions documented in ins5s8563-model.h.
 *
 * The suite is not registered here. ins5s8563-model.h declares
 *
 *	extern struct kunit_suite ins5s8563_model_test_suite;
 *
 * and the driver's test module registers it with its own suites:
 *
 *	kunit_test_suites(&ins5s8563_model_test_suite, ...);
 *
 * Register addresses are spelled out again below from Table 6 rather than
 * shared with the model, so that a wrong constant in one of them shows.
 */

#include <kunit/test.h>
#include <linux/bcd.h>
#include <linux/bits.h>
#include <linux/errno.h>
#include <linux/limits.h>
#include <linux/string.h>

#include "ins5s8563-model.h"

#define R_CTRL1			0x00
#define  C1_EXT_TEST		BIT(7)
#define  C1_STOP		BIT(5)
#define R_CTRL2			0x01
#define  C2_TI_TP		BIT(4)
#define  C2_AF			BIT(3)
#define  C2_TF			BIT(2)
#define  C2_AIE			BIT(1)
#define  C2_TIE			BIT(0)
#define R_SEC			0x02
#define  SEC_VLF		BIT(7)
#define R_MIN			0x03
#define R_HOUR			0x04
#define R_DAY			0x05
#define R_WEEK			0x06
#define R_MONTH			0x07
#define R_YEAR			0x08
#define R_MIN_ALARM		0x09
#define R_HOUR_ALARM		0x0a
#define R_DAY_ALARM		0x0b
#define R_WEEK_ALARM		0x0c
#define  AE			BIT(7)
#define R_CLKOUT		0x0d
#define R_TIMER_CTRL		0x0e
#define  TE			BIT(7)
#define R_TIMER_LO		0x0f
#define R_TIMER_HI		0x12
#define R_TIMER_MID		0x13

#define TD_4096HZ		0
#define TD_64HZ			1
#define TD_1HZ			2
#define TD_1_60HZ		3

#define NREGS			INS5S8563_MODEL_NREGS
#define SEC_TICKS		((u64)INS5S8563_MODEL_OSC_HZ)
#define MIN_TICKS		(60 * SEC_TICKS)
#define HOUR_TICKS		(60 * MIN_TICKS)
#define DAY_TICKS		(24 * HOUR_TICKS)

/* Time registers SEC..YEAR in address order, as BCD. */
enum { T_SEC, T_MIN, T_HOUR, T_DAY, T_WEEK, T_MONTH, T_YEAR, T_NREGS };

#define LOG_LEN			16

struct model_test_hook_call {
	unsigned int access;
	enum ins5s8563_model_dir dir;
	u8 reg;
};

struct model_test_int_call {
	bool asserted;
	/* The chip as the callback saw it, to prove it ran at the event. */
	u32 subsec;
	u8 sec;
	u8 min;
	u8 ctrl2;
};

struct model_test_ctx {
	struct ins5s8563_model *m;

	unsigned int hook_calls;
	struct model_test_hook_call hook_log[LOG_LEN];
	/* When non-zero, the hook pokes poke_val into poke_reg before it. */
	unsigned int poke_at;
	u8 poke_reg;
	u8 poke_val;

	unsigned int int_calls;
	struct model_test_int_call int_log[LOG_LEN];
};

/* Power-on values of Table 6; everything not listed reads 0. */
static const u8 power_on_image[NREGS] = {
	[R_SEC]		= SEC_VLF,
	[R_DAY]		= 0x01,
	[R_MIN_ALARM]	= AE,
	[R_HOUR_ALARM]	= AE,
	[R_DAY_ALARM]	= AE,
	[R_WEEK_ALARM]	= AE,
	[R_CLKOUT]	= 0x80,
};

/* ---- Fixture and helpers ---- */

static int model_test_init(struct kunit *test)
{
	struct model_test_ctx *ctx;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx);
	ctx->m = kunit_kzalloc(test, sizeof(*ctx->m), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx->m);
	ins5s8563_model_init(ctx->m);
	test->priv = ctx;

	return 0;
}

/* What /INT must be, from the registers (the formula of the header). */
static bool model_test_int_expected(const struct ins5s8563_model *m)
{
	u8 c2 = m->regs[R_CTRL2];

	return ((c2 & C2_AF) && (c2 & C2_AIE)) ||
	       ((c2 & C2_TF) && (c2 & C2_TIE) && !(c2 & C2_TI_TP)) ||
	       m->pulse_left;
}

/* Whatever a case did, it must leave the model self-consistent. */
static void model_test_exit(struct kunit *test)
{
	struct model_test_ctx *ctx = test->priv;
	struct ins5s8563_model *m;

	if (!ctx)
		return;
	m = ctx->m;
	KUNIT_EXPECT_LT_MSG(test, m->subsec, INS5S8563_MODEL_OSC_HZ,
			    "prescaler out of range");
	KUNIT_EXPECT_LE_MSG(test, m->timer_reload, 0xffffff,
			    "timer reload wider than 24 bits");
	KUNIT_EXPECT_EQ_MSG(test, m->int_asserted, model_test_int_expected(m),
			    "/INT level does not follow the registers");
}

static struct ins5s8563_model *model(struct kunit *test)
{
	return ((struct model_test_ctx *)test->priv)->m;
}

/* One write transaction: @reg, then @len bytes of @data. */
static void write_regs(struct kunit *test, u8 reg, const u8 *data, size_t len)
{
	u8 buf[16];

	KUNIT_ASSERT_LT(test, len, sizeof(buf));
	buf[0] = reg;
	memcpy(buf + 1, data, len);
	KUNIT_ASSERT_EQ_MSG(test, ins5s8563_model_write(model(test), buf,
							len + 1), 0,
			    "write of %zu bytes at %#04x failed", len, reg);
}

static void write_reg(struct kunit *test, u8 reg, u8 val)
{
	write_regs(test, reg, &val, 1);
}

static u8 read_reg(struct kunit *test, u8 reg)
{
	u8 val = 0;

	KUNIT_ASSERT_EQ_MSG(test, ins5s8563_model_read_regs(model(test), reg,
							    &val, 1), 0,
			    "read of %#04x failed", reg);
	return val;
}

static void read_time(struct kunit *test, u8 *time)
{
	KUNIT_ASSERT_EQ(test, ins5s8563_model_read_regs(model(test), R_SEC,
							time, T_NREGS), 0);
}

/* Counter value in 0x0f (7..0), 0x13 (15..8), 0x12 (23..16). */
static u32 read_count(struct kunit *test)
{
	u8 regs[5];

	KUNIT_ASSERT_EQ(test, ins5s8563_model_read_regs(model(test), R_TIMER_LO,
							regs, sizeof(regs)), 0);
	return regs[0] | regs[R_TIMER_MID - R_TIMER_LO] << 8 |
	       regs[R_TIMER_HI - R_TIMER_LO] << 16;
}

/* Load the counter (live and reload) and start it with source @td. */
static void start_timer(struct kunit *test, unsigned int td, u32 count)
{
	write_reg(test, R_TIMER_LO, count & 0xff);
	write_reg(test, R_TIMER_MID, (count >> 8) & 0xff);
	write_reg(test, R_TIMER_HI, count >> 16);
	write_reg(test, R_TIMER_CTRL, TE | td);
}

static void model_test_hook(struct ins5s8563_model *m, void *priv,
			    unsigned int access, enum ins5s8563_model_dir dir,
			    u8 reg)
{
	struct model_test_ctx *ctx = priv;

	if (ctx->hook_calls < LOG_LEN) {
		ctx->hook_log[ctx->hook_calls].access = access;
		ctx->hook_log[ctx->hook_calls].dir = dir;
		ctx->hook_log[ctx->hook_calls].reg = reg;
	}
	ctx->hook_calls++;

	if (ctx->poke_at && access == ctx->poke_at)
		__ins5s8563_model_poke(m, ctx->poke_reg, ctx->poke_val);
}

static void model_test_int_cb(struct ins5s8563_model *m, void *priv,
			      bool asserted)
{
	struct model_test_ctx *ctx = priv;
	struct model_test_int_call *call;

	if (ctx->int_calls < LOG_LEN) {
		call = &ctx->int_log[ctx->int_calls];
		call->asserted = asserted;
		call->subsec = m->subsec;
		call->sec = m->regs[R_SEC];
		call->min = m->regs[R_MIN];
		call->ctrl2 = m->regs[R_CTRL2];
	}
	ctx->int_calls++;
}

static void watch_int(struct kunit *test)
{
	ins5s8563_model_set_int_cb(model(test), model_test_int_cb, test->priv);
}

static void watch_accesses(struct kunit *test)
{
	ins5s8563_model_set_hook(model(test), model_test_hook, test->priv);
}

/* ---- Power-on state ---- */

static void power_on_image_test(struct kunit *test)
{
	struct ins5s8563_model *m = model(test);
	u8 img[NREGS];
	u8 first;

	memset(img, 0xee, sizeof(img));
	KUNIT_ASSERT_EQ(test, ins5s8563_model_read_regs(m, 0, img, NREGS), 0);
	KUNIT_EXPECT_MEMEQ_MSG(test, img, power_on_image, NREGS,
			       "bus image after power-on differs from Table 6");
	KUNIT_EXPECT_MEMEQ_MSG(test, m->regs, power_on_image, NREGS,
			       "register file after power-on differs");

	/* 256 bytes took the pointer all the way round to 0x00. */
	KUNIT_ASSERT_EQ(test, ins5s8563_model_read(m, &first, 1), 0);
	KUNIT_EXPECT_EQ(test, first, power_on_image[R_CTRL1]);
	KUNIT_EXPECT_EQ(test, m->ptr, 1);

	KUNIT_EXPECT_EQ(test, m->timer_reload, 0);
	KUNIT_EXPECT_EQ(test, m->subsec, 0);
	KUNIT_EXPECT_EQ(test, m->pulse_left, 0);
	KUNIT_EXPECT_FALSE_MSG(test, ins5s8563_model_int(m),
			       "/INT must be released at power-on");
}

static void power_on_reset_test(struct kunit *test)
{
	struct model_test_ctx *ctx = test->priv;
	struct ins5s8563_model *m = ctx->m;
	static const u8 time[T_NREGS] = {
		0x56, 0x34, 0x12, 0x15, 0x04, 0x06, 0x23,
	};

	watch_accesses(test);
	watch_int(test);
	write_regs(test, R_SEC, time, sizeof(time));
	write_reg(test, R_MIN_ALARM, 0x35);
	write_reg(test, R_CTRL2, C2_AIE | C2_TIE);
	start_timer(test, TD_64HZ, 0x123456);
	ins5s8563_model_advance(m, 2 * MIN_TICKS + 1000);
	ins5s8563_model_fail(m, 100, 2, -EBUSY);
	KUNIT_ASSERT_TRUE_MSG(test, ins5s8563_model_int(m),
			      "setup: the alarm should have fired");

	ins5s8563_model_power_on_reset(m);

	KUNIT_EXPECT_MEMEQ_MSG(test, m->regs, power_on_image, NREGS,
			       "power-on reset must restore Table 6");
	KUNIT_EXPECT_EQ(test, m->ptr, 0);
	KUNIT_EXPECT_EQ(test, m->subsec, 0);
	KUNIT_EXPECT_EQ(test, m->timer_reload, 0);
	KUNIT_EXPECT_FALSE(test, ins5s8563_model_int(m));
	KUNIT_EXPECT_EQ_MSG(test, ctx->int_calls, 2,
			    "the power loss releases /INT: one more callback");
	KUNIT_EXPECT_FALSE(test, ctx->int_log[1].asserted);

	/* Hooks, counters and fault injection survive a power loss. */
	KUNIT_EXPECT_EQ(test, m->accesses, 7);
	KUNIT_EXPECT_EQ(test, m->alarm_matches, 1);
	KUNIT_EXPECT_EQ(test, m->fail_at, 100);
	KUNIT_EXPECT_EQ(test, m->fail_count, 2);
	KUNIT_EXPECT_PTR_EQ(test, m->hook, &model_test_hook);
	KUNIT_EXPECT_PTR_EQ(test, m->int_cb, &model_test_int_cb);

	/* ins5s8563_model_init() forgets all of it. */
	ins5s8563_model_init(m);
	KUNIT_EXPECT_MEMEQ(test, m->regs, power_on_image, NREGS);
	KUNIT_EXPECT_EQ(test, m->accesses, 0);
	KUNIT_EXPECT_EQ(test, m->alarm_matches, 0);
	KUNIT_EXPECT_EQ(test, m->fail_at, 0);
	KUNIT_EXPECT_EQ(test, m->fail_count, 0);
	KUNIT_EXPECT_NULL(test, m->hook);
	KUNIT_EXPECT_NULL(test, m->int_cb);
}

/* ---- Bus: masks, flags, pointer ---- */

struct model_test_mask {
	u8 reg;
	/* Read back after writing 0xff over the power-on state. */
	u8 first;
	/* Read back after writing 0x00, then 0xff again. */
	u8 again;
};

static const struct model_test_mask model_test_masks[] = {
	{ R_CTRL1,	0xa0, 0xa0 },	/* EXT_TEST, STOP */
	{ R_CTRL2,	0x13, 0x13 },	/* AF, TF cannot be set */
	{ R_SEC,	0xff, 0x7f },	/* VLF stays 1, then cannot be set */
	{ R_MIN,	0x7f, 0x7f },
	{ R_HOUR,	0x3f, 0x3f },
	{ R_DAY,	0x3f, 0x3f },
	{ R_WEEK,	0x07, 0x07 },
	{ R_MONTH,	0x1f, 0x1f },
	{ R_YEAR,	0xff, 0xff },
	{ R_MIN_ALARM,	0xff, 0xff },
	{ R_HOUR_ALARM,	0xbf, 0xbf },
	{ R_DAY_ALARM,	0xbf, 0xbf },
	{ R_WEEK_ALARM,	0x87, 0x87 },
	{ R_CLKOUT,	0x83, 0x83 },
	{ R_TIMER_CTRL,	0x83, 0x83 },
	{ R_TIMER_LO,	0xff, 0xff },
	{ 0x10,		0x00, 0x00 },	/* no register */
	{ 0x11,		0x00, 0x00 },
	{ R_TIMER_HI,	0xff, 0xff },
	{ R_TIMER_MID,	0xff, 0xff },
	{ 0x14,		0x00, 0x00 },
	{ 0x80,		0x00, 0x00 },
	{ 0xff,		0x00, 0x00 },
};

static void model_test_mask_desc(const struct model_test_mask *p, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "reg %#04x: 0xff reads %#04x",
		 p->reg, p->first);
}

KUNIT_ARRAY_PARAM(model_test_mask, model_test_masks, model_test_mask_desc);

static void reserved_bits_test(struct kunit *test)
{
	const struct model_test_mask *p = test->param_value;
	struct ins5s8563_model *m = model(test);
	u8 expected[NREGS];
	u8 img[NREGS];

	write_reg(test, p->reg, 0xff);
	KUNIT_EXPECT_EQ_MSG(test, read_reg(test, p->reg), p->first,
			    "reserved bits must read 0 after writing 0xff");

	/* No other register moved. */
	memcpy(expected, power_on_image, NREGS);
	expected[p->reg] = p->first;
	KUNIT_ASSERT_EQ(test, ins5s8563_model_read_regs(m, 0, img, NREGS), 0);
	KUNIT_EXPECT_MEMEQ_MSG(test, img, expected, NREGS,
			       "a write of %#04x touched another register",
			       p->reg);

	write_reg(test, p->reg, 0x00);
	KUNIT_EXPECT_EQ(test, read_reg(test, p->reg), 0x00);
	write_reg(test, p->reg, 0xff);
	KUNIT_EXPECT_EQ_MSG(test, read_reg(test, p->reg), p->again,
			    "0x00 then 0xff");
}

struct model_test_flag {
	const char *desc;
	u8 reg;
	u8 poked;	/* register before the write */
	u8 written;	/* bus write */
	u8 expected;
};

static const struct model_test_flag model_test_flags[] = {
	{ "AF kept by writing 1",	R_CTRL2, C2_AF, C2_AF, C2_AF },
	{ "AF cleared by writing 0",	R_CTRL2, C2_AF, 0x00, 0x00 },
	{ "AF not set by writing 1",	R_CTRL2, 0x00, C2_AF, 0x00 },
	{ "TF kept by writing 1",	R_CTRL2, C2_TF, C2_TF, C2_TF },
	{ "TF cleared by writing 0",	R_CTRL2, C2_TF, 0x00, 0x00 },
	{ "TF not set by writing 1",	R_CTRL2, 0x00, C2_TF, 0x00 },
	{ "clear AF, keep TF",		R_CTRL2, C2_AF | C2_TF, C2_TF, C2_TF },
	{ "clear TF, keep AF, set enables", R_CTRL2, C2_AF | C2_TF,
	  C2_AF | C2_TI_TP | C2_AIE | C2_TIE,
	  C2_AF | C2_TI_TP | C2_AIE | C2_TIE },
	{ "keep both, clear enables",	R_CTRL2, 0x1f, C2_AF | C2_TF,
	  C2_AF | C2_TF },
	{ "VLF kept by writing 1",	R_SEC, SEC_VLF, SEC_VLF | 0x25,
	  SEC_VLF | 0x25 },
	{ "VLF cleared by writing 0",	R_SEC, SEC_VLF | 0x59, 0x25, 0x25 },
	{ "VLF not set by writing 1",	R_SEC, 0x00, SEC_VLF | 0x12, 0x12 },
};

KUNIT_ARRAY_PARAM_DESC(model_test_flag, model_test_flags, desc);

static void flags_write_zero_only_test(struct kunit *test)
{
	const struct model_test_flag *p = test->param_value;

	ins5s8563_model_poke(model(test), p->reg, p->poked);
	write_reg(test, p->reg, p->written);
	KUNIT_EXPECT_EQ_MSG(test, read_reg(test, p->reg), p->expected,
			    "%#04x was %#04x, wrote %#04x", p->reg, p->poked,
			    p->written);
}

static void pointer_read_wrap_test(struct kunit *test)
{
	struct ins5s8563_model *m = model(test);
	static const u8 expected[] = { 0x00, 0x00, 0xa0, 0x13 };
	u8 set_ptr = 0xfe;
	u8 buf[4];

	ins5s8563_model_poke(m, R_CTRL1, 0xa0);
	ins5s8563_model_poke(m, R_CTRL2, 0x13);

	/* A write of the address alone only sets the pointer. */
	KUNIT_ASSERT_EQ(test, ins5s8563_model_write(m, &set_ptr, 1), 0);
	KUNIT_EXPECT_EQ(test, m->ptr, 0xfe);
	KUNIT_ASSERT_EQ(test, ins5s8563_model_read(m, buf, sizeof(buf)), 0);
	KUNIT_EXPECT_MEMEQ_MSG(test, buf, expected, sizeof(buf),
			       "read from 0xfe must wrap to 0x00");

	/* The next read carries on where the last one stopped. */
	KUNIT_ASSERT_EQ(test, ins5s8563_model_read(m, buf, 1), 0);
	KUNIT_EXPECT_EQ_MSG(test, buf[0], SEC_VLF, "pointer must be at 0x02");

	/* read_regs() sets the pointer, and leaves it after the last byte. */
	KUNIT_ASSERT_EQ(test, ins5s8563_model_read_regs(m, 0xff, buf, 3), 0);
	KUNIT_EXPECT_MEMEQ(test, buf, &expected[1], 3);
	KUNIT_ASSERT_EQ(test, ins5s8563_model_read(m, buf, 1), 0);
	KUNIT_EXPECT_EQ_MSG(test, buf[0], SEC_VLF, "pointer must be at 0x02");
}

static void pointer_write_wrap_test(struct kunit *test)
{
	struct ins5s8563_model *m = model(test);
	static const u8 data[] = { 0x5a, 0xff, 0xff, 0x31 };
	u8 buf;

	/* 0xff holds nothing; then 0x00, 0x01, 0x02. */
	write_regs(test, 0xff, data, sizeof(data));
	KUNIT_EXPECT_EQ(test, m->ptr, 0x03);
	KUNIT_EXPECT_EQ(test, read_reg(test, 0xff), 0x00);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_CTRL1), C1_EXT_TEST | C1_STOP);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_CTRL2), 0x13);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_SEC), 0x31);

	/* A read without address starts where the write stopped. */
	write_regs(test, R_MIN, data, 0);
	KUNIT_ASSERT_EQ(test, ins5s8563_model_read(m, &buf, 1), 0);
	KUNIT_EXPECT_EQ(test, buf, 0x00);
	KUNIT_EXPECT_EQ(test, m->ptr, R_HOUR);
}

static void unimplemented_regs_test(struct kunit *test)
{
	struct ins5s8563_model *m = model(test);
	static const u8 data[] = { 0x12, 0xaa, 0xbb, 0x34, 0x56 };
	static const u8 expected[] = { 0x12, 0x00, 0x00, 0x34, 0x56 };
	u8 buf[5];

	/* One burst from 0x0f to 0x13 steps through 0x10 and 0x11. */
	write_regs(test, R_TIMER_LO, data, sizeof(data));
	KUNIT_ASSERT_EQ(test, ins5s8563_model_read_regs(m, R_TIMER_LO, buf,
							sizeof(buf)), 0);
	KUNIT_EXPECT_MEMEQ_MSG(test, buf, expected, sizeof(buf),
			       "0x10 and 0x11 must read 0 and ignore writes");
	KUNIT_EXPECT_EQ(test, m->timer_reload, 0x345612);

	ins5s8563_model_poke(m, 0x10, 0x55);
	ins5s8563_model_poke(m, 0x11, 0x55);
	KUNIT_EXPECT_EQ_MSG(test, read_reg(test, 0x10), 0,
			    "a poke cannot create a register");
	KUNIT_EXPECT_EQ(test, ins5s8563_model_peek(m, 0x11), 0);
}

/* ---- Calendar ---- */

struct model_test_cal {
	const char *desc;
	u8 from[T_NREGS];	/* SEC..YEAR */
	u64 ticks;
	u8 to[T_NREGS];
};

#define CAL(s, mi, h, d, w, mo, y)	{ s, mi, h, d, w, mo, y }

static const struct model_test_cal model_test_cals[] = {
	{ "second",
	  CAL(0x56, 0x34, 0x12, 0x15, 4, 0x06, 0x23), SEC_TICKS,
	  CAL(0x57, 0x34, 0x12, 0x15, 4, 0x06, 0x23) },
	{ "half a second moves nothing",
	  CAL(0x56, 0x34, 0x12, 0x15, 4, 0x06, 0x23), SEC_TICKS / 2,
	  CAL(0x56, 0x34, 0x12, 0x15, 4, 0x06, 0x23) },
	{ "minute carry",
	  CAL(0x59, 0x34, 0x12, 0x15, 4, 0x06, 0x23), SEC_TICKS,
	  CAL(0x00, 0x35, 0x12, 0x15, 4, 0x06, 0x23) },
	{ "hour carry",
	  CAL(0x59, 0x59, 0x12, 0x15, 4, 0x06, 0x23), SEC_TICKS,
	  CAL(0x00, 0x00, 0x13, 0x15, 4, 0x06, 0x23) },
	{ "day carry",
	  CAL(0x59, 0x59, 0x23, 0x15, 4, 0x06, 0x23), SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x16, 5, 0x06, 0x23) },
	{ "VLF survives the carry",
	  CAL(0xd9, 0x34, 0x12, 0x15, 4, 0x06, 0x23), SEC_TICKS,
	  CAL(0x80, 0x35, 0x12, 0x15, 4, 0x06, 0x23) },
	{ "2023-01-31 ends January",
	  CAL(0x59, 0x59, 0x23, 0x31, 2, 0x01, 0x23), SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x01, 3, 0x02, 0x23) },
	{ "2023-02-28 ends February",
	  CAL(0x59, 0x59, 0x23, 0x28, 2, 0x02, 0x23), SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x01, 3, 0x03, 0x23) },
	{ "2024-02-28 is not the end",
	  CAL(0x59, 0x59, 0x23, 0x28, 3, 0x02, 0x24), SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x29, 4, 0x02, 0x24) },
	{ "2024-02-29 ends February",
	  CAL(0x59, 0x59, 0x23, 0x29, 4, 0x02, 0x24), SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x01, 5, 0x03, 0x24) },
	{ "2000-02-28: 2000 is leap",
	  CAL(0x59, 0x59, 0x23, 0x28, 1, 0x02, 0x00), SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x29, 2, 0x02, 0x00) },
	{ "2000-02-29 ends February",
	  CAL(0x59, 0x59, 0x23, 0x29, 2, 0x02, 0x00), SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x01, 3, 0x03, 0x00) },
	{ "new year",
	  CAL(0x59, 0x59, 0x23, 0x31, 0, 0x12, 0x23), SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x01, 1, 0x01, 0x24) },
	/* The weekday only counts on: the chip knows no 2100. */
	{ "2099-12-31 wraps to 2000-01-01",
	  CAL(0x59, 0x59, 0x23, 0x31, 4, 0x12, 0x99), SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x01, 5, 0x01, 0x00) },
	{ "Saturday to Sunday",
	  CAL(0x59, 0x59, 0x23, 0x17, 6, 0x06, 0x23), SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x18, 0, 0x06, 0x23) },
	{ "an hour in one call",
	  CAL(0x56, 0x34, 0x12, 0x15, 4, 0x06, 0x23), HOUR_TICKS,
	  CAL(0x56, 0x34, 0x13, 0x15, 4, 0x06, 0x23) },
	{ "a day in one call",
	  CAL(0x00, 0x00, 0x12, 0x28, 2, 0x02, 0x23), DAY_TICKS,
	  CAL(0x00, 0x00, 0x12, 0x01, 3, 0x03, 0x23) },
	{ "100 days",
	  CAL(0x00, 0x00, 0x00, 0x01, 0, 0x01, 0x23), 100 * DAY_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x11, 2, 0x04, 0x23) },
	{ "400 days and a second",
	  CAL(0x59, 0x59, 0x23, 0x31, 6, 0x12, 0x22),
	  400 * DAY_TICKS + SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x05, 1, 0x02, 0x24) },
	{ "3 years and a day",
	  CAL(0x00, 0x00, 0x00, 0x01, 0, 0x01, 0x23), 1096 * DAY_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x01, 4, 0x01, 0x26) },
	/* 2099-06-01 + 365 days: the chip's "2000" has a 29 February. */
	{ "across the wrap, through a leap 2000",
	  CAL(0x00, 0x00, 0x00, 0x01, 1, 0x06, 0x99), 365 * DAY_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x31, 2, 0x05, 0x00) },
};

static void model_test_cal_desc(const struct model_test_cal *p, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE,
		 "%s: 20%02x-%02x-%02x %02x:%02x:%02x w%x +%llu ticks",
		 p->desc, p->from[T_YEAR], p->from[T_MONTH], p->from[T_DAY],
		 p->from[T_HOUR], p->from[T_MIN], p->from[T_SEC],
		 p->from[T_WEEK], p->ticks);
}

KUNIT_ARRAY_PARAM(model_test_cal, model_test_cals, model_test_cal_desc);

static void check_cal(struct kunit *test, const struct model_test_cal *p,
		      bool poke)
{
	struct ins5s8563_model *m = model(test);
	u8 time[T_NREGS];
	int i;

	if (poke) {
		for (i = 0; i < T_NREGS; i++)
			ins5s8563_model_poke(m, R_SEC + i, p->from[i]);
	} else {
		write_regs(test, R_SEC, p->from, T_NREGS);
	}
	ins5s8563_model_advance(m, p->ticks);
	read_time(test, time);

	KUNIT_EXPECT_MEMEQ_MSG(test, time, p->to, T_NREGS,
			       "expected 20%02x-%02x-%02x %02x:%02x:%02x w%x",
			       p->to[T_YEAR], p->to[T_MONTH], p->to[T_DAY],
			       p->to[T_HOUR], p->to[T_MIN], p->to[T_SEC],
			       p->to[T_WEEK]);
}

static void calendar_test(struct kunit *test)
{
	check_cal(test, test->param_value, false);
}

/* Invalid BCD, poked: deterministic, bounded (see the header). */
static const struct model_test_cal model_test_bad_cals[] = {
	{ "second 0x5a wraps",
	  CAL(0x5a, 0x34, 0x12, 0x15, 4, 0x06, 0x23), SEC_TICKS,
	  CAL(0x00, 0x35, 0x12, 0x15, 4, 0x06, 0x23) },
	{ "second 0x0a counts on as 10",
	  CAL(0x0a, 0x34, 0x12, 0x15, 4, 0x06, 0x23), SEC_TICKS,
	  CAL(0x11, 0x34, 0x12, 0x15, 4, 0x06, 0x23) },
	{ "second 0x7f wraps",
	  CAL(0xff, 0x34, 0x12, 0x15, 4, 0x06, 0x23), SEC_TICKS,
	  CAL(0x80, 0x35, 0x12, 0x15, 4, 0x06, 0x23) },
	{ "minute 0x7f wraps",
	  CAL(0x59, 0x7f, 0x12, 0x15, 4, 0x06, 0x23), SEC_TICKS,
	  CAL(0x00, 0x00, 0x13, 0x15, 4, 0x06, 0x23) },
	{ "hour 0x3f wraps",
	  CAL(0x59, 0x59, 0x3f, 0x15, 4, 0x06, 0x23), SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x16, 5, 0x06, 0x23) },
	{ "hour 0x24 wraps",
	  CAL(0x59, 0x59, 0x24, 0x15, 4, 0x06, 0x23), SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x16, 5, 0x06, 0x23) },
	{ "day 0x3f ends the month",
	  CAL(0x59, 0x59, 0x23, 0x3f, 4, 0x06, 0x23), SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x01, 5, 0x07, 0x23) },
	{ "February 31st ends the month",
	  CAL(0x59, 0x59, 0x23, 0x31, 4, 0x02, 0x23), SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x01, 5, 0x03, 0x23) },
	{ "day 0 counts to 1",
	  CAL(0x59, 0x59, 0x23, 0x00, 4, 0x06, 0x23), SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x01, 5, 0x06, 0x23) },
	{ "weekday 7 wraps",
	  CAL(0x59, 0x59, 0x23, 0x15, 7, 0x06, 0x23), SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x16, 0, 0x06, 0x23) },
	{ "month 0 (power-on) has 31 days",
	  CAL(0x59, 0x59, 0x23, 0x30, 0, 0x00, 0x00), SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x31, 1, 0x00, 0x00) },
	{ "month 0 carries to January",
	  CAL(0x59, 0x59, 0x23, 0x31, 0, 0x00, 0x00), SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x01, 1, 0x01, 0x00) },
	{ "month 0x1f wraps to the next year",
	  CAL(0x59, 0x59, 0x23, 0x31, 0, 0x1f, 0x23), SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x01, 1, 0x01, 0x24) },
	{ "year 0xff wraps",
	  CAL(0x59, 0x59, 0x23, 0x31, 0, 0x12, 0xff), SEC_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x01, 1, 0x01, 0x00) },
	/*
	 * Everything 0xff: the first second carries all the way to
	 * 2000-01-01 w0; a leap year later it is 2001. Bits outside the
	 * fields (reserved bits a poke set) are left alone, like VLF.
	 */
	{ "all 0xff, a year later",
	  CAL(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff),
	  366 * DAY_TICKS + SEC_TICKS,
	  CAL(0x80, 0x80, 0xc0, 0xc1, 0xfa, 0xe1, 0x01) },
};

KUNIT_ARRAY_PARAM(model_test_bad_cal, model_test_bad_cals,
		  model_test_cal_desc);

static void invalid_bcd_test(struct kunit *test)
{
	check_cal(test, test->param_value, true);
}

struct model_test_month {
	u8 year;	/* BCD */
	u8 month;	/* BCD */
	u8 days;	/* BCD */
};

static const struct model_test_month model_test_months[] = {
	{ 0x23, 0x01, 0x31 }, { 0x23, 0x02, 0x28 }, { 0x23, 0x03, 0x31 },
	{ 0x23, 0x04, 0x30 }, { 0x23, 0x05, 0x31 }, { 0x23, 0x06, 0x30 },
	{ 0x23, 0x07, 0x31 }, { 0x23, 0x08, 0x31 }, { 0x23, 0x09, 0x30 },
	{ 0x23, 0x10, 0x31 }, { 0x23, 0x11, 0x30 }, { 0x23, 0x12, 0x31 },
	{ 0x24, 0x02, 0x29 }, { 0x00, 0x02, 0x29 }, { 0x99, 0x02, 0x28 },
	{ 0x96, 0x02, 0x29 },
};

static void model_test_month_desc(const struct model_test_month *p,
				  char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "20%02x-%02x has %x days",
		 p->year, p->month, p->days);
}

KUNIT_ARRAY_PARAM(model_test_month, model_test_months, model_test_month_desc);

static void month_length_test(struct kunit *test)
{
	const struct model_test_month *p = test->param_value;
	u8 next_month = p->month == 0x12 ? 0x01 :
			p->month == 0x09 ? 0x10 : p->month + 1;
	u8 next_year = p->month == 0x12 ? p->year + 1 : p->year;
	u8 time[T_NREGS] = { 0x59, 0x59, 0x23, bin2bcd(bcd2bin(p->days) - 1),
			     3, p->month, p->year };

	/* The day before the last: no carry. */
	write_regs(test, R_SEC, time, T_NREGS);
	ins5s8563_model_advance(model(test), SEC_TICKS);
	read_time(test, time);
	KUNIT_EXPECT_EQ_MSG(test, time[T_DAY], p->days, "last day is missing");
	KUNIT_EXPECT_EQ(test, time[T_MONTH], p->month);

	/* The last day: carry into the next month. */
	ins5s8563_model_advance(model(test), DAY_TICKS);
	read_time(test, time);
	KUNIT_EXPECT_EQ_MSG(test, time[T_DAY], 0x01, "month is too long");
	KUNIT_EXPECT_EQ(test, time[T_MONTH], next_month);
	KUNIT_EXPECT_EQ(test, time[T_YEAR], next_year);
	KUNIT_EXPECT_EQ(test, time[T_WEEK], 5);
}

static void stop_test(struct kunit *test)
{
	struct ins5s8563_model *m = model(test);
	static const u8 time[T_NREGS] = {
		0x56, 0x34, 0x12, 0x15, 4, 0x06, 0x23,
	};
	u8 now[T_NREGS];

	write_regs(test, R_SEC, time, T_NREGS);
	start_timer(test, TD_64HZ, 1000);
	/* 359 edges of 64 Hz. */
	ins5s8563_model_advance(m, 5 * SEC_TICKS + 20000);
	KUNIT_ASSERT_EQ(test, read_count(test), 641);
	KUNIT_ASSERT_EQ(test, m->subsec, 20000);

	write_reg(test, R_CTRL1, C1_STOP);
	KUNIT_EXPECT_EQ_MSG(test, m->subsec, 0, "STOP 0->1 resets the prescaler");

	ins5s8563_model_advance(m, 10 * DAY_TICKS);
	read_time(test, now);
	KUNIT_EXPECT_EQ_MSG(test, now[T_SEC], 0x01, "calendar moved while stopped");
	KUNIT_EXPECT_EQ(test, now[T_MIN], 0x35);
	KUNIT_EXPECT_EQ(test, now[T_DAY], 0x15);
	KUNIT_EXPECT_EQ_MSG(test, read_count(test), 641, "timer moved while stopped");
	KUNIT_EXPECT_EQ(test, m->subsec, 0);

	/* Running again: a whole second to the next carry. */
	write_reg(test, R_CTRL1, 0);
	ins5s8563_model_advance(m, SEC_TICKS - 1);
	KUNIT_EXPECT_EQ_MSG(test, read_reg(test, R_SEC), 0x01,
			    "the first second after STOP 1->0 was short");
	KUNIT_EXPECT_EQ(test, read_count(test), 641 - 63);
	ins5s8563_model_advance(m, 1);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_SEC), 0x02);
	KUNIT_EXPECT_EQ(test, read_count(test), 641 - 64);
}

/* ---- Alarm ---- */

struct model_test_alarm {
	const char *desc;
	u8 alarm[4];	/* 0x09..0x0c, poked (reserved bits included) */
	bool fires;
};

/* At 2023-03-15 (Wednesday) 10:29:59 + 1 s. */
static const struct model_test_alarm model_test_alarms[] = {
	{ "minute alone",		{ 0x30, AE, AE, AE }, true },
	{ "minute differs",		{ 0x31, AE, AE, AE }, false },
	{ "minute before the rollover",	{ 0x29, AE, AE, AE }, false },
	{ "hour alone",			{ AE, 0x10, AE, AE }, true },
	{ "hour differs",		{ AE, 0x11, AE, AE }, false },
	{ "day alone",			{ AE, AE, 0x15, AE }, true },
	{ "day differs",		{ AE, AE, 0x16, AE }, false },
	{ "weekday alone",		{ AE, AE, AE, 0x03 }, true },
	{ "weekday differs",		{ AE, AE, AE, 0x04 }, false },
	{ "minute and hour",		{ 0x30, 0x10, AE, AE }, true },
	{ "minute matches, hour not",	{ 0x30, 0x11, AE, AE }, false },
	{ "day and weekday",		{ AE, AE, 0x15, 0x03 }, true },
	{ "all four",			{ 0x30, 0x10, 0x15, 0x03 }, true },
	{ "all four, weekday differs",	{ 0x30, 0x10, 0x15, 0x02 }, false },
	{ "all disabled, values equal",
	  { AE | 0x30, AE | 0x10, AE | 0x15, AE | 0x03 }, false },
	{ "reserved bits ignored",	{ 0x30, 0x50, 0x55, 0x7b }, true },
};

KUNIT_ARRAY_PARAM_DESC(model_test_alarm, model_test_alarms, desc);

static void alarm_match_test(struct kunit *test)
{
	const struct model_test_alarm *p = test->param_value;
	struct ins5s8563_model *m = model(test);
	static const u8 time[T_NREGS] = {
		0x59, 0x29, 0x10, 0x15, 3, 0x03, 0x23,
	};
	int i;

	write_regs(test, R_SEC, time, T_NREGS);
	for (i = 0; i < 4; i++)
		ins5s8563_model_poke(m, R_MIN_ALARM + i, p->alarm[i]);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_CTRL2), 0);

	ins5s8563_model_advance(m, SEC_TICKS - 1);
	KUNIT_EXPECT_EQ_MSG(test, read_reg(test, R_CTRL2), 0,
			    "AF before the minute rollover");

	ins5s8563_model_advance(m, 1);
	KUNIT_EXPECT_EQ_MSG(test, read_reg(test, R_CTRL2), p->fires ? C2_AF : 0,
			    "alarm %02x %02x %02x %02x at 10:30:00 day 15 w3",
			    p->alarm[0], p->alarm[1], p->alarm[2], p->alarm[3]);
	KUNIT_EXPECT_EQ(test, m->alarm_matches, p->fires);
	KUNIT_EXPECT_FALSE_MSG(test, ins5s8563_model_int(m),
			       "AF must not drive /INT with AIE=0");
}

static void alarm_once_per_minute_test(struct kunit *test)
{
	struct ins5s8563_model *m = model(test);
	static const u8 time[T_NREGS] = {
		0x59, 0x29, 0x10, 0x15, 3, 0x03, 0x23,
	};
	static const u8 alarm[] = { 0x30, AE, AE, AE };

	write_regs(test, R_MIN_ALARM, alarm, sizeof(alarm));
	write_reg(test, R_CTRL2, C2_AIE);

	/* Writing a matching time is not a rollover. */
	write_regs(test, R_SEC, (const u8[]){ 0x00, 0x30 }, 2);
	KUNIT_EXPECT_EQ_MSG(test, read_reg(test, R_CTRL2), C2_AIE,
			    "writing the time must not fire the alarm");

	write_regs(test, R_SEC, time, T_NREGS);
	ins5s8563_model_advance(m, SEC_TICKS);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_CTRL2), C2_AF | C2_AIE);
	KUNIT_EXPECT_TRUE(test, ins5s8563_model_int(m));

	/* Cleared inside the matching minute: it stays cleared. */
	write_reg(test, R_CTRL2, C2_AIE);
	KUNIT_EXPECT_FALSE(test, ins5s8563_model_int(m));
	ins5s8563_model_advance(m, 59 * SEC_TICKS);
	KUNIT_EXPECT_EQ_MSG(test, read_reg(test, R_CTRL2), C2_AIE,
			    "the alarm fired twice in 10:30");
	ins5s8563_model_advance(m, SEC_TICKS);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_MIN), 0x31);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_CTRL2), C2_AIE);

	/* Next hour, same minute. */
	ins5s8563_model_advance(m, 59 * MIN_TICKS);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_HOUR), 0x11);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_CTRL2), C2_AF | C2_AIE);
	KUNIT_EXPECT_EQ(test, m->alarm_matches, 2);
}

/* ---- Countdown timer ---- */

struct model_test_timer {
	const char *desc;
	unsigned int td;
	u32 count;
	u64 before;	/* ticks run before the timer is started */
	u64 expiry;	/* ticks from the start to the 1 -> 0 edge */
};

static const struct model_test_timer model_test_timers[] = {
	{ "4096 Hz, 1",			TD_4096HZ, 1, 0, 8 },
	{ "4096 Hz, 1, 3 ticks into a period", TD_4096HZ, 1, 3, 5 },
	{ "4096 Hz, 4096",		TD_4096HZ, 4096, 0, SEC_TICKS },
	{ "4096 Hz, 0x123456",		TD_4096HZ, 0x123456, 0, 0x123456 * 8 },
	{ "64 Hz, 1",			TD_64HZ, 1, 0, 512 },
	{ "64 Hz, 64, 100 ticks in",	TD_64HZ, 64, 100, SEC_TICKS - 100 },
	{ "1 Hz, 1",			TD_1HZ, 1, 0, SEC_TICKS },
	{ "1 Hz, 10, 0.75 s in",	TD_1HZ, 10, 24576,
	  9 * SEC_TICKS + 8192 },
	{ "1 Hz, 0xffffff",		TD_1HZ, 0xffffff, 0,
	  0xffffff * SEC_TICKS },
	{ "1/60 Hz, 1",			TD_1_60HZ, 1, 0, MIN_TICKS },
	{ "1/60 Hz, 2, 5.5 s in",	TD_1_60HZ, 2, 5 * SEC_TICKS + 16384,
	  MIN_TICKS + 55 * SEC_TICKS - 16384 },
	{ "1/60 Hz, 1, a minute and 1 s in", TD_1_60HZ, 1, 61 * SEC_TICKS,
	  59 * SEC_TICKS },
};

static void model_test_timer_desc(const struct model_test_timer *p,
				  char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s: expires after %llu ticks",
		 p->desc, p->expiry);
}

KUNIT_ARRAY_PARAM(model_test_timer, model_test_timers, model_test_timer_desc);

static void timer_expiry_test(struct kunit *test)
{
	const struct model_test_timer *p = test->param_value;
	struct ins5s8563_model *m = model(test);

	write_reg(test, R_CTRL2, C2_TIE);
	ins5s8563_model_advance(m, p->before);
	start_timer(test, p->td, p->count);

	ins5s8563_model_advance(m, p->expiry - 1);
	KUNIT_EXPECT_EQ_MSG(test, read_reg(test, R_CTRL2), C2_TIE,
			    "TF one tick early");
	KUNIT_EXPECT_EQ_MSG(test, read_count(test), 1,
			    "counter one tick before expiry");
	KUNIT_EXPECT_FALSE(test, ins5s8563_model_int(m));

	ins5s8563_model_advance(m, 1);
	KUNIT_EXPECT_EQ_MSG(test, read_reg(test, R_CTRL2), C2_TF | C2_TIE,
			    "no TF at the expiry tick");
	KUNIT_EXPECT_EQ(test, m->timer_expiries, 1);
	KUNIT_EXPECT_EQ_MSG(test, read_count(test), p->count,
			    "the counter reloads at expiry");
	KUNIT_EXPECT_TRUE_MSG(test, ins5s8563_model_int(m),
			      "TF with TIE=1, TI_TP=0 is a level on /INT");
}

static void timer_periodic_test(struct kunit *test)
{
	struct ins5s8563_model *m = model(test);

	start_timer(test, TD_64HZ, 2);
	ins5s8563_model_advance(m, 10 * 1024);
	KUNIT_EXPECT_EQ_MSG(test, m->timer_expiries, 10, "one expiry per 2 edges");
	KUNIT_EXPECT_EQ(test, read_reg(test, R_CTRL2), C2_TF);
	KUNIT_EXPECT_EQ(test, read_count(test), 2);

	ins5s8563_model_advance(m, 512);
	KUNIT_EXPECT_EQ(test, read_count(test), 1);

	/* A counter write while running sets live count and reload. */
	write_reg(test, R_TIMER_LO, 5);
	KUNIT_EXPECT_EQ(test, m->timer_reload, 5);
	KUNIT_EXPECT_EQ(test, read_count(test), 5);
	ins5s8563_model_advance(m, 5 * 512 - 1);
	KUNIT_EXPECT_EQ(test, m->timer_expiries, 10);
	ins5s8563_model_advance(m, 1);
	KUNIT_EXPECT_EQ(test, m->timer_expiries, 11);
	KUNIT_EXPECT_EQ_MSG(test, read_count(test), 5, "reload from the write");

	/* TF stays set until cleared, and only then can be seen again. */
	write_reg(test, R_CTRL2, 0);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_CTRL2), 0);
	ins5s8563_model_advance(m, 5 * 512);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_CTRL2), C2_TF);
}

/*
 * The 1/60 Hz edge is the calendar's minute rollover (decision 9), also
 * after the time was set to the middle of a minute: started at 12:34:15,
 * a count of 2 expires at 12:36:00, not two whole minutes later.
 */
static void timer_minute_edge_test(struct kunit *test)
{
	struct ins5s8563_model *m = model(test);

	write_reg(test, R_CTRL1, C1_STOP);
	write_reg(test, R_SEC, 0x15);
	write_reg(test, R_MIN, 0x34);
	write_reg(test, R_HOUR, 0x12);
	write_reg(test, R_CTRL1, 0);
	ins5s8563_model_advance(m, SEC_TICKS / 4);
	start_timer(test, TD_1_60HZ, 2);

	ins5s8563_model_advance(m, 45 * SEC_TICKS - SEC_TICKS / 4 - 1);
	KUNIT_EXPECT_EQ_MSG(test, read_count(test), 2,
			    "no 1/60 Hz edge before 12:35:00");
	ins5s8563_model_advance(m, 1);
	KUNIT_EXPECT_EQ_MSG(test, read_count(test), 1,
			    "the 1/60 Hz edge is the rollover into 12:35:00");
	ins5s8563_model_advance(m, MIN_TICKS - 1);
	KUNIT_EXPECT_EQ(test, m->timer_expiries, 0);
	ins5s8563_model_advance(m, 1);
	KUNIT_EXPECT_EQ_MSG(test, m->timer_expiries, 1, "expiry at 12:36:00");
	KUNIT_EXPECT_EQ(test, read_reg(test, R_MIN), 0x36);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_SEC), 0x00);
}

static void timer_enable_test(struct kunit *test)
{
	struct ins5s8563_model *m = model(test);

	start_timer(test, TD_4096HZ, 3);
	ins5s8563_model_advance(m, 8);
	KUNIT_EXPECT_EQ(test, read_count(test), 2);

	/* TE=0 holds the counter. */
	write_reg(test, R_TIMER_CTRL, TD_4096HZ);
	ins5s8563_model_advance(m, 80);
	KUNIT_EXPECT_EQ_MSG(test, read_count(test), 2, "TE=0 must hold the count");

	/* TE 0->1 reloads, TE 1->1 does not. */
	write_reg(test, R_TIMER_CTRL, TE | TD_4096HZ);
	KUNIT_EXPECT_EQ_MSG(test, read_count(test), 3, "TE 0->1 must reload");
	ins5s8563_model_advance(m, 8);
	write_reg(test, R_TIMER_CTRL, TE | TD_4096HZ);
	KUNIT_EXPECT_EQ_MSG(test, read_count(test), 2, "TE 1->1 reloaded");

	/* Changing the source keeps the count; 96 ticks run so far. */
	write_reg(test, R_TIMER_CTRL, TE | TD_64HZ);
	KUNIT_EXPECT_EQ(test, m->subsec, 96);
	ins5s8563_model_advance(m, 512 - 96 - 1);
	KUNIT_EXPECT_EQ(test, read_count(test), 2);
	ins5s8563_model_advance(m, 1);
	KUNIT_EXPECT_EQ(test, read_count(test), 1);
	KUNIT_EXPECT_EQ(test, m->timer_expiries, 0);

	/* A live count of 0 never expires. */
	write_reg(test, R_TIMER_LO, 0);
	ins5s8563_model_advance(m, 2 * SEC_TICKS);
	KUNIT_EXPECT_EQ(test, m->timer_expiries, 0);
	KUNIT_EXPECT_EQ(test, read_count(test), 0);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_CTRL2), 0);
}

struct model_test_layout {
	u32 value;
	u8 lo, mid, hi;			/* as written */
	u8 next_lo, next_mid, next_hi;	/* after one 4096 Hz edge */
};

static const struct model_test_layout model_test_layouts[] = {
	{ 0x123456, 0x56, 0x34, 0x12, 0x55, 0x34, 0x12 },
	{ 0x010000, 0x00, 0x00, 0x01, 0xff, 0xff, 0x00 },
	{ 0x000100, 0x00, 0x01, 0x00, 0xff, 0x00, 0x00 },
	{ 0xffffff, 0xff, 0xff, 0xff, 0xfe, 0xff, 0xff },
	{ 0x000001, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00 },	/* reload */
};

static void model_test_layout_desc(const struct model_test_layout *p,
				   char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE,
		 "%#08x: 0x0f=%02x 0x13=%02x 0x12=%02x", p->value, p->lo,
		 p->mid, p->hi);
}

KUNIT_ARRAY_PARAM(model_test_layout, model_test_layouts,
		  model_test_layout_desc);

static void timer_layout_test(struct kunit *test)
{
	const struct model_test_layout *p = test->param_value;
	struct ins5s8563_model *m = model(test);
	const u8 data[] = { p->lo, 0, 0, p->hi, p->mid };
	u8 regs[5];

	/* One burst 0x0f..0x13, through the two holes. */
	write_regs(test, R_TIMER_LO, data, sizeof(data));
	KUNIT_EXPECT_EQ_MSG(test, m->timer_reload, p->value,
			    "byte order 0x0f low, 0x13 middle, 0x12 high");

	write_reg(test, R_TIMER_CTRL, TE | TD_4096HZ);
	ins5s8563_model_advance(m, 8);
	KUNIT_ASSERT_EQ(test, ins5s8563_model_read_regs(m, R_TIMER_LO, regs,
							sizeof(regs)), 0);
	KUNIT_EXPECT_EQ(test, regs[0], p->next_lo);
	KUNIT_EXPECT_EQ(test, regs[R_TIMER_MID - R_TIMER_LO], p->next_mid);
	KUNIT_EXPECT_EQ(test, regs[R_TIMER_HI - R_TIMER_LO], p->next_hi);
	KUNIT_EXPECT_EQ_MSG(test, m->timer_reload, p->value,
			    "counting must not change the reload value");
}

/* ---- /INT ---- */

struct model_test_int {
	const char *desc;
	u8 ctrl2;
	bool asserted;
};

static const struct model_test_int model_test_ints[] = {
	{ "nothing",			0x00, false },
	{ "AF and AIE",			C2_AF | C2_AIE, true },
	{ "AF alone",			C2_AF, false },
	{ "AIE alone",			C2_AIE, false },
	{ "AF and TIE",			C2_AF | C2_TIE, false },
	{ "TF and TIE",			C2_TF | C2_TIE, true },
	{ "TF alone",			C2_TF, false },
	{ "TF and AIE",			C2_TF | C2_AIE, false },
	{ "TF, TIE, TI_TP: pulses only", C2_TF | C2_TIE | C2_TI_TP, false },
	{ "AF, AIE, TI_TP",		C2_AF | C2_AIE | C2_TI_TP, true },
	{ "everything",			0x1f, true },
};

KUNIT_ARRAY_PARAM_DESC(model_test_int, model_test_ints, desc);

static void int_level_test(struct kunit *test)
{
	const struct model_test_int *p = test->param_value;
	struct model_test_ctx *ctx = test->priv;
	struct ins5s8563_model *m = ctx->m;

	watch_int(test);
	ins5s8563_model_poke(m, R_CTRL2, p->ctrl2);
	KUNIT_EXPECT_EQ_MSG(test, ins5s8563_model_int(m), p->asserted,
			    "Control_2 = %#04x", p->ctrl2);
	KUNIT_EXPECT_EQ_MSG(test, ctx->int_calls, p->asserted,
			    "one callback per change of level");

	/* Clearing the flags over the bus releases /INT. */
	write_reg(test, R_CTRL2, p->ctrl2 & ~(C2_AF | C2_TF));
	KUNIT_EXPECT_FALSE(test, ins5s8563_model_int(m));
	KUNIT_EXPECT_EQ(test, ctx->int_calls, 2 * p->asserted);
}

struct model_test_pulse {
	const char *desc;
	unsigned int td;
	u64 period;	/* ticks to the first expiry with a count of 1 */
	u32 pulse;
};

static const struct model_test_pulse model_test_pulses[] = {
	{ "4096 Hz: 122 us",	TD_4096HZ, 8, 4 },
	{ "64 Hz: 7.813 ms",	TD_64HZ, 512, 256 },
	{ "1 Hz: 7.813 ms",	TD_1HZ, SEC_TICKS, 256 },
	{ "1/60 Hz: 7.813 ms",	TD_1_60HZ, MIN_TICKS, 256 },
};

KUNIT_ARRAY_PARAM_DESC(model_test_pulse, model_test_pulses, desc);

static void int_pulse_test(struct kunit *test)
{
	const struct model_test_pulse *p = test->param_value;
	struct model_test_ctx *ctx = test->priv;
	struct ins5s8563_model *m = ctx->m;

	watch_int(test);
	write_reg(test, R_CTRL2, C2_TI_TP | C2_TIE);
	start_timer(test, p->td, 1);

	ins5s8563_model_advance(m, p->period - 1);
	KUNIT_EXPECT_FALSE(test, ins5s8563_model_int(m));
	ins5s8563_model_advance(m, 1);
	KUNIT_EXPECT_TRUE_MSG(test, ins5s8563_model_int(m),
			      "the pulse starts at the expiry");
	KUNIT_EXPECT_EQ(test, m->pulse_left, p->pulse);

	ins5s8563_model_advance(m, p->pulse - 1);
	KUNIT_EXPECT_TRUE_MSG(test, ins5s8563_model_int(m),
			      "pulse shorter than %u ticks", p->pulse);
	ins5s8563_model_advance(m, 1);
	KUNIT_EXPECT_FALSE_MSG(test, ins5s8563_model_int(m),
			       "pulse longer than %u ticks", p->pulse);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_CTRL2),
			C2_TI_TP | C2_TF | C2_TIE);

	KUNIT_ASSERT_EQ(test, ctx->int_calls, 2);
	KUNIT_EXPECT_TRUE(test, ctx->int_log[0].asserted);
	KUNIT_EXPECT_FALSE(test, ctx->int_log[1].asserted);
	KUNIT_EXPECT_EQ(test, ctx->int_log[1].subsec,
			(u32)((p->period + p->pulse) % SEC_TICKS));

	/* The next expiry pulses again although TF is still set. */
	ins5s8563_model_advance(m, p->period - p->pulse);
	KUNIT_EXPECT_TRUE(test, ins5s8563_model_int(m));
	KUNIT_EXPECT_EQ(test, ctx->int_calls, 3);
	KUNIT_EXPECT_EQ(test, m->timer_expiries, 2);

	/* STOP does not stop the oscillator that times the pulse. */
	write_reg(test, R_CTRL1, C1_STOP);
	ins5s8563_model_advance(m, p->pulse);
	KUNIT_EXPECT_FALSE(test, ins5s8563_model_int(m));
	KUNIT_EXPECT_EQ(test, ctx->int_calls, 4);

	/* Without TIE there is no pulse. */
	write_reg(test, R_CTRL1, 0);
	write_reg(test, R_CTRL2, C2_TI_TP);
	ins5s8563_model_advance(m, p->period);
	KUNIT_EXPECT_EQ(test, m->timer_expiries, 3);
	KUNIT_EXPECT_FALSE(test, ins5s8563_model_int(m));
	KUNIT_EXPECT_EQ(test, ctx->int_calls, 4);
}

static void int_callback_test(struct kunit *test)
{
	struct model_test_ctx *ctx = test->priv;
	struct ins5s8563_model *m = ctx->m;

	watch_int(test);

	/* Alarm at 00:02 in a 5 minute advance: called at 00:02:00. */
	write_reg(test, R_MIN_ALARM, 0x02);
	write_reg(test, R_CTRL2, C2_AIE);
	KUNIT_EXPECT_EQ(test, ctx->int_calls, 0);
	ins5s8563_model_advance(m, 5 * MIN_TICKS);
	KUNIT_ASSERT_EQ(test, ctx->int_calls, 1);
	KUNIT_EXPECT_TRUE(test, ctx->int_log[0].asserted);
	KUNIT_EXPECT_EQ_MSG(test, ctx->int_log[0].min, 0x02,
			    "callback not called at the alarm's minute");
	KUNIT_EXPECT_EQ(test, ctx->int_log[0].sec, SEC_VLF | 0x00);
	KUNIT_EXPECT_EQ(test, ctx->int_log[0].subsec, 0);
	KUNIT_EXPECT_EQ(test, ctx->int_log[0].ctrl2, C2_AF | C2_AIE);

	/* No change of level, no call. */
	write_reg(test, R_CTRL2, C2_AF | C2_AIE);
	KUNIT_EXPECT_EQ(test, ctx->int_calls, 1);

	write_reg(test, R_CTRL2, C2_AIE);
	KUNIT_ASSERT_EQ(test, ctx->int_calls, 2);
	KUNIT_EXPECT_FALSE(test, ctx->int_log[1].asserted);

	/* A poke counts too. */
	ins5s8563_model_poke(m, R_CTRL2, C2_AF | C2_AIE);
	KUNIT_ASSERT_EQ(test, ctx->int_calls, 3);
	KUNIT_EXPECT_TRUE(test, ctx->int_log[2].asserted);
	write_reg(test, R_CTRL2, 0);
	KUNIT_ASSERT_EQ(test, ctx->int_calls, 4);

	/* Timer at 64 Hz, 3 edges, in a 10000-tick advance: at 1536. */
	write_reg(test, R_CTRL2, C2_TIE);
	start_timer(test, TD_64HZ, 3);
	ins5s8563_model_advance(m, 10000);
	KUNIT_ASSERT_EQ(test, ctx->int_calls, 5);
	KUNIT_EXPECT_EQ_MSG(test, ctx->int_log[4].subsec, 1536,
			    "callback not called at the timer expiry");
	KUNIT_EXPECT_EQ(test, m->timer_expiries, 6);
}

/* ---- Fault injection, counters, hook ---- */

#define FAULT_ACCESSES	6

struct model_test_fault {
	const char *desc;
	unsigned int nth, count;
	int err;
	int ret[FAULT_ACCESSES];
};

static const struct model_test_fault model_test_faults[] = {
	{ "none", 0, 0, 0, { 0, 0, 0, 0, 0, 0 } },
	{ "3rd fails with -EIO by default", 3, 1, 0,
	  { 0, 0, -EIO, 0, 0, 0 } },
	{ "3rd fails with -ENXIO", 3, 1, -ENXIO,
	  { 0, 0, -ENXIO, 0, 0, 0 } },
	{ "2nd to 4th fail", 2, 3, -EAGAIN,
	  { 0, -EAGAIN, -EAGAIN, -EAGAIN, 0, 0 } },
	{ "all from the 1st", 1, 100, -EIO,
	  { -EIO, -EIO, -EIO, -EIO, -EIO, -EIO } },
	{ "count 0 disables", 2, 0, -EIO, { 0, 0, 0, 0, 0, 0 } },
	{ "nth 0 disables", 0, 5, -EIO, { 0, 0, 0, 0, 0, 0 } },
};

KUNIT_ARRAY_PARAM_DESC(model_test_fault, model_test_faults, desc);

static void fault_injection_test(struct kunit *test)
{
	const struct model_test_fault *p = test->param_value;
	struct ins5s8563_model *m = model(test);
	u8 before[NREGS];
	u8 before_ptr;
	int i, ret, failed = 0;

	ins5s8563_model_fail(m, p->nth, p->count, p->err);

	/* Access i writes i to MIN, and so moves the pointer to 0x04. */
	for (i = 0; i < FAULT_ACCESSES; i++) {
		u8 buf[] = { R_MIN, i + 1 };

		memcpy(before, m->regs, NREGS);
		before_ptr = m->ptr;
		ret = ins5s8563_model_write(m, buf, sizeof(buf));
		KUNIT_EXPECT_EQ_MSG(test, ret, p->ret[i], "access %d", i + 1);
		if (ret) {
			failed++;
			KUNIT_EXPECT_MEMEQ_MSG(test, m->regs, before, NREGS,
					       "failed access %d changed a register",
					       i + 1);
			KUNIT_EXPECT_EQ_MSG(test, m->ptr, before_ptr,
					    "failed access %d moved the pointer",
					    i + 1);
		} else {
			KUNIT_EXPECT_EQ(test, m->regs[R_MIN], i + 1);
			KUNIT_EXPECT_EQ(test, m->ptr, R_HOUR);
		}
	}
	KUNIT_EXPECT_EQ(test, m->accesses, FAULT_ACCESSES);
	KUNIT_EXPECT_EQ_MSG(test, m->writes, FAULT_ACCESSES - failed,
			    "only completed transactions count as writes");
	KUNIT_EXPECT_EQ(test, m->bytes_written, 2 * (FAULT_ACCESSES - failed));
}

static void fault_read_test(struct kunit *test)
{
	struct ins5s8563_model *m = model(test);
	u8 set_ptr = R_DAY;
	u8 buf[2] = { 0xee, 0xee };

	KUNIT_ASSERT_EQ(test, ins5s8563_model_write(m, &set_ptr, 1), 0);
	ins5s8563_model_fail(m, 2, 2, 0);

	KUNIT_EXPECT_EQ(test, ins5s8563_model_read_regs(m, R_SEC, buf, 2), -EIO);
	KUNIT_EXPECT_EQ(test, ins5s8563_model_read(m, buf, 2), -EIO);
	KUNIT_EXPECT_EQ_MSG(test, buf[0], 0xee, "a failed read filled the buffer");
	KUNIT_EXPECT_EQ_MSG(test, m->ptr, R_DAY, "a failed read moved the pointer");

	/* The next one works, from where the pointer was. */
	KUNIT_ASSERT_EQ(test, ins5s8563_model_read(m, buf, 1), 0);
	KUNIT_EXPECT_EQ(test, buf[0], 0x01);
	KUNIT_EXPECT_EQ(test, m->reads, 1);
	KUNIT_EXPECT_EQ(test, m->bytes_read, 1);

	/* Re-armed by a counter reset, disabled by (0, 0, 0). */
	ins5s8563_model_reset_counters(m);
	KUNIT_EXPECT_EQ(test, ins5s8563_model_read(m, buf, 1), 0);
	KUNIT_EXPECT_EQ(test, ins5s8563_model_read(m, buf, 1), -EIO);
	ins5s8563_model_fail(m, 0, 0, 0);
	KUNIT_EXPECT_EQ(test, ins5s8563_model_read(m, buf, 1), 0);
}

enum model_test_op { OP_WRITE, OP_READ, OP_READ_REGS, OP_FAIL_NEXT };

struct model_test_count_step {
	enum model_test_op op;
	u8 reg;
	unsigned int len;	/* bytes in the call's buffer */
	unsigned int accesses, reads, writes, bytes_read, bytes_written;
};

/* Cumulative counters after each step. */
static const struct model_test_count_step model_test_count_steps[] = {
	{ OP_WRITE,	R_SEC, 8,	1, 0, 1, 0, 8 },  /* address + 7 */
	{ OP_WRITE,	R_SEC, 1,	2, 0, 2, 0, 9 },  /* address only */
	{ OP_READ,	0, 7,		3, 1, 2, 7, 9 },
	{ OP_READ_REGS,	R_CTRL1, 2,	4, 2, 2, 9, 10 }, /* address + 2 */
	{ OP_READ_REGS,	0, NREGS,	5, 3, 2, 265, 11 },
	{ OP_FAIL_NEXT,	R_SEC, 8,	6, 3, 2, 265, 11 },
	{ OP_READ,	0, 0,		7, 4, 2, 265, 11 },
	{ OP_WRITE,	R_MIN, 0,	8, 4, 3, 265, 11 },
};

static void counters_test(struct kunit *test)
{
	struct ins5s8563_model *m = model(test);
	u8 buf[NREGS] = { R_SEC };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(model_test_count_steps); i++) {
		const struct model_test_count_step *s =
			&model_test_count_steps[i];

		buf[0] = s->reg;
		switch (s->op) {
		case OP_FAIL_NEXT:
			ins5s8563_model_fail(m, m->accesses + 1, 1, 0);
			KUNIT_EXPECT_EQ(test, ins5s8563_model_write(m, buf,
								    s->len),
					-EIO);
			break;
		case OP_WRITE:
			KUNIT_EXPECT_EQ(test, ins5s8563_model_write(m, buf,
								    s->len), 0);
			break;
		case OP_READ:
			KUNIT_EXPECT_EQ(test, ins5s8563_model_read(m, buf,
								   s->len), 0);
			break;
		case OP_READ_REGS:
			KUNIT_EXPECT_EQ(test, ins5s8563_model_read_regs(m, s->reg,
									buf,
									s->len),
					0);
			break;
		}
		KUNIT_EXPECT_EQ_MSG(test, m->accesses, s->accesses, "step %zu", i);
		KUNIT_EXPECT_EQ_MSG(test, m->reads, s->reads, "step %zu", i);
		KUNIT_EXPECT_EQ_MSG(test, m->writes, s->writes, "step %zu", i);
		KUNIT_EXPECT_EQ_MSG(test, m->bytes_read, s->bytes_read,
				    "step %zu", i);
		KUNIT_EXPECT_EQ_MSG(test, m->bytes_written, s->bytes_written,
				    "step %zu", i);
	}

	/* Events count too, and reset with the rest. */
	write_reg(test, R_MIN_ALARM, 0x01);
	start_timer(test, TD_1HZ, 30);
	ins5s8563_model_advance(m, 2 * MIN_TICKS);
	KUNIT_EXPECT_EQ(test, m->alarm_matches, 1);
	KUNIT_EXPECT_EQ(test, m->timer_expiries, 4);

	ins5s8563_model_reset_counters(m);
	KUNIT_EXPECT_EQ(test, m->accesses, 0);
	KUNIT_EXPECT_EQ(test, m->reads, 0);
	KUNIT_EXPECT_EQ(test, m->writes, 0);
	KUNIT_EXPECT_EQ(test, m->bytes_read, 0);
	KUNIT_EXPECT_EQ(test, m->bytes_written, 0);
	KUNIT_EXPECT_EQ(test, m->alarm_matches, 0);
	KUNIT_EXPECT_EQ(test, m->timer_expiries, 0);
}

static const struct model_test_hook_call model_test_hook_calls[] = {
	{ 1, INS5S8563_MODEL_WRITE, R_CTRL2 },	/* write 0x01, 2 bytes */
	{ 2, INS5S8563_MODEL_READ, R_SEC },	/* read: at the pointer */
	{ 3, INS5S8563_MODEL_READ, R_TIMER_LO },	/* read_regs */
	{ 4, INS5S8563_MODEL_WRITE, 0xfe },	/* pointer only */
	{ 5, INS5S8563_MODEL_READ, 0xfe },	/* fails, still seen */
	{ 1, INS5S8563_MODEL_WRITE, R_MIN },	/* after the counter reset */
};

static void hook_test(struct kunit *test)
{
	struct model_test_ctx *ctx = test->priv;
	struct ins5s8563_model *m = ctx->m;
	u8 buf[4] = { R_CTRL2, 0 };
	size_t i;

	watch_accesses(test);
	KUNIT_ASSERT_EQ(test, ins5s8563_model_write(m, buf, 2), 0);
	KUNIT_ASSERT_EQ(test, ins5s8563_model_read(m, buf, 2), 0);
	KUNIT_ASSERT_EQ(test, ins5s8563_model_read_regs(m, R_TIMER_LO, buf, 2),
			0);
	buf[0] = 0xfe;
	KUNIT_ASSERT_EQ(test, ins5s8563_model_write(m, buf, 1), 0);
	ins5s8563_model_fail(m, 5, 1, 0);
	KUNIT_ASSERT_EQ(test, ins5s8563_model_read(m, buf, 1), -EIO);
	ins5s8563_model_reset_counters(m);
	buf[0] = R_MIN;
	KUNIT_ASSERT_EQ(test, ins5s8563_model_write(m, buf, 2), 0);

	/* Test access does not go through the hook. */
	ins5s8563_model_poke(m, R_MIN, 0x12);
	ins5s8563_model_peek(m, R_MIN);
	ins5s8563_model_advance(m, SEC_TICKS);

	KUNIT_ASSERT_EQ(test, ctx->hook_calls,
			ARRAY_SIZE(model_test_hook_calls));
	for (i = 0; i < ARRAY_SIZE(model_test_hook_calls); i++) {
		const struct model_test_hook_call *e = &model_test_hook_calls[i];

		KUNIT_EXPECT_EQ_MSG(test, ctx->hook_log[i].access, e->access,
				    "call %zu", i);
		KUNIT_EXPECT_EQ_MSG(test, ctx->hook_log[i].dir, e->dir,
				    "call %zu", i);
		KUNIT_EXPECT_EQ_MSG(test, ctx->hook_log[i].reg, e->reg,
				    "call %zu", i);
	}
}

/*
 * What the hook is for: TF rises between a driver's read and write-back of
 * Control_2. Writing 1 to the flags keeps it; writing back the stale read
 * loses it.
 */
struct model_test_race {
	const char *desc;
	bool write_ones;
	u8 ctrl2;	/* after the write-back */
};

static const struct model_test_race model_test_races[] = {
	{ "write-back with AF=TF=1 keeps TF", true, C2_TF | C2_AIE | C2_TIE },
	{ "stale write-back clears TF", false, C2_AIE | C2_TIE },
};

KUNIT_ARRAY_PARAM_DESC(model_test_race, model_test_races, desc);

static void hook_race_test(struct kunit *test)
{
	const struct model_test_race *p = test->param_value;
	struct model_test_ctx *ctx = test->priv;
	struct ins5s8563_model *m = ctx->m;
	u8 buf[2] = { R_CTRL2 };
	u8 ctrl2;

	write_reg(test, R_CTRL2, C2_TIE);
	ins5s8563_model_reset_counters(m);
	watch_accesses(test);
	watch_int(test);
	ctx->poke_at = 2;
	ctx->poke_reg = R_CTRL2;
	ctx->poke_val = C2_TF | C2_TIE;

	/* Access 1: read Control_2; access 2: write it back with AIE. */
	KUNIT_ASSERT_EQ(test, ins5s8563_model_read_regs(m, R_CTRL2, &ctrl2, 1),
			0);
	KUNIT_EXPECT_EQ(test, ctrl2, C2_TIE);
	buf[1] = ctrl2 | C2_AIE | (p->write_ones ? C2_AF | C2_TF : 0);
	KUNIT_ASSERT_EQ(test, ins5s8563_model_write(m, buf, 2), 0);

	KUNIT_EXPECT_EQ(test, read_reg(test, R_CTRL2), p->ctrl2);
	KUNIT_EXPECT_EQ(test, ins5s8563_model_int(m), p->write_ones);
	/* The poke inside the hook asserted /INT at once. */
	KUNIT_ASSERT_GE(test, ctx->int_calls, 1);
	KUNIT_EXPECT_TRUE(test, ctx->int_log[0].asserted);
	KUNIT_EXPECT_EQ(test, ctx->int_calls, p->write_ones ? 1 : 2);
}

/* ---- Test access ---- */

static void peek_poke_test(struct kunit *test)
{
	struct ins5s8563_model *m = model(test);

	/* Raw: reserved bits and all, visible to peek and the bus. */
	ins5s8563_model_poke(m, R_HOUR, 0xff);
	KUNIT_EXPECT_EQ(test, ins5s8563_model_peek(m, R_HOUR), 0xff);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_HOUR), 0xff);

	/* A flag can be set, which the bus cannot do. */
	ins5s8563_model_poke(m, R_SEC, SEC_VLF);
	KUNIT_EXPECT_EQ(test, ins5s8563_model_peek(m, R_SEC), SEC_VLF);

	/* Counter bytes set the reload too. */
	ins5s8563_model_poke(m, R_TIMER_LO, 0x56);
	ins5s8563_model_poke(m, R_TIMER_MID, 0x34);
	ins5s8563_model_poke(m, R_TIMER_HI, 0x12);
	KUNIT_EXPECT_EQ(test, m->timer_reload, 0x123456);

	/* None of the bus write's side effects: TE 0->1 does not reload, */
	start_timer(test, TD_4096HZ, 10);
	ins5s8563_model_advance(m, 8);
	ins5s8563_model_poke(m, R_TIMER_CTRL, 0);
	ins5s8563_model_poke(m, R_TIMER_CTRL, TE | TD_4096HZ);
	KUNIT_EXPECT_EQ_MSG(test, read_count(test), 9, "a poke of TE reloaded");

	/* ... STOP 0->1 does not reset the prescaler. */
	ins5s8563_model_poke(m, R_TIMER_CTRL, 0);
	ins5s8563_model_advance(m, 1000);
	ins5s8563_model_poke(m, R_CTRL1, C1_STOP);
	KUNIT_EXPECT_EQ(test, m->subsec, 1008);

	KUNIT_EXPECT_EQ_MSG(test, m->accesses, 6,
			    "peek and poke are not bus accesses");
}

/* ---- Long runs ---- */

struct model_test_long {
	const char *desc;
	u8 alarm_min;		/* AE for no alarm */
	u32 count;		/* 1 Hz timer, 0 for none */
	u64 ticks;
	u8 to[T_NREGS];		/* from 2023-01-01 00:00:00, Sunday */
	unsigned int matches;
	unsigned int expiries;
	u32 left;		/* counter at the end */
};

static const struct model_test_long model_test_longs[] = {
	{ "400 days idle", AE, 0, 400 * DAY_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x05, 1, 0x02, 0x24), 0, 0, 0 },
	{ "400 days, alarm every hour", 0x30, 0, 400 * DAY_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x05, 1, 0x02, 0x24), 400 * 24, 0, 0 },
	{ "400 days, 1 Hz timer 0xffffff", AE, 0xffffff, 400 * DAY_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x05, 1, 0x02, 0x24), 0, 2, 15771645 },
	/* 2023 + 99 wraps once; 25 leap years in between, counting 00. */
	{ "99 years idle", AE | 0x30, 0, (99 * 365 + 25) * DAY_TICKS,
	  CAL(0x00, 0x00, 0x00, 0x01, 5, 0x01, 0x22), 0, 0, 0 },
};

KUNIT_ARRAY_PARAM_DESC(model_test_long, model_test_longs, desc);

/* Whole days in one call: the model must jump, not tick (no timing here). */
static void long_advance_test(struct kunit *test)
{
	const struct model_test_long *p = test->param_value;
	struct ins5s8563_model *m = model(test);
	static const u8 start[T_NREGS] = {
		0x00, 0x00, 0x00, 0x01, 0, 0x01, 0x23,
	};
	u8 time[T_NREGS];

	write_regs(test, R_SEC, start, T_NREGS);
	write_reg(test, R_MIN_ALARM, p->alarm_min);
	if (p->count)
		start_timer(test, TD_1HZ, p->count);

	ins5s8563_model_advance(m, p->ticks);

	read_time(test, time);
	KUNIT_EXPECT_MEMEQ(test, time, p->to, T_NREGS);
	KUNIT_EXPECT_EQ(test, m->alarm_matches, p->matches);
	KUNIT_EXPECT_EQ(test, m->timer_expiries, p->expiries);
	KUNIT_EXPECT_EQ(test, read_count(test), p->left);
}

struct model_test_split {
	u64 chunk;
};

static const struct model_test_split model_test_splits[] = {
	{ 7 }, { 509 }, { 4093 }, { 32771 }, { 1000003 }, { 3 * MIN_TICKS },
};

static void model_test_split_desc(const struct model_test_split *p,
				  char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "chunks of %llu ticks",
		 p->chunk);
}

KUNIT_ARRAY_PARAM(model_test_split, model_test_splits, model_test_split_desc);

static void model_test_busy_chip(struct kunit *test,
				 struct ins5s8563_model *m)
{
	u8 buf[] = {
		R_CTRL2, C2_TI_TP | C2_AIE | C2_TIE,
		0x30, 0x58, 0x23, 0x31, 0, 0x12, 0x23,	/* 2023-12-31 23:58:30 */
		0x59, 0x23, AE, AE,			/* alarm 23:59 */
		0x00, TE | TD_64HZ, 3,			/* 64 Hz, 3 */
	};

	ins5s8563_model_init(m);
	KUNIT_ASSERT_EQ(test, ins5s8563_model_write(m, buf, sizeof(buf)), 0);
}

/* Any split of an advance gives the same chip as one call. */
static void split_advance_test(struct kunit *test)
{
	const struct model_test_split *p = test->param_value;
	struct ins5s8563_model *one = model(test);
	struct ins5s8563_model *many;
	u64 total = 2 * MIN_TICKS + 12345, done;

	many = kunit_kzalloc(test, sizeof(*many), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, many);
	model_test_busy_chip(test, one);
	model_test_busy_chip(test, many);

	ins5s8563_model_advance(one, total);
	for (done = 0; done < total; done += p->chunk)
		ins5s8563_model_advance(many, min(p->chunk, total - done));

	KUNIT_EXPECT_MEMEQ(test, many->regs, one->regs, NREGS);
	KUNIT_EXPECT_EQ(test, many->subsec, one->subsec);
	KUNIT_EXPECT_EQ(test, many->timer_phase, one->timer_phase);
	KUNIT_EXPECT_EQ(test, many->pulse_left, one->pulse_left);
	KUNIT_EXPECT_EQ(test, many->int_asserted, one->int_asserted);
	KUNIT_EXPECT_EQ(test, many->timer_expiries, one->timer_expiries);
	KUNIT_EXPECT_EQ(test, many->alarm_matches, one->alarm_matches);

	/* And the single call got it right: 2024-01-01 00:00:30. */
	KUNIT_EXPECT_EQ(test, one->regs[R_YEAR], 0x24);
	KUNIT_EXPECT_EQ(test, one->regs[R_SEC], 0x30);
	KUNIT_EXPECT_EQ(test, one->alarm_matches, 1);
	KUNIT_EXPECT_EQ(test, one->timer_expiries,
			(unsigned int)(total / (3 * 512)));
}

/* ---- Next event ---- */

struct model_test_next {
	const char *desc;
	/* Written from Control_1 on, in one transaction. */
	u8 regs[15];
	/* Ticks to advance before asking. */
	u64 before;
	u64 next;
	/* After advancing by next: expiries and matches, by then. */
	unsigned int expiries;
	unsigned int matches;
};

static const struct model_test_next model_test_nexts[] = {
	{ "idle chip: none", { 0, 0, 0x00, 0, 0, 0x01, 0, 0x01, 0, AE, AE, AE,
	  AE, 0x80, 0 }, 0, U64_MAX },
	{ "alarm armed at :30: minute rollover", { 0, 0, 0x30, 0, 0, 0x01, 0,
	  0x01, 0, 0x05, AE, AE, AE, 0x80, 0 }, 0, 30 * SEC_TICKS, 0, 0 },
	{ "alarm armed, matching minute", { 0, 0, 0x59, 0x00, 0, 0x01, 0, 0x01,
	  0, 0x01, AE, AE, AE, 0x80, 0 }, 0, SEC_TICKS, 0, 1 },
	{ "alarm armed, STOP: none", { C1_STOP, 0, 0x30, 0, 0, 0x01, 0, 0x01,
	  0, 0x01, AE, AE, AE, 0x80, 0 }, 0, U64_MAX },
	{ "64 Hz x 3: third edge", { 0, 0, 0x00, 0, 0, 0x01, 0, 0x01, 0, AE,
	  AE, AE, AE, 0x80, TE | TD_64HZ }, 0, 3 * 512, 1, 0 },
	{ "64 Hz x 3, 100 ticks in", { 0, 0, 0x00, 0, 0, 0x01, 0, 0x01, 0, AE,
	  AE, AE, AE, 0x80, TE | TD_64HZ }, 100, 3 * 512 - 100, 1, 0 },
	{ "pulse after an expiry: its end", { 0, C2_TI_TP | C2_TIE, 0x00, 0,
	  0, 0x01, 0, 0x01, 0, AE, AE, AE, AE, 0x80, TE | TD_64HZ }, 3 * 512,
	  256, 0, 0 },
	{ "1 Hz x 3 stopped by STOP: none", { C1_STOP, 0, 0x00, 0, 0, 0x01, 0,
	  0x01, 0, AE, AE, AE, AE, 0x80, TE | TD_1HZ }, 0, U64_MAX },
};

static void model_test_next_desc(const struct model_test_next *p, char *desc)
{
	strscpy(desc, p->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(model_test_next, model_test_nexts, model_test_next_desc);

/*
 * next_event() gives the tick of the next event: one tick earlier nothing
 * has happened yet, at that tick it has.
 */
static void next_event_test(struct kunit *test)
{
	const struct model_test_next *p = test->param_value;
	struct ins5s8563_model *m = model(test);
	u64 next;

	/* Counter 3 (live and reload) before TE goes 0 -> 1 in the burst. */
	write_reg(test, R_TIMER_LO, 3);
	write_regs(test, R_CTRL1, p->regs, ARRAY_SIZE(p->regs));
	ins5s8563_model_advance(m, p->before);
	ins5s8563_model_reset_counters(m);

	next = ins5s8563_model_next_event(m);
	KUNIT_ASSERT_EQ(test, next, p->next);
	if (next == U64_MAX) {
		/* A day later still nothing may have happened. */
		ins5s8563_model_advance(m, DAY_TICKS);
		KUNIT_EXPECT_EQ(test, m->timer_expiries, 0);
		KUNIT_EXPECT_EQ(test, m->alarm_matches, 0);
		return;
	}
	ins5s8563_model_advance(m, next - 1);
	KUNIT_EXPECT_EQ(test, m->timer_expiries, 0);
	KUNIT_EXPECT_EQ(test, m->alarm_matches, 0);
	KUNIT_EXPECT_EQ(test, ins5s8563_model_next_event(m), 1);
	ins5s8563_model_advance(m, 1);
	KUNIT_EXPECT_EQ(test, m->timer_expiries, p->expiries);
	KUNIT_EXPECT_EQ(test, m->alarm_matches, p->matches);
}

/*
 * access_ticks: time passes at the start of each access, before its data
 * lands, failed or not; 0 keeps it still. A 4096 Hz edge between two
 * writes then moves the live count between them.
 */
static void access_ticks_test(struct kunit *test)
{
	struct ins5s8563_model *m = model(test);
	u8 buf[1];
	u64 before;

	before = m->now;
	read_reg(test, R_SEC);
	KUNIT_EXPECT_EQ_MSG(test, m->now, before, "time moved by default");

	m->access_ticks = 9;
	read_reg(test, R_SEC);
	KUNIT_EXPECT_EQ(test, m->now, before + 9);
	ins5s8563_model_fail(m, m->accesses + 1, 1, 0);
	KUNIT_EXPECT_NE(test, ins5s8563_model_read_regs(m, R_SEC, buf, 1), 0);
	KUNIT_EXPECT_EQ_MSG(test, m->now, before + 18,
			    "a failed access took no time");
	ins5s8563_model_fail(m, 0, 0, 0);

	/* Counting 0x000100: an edge comes before the low byte lands. */
	m->access_ticks = 0;
	start_timer(test, TD_4096HZ, 0x100);
	m->access_ticks = 9;
	write_reg(test, R_TIMER_LO, 0x20);
	m->access_ticks = 0;
	KUNIT_EXPECT_EQ_MSG(test, read_count(test), 0x0020,
			    "the borrow came after the low byte");
}

static struct kunit_case ins5s8563_model_test_cases[] = {
	KUNIT_CASE(power_on_image_test),
	KUNIT_CASE(power_on_reset_test),
	KUNIT_CASE_PARAM(reserved_bits_test, model_test_mask_gen_params),
	KUNIT_CASE_PARAM(flags_write_zero_only_test,
			 model_test_flag_gen_params),
	KUNIT_CASE(pointer_read_wrap_test),
	KUNIT_CASE(pointer_write_wrap_test),
	KUNIT_CASE(unimplemented_regs_test),
	KUNIT_CASE_PARAM(calendar_test, model_test_cal_gen_params),
	KUNIT_CASE_PARAM(invalid_bcd_test, model_test_bad_cal_gen_params),
	KUNIT_CASE_PARAM(month_length_test, model_test_month_gen_params),
	KUNIT_CASE(stop_test),
	KUNIT_CASE_PARAM(alarm_match_test, model_test_alarm_gen_params),
	KUNIT_CASE(alarm_once_per_minute_test),
	KUNIT_CASE_PARAM(timer_expiry_test, model_test_timer_gen_params),
	KUNIT_CASE(timer_minute_edge_test),
	KUNIT_CASE(timer_periodic_test),
	KUNIT_CASE(timer_enable_test),
	KUNIT_CASE_PARAM(timer_layout_test, model_test_layout_gen_params),
	KUNIT_CASE_PARAM(int_level_test, model_test_int_gen_params),
	KUNIT_CASE_PARAM(int_pulse_test, model_test_pulse_gen_params),
	KUNIT_CASE(int_callback_test),
	KUNIT_CASE_PARAM(fault_injection_test, model_test_fault_gen_params),
	KUNIT_CASE(fault_read_test),
	KUNIT_CASE(counters_test),
	KUNIT_CASE(hook_test),
	KUNIT_CASE_PARAM(hook_race_test, model_test_race_gen_params),
	KUNIT_CASE(peek_poke_test),
	KUNIT_CASE(access_ticks_test),
	KUNIT_CASE_PARAM(long_advance_test, model_test_long_gen_params),
	KUNIT_CASE_PARAM(split_advance_test, model_test_split_gen_params),
	KUNIT_CASE_PARAM(next_event_test, model_test_next_gen_params),
	{}
};

struct kunit_suite ins5s8563_model_test_suite = {
	.name = "ins5s8563-model",
	.init = model_test_init,
	.exit = model_test_exit,
	.test_cases = ins5s8563_model_test_cases,
};
