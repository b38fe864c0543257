// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "ins5s8563-model-variant": the chip model's variants (see
 * "Variants" in ins5s8563-model.h), each decision's alternatives against
 * the chosen reading, and the names the simulator's debugfs file and the
 * test module's parameter take them by. Registered with the driver's
 * suites in ins5s8563-test.c.
 *
 * Every case sets its variant by name, through the parser the simulator
 * uses, so that a name table that went wrong fails here too.
 */

#include <kunit/test.h>
#include <linux/bits.h>
#include <linux/errno.h>
#include <linux/string.h>

#include "ins5s8563-model.h"

#define R_CTRL1			0x00
#define  C1_STOP		BIT(5)
#define R_CTRL2			0x01
#define  C2_TF			BIT(2)
#define  C2_TIE			BIT(0)
#define R_SEC			0x02
#define R_TIMER_CTRL		0x0e
#define  TE			BIT(7)
#define R_TIMER_LO		0x0f
#define R_TIMER_HI		0x12
#define R_TIMER_MID		0x13

#define TD_64HZ			1
#define TD_1HZ			2

#define SEC_TICKS		((u64)INS5S8563_MODEL_OSC_HZ)
#define EDGE_64HZ		(SEC_TICKS / 64)

static int variant_test_init(struct kunit *test)
{
	struct ins5s8563_model *m;

	m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m);
	ins5s8563_model_init(m);
	test->priv = m;
	return 0;
}

static struct ins5s8563_model *model(struct kunit *test)
{
	return test->priv;
}

/* Sets the model's variant from @spec, which must parse. */
static void set_variant(struct kunit *test, const char *spec)
{
	struct ins5s8563_model_variant v = {};

	KUNIT_ASSERT_EQ_MSG(test, ins5s8563_model_variant_parse(&v, spec,
								strlen(spec)),
			    0, "variant \"%s\"", spec);
	ins5s8563_model_set_variant(model(test), &v);
}

static void write_reg(struct kunit *test, u8 reg, u8 val)
{
	u8 buf[2] = { reg, val };

	KUNIT_ASSERT_EQ(test, ins5s8563_model_write(model(test), buf, 2), 0);
}

static u8 read_reg(struct kunit *test, u8 reg)
{
	u8 val;

	KUNIT_ASSERT_EQ(test, ins5s8563_model_read_regs(model(test), reg, &val,
							1), 0);
	return val;
}

/* The counter as the bus reads it: 0x0f (7..0), 0x13 (15..8), 0x12. */
static u32 read_count(struct kunit *test)
{
	u8 r[5];

	KUNIT_ASSERT_EQ(test, ins5s8563_model_read_regs(model(test), R_TIMER_LO,
							r, sizeof(r)), 0);
	return r[0] | r[4] << 8 | r[3] << 16;
}

/* The live count, whatever the bus reads. */
static u32 live_count(struct kunit *test)
{
	struct ins5s8563_model *m = model(test);

	return ins5s8563_model_peek(m, R_TIMER_LO) |
	       ins5s8563_model_peek(m, R_TIMER_MID) << 8 |
	       ins5s8563_model_peek(m, R_TIMER_HI) << 16;
}

/* Three one-byte writes, low byte first, as the driver's loads make them. */
static void write_count(struct kunit *test, u32 count)
{
	write_reg(test, R_TIMER_LO, count & 0xff);
	write_reg(test, R_TIMER_MID, (count >> 8) & 0xff);
	write_reg(test, R_TIMER_HI, count >> 16);
}

/* ---- Names ---- */

struct variant_test_parse {
	const char *desc;
	const char *spec;
	int ret;
	/* The label after parsing into a variant holding tf=clear-on-stop. */
	const char *label;
};

