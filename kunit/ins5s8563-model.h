/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Register-level model of the Dapu INS5S8563 real-time clock, as its
 * datasheet (v1.0) and the project's NOTES.md describe it.
 *
 * The model is plain kernel C with no KUnit dependency: the KUnit suites
 * put it behind a regmap bus, the simulated I2C chip behind an adapter.
 * Time advances only through ins5s8563_model_advance(), in ticks of the
 * chip's 32768 Hz oscillator, so every test decides exactly when the
 * calendar, the alarm and the countdown timer move.
 *
 * Locking: every function below takes m->lock. The access hook and the
 * /INT callback run with m->lock held; they may read or change m->regs
 * directly (through the __ins5s8563_model_*() helpers) but must not call
 * the locking functions.
 */
#ifndef _INS5S8563_MODEL_H
#define _INS5S8563_MODEL_H

#include <linux/spinlock.h>
#include <linux/types.h>

#define INS5S8563_MODEL_NREGS		256
#define INS5S8563_MODEL_OSC_HZ		32768

enum ins5s8563_model_dir {
	INS5S8563_MODEL_READ,
	INS5S8563_MODEL_WRITE,
};

struct ins5s8563_model;

/*
 * Called before every bus access (a read or write transaction), with the
 * access number (1-based, counting from the last reset of the counters),
 * the direction and the register the transaction starts at. Tests use it
 * to change the chip between two accesses of the driver, e.g. to set TF
 * between a read and the write-back of Control_2.
 */
typedef void (*ins5s8563_model_hook_t)(struct ins5s8563_model *m, void *priv,
				       unsigned int access,
				       enum ins5s8563_model_dir dir, u8 reg);

/* Called with the new level whenever /INT changes (true = asserted, low). */
typedef void (*ins5s8563_model_int_t)(struct ins5s8563_model *m, void *priv,
				      bool asserted);

struct ins5s8563_model {
	spinlock_t lock;
	/* Register file as software sees it (reserved bits always 0). */
	u8 regs[INS5S8563_MODEL_NREGS];
	/* Register pointer for the next transfer without an address. */
	u8 ptr;

	/* Reload value of the countdown timer (last value written). */
	u32 timer_reload;
	/* Oscillator ticks since the last whole second (0..32767). */
	u32 subsec;
	/* Oscillator ticks towards the next timer source edge. */
	u32 timer_phase;
	/* Seconds towards the next 1/60 Hz timer source edge. */
	u32 timer_minute_phase;
	/* Oscillator ticks of /INT pulse left (TI_TP=1), 0 when none. */
	u32 pulse_left;
	bool int_asserted;

	/* Statistics since the last ins5s8563_model_reset_counters(). */
	unsigned int accesses;
	unsigned int reads;
	unsigned int writes;
	unsigned int bytes_read;
	unsigned int bytes_written;
	unsigned int timer_expiries;
	unsigned int alarm_matches;

	/* Fault injection: access number fail_at fails with fail_err. */
	unsigned int fail_at;
	/* Number of consecutive accesses that fail, starting at fail_at. */
	unsigned int fail_count;
	int fail_err;

	ins5s8563_model_hook_t hook;
	void *hook_priv;
	ins5s8563_model_int_t int_cb;
	void *int_priv;
};

/* Power-on state of Table 6 (VLF=1, AE=1, FE=1, everything else 0). */
void ins5s8563_model_init(struct ins5s8563_model *m);
void ins5s8563_model_power_on_reset(struct ins5s8563_model *m);

/*
 * Bus transactions, as regmap and I2C see them. A write transaction
 * carries the register address in buf[0] and data after it; a read
 * transaction reads from the register pointer. Both auto-increment the
 * pointer, wrapping from 0xFF to 0x00. Each call counts as one access and
 * may fail with the injected error, in which case nothing changes.
 */
int ins5s8563_model_write(struct ins5s8563_model *m, const u8 *buf, size_t len);
int ins5s8563_model_read(struct ins5s8563_model *m, u8 *buf, size_t len);
/* Write of the address followed by a read: one access (repeated START). */
int ins5s8563_model_read_regs(struct ins5s8563_model *m, u8 reg, u8 *buf,
			      size_t len);

/* Advance time by @ticks of the 32768 Hz oscillator. */
void ins5s8563_model_advance(struct ins5s8563_model *m, u64 ticks);

/* Test access that bypasses the bus: no counting, no flag rules. */
u8 ins5s8563_model_peek(struct ins5s8563_model *m, u8 reg);
void ins5s8563_model_poke(struct ins5s8563_model *m, u8 reg, u8 val);
bool ins5s8563_model_int(struct ins5s8563_model *m);

/* Fail @count accesses starting with access number @nth (1-based). */
void ins5s8563_model_fail(struct ins5s8563_model *m, unsigned int nth,
			  unsigned int count, int err);
void ins5s8563_model_reset_counters(struct ins5s8563_model *m);

void ins5s8563_model_set_hook(struct ins5s8563_model *m,
			      ins5s8563_model_hook_t hook, void *priv);
void ins5s8563_model_set_int_cb(struct ins5s8563_model *m,
				ins5s8563_model_int_t cb, void *priv);

/* Lock-held variants for hooks and callbacks. */
void __ins5s8563_model_poke(struct ins5s8563_model *m, u8 reg, u8 val);

#endif /* _INS5S8563_MODEL_H */
