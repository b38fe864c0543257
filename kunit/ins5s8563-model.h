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
 *
 * Where the datasheet is silent, the model decides as follows.
 *
 * Registers: 0x00-0x0f and 0x12-0x13 exist. A bus write stores only the
 * documented bits (reserved bits read 0); AF, TF and VLF can only be
 * cleared (writing 1 leaves them as they are). 0x10, 0x11 and 0x14-0xff
 * read 0 and ignore writes, but the pointer still steps through them.
 * EXT_TEST is only stored.
 *
 * Prescaler and STOP: a 15-bit prescaler (subsec) counts oscillator ticks
 * and carries into the seconds every 32768 ticks. All other sources (the
 * 4096, 64 and 1 Hz timer clocks, and 1/60 Hz) derive from it: their
 * edges are where subsec crosses a multiple of 8, 512 and 32768 ticks,
 * and the calendar's minute rollovers (decision 9: the 1 Hz and 1/60 Hz
 * sources are the calendar's, so a 1/60 Hz edge is a seconds rollover
 * from 59, wherever the time was set). As on the PCF8563, writing STOP
 * 0->1 holds this divider chain at 0 (subsec = 0), and while STOP=1
 * neither the calendar nor the countdown timer moves; after STOP 1->0 the
 * first second lasts exactly 32768 ticks. No source is restarted by TE
 * or TD, so the first period after enabling the timer is partial. The
 * oscillator itself runs on with STOP=1, so an /INT pulse in progress
 * still ends on time.
 *
 * Calendar: BCD, seconds -> minutes -> hours -> day and weekday (0-6,
 * +1 mod 7 at midnight) -> month -> year 00-99 (wrapping to 00). Year 00
 * is 2000: February has 29 days whenever the year is divisible by 4.
 * VLF, and any reserved bit a poke set, is left alone by the carries,
 * which only rewrite the field itself. A field holding invalid BCD (poked
 * by a test) is read as tens * 10 + ones; when it carries and its value
 * is at or above the field's maximum it wraps to the minimum (and carries
 * on), otherwise it counts up from that value. A day beyond its month's
 * length ends the month at the next midnight, a month outside 1-12 counts
 * as 31 days. So nothing loops and the outcome is always the same.
 *
 * Alarm: evaluated only at a minute rollover (seconds 59 -> 00, after the
 * calendar carry), never when software writes the time or the alarm. AE=0
 * makes a field take part; if at least one does and every taking-part
 * field equals the time (masked, so reserved bits are ignored), AF is set
 * and alarm_matches counts it. Clearing AF inside the matching minute
 * does not make it fire again in that minute.
 *
 * Countdown timer: 24 bits in 0x0f (7..0), 0x13 (15..8), 0x12 (23..16).
 * The registers hold the live counter (reads return the live value). A
 * write (or poke) of one of these bytes sets that byte of both the live
 * counter and timer_reload; TE 0->1 reloads the live counter from
 * timer_reload. With TE=1 every source edge decrements a non-zero counter;
 * 1 -> 0 sets TF, counts timer_expiries and reloads from timer_reload
 * (periodic). A live count of 0 never expires.
 *
 * /INT is asserted (low) while (AF && AIE) || (TF && TIE && !TI_TP) or
 * while a pulse runs: with TI_TP=1 and TIE=1 each expiry starts a pulse of
 * 4 ticks (122 us) for the 4096 Hz source and 256 ticks (7.813 ms)
 * otherwise; TF stays set until software clears it. int_cb is called at
 * every change of level: at the end of a write transaction or poke, at
 * power_on_reset, and inside advance() at the exact tick of the event.
 *
 * Bus accounting: every transaction counts as one access, also a failed
 * one, so that access numbers (hook, fail_at) match the order of calls.
 * reads/writes and the byte counters count only transactions that
 * completed. Bytes are those on the wire except the I2C address byte: a
 * write counts len bytes (register address included), read() counts len
 * read bytes, read_regs() counts 1 written byte (the register address)
 * and len read bytes.
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
	/* Protects everything below; see "Locking" above. */
	spinlock_t lock;
	/* Register file as software sees it (reserved bits always 0). */
	u8 regs[INS5S8563_MODEL_NREGS];
	/* Register pointer for the next transfer without an address. */
	u8 ptr;

	/* Reload value of the countdown timer (last value written). */
	u32 timer_reload;
	/* Oscillator ticks since the last whole second (0..32767). */
	u32 subsec;
	/*
	 * Oscillator ticks towards the next edge of the source selected by
	 * TD (derived from subsec and the seconds, kept up to date).
	 */
	u32 timer_phase;
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

	/*
	 * Fault injection: access number fail_at fails with fail_err
	 * (-EIO when 0). fail_at == 0 disables it.
	 */
	unsigned int fail_at;
	/* Number of consecutive accesses that fail, starting at fail_at. */
	unsigned int fail_count;
	int fail_err;

	ins5s8563_model_hook_t hook;
	void *hook_priv;
	ins5s8563_model_int_t int_cb;
	void *int_priv;
};