static const struct variant_test_parse variant_test_parses[] = {
	{ "empty", "", 0, "tf=clear-on-stop" },
	{ "one", "stop_release=half", 0, "stop_release=half,tf=clear-on-stop" },
	{ "commas", "stop_release=half,tf=clear-on-read", 0,
	  "stop_release=half,tf=clear-on-read" },
	{ "newlines and blanks", " reload=oneshot ,\n\treadback=reload\n", 0,
	  "reload=oneshot,tf=clear-on-stop,readback=reload" },
	{ "back to chosen", "tf=kept", 0, "chosen" },
	{ "every decision",
	  "reload=periodic,write_running=pcf8563,start=resume-stale,stop_release=free,tf=kept,readback=live",
	  0, "write_running=pcf8563,start=resume-stale,stop_release=free" },
	{ "unknown name", "tf=kept,stop=half", -EINVAL, "tf=clear-on-stop" },
	{ "unknown value", "stop_release=halve", -EINVAL, "tf=clear-on-stop" },
	{ "value with '_'", "tf=clear_on_read", -EINVAL, "tf=clear-on-stop" },
	{ "no value", "tf", -EINVAL, "tf=clear-on-stop" },
	{ "name prefix", "stop_rel=half", -EINVAL, "tf=clear-on-stop" },
	{ "bad after good", "reload=oneshot,readback=", -EINVAL,
	  "tf=clear-on-stop" },
};

static void variant_test_parse_desc(const struct variant_test_parse *p,
				    char *desc)
{
	strscpy(desc, p->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(variant_test_parse, variant_test_parses,
		  variant_test_parse_desc);

/* The parser sets what it names, and nothing at all on an error. */
static void parse_test(struct kunit *test)
{
	const struct variant_test_parse *p = test->param_value;
	struct ins5s8563_model_variant v = {
		.tf = INS5S8563_MODEL_TF_CLEAR_ON_STOP,
	};
	char label[128];

	KUNIT_EXPECT_EQ(test, ins5s8563_model_variant_parse(&v, p->spec,
							    strlen(p->spec)),
			p->ret);
	ins5s8563_model_variant_label(&v, label, sizeof(label));
	KUNIT_EXPECT_STREQ(test, label, p->label);
}

/* Every name and value prints as it parses, one line per decision. */
static void print_test(struct kunit *test)
{
	struct ins5s8563_model_variant v = {}, back = {};
	unsigned int d, val;
	char buf[256];

	ins5s8563_model_variant_print(&v, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf,
			   "reload=periodic\nwrite_running=live\nstart=reload\n"
			   "stop_release=whole\ntf=kept\nreadback=live\n");

	for (d = 0; d < INS5S8563_MODEL_NDECISIONS; d++) {
		const struct ins5s8563_model_decision *dec =
			&ins5s8563_model_decisions[d];

		for (val = 0; val < dec->nvalues; val++) {
			KUNIT_ASSERT_EQ(test,
					ins5s8563_model_variant_set(&v, d, val),
					0);
			ins5s8563_model_variant_print(&v, buf, sizeof(buf));
			KUNIT_ASSERT_EQ(test,
					ins5s8563_model_variant_parse(&back, buf,
								      strlen(buf)),
					0);
			KUNIT_EXPECT_MEMEQ_MSG(test, &back, &v, sizeof(v),
					       "%s=%s", dec->name,
					       dec->values[val]);
			KUNIT_EXPECT_EQ(test,
					ins5s8563_model_variant_get(&back, d),
					val);
		}
		KUNIT_EXPECT_EQ(test, ins5s8563_model_variant_set(&v, d, val),
				-EINVAL);
	}
}

/* A power loss keeps the chip's variant; init goes back to the chosen. */
static void power_on_keeps_variant_test(struct kunit *test)
{
	struct ins5s8563_model *m = model(test);
	struct ins5s8563_model_variant v;

	set_variant(test, "stop_release=half,readback=reload");
	ins5s8563_model_power_on_reset(m);
	ins5s8563_model_get_variant(m, &v);
	KUNIT_EXPECT_EQ(test, v.stop_release, INS5S8563_MODEL_STOP_RELEASE_HALF);
	KUNIT_EXPECT_EQ(test, v.readback, INS5S8563_MODEL_READBACK_RELOAD);

	ins5s8563_model_init(m);
	ins5s8563_model_get_variant(m, &v);
	KUNIT_EXPECT_EQ(test, v.stop_release, INS5S8563_MODEL_STOP_RELEASE_WHOLE);
	KUNIT_EXPECT_EQ(test, v.readback, INS5S8563_MODEL_READBACK_LIVE);
}

/* ---- Decision 12: reload ---- */

struct variant_test_reload {
	const char *spec;
	unsigned int expiries;
	u32 count;
};

static const struct variant_test_reload variant_test_reloads[] = {
	{ "reload=periodic", 10, 2 },
	{ "reload=oneshot", 1, 0 },
};

static void variant_test_reload_desc(const struct variant_test_reload *p,
				     char *desc)
{
	strscpy(desc, p->spec, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(variant_test_reload, variant_test_reloads,
		  variant_test_reload_desc);

/*
 * 2 ticks at 64 Hz for 20 edges: periodic expires 10 times and holds 2;
 * oneshot once, then stays at 0 with TE still 1 (decisions 21 and 25).
 */
static void reload_test(struct kunit *test)
{
	const struct variant_test_reload *p = test->param_value;
	struct ins5s8563_model *m = model(test);

	set_variant(test, p->spec);
	write_count(test, 2);
	write_reg(test, R_TIMER_CTRL, TE | TD_64HZ);
	ins5s8563_model_advance(m, 20 * EDGE_64HZ);
	KUNIT_EXPECT_EQ(test, m->timer_expiries, p->expiries);
	KUNIT_EXPECT_EQ(test, read_count(test), p->count);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_CTRL2), C2_TF);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_TIMER_CTRL), TE | TD_64HZ);
	KUNIT_EXPECT_EQ(test, m->timer_reload, 2);

	/* Either way a count written while it runs starts it again. */
	write_reg(test, R_TIMER_LO, 3);
	ins5s8563_model_advance(m, 3 * EDGE_64HZ);
	KUNIT_EXPECT_EQ(test, m->timer_expiries, p->expiries + 1);
}

