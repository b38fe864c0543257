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
 * Variants (struct ins5s8563_model_variant, all zero by default): each
 * decision the driver relies on beyond the datasheet (12 to 16, and 4 for
 * the read-back) can be switched to a plausible alternative, the PCF8563's
 * at least, so that the driver can be tested against it:
 *
 *   reload (12)	periodic: the above. oneshot: 1 -> 0 sets TF (and
 *			starts a pulse) and leaves the count at 0, so the
 *			timer stops there (a count of 0 never expires); TE
 *			stays 1.
 *   write_running (13)	live: the above. reload-only: a counter byte written
 *			with TE=1 sets only that byte of timer_reload; the
 *			live count runs on. pcf8563: written with TE=1, the
 *			byte reaches the live count at once, but a write
 *			transaction that meets an edge of the selected source
 *			loads a corrupted live byte: the AND of the live byte
 *			before it and the byte written (flip-flops that were
 *			to rise miss the load), while timer_reload takes the
 *			byte written, so only the first period is wrong. A
 *			write meets an edge when, with STOP=0, the last edge
 *			of the source (a multiple of its period in subsec; a
 *			minute rollover at 1/60 Hz) came fewer ticks ago than
 *			the transaction's time on the wire: 3 ticks a byte
 *			(a byte and its ack at 100 kHz, 92 us), counted back
 *			from the transaction's end, and never from before the
 *			end of the access before it (no transaction overlaps
 *			another). So a read of SEC made before the write saw
 *			the second before any 1 Hz edge the write meets.
 *   start (14)		reload: the above. resume: TE 0 -> 1 leaves the live
 *			count as it was held (a write with TE=0 still sets
 *			it and the reload value). resume-stale: a write with
 *			TE=0 sets only timer_reload, and TE 0 -> 1 resumes
 *			the old live count.
 *   stop_release (15)	whole: the above. half: STOP=1 holds the chain at 0,
 *			and STOP 1 -> 0 sets subsec to 32768 - 16640: the
 *			first increment comes 16640 ticks (0.507813 s, the
 *			PCF8563's) after STOP=0. free: STOP does not reset
 *			the divider, and its phase at STOP 1 -> 0 is not the
 *			one it had: subsec is held while STOP=1 and set at
 *			the release to a value drawn anew each time (a fixed
 *			sequence, 1/16 s to 15/16 s), so the first increment
 *			comes 1/16 s to 15/16 s after STOP=0.
 *   tf (16)		kept: the above. clear-on-stop: a bus write of TE
 *			1 -> 0 clears TF. clear-on-read: a read transaction
 *			whose addresses include 0x01 returns TF and then
 *			clears it (/INT is re-evaluated after it).
 *   readback (4)	live: reads of 0x0f, 0x12 and 0x13 return the live
 *			count. reload: they return timer_reload's bytes.
 *
 * Time during transfers: access_ticks (0 unless a test sets it) passes at
 * the start of every access, after the hook, as if the bytes took that
 * long on the wire before the data landed: a source edge may then come
 * between two transfers of the driver, and write_running=pcf8563 sees
 * the wire time it counts back.
 *
 * Pokes and peeks ignore the variant: a poke of a counter byte sets the
 * live byte and the reload byte, a peek returns the live count.
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

/* Decision 12: what the timer does at 1 -> 0. */
enum ins5s8563_model_reload {
	INS5S8563_MODEL_RELOAD_PERIODIC,
	INS5S8563_MODEL_RELOAD_ONESHOT,
};

/* Decision 13: a counter byte written while TE=1. */
enum ins5s8563_model_write_running {
	INS5S8563_MODEL_WRITE_RUNNING_LIVE,
	INS5S8563_MODEL_WRITE_RUNNING_RELOAD_ONLY,
	INS5S8563_MODEL_WRITE_RUNNING_PCF8563,
};

/* Decision 14: a write with TE=0, and TE 0 -> 1. */
enum ins5s8563_model_start {
	INS5S8563_MODEL_START_RELOAD,
	INS5S8563_MODEL_START_RESUME,
	INS5S8563_MODEL_START_RESUME_STALE,
};

/* Decision 15: the divider chain across STOP. */
enum ins5s8563_model_stop_release {
	INS5S8563_MODEL_STOP_RELEASE_WHOLE,
	INS5S8563_MODEL_STOP_RELEASE_HALF,
	INS5S8563_MODEL_STOP_RELEASE_FREE,
};

/* Decision 16: what besides a write of 0 clears TF. */
enum ins5s8563_model_tf {
	INS5S8563_MODEL_TF_KEPT,
	INS5S8563_MODEL_TF_CLEAR_ON_STOP,
	INS5S8563_MODEL_TF_CLEAR_ON_READ,
};

/* Decision 4: what a read of the counter registers returns. */
enum ins5s8563_model_readback {
	INS5S8563_MODEL_READBACK_LIVE,
	INS5S8563_MODEL_READBACK_RELOAD,
};

/* The chip's behaviour where the datasheet is silent; zero is the chosen. */
struct ins5s8563_model_variant {
	enum ins5s8563_model_reload reload;
	enum ins5s8563_model_write_running write_running;
	enum ins5s8563_model_start start;
	enum ins5s8563_model_stop_release stop_release;
	enum ins5s8563_model_tf tf;
	enum ins5s8563_model_readback readback;
};

/* Ticks from STOP 1 -> 0 to the first increment with stop_release=half. */
#define INS5S8563_MODEL_HALF_FIRST_TICKS	16640
/* Ticks a byte of a transaction takes on the wire (write_running=pcf8563). */
#define INS5S8563_MODEL_BYTE_TICKS		3

/*
 * The name of each decision a variant chooses for, in the order of struct
 * ins5s8563_model_variant, with the RST's number of the decision and the
 * names of its values (lowercase, '-' between words), in enum order.
 */
struct ins5s8563_model_decision {
	const char *name;
	unsigned int number;
	const char * const *values;
	unsigned int nvalues;
};

#define INS5S8563_MODEL_NDECISIONS	6
extern const struct ins5s8563_model_decision
	ins5s8563_model_decisions[INS5S8563_MODEL_NDECISIONS];

unsigned int ins5s8563_model_variant_get(const struct ins5s8563_model_variant *v,
					 unsigned int decision);
int ins5s8563_model_variant_set(struct ins5s8563_model_variant *v,
				unsigned int decision, unsigned int value);

/*
 * Parse @len bytes of "name=value" settings, separated by commas or
 * newlines (blanks around them ignored), into @v. An unknown name or value
 * returns -EINVAL and leaves @v as it was; settings not named keep their
 * value in @v. An empty @spec changes nothing.
 */
int ins5s8563_model_variant_parse(struct ins5s8563_model_variant *v,
				  const char *spec, size_t len);
/*
 * Every decision as "name=value\n", in the order of the table; returns the
 * length as scnprintf() does.
 */
int ins5s8563_model_variant_print(const struct ins5s8563_model_variant *v,
				  char *buf, size_t size);
/*
 * A short label: the settings that differ from the chosen reading, as
 * "name=value" joined by commas, or "chosen" when there are none.
 */
int ins5s8563_model_variant_label(const struct ins5s8563_model_variant *v,
				  char *buf, size_t size);

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

	/* How the chip behaves where the datasheet is silent. */
	struct ins5s8563_model_variant variant;

	/* Reload value of the countdown timer (last value written). */
	u32 timer_reload;
	/* Oscillator ticks since the last whole second (0..32767). */
	u32 subsec;
	/*
	 * Oscillator ticks towards the next edge of the source selected by
	 * TD (derived from subsec and the seconds, kept up to date).
	 */
	u32 timer_phase;
	/* Oscillator ticks since init, and at the end of the last access. */
	u64 now;
	u64 bus_idle_since;
	/*
	 * Oscillator ticks that pass at the start of every access, before
	 * its data reaches the chip (a transaction's time on the wire); 0,
	 * the default, keeps time still during transfers. Failed accesses
	 * take it too: the bus was busy all the same.
	 */
	u32 access_ticks;
	/*
	 * Where the stop_release=free draw of the divider's phase stands:
	 * the seed plus the releases since, the model's own so that it
	 * repeats per test.
	 */
	unsigned int free_releases;
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
 * first clears the whole structure (counters, hooks, fault injection, the
 * variant) and initializes the lock; ins5s8563_model_power_on_reset() only
 * restores the chip's state and keeps hooks, counters, fault injection and
 * the variant (a power loss of the simulated chip).
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
 * Where the stop_release=free phases of this model start in their
 * sequence (init: 0): the same seed, the same phases.
 */
void ins5s8563_model_seed_phases(struct ins5s8563_model *m, u32 seed);

/*
 * The variant in effect. Setting one keeps the chip's state: the change
 * applies from the next access or tick on.
 */
void ins5s8563_model_set_variant(struct ins5s8563_model *m,
				 const struct ins5s8563_model_variant *v);
void ins5s8563_model_get_variant(struct ins5s8563_model *m,
				 struct ins5s8563_model_variant *v);

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
/* Its variants' suite (ins5s8563-variant-test.c). */
extern struct kunit_suite ins5s8563_variant_test_suite;
#endif

#endif /* _INS5S8563_MODEL_H */