/*
 * Power-on state of Table 6 (VLF=1, AE=1, FE=1, DAY=1, everything else 0),
 * pointer 0, timer reload 0, divider chain at 0. ins5s8563_model_init()
 * first clears the whole structure (counters, hooks, fault injection) and
 * initializes the lock; ins5s8563_model_power_on_reset() only restores the
 * chip's state and keeps hooks, counters and fault injection (a power loss
 * of the simulated chip).
 */
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

/*
 * Advance time by @ticks of the 32768 Hz oscillator. The cost grows with
 * the events on the way (timer expiries, /INT pulses, minute rollovers
 * while the alarm is armed, days), not with @ticks.
 */
void ins5s8563_model_advance(struct ins5s8563_model *m, u64 ticks);

/*
 * Oscillator ticks from now to the next event that advance() stops at: the
 * end of an /INT pulse, a countdown timer expiry (TE=1, STOP=0, non-zero
 * count), a minute rollover while an alarm field is enabled (STOP=0).
 * U64_MAX when none is coming, e.g. timer off, alarm off, no pulse: a
 * simulator that wakes up at each event never ticks an idle chip.
 */
u64 ins5s8563_model_next_event(struct ins5s8563_model *m);

/*
 * Test access that bypasses the bus: no masks, no counting, no flag rules,
 * no hook, no fault injection, no STOP or TE side effect. A poke of a timer
 * counter byte also sets that byte of timer_reload; /INT is re-evaluated
 * after it. Pokes of addresses with no register (0x10, 0x11, 0x14-0xff)
 * are ignored, so they keep reading 0.
 */
u8 ins5s8563_model_peek(struct ins5s8563_model *m, u8 reg);
void ins5s8563_model_poke(struct ins5s8563_model *m, u8 reg, u8 val);
bool ins5s8563_model_int(struct ins5s8563_model *m);

/*
 * Fail @count accesses starting with access number @nth (1-based) with
 * @err (-EIO when 0); nth or count 0 disables it. Access numbers restart
 * with ins5s8563_model_reset_counters(), which re-arms the same numbers.
 */
void ins5s8563_model_fail(struct ins5s8563_model *m, unsigned int nth,
			  unsigned int count, int err);
void ins5s8563_model_reset_counters(struct ins5s8563_model *m);

void ins5s8563_model_set_hook(struct ins5s8563_model *m,
			      ins5s8563_model_hook_t hook, void *priv);
void ins5s8563_model_set_int_cb(struct ins5s8563_model *m,
				ins5s8563_model_int_t cb, void *priv);

/* Lock-held variants for hooks and callbacks. */
void __ins5s8563_model_poke(struct ins5s8563_model *m, u8 reg, u8 val);
void __ins5s8563_model_advance(struct ins5s8563_model *m, u64 ticks);

#if IS_ENABLED(CONFIG_KUNIT)
struct kunit_suite;

/* The model's own KUnit suite, registered by the driver's test module. */
extern struct kunit_suite ins5s8563_model_test_suite;
#endif

#endif /* _INS5S8563_MODEL_H */