/* ---- Decision 13: a write while the timer runs ---- */

struct variant_test_wr {
	const char *desc;
	const char *spec;
	/* Source, and ticks from the start to the write. */
	unsigned int td;
	u64 at;
	/* A one-byte read this many ticks before the write (0: none). */
	u64 read_before;
	u32 live;
	u32 reload;
};

/*
 * 20 ticks at 1 Hz, started at subsec 0, written 0x3c (60). At 5 s + 3
 * ticks the count is 15 (0x0f), the last edge 3 ticks ago; a one-byte write
 * is 2 bytes on the wire, 6 ticks.
 */
static const struct variant_test_wr variant_test_wrs[] = {
	{ "live", "write_running=live", TD_1HZ, 5 * SEC_TICKS + 3, 0,
	  0x3c, 0x3c },
	{ "reload-only", "write_running=reload-only", TD_1HZ,
	  5 * SEC_TICKS + 3, 0, 15, 0x3c },
	{ "pcf8563, edge 3 ticks before", "write_running=pcf8563", TD_1HZ,
	  5 * SEC_TICKS + 3, 0, 0x0f & 0x3c, 0x3c },
	{ "pcf8563, edge 5 ticks before", "write_running=pcf8563", TD_1HZ,
	  5 * SEC_TICKS + 5, 0, 0x0f & 0x3c, 0x3c },
	{ "pcf8563, edge 6 ticks before", "write_running=pcf8563", TD_1HZ,
	  5 * SEC_TICKS + 6, 0, 0x3c, 0x3c },
	{ "pcf8563, mid-second", "write_running=pcf8563", TD_1HZ,
	  5 * SEC_TICKS + SEC_TICKS / 2, 0, 0x3c, 0x3c },
	{ "pcf8563, read after the edge", "write_running=pcf8563", TD_1HZ,
	  5 * SEC_TICKS + 3, 2, 0x3c, 0x3c },
	{ "pcf8563, read before the edge", "write_running=pcf8563", TD_1HZ,
	  5 * SEC_TICKS + 3, 4, 0x0f & 0x3c, 0x3c },
	/* 64 Hz: 320 edges in 5 s, 16 expiries: the count is 20 again. */
	{ "pcf8563, 64 Hz edge", "write_running=pcf8563", TD_64HZ,
	  5 * SEC_TICKS + 1, 0, 20 & 0x3c, 0x3c },
};

static void variant_test_wr_desc(const struct variant_test_wr *p, char *desc)
{
	strscpy(desc, p->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(variant_test_wr, variant_test_wrs, variant_test_wr_desc);

static void write_running_test(struct kunit *test)
{
	const struct variant_test_wr *p = test->param_value;
	struct ins5s8563_model *m = model(test);
	u64 period;

	set_variant(test, p->spec);
	write_count(test, 20);
	write_reg(test, R_TIMER_CTRL, TE | p->td);
	if (p->read_before) {
		ins5s8563_model_advance(m, p->at - p->read_before);
		read_reg(test, R_SEC);
		ins5s8563_model_advance(m, p->read_before);
	} else {
		ins5s8563_model_advance(m, p->at);
	}
	write_reg(test, R_TIMER_LO, 0x3c);
	KUNIT_EXPECT_EQ(test, live_count(test), p->live);
	KUNIT_EXPECT_EQ(test, m->timer_reload, p->reload);

	/* The first period counts the live value, the next ones the reload. */
	period = p->td == TD_1HZ ? SEC_TICKS : EDGE_64HZ;
	ins5s8563_model_reset_counters(m);
	ins5s8563_model_advance(m, period - m->subsec % period +
				(p->live - 1) * period - 1);
	KUNIT_EXPECT_EQ(test, m->timer_expiries, 0);
	ins5s8563_model_advance(m, 1);
	KUNIT_EXPECT_EQ(test, m->timer_expiries, 1);
	KUNIT_EXPECT_EQ(test, live_count(test), p->reload);
}

/* ---- Decision 14: a start ---- */

struct variant_test_start {
	const char *spec;
	/* The live count after: write 5 (TE=0) and start; 3 edges later stop. */
	u32 first;
	/* ... start again without a write; write 9 (TE=0); start. */
	u32 restart;
	u32 after_write;
	u32 second;
};

static const struct variant_test_start variant_test_starts[] = {
	{ "start=reload", 5, 5, 9, 9 },
	{ "start=resume", 5, 2, 9, 9 },
	{ "start=resume-stale", 0, 0, 0, 0 },
};

static void variant_test_start_desc(const struct variant_test_start *p,
				    char *desc)
{
	strscpy(desc, p->spec, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(variant_test_start, variant_test_starts,
		  variant_test_start_desc);

static void start_test(struct kunit *test)
{
	const struct variant_test_start *p = test->param_value;
	struct ins5s8563_model *m = model(test);

	set_variant(test, p->spec);
	write_count(test, 5);
	write_reg(test, R_TIMER_CTRL, TE | TD_64HZ);
	KUNIT_EXPECT_EQ(test, live_count(test), p->first);
	ins5s8563_model_advance(m, 3 * EDGE_64HZ);
	write_reg(test, R_TIMER_CTRL, TD_64HZ);
	KUNIT_EXPECT_EQ(test, live_count(test), p->first ? p->first - 3 : 0);

	write_reg(test, R_TIMER_CTRL, TE | TD_64HZ);
	KUNIT_EXPECT_EQ_MSG(test, live_count(test), p->restart,
			    "start without a write");
	write_reg(test, R_TIMER_CTRL, TD_64HZ);
	write_count(test, 9);
	KUNIT_EXPECT_EQ_MSG(test, live_count(test), p->after_write,
			    "write with TE=0");
	KUNIT_EXPECT_EQ(test, m->timer_reload, 9);
	write_reg(test, R_TIMER_CTRL, TE | TD_64HZ);
	KUNIT_EXPECT_EQ(test, live_count(test), p->second);

	/* A write with TE=1 reaches the live count in every start variant. */
	write_count(test, 7);
	KUNIT_EXPECT_EQ(test, live_count(test), 7);
}

/* ---- Decision 15: STOP's release ---- */

struct variant_test_stop {
	const char *spec;
	/* Ticks from STOP=0 to the first increment. */
	u64 first;
};

/* STOP is set 9830 ticks (0.3 s) into a second; free: see below. */
static const struct variant_test_stop variant_test_stops[] = {
	{ "stop_release=whole", SEC_TICKS },
	{ "stop_release=half", INS5S8563_MODEL_HALF_FIRST_TICKS },
};

static void variant_test_stop_desc(const struct variant_test_stop *p,
				   char *desc)
{
	strscpy(desc, p->spec, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(variant_test_stop, variant_test_stops,
		  variant_test_stop_desc);

static void stop_release_test(struct kunit *test)
{
	const struct variant_test_stop *p = test->param_value;
	struct ins5s8563_model *m = model(test);

	set_variant(test, p->spec);
	write_reg(test, R_SEC, 0x10);
	ins5s8563_model_advance(m, 9830);
	write_reg(test, R_CTRL1, C1_STOP);
	ins5s8563_model_advance(m, 2 * SEC_TICKS);
	KUNIT_EXPECT_EQ_MSG(test, read_reg(test, R_SEC), 0x10,
			    "the clock ran with STOP=1");
	write_reg(test, R_CTRL1, 0);
	ins5s8563_model_advance(m, p->first - 1);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_SEC), 0x10);
	ins5s8563_model_advance(m, 1);
	KUNIT_EXPECT_EQ_MSG(test, read_reg(test, R_SEC), 0x11,
			    "first increment %llu ticks after STOP=0", p->first);
	/* The seconds after it are whole ones. */
	ins5s8563_model_advance(m, SEC_TICKS - 1);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_SEC), 0x11);
	ins5s8563_model_advance(m, 1);
	KUNIT_EXPECT_EQ(test, read_reg(test, R_SEC), 0x12);
}

/*
 * stop_release=free: the divider's phase at STOP's release is whatever it
 * happens to be, not the chosen reading's 0. STOP set on a whole second
 * and released at once, four times: no first second is a whole one, and
 * they are not all the same.
 */
static void stop_release_free_phase_test(struct kunit *test)
{
	struct ins5s8563_model *m = model(test);
	u32 first[4];
	unsigned int i, differ = 0;

	set_variant(test, "stop_release=free");
	for (i = 0; i < ARRAY_SIZE(first); i++) {
		write_reg(test, R_SEC, 0x10);
		write_reg(test, R_CTRL1, C1_STOP);
		write_reg(test, R_CTRL1, 0);
		first[i] = SEC_TICKS - m->subsec;
		KUNIT_EXPECT_NE_MSG(test, first[i], SEC_TICKS,
				    "release %u: the first second is a whole one", i);
		ins5s8563_model_advance(m, first[i] - 1);
		KUNIT_EXPECT_EQ(test, read_reg(test, R_SEC), 0x10);
		ins5s8563_model_advance(m, 1);
		KUNIT_EXPECT_EQ_MSG(test, read_reg(test, R_SEC), 0x11,
				    "first increment %u ticks after STOP=0",
				    first[i]);
		if (i && first[i] != first[0])
			differ++;
	}
	KUNIT_EXPECT_GT_MSG(test, differ, 0,
			    "every release had the same phase: %u ticks",
			    first[0]);
}

/*
 * stop_release=free draws its phases from a sequence of the model's own,
 * started anew with each model: the same releases in two fresh models
 * find the same phases, whatever ran before (a leaf's failure repeats);
 * a model seeded otherwise (each leaf's, ins5s8563_test_init()) finds
 * others.
 */
static void stop_release_free_phase_per_model(struct kunit *test)
{
	static const u8 stop[2] = { R_CTRL1, C1_STOP }, go[2] = { R_CTRL1, 0 };
	static const char spec[] = "stop_release=free";
	static const u32 seed[3] = { 0, 0, 7 };
	struct ins5s8563_model *m;
	u32 phase[3][3];
	unsigned int i, j;

	m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m);
	for (i = 0; i < ARRAY_SIZE(phase); i++) {
		struct ins5s8563_model_variant v = {};

		ins5s8563_model_init(m);
		ins5s8563_model_seed_phases(m, seed[i]);
		KUNIT_ASSERT_EQ(test, ins5s8563_model_variant_parse(&v, spec,
								    strlen(spec)),
				0);
		ins5s8563_model_set_variant(m, &v);
		for (j = 0; j < ARRAY_SIZE(phase[i]); j++) {
			KUNIT_ASSERT_EQ(test, ins5s8563_model_write(m, stop, 2), 0);
			KUNIT_ASSERT_EQ(test, ins5s8563_model_write(m, go, 2), 0);
			phase[i][j] = m->subsec;
		}
	}
	for (j = 0; j < ARRAY_SIZE(phase[0]); j++) {
		KUNIT_EXPECT_EQ_MSG(test, phase[1][j], phase[0][j],
				    "release %u: a fresh model drew another phase", j);
		KUNIT_EXPECT_NE_MSG(test, phase[2][j], phase[0][j],
				    "release %u: another seed drew the same phase", j);
	}
}

/* ---- Decision 16: what clears TF ---- */

enum variant_test_tf_op {
	TF_OP_STOP,		/* TE 1 -> 0 */
	TF_OP_RESTART,		/* TE 0 -> 1 after a stop */
	TF_OP_READ_CTRL2,	/* a read of 0x01 alone */
	TF_OP_READ_BURST,	/* a read of 0x00-0x08 */
	TF_OP_READ_COUNT,	/* a read of the counter */
	TF_OP_LOAD,		/* a counter byte written */
};

struct variant_test_tf {
	const char *desc;
	const char *spec;
	enum variant_test_tf_op op;
	/* TF after the operation. */
	bool tf;
};

static const struct variant_test_tf variant_test_tfs[] = {
	{ "kept, stop", "tf=kept", TF_OP_STOP, true },
	{ "kept, restart", "tf=kept", TF_OP_RESTART, true },
	{ "kept, read 0x01", "tf=kept", TF_OP_READ_CTRL2, true },
	{ "kept, read 0x00-0x08", "tf=kept", TF_OP_READ_BURST, true },
	{ "kept, read counter", "tf=kept", TF_OP_READ_COUNT, true },
	{ "kept, load", "tf=kept", TF_OP_LOAD, true },
	{ "clear-on-stop, stop", "tf=clear-on-stop", TF_OP_STOP, false },
	{ "clear-on-stop, restart", "tf=clear-on-stop", TF_OP_RESTART, false },
	{ "clear-on-stop, read 0x01", "tf=clear-on-stop", TF_OP_READ_CTRL2,
	  true },
	{ "clear-on-stop, load", "tf=clear-on-stop", TF_OP_LOAD, true },
	{ "clear-on-read, stop", "tf=clear-on-read", TF_OP_STOP, true },
	{ "clear-on-read, read 0x01", "tf=clear-on-read", TF_OP_READ_CTRL2,
	  false },
	{ "clear-on-read, read 0x00-0x08", "tf=clear-on-read",
	  TF_OP_READ_BURST, false },
	{ "clear-on-read, read counter", "tf=clear-on-read", TF_OP_READ_COUNT,
	  true },
	{ "clear-on-read, load", "tf=clear-on-read", TF_OP_LOAD, true },
};

static void variant_test_tf_desc(const struct variant_test_tf *p, char *desc)
{
	strscpy(desc, p->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(variant_test_tf, variant_test_tfs, variant_test_tf_desc);

static void tf_test(struct kunit *test)
{
	const struct variant_test_tf *p = test->param_value;
	struct ins5s8563_model *m = model(test);
	u8 buf[9];

	set_variant(test, p->spec);
	write_reg(test, R_CTRL2, C2_TIE);
	write_count(test, 100);
	write_reg(test, R_TIMER_CTRL, TE | TD_64HZ);
	/* Poked, so that no read of the test's own clears it. */
	ins5s8563_model_poke(m, R_CTRL2, C2_TF | C2_TIE);
	KUNIT_ASSERT_TRUE(test, ins5s8563_model_int(m));

	switch (p->op) {
	case TF_OP_STOP:
		write_reg(test, R_TIMER_CTRL, TD_64HZ);
		break;
	case TF_OP_RESTART:
		write_reg(test, R_TIMER_CTRL, TD_64HZ);
		write_reg(test, R_TIMER_CTRL, TE | TD_64HZ);
		break;
	case TF_OP_READ_CTRL2:
		KUNIT_EXPECT_EQ_MSG(test, read_reg(test, R_CTRL2),
				    C2_TF | C2_TIE, "the read returns TF");
		break;
	case TF_OP_READ_BURST:
		KUNIT_ASSERT_EQ(test, ins5s8563_model_read_regs(m, R_CTRL1, buf,
								sizeof(buf)),
				0);
		KUNIT_EXPECT_EQ(test, buf[1], C2_TF | C2_TIE);
		break;
	case TF_OP_READ_COUNT:
		read_count(test);
		break;
	case TF_OP_LOAD:
		write_count(test, 50);
		break;
	}
	KUNIT_EXPECT_EQ(test, !!(ins5s8563_model_peek(m, R_CTRL2) & C2_TF),
			p->tf);
	KUNIT_EXPECT_EQ_MSG(test, ins5s8563_model_int(m), p->tf,
			    "/INT follows TF with TIE");
}

/* ---- Decision 4: the counter's read-back ---- */

struct variant_test_readback {
	const char *spec;
	u32 count;
};

static const struct variant_test_readback variant_test_readbacks[] = {
	{ "readback=live", 0x1234 - 300 },
	{ "readback=reload", 0x1234 },
};

static void variant_test_readback_desc(const struct variant_test_readback *p,
				       char *desc)
{
	strscpy(desc, p->spec, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(variant_test_readback, variant_test_readbacks,
		  variant_test_readback_desc);

static void readback_test(struct kunit *test)
{
	const struct variant_test_readback *p = test->param_value;
	struct ins5s8563_model *m = model(test);
	u8 one;

	set_variant(test, p->spec);
	write_count(test, 0x1234);
	write_reg(test, R_TIMER_CTRL, TE | TD_64HZ);
	ins5s8563_model_advance(m, 300 * EDGE_64HZ);
	KUNIT_EXPECT_EQ(test, live_count(test), 0x1234 - 300);
	KUNIT_EXPECT_EQ(test, read_count(test), p->count);
	/* Byte by byte too, through the register pointer. */
	KUNIT_ASSERT_EQ(test, ins5s8563_model_read_regs(m, R_TIMER_MID, &one, 1),
			0);
	KUNIT_EXPECT_EQ(test, one, (p->count >> 8) & 0xff);
	KUNIT_ASSERT_EQ(test, ins5s8563_model_read(m, &one, 1), 0);
	KUNIT_EXPECT_EQ_MSG(test, one, 0, "0x14 holds no register");
}

static struct kunit_case ins5s8563_variant_test_cases[] = {
	KUNIT_CASE_PARAM(parse_test, variant_test_parse_gen_params),
	KUNIT_CASE(print_test),
	KUNIT_CASE(power_on_keeps_variant_test),
	KUNIT_CASE_PARAM(reload_test, variant_test_reload_gen_params),
	KUNIT_CASE_PARAM(write_running_test, variant_test_wr_gen_params),
	KUNIT_CASE_PARAM(start_test, variant_test_start_gen_params),
	KUNIT_CASE_PARAM(stop_release_test, variant_test_stop_gen_params),
	KUNIT_CASE(stop_release_free_phase_test),
	KUNIT_CASE(stop_release_free_phase_per_model),
	KUNIT_CASE_PARAM(tf_test, variant_test_tf_gen_params),
	KUNIT_CASE_PARAM(readback_test, variant_test_readback_gen_params),
	{}
};

struct kunit_suite ins5s8563_variant_test_suite = {
	.name = "ins5s8563-model-variant",
	.init = variant_test_init,
	.test_cases = ins5s8563_variant_test_cases,
};
