// SPDX-License-Identifier: GPL-2.0
/*
 * A simulated Dapu INS5S8563 on a simulated I2C bus, for trying the
 * driver (and mainline rtc-pcf8563, for comparison) in a running kernel
 * without the chip: User-Mode Linux in this project's tests.
 *
 * Test-only: never load it on a system with a real chip at stake.
 *
 * The chip is the register-level model of kunit/ins5s8563-model.c, behind
 * an i2c_adapter with plain I2C transfers (SMBus emulated by the I2C core)
 * that answers at 0x51 only. It speaks the datasheet's protocol: a write
 * message sets the register pointer from its first byte and writes the
 * rest, a read message reads from the pointer, both auto-increment and
 * wrap from 0xff to 0x00; a one-byte write followed by a read in the same
 * transfer is one access of the model (repeated START).
 *
 * Time: the model's 32768 Hz oscillator follows the monotonic clock from
 * the moment the module is loaded. It is brought up to date before every
 * transfer and every debugfs access, and by an hrtimer armed at the next
 * event the model reports (ins5s8563_model_next_event()): a countdown
 * timer expiry, the end of an /INT pulse, a minute rollover while an
 * alarm field is enabled. An idle chip arms no timer.
 *
 * /INT: a one-line interrupt domain whose chip emulates the pin as the
 * driver sees it: level-low (the default: /INT is an open-drain output
 * held low while a flag is pending; the handler runs again as long as it
 * is low and unmasked) or falling edge (module parameter irq_type). The
 * generic irq_sim only knows edges, and mainline rtc-pcf8563 requests a
 * level-low interrupt. Delivery goes through irq_work, so the interrupt is
 * never raised with the model's lock held.
 *
 * /INT as a reset line (int_wiring, module parameter and debugfs file):
 * "irq" (the default) is the above; "reset" models a board whose /INT
 * drives its reset input, as with a driver using the chip as a watchdog
 * (DT property reset-source). Then an assertion of /INT (the start of a
 * pulse, or a level going low) raises no interrupt and is counted in
 * "resets" instead: the simulated board would have been reset, but
 * nothing is actually reset (the chip, the bus and the kernel go on). A
 * client added while the wiring is "reset" is not given the interrupt.
 *
 * The client at 0x51: with a device tree that has a node
 * /ins5s8563-sim-i2c (see ins5s8563-sim.dts), the adapter takes that node,
 * and the I2C core instantiates its children (rtc@51, "dapu,ins5s8563");
 * otherwise the module instantiates a client of type @client (module
 * parameter, "ins5s8563" by default, "pcf8563" for the mainline driver,
 * empty for none). The interrupt is not described in the device tree
 * (there is no interrupt controller node for this domain): every client
 * at 0x51 on this adapter gets it when it is added, through a bus
 * notifier, also one made through new_device in sysfs.
 *
 * debugfs, in /sys/kernel/debug/ins5s8563-sim/:
 *   regs      read: the 256 register addresses as the bus reads them, in
 *             i2cdump's layout; write "REG VAL": poke a register (no bus
 *             rules, see ins5s8563_model_poke())
 *   power_loss  write 1: registers to their power-on values, VLF=1
 *   fault     write "nack N [COUNT]", "timeout N [COUNT]" (the Nth
 *             transfer from now, and COUNT-1 after it, fail with -ENXIO
 *             or -ETIMEDOUT), "nack-ms MS", "timeout-ms MS" (every
 *             transfer for MS milliseconds), "random PERMILLE SEED"
 *             (each transfer fails with that probability, as a NACK or a
 *             timeout at random, from a generator seeded with SEED, so
 *             that a run can be repeated), or "off"; read: the setting
 *   clock     read: the chip's time with its fraction of a second from the
 *             prescaler, "YYYY-MM-DD HH:MM:SS.uuuuuu", as of the read
 *             (the registers do not go below the second)
 *   counters  read: transfers, messages, bytes (written, read, address)
 *             since the last reset, failed transfers (and of those, the
 *             ones a kernel thread made), interrupts raised,
 *             board resets (int_wiring reset), timer expiries and alarm
 *             matches; write 0: reset them
 *   trace     read: the last 512 bus accesses and interrupts, oldest
 *             first: the time since load (monotonic; of an access, the
 *             model's, to its 30.5 us tick), the chip's SEC register
 *             and prescaler, the task, R/W/I (an interrupt raised), the
 *             register, length, data and error; write 0: clear it
 *   reset_at  read: the chip's time when /INT last reset the board
 *             (int_wiring reset), in clock's format, or "none"
 *   irq_delay_ms  read/write: how long after /INT goes low the interrupt
 *             is raised (0, the default: at once), so that a test can act
 *             between a flag and its handler
 *   int       read: 1 while /INT is asserted (low)
 *   irq       read: the Linux interrupt number of /INT, 0 when none
 *   int_wiring  read: what /INT is wired to, "irq" or "reset"; write
 *             either to rewire it (clients already added keep the
 *             interrupt they were given, or not)
 *   variant   read: one "name=value" line per decision the chip model
 *             can be switched on (see ins5s8563-model.h: reload,
 *             write_running, start, stop_release, tf, readback); write
 *             "name=value", one or more, separated by commas or newlines:
 *             set them (the module parameter variant does the same at
 *             load); an unknown name or value is -EINVAL and sets nothing
 *   client_node  write the path of a device tree node: the client at 0x51
 *             (the one from the device tree, or the module's) is removed
 *             and one made from that node instead, as the I2C core would
 *             (tests/e2e/sim-bad-input.sh: nodes with bad properties);
 *             write "none" to remove it only; read: the node's path, or
 *             "none". A client made through new_device is left alone.
 *
 * With a device tree node /ins5s8563-sim-intc (interrupt-controller,
 * two cells), the interrupt domain is that node's: a client's node can
 * then describe its interrupt (interrupts-extended), and the simulator
 * does not hand it /INT. The domain has a second line, hwirq 1, that is
 * never raised, for a trigger the test asks of it: it takes what /INT
 * takes (level-low, edge-falling) and refuses any other trigger.
 */

#include <linux/bitops.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/hrtimer.h>
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irq_work.h>
#include <linux/irqdomain.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/limits.h>
#include <linux/math64.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/prandom.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "../kunit/ins5s8563-model.h"

#define SIM_ADDR		0x51
#define SIM_OSC_HZ		INS5S8563_MODEL_OSC_HZ
#define SIM_OF_PATH		"/ins5s8563-sim-i2c"
#define SIM_OF_INTC		"/ins5s8563-sim-intc"

static char *client = "ins5s8563";
module_param(client, charp, 0444);
MODULE_PARM_DESC(client,
		 "I2C device type instantiated at 0x51 without a DT node (\"\" for none)");

static char *irq_type = "level-low";
module_param(irq_type, charp, 0444);
MODULE_PARM_DESC(irq_type, "/INT as the driver sees it: level-low, edge-falling or none");

static char *int_wiring = "irq";
module_param(int_wiring, charp, 0444);
MODULE_PARM_DESC(int_wiring,
		 "what /INT drives: irq (the interrupt) or reset (the board's reset, counted in debugfs counters)");

static bool of = true;
module_param(of, bool, 0444);
MODULE_PARM_DESC(of, "use the device tree node " SIM_OF_PATH " when there is one");

static char *variant = "";
module_param(variant, charp, 0444);
MODULE_PARM_DESC(variant,
		 "the chip's behaviour where the datasheet is silent, as the debugfs file variant takes it: name=value,... (e.g. stop_release=half,tf=clear-on-read)");

enum sim_fault {
	SIM_FAULT_OFF,
	SIM_FAULT_NACK,
	SIM_FAULT_TIMEOUT,
	SIM_FAULT_RANDOM,
};

struct sim_counters {
	u64 transfers;
	u64 messages;
	u64 bytes_written;
	u64 bytes_read;
	u64 failed;
	u64 failed_kthread;
	u64 interrupts;
	u64 resets;
};

#define SIM_TRACE_LEN	512

/* One entry of the trace: a bus access, or an interrupt raised. */
struct sim_trace {
	u64 ns;
	u32 subsec;
	u8 sec;
	char what;
	u8 reg;
	u8 len;
	u8 data[8];
	int err;
	char comm[TASK_COMM_LEN];
};

struct ins5s8563_sim {
	struct ins5s8563_model model;
	struct i2c_adapter adap;
	struct i2c_client *client;
	struct notifier_block nb;
	struct dentry *debugfs;

	/* Time: protects t0, ticks_done and the hrtimer's arming. */
	spinlock_t time_lock;
	ktime_t t0;
	u64 ticks_done;
	struct hrtimer timer;
	bool dying;

	/* /INT. */
	struct fwnode_handle *fwnode;
	struct irq_domain *domain;
	unsigned int irq;
	unsigned int type;
	/* Set by the model's callback and the irq chip, read by irq_work. */
	bool int_level;
	bool masked;
	bool edge_pending;
	struct irq_work irq_work;
	/* irq_delay_ms, and the timer that raises the interrupt that late. */
	u32 irq_delay_ms;
	struct hrtimer irq_delay;
	/* /INT drives the board's reset, not the interrupt (int_wiring). */
	bool wired_reset;
	/* The chip's 0x02-0x08 and prescaler at the last reset, under stat_lock. */
	u8 reset_regs[7];
	u32 reset_subsec;
	bool reset_seen;
	/* Serialises the client_node changes of the client at 0x51. */
	struct mutex client_lock;
	/* Serialises writers of the variant file (read, parse, set). */
	struct mutex variant_lock;

	/* Counters and fault injection, under stat_lock. */
	spinlock_t stat_lock;
	struct sim_counters cnt;
	/* Transfer sequence number, never reset: fault positions use it. */
	u64 seq;
	enum sim_fault fault;
	u64 fault_from;
	u64 fault_count;
	unsigned long fault_until;
	bool fault_timed;
	/* The last SIM_TRACE_LEN accesses, under stat_lock. */
	struct sim_trace *trace;
	unsigned int trace_next;
	bool trace_full;
	/* SIM_FAULT_RANDOM: per mille, and its generator. */
	u32 fault_permille;
	struct rnd_state fault_rnd;
};

static struct ins5s8563_sim *sim;

static void sim_trace(struct ins5s8563_sim *s, char what, u8 reg,
		      const u8 *buf, unsigned int len, int err)
{
	struct sim_trace *e;
	unsigned long flags;
	u32 subsec;
	u64 ns;
	u8 sec;

	if (!s->trace)
		return;
	/*
	 * A bus access is stamped with the model's time, read with its
	 * registers: the moment the chip saw it, not when this runs. A guest
	 * preempted between the transfer and here would otherwise stamp it
	 * late, against a chip time that is not. An interrupt is stamped
	 * when it is raised (irq_delay_ms after its event).
	 */
	spin_lock_irqsave(&s->time_lock, flags);
	spin_lock(&s->model.lock);
	sec = s->model.regs[2];
	subsec = s->model.subsec;
	spin_unlock(&s->model.lock);
	if (what == 'I')
		ns = ktime_to_ns(ktime_sub(ktime_get(), s->t0));
	else
		ns = mul_u64_u32_div(s->ticks_done, NSEC_PER_SEC, SIM_OSC_HZ);
	spin_unlock_irqrestore(&s->time_lock, flags);

	spin_lock_irqsave(&s->stat_lock, flags);
	e = &s->trace[s->trace_next];
	e->ns = ns;
	e->sec = sec;
	e->subsec = subsec;
	e->what = what;
	e->reg = reg;
	e->len = len;
	memset(e->data, 0, sizeof(e->data));
	if (buf)
		memcpy(e->data, buf, min_t(unsigned int, len, sizeof(e->data)));
	e->err = err;
	/*
	 * Not get_task_comm(): its task lock must not nest in stat_lock,
	 * which the interrupt's irq_work takes in hard interrupt context.
	 */
	strscpy(e->comm, in_hardirq() ? "hardirq" : current->comm,
		sizeof(e->comm));
	if (++s->trace_next == SIM_TRACE_LEN) {
		s->trace_next = 0;
		s->trace_full = true;
	}
	spin_unlock_irqrestore(&s->stat_lock, flags);
}

/* ---- time ---------------------------------------------------------------- */

static u64 sim_ticks_now(struct ins5s8563_sim *s)
{
	s64 ns = ktime_to_ns(ktime_sub(ktime_get(), s->t0));

	return mul_u64_u32_div(max_t(s64, ns, 0), SIM_OSC_HZ, NSEC_PER_SEC);
}

/*
 * Bring the model to the present, then arm the hrtimer at its next event
 * (rounded up to the nanosecond after the tick), or leave it off.
 */
static void sim_sync(struct ins5s8563_sim *s)
{
	unsigned long flags;
	u64 now, next;
	ktime_t at;

	spin_lock_irqsave(&s->time_lock, flags);
	now = sim_ticks_now(s);
	if (now > s->ticks_done) {
		ins5s8563_model_advance(&s->model, now - s->ticks_done);
		s->ticks_done = now;
	}
	next = ins5s8563_model_next_event(&s->model);
	if (!s->dying && next != U64_MAX) {
		next += s->ticks_done;
		at = ktime_add_ns(s->t0, mul_u64_u32_div(next, NSEC_PER_SEC,
							 SIM_OSC_HZ) + 1);
		hrtimer_start(&s->timer, at, HRTIMER_MODE_ABS);
	}
	spin_unlock_irqrestore(&s->time_lock, flags);
}

static enum hrtimer_restart sim_timer_fn(struct hrtimer *t)
{
	struct ins5s8563_sim *s = container_of(t, struct ins5s8563_sim, timer);

	/* sim_sync() re-arms the timer itself when another event is due. */
	sim_sync(s);
	return HRTIMER_NORESTART;
}

/* ---- /INT ----------------------------------------------------------------- */

static void sim_int_changed(struct ins5s8563_model *m, void *priv,
			    bool asserted)
{
	struct ins5s8563_sim *s = priv;

	WRITE_ONCE(s->int_level, asserted);
	if (!asserted)
		return;
	if (READ_ONCE(s->wired_reset)) {
		unsigned long flags;

		/* The board's reset input saw /INT go low (m->lock is held). */
		spin_lock_irqsave(&s->stat_lock, flags);
		s->cnt.resets++;
		memcpy(s->reset_regs, &m->regs[2], sizeof(s->reset_regs));
		s->reset_subsec = m->subsec;
		s->reset_seen = true;
		spin_unlock_irqrestore(&s->stat_lock, flags);
		return;
	}
	if (!s->irq)
		return;
	if (s->type & IRQ_TYPE_EDGE_FALLING)
		WRITE_ONCE(s->edge_pending, true);
	if (READ_ONCE(s->irq_delay_ms))
		hrtimer_start(&s->irq_delay,
			      ms_to_ktime(READ_ONCE(s->irq_delay_ms)),
			      HRTIMER_MODE_REL);
	else
		irq_work_queue(&s->irq_work);
}

static enum hrtimer_restart sim_irq_delay_fn(struct hrtimer *t)
{
	struct ins5s8563_sim *s = container_of(t, struct ins5s8563_sim,
					       irq_delay);

	irq_work_queue(&s->irq_work);
	return HRTIMER_NORESTART;
}

static void sim_irq_work_fn(struct irq_work *w)
{
	struct ins5s8563_sim *s = container_of(w, struct ins5s8563_sim,
					       irq_work);
	bool fire;

	if (s->type & IRQ_TYPE_EDGE_FALLING)
		fire = xchg(&s->edge_pending, false);
	else
		fire = READ_ONCE(s->int_level) && !READ_ONCE(s->masked);
	/* Wired to the reset input, /INT reaches no interrupt. */
	if (!fire || READ_ONCE(s->wired_reset))
		return;

	spin_lock(&s->stat_lock);
	s->cnt.interrupts++;
	spin_unlock(&s->stat_lock);
	sim_trace(s, 'I', 0, NULL, 0, 0);
	generic_handle_irq_safe(s->irq);
}

static void sim_irq_ack(struct irq_data *d)
{
}

static void sim_irq_mask(struct irq_data *d)
{
	struct ins5s8563_sim *s = irq_data_get_irq_chip_data(d);

	WRITE_ONCE(s->masked, true);
}

/* A level line still low when unmasked interrupts again. */
static void sim_irq_unmask(struct irq_data *d)
{
	struct ins5s8563_sim *s = irq_data_get_irq_chip_data(d);

	WRITE_ONCE(s->masked, false);
	if ((s->type & IRQ_TYPE_LEVEL_LOW) && READ_ONCE(s->int_level))
		irq_work_queue(&s->irq_work);
}

/* An edge that came while the line was disabled is sent again. */
static int sim_irq_retrigger(struct irq_data *d)
{
	struct ins5s8563_sim *s = irq_data_get_irq_chip_data(d);

	if (s->type & IRQ_TYPE_EDGE_FALLING)
		WRITE_ONCE(s->edge_pending, true);
	irq_work_queue(&s->irq_work);
	return 1;
}

static int sim_irq_set_type(struct irq_data *d, unsigned int type)
{
	struct ins5s8563_sim *s = irq_data_get_irq_chip_data(d);

	switch (type & IRQ_TYPE_SENSE_MASK) {
	case IRQ_TYPE_LEVEL_LOW:
		irq_set_handler_locked(d, handle_level_irq);
		break;
	case IRQ_TYPE_EDGE_FALLING:
		irq_set_handler_locked(d, handle_edge_irq);
		break;
	default:
		/* An open-drain active-low pin has nothing else to offer. */
		return -EINVAL;
	}
	s->type = type & IRQ_TYPE_SENSE_MASK;
	return IRQ_SET_MASK_OK;
}

static struct irq_chip sim_irq_chip = {
	.name = "ins5s8563-sim",
	.irq_ack = sim_irq_ack,
	.irq_mask = sim_irq_mask,
	.irq_unmask = sim_irq_unmask,
	.irq_retrigger = sim_irq_retrigger,
	.irq_set_type = sim_irq_set_type,
};

/* hwirq 1: never raised; it takes the triggers /INT takes, no other. */
static void sim_idle_irq_noop(struct irq_data *d)
{
}

static int sim_idle_irq_set_type(struct irq_data *d, unsigned int type)
{
	switch (type & IRQ_TYPE_SENSE_MASK) {
	case IRQ_TYPE_LEVEL_LOW:
	case IRQ_TYPE_EDGE_FALLING:
		return IRQ_SET_MASK_OK;
	default:
		return -EINVAL;
	}
}

static struct irq_chip sim_idle_irq_chip = {
	.name = "ins5s8563-sim-idle",
	.irq_ack = sim_idle_irq_noop,
	.irq_mask = sim_idle_irq_noop,
	.irq_unmask = sim_idle_irq_noop,
	.irq_set_type = sim_idle_irq_set_type,
};

static int sim_irq_map(struct irq_domain *d, unsigned int virq,
		       irq_hw_number_t hw)
{
	irq_set_chip_data(virq, d->host_data);
	irq_set_chip_and_handler(virq, hw ? &sim_idle_irq_chip : &sim_irq_chip,
				 handle_level_irq);
	irq_set_noprobe(virq);
	return 0;
}

static const struct irq_domain_ops sim_irq_domain_ops = {
	.map = sim_irq_map,
	.xlate = irq_domain_xlate_onetwocell,
};

static void sim_irq_free_fwnode(struct ins5s8563_sim *s)
{
	if (is_of_node(s->fwnode))
		of_node_put(to_of_node(s->fwnode));
	else
		irq_domain_free_fwnode(s->fwnode);
}

static int sim_irq_init(struct ins5s8563_sim *s)
{
	struct device_node *np;
	unsigned int type;
	int ret;

	if (!strcmp(irq_type, "none"))
		return 0;
	if (!strcmp(irq_type, "level-low"))
		type = IRQ_TYPE_LEVEL_LOW;
	else if (!strcmp(irq_type, "edge-falling"))
		type = IRQ_TYPE_EDGE_FALLING;
	else
		return -EINVAL;

	np = of_find_node_by_path(SIM_OF_INTC);
	if (np)
		s->fwnode = of_fwnode_handle(np);
	else
		s->fwnode = irq_domain_alloc_named_fwnode("ins5s8563-sim");
	if (!s->fwnode)
		return -ENOMEM;
	s->domain = irq_domain_create_linear(s->fwnode, 2, &sim_irq_domain_ops,
					     s);
	if (!s->domain) {
		ret = -ENOMEM;
		goto err_fwnode;
	}
	s->irq = irq_create_mapping(s->domain, 0);
	if (!s->irq) {
		ret = -ENOSPC;
		goto err_domain;
	}
	s->type = type;
	ret = irq_set_irq_type(s->irq, type);
	if (ret)
		goto err_mapping;
	return 0;

err_mapping:
	irq_dispose_mapping(s->irq);
	s->irq = 0;
err_domain:
	irq_domain_remove(s->domain);
err_fwnode:
	sim_irq_free_fwnode(s);
	return ret;
}

static void sim_irq_exit(struct ins5s8563_sim *s)
{
	unsigned int idle;

	if (!s->irq)
		return;
	idle = irq_find_mapping(s->domain, 1);
	if (idle)
		irq_dispose_mapping(idle);
	irq_dispose_mapping(s->irq);
	irq_domain_remove(s->domain);
	sim_irq_free_fwnode(s);
}

/* ---- I2C ------------------------------------------------------------------ */

/* Whether this transfer fails, and how; counts it as failed if so. */
static int sim_fault_check(struct ins5s8563_sim *s)
{
	int err = 0;
	u32 r;

	spin_lock_irq(&s->stat_lock);
	s->seq++;
	switch (s->fault) {
	case SIM_FAULT_OFF:
		break;
	case SIM_FAULT_RANDOM:
		r = prandom_u32_state(&s->fault_rnd);
		if (r % 1000 < s->fault_permille)
			err = r & BIT(31) ? -ENXIO : -ETIMEDOUT;
		break;
	default:
		if (s->fault_timed ? time_before(jiffies, s->fault_until) :
		    s->seq >= s->fault_from &&
		    s->seq - s->fault_from < s->fault_count)
			err = s->fault == SIM_FAULT_NACK ? -ENXIO : -ETIMEDOUT;
		break;
	}
	if (err) {
		s->cnt.failed++;
		/*
		 * A kernel thread's transfer: the interrupt thread's, the rtc
		 * core's work's. The soak test excuses an alarm whose delivery
		 * met one of these.
		 */
		if (current->flags & PF_KTHREAD)
			s->cnt.failed_kthread++;
	}
	spin_unlock_irq(&s->stat_lock);

	return err;
}

static int sim_xfer(struct i2c_adapter *adap, struct i2c_msg *msgs, int num)
{
	struct ins5s8563_sim *s = i2c_get_adapdata(adap);
	struct sim_counters cnt = { .transfers = 1 };
	int i, ret = 0;

	sim_sync(s);

	for (i = 0; i < num; i++) {
		/* Nobody else on this bus: any other address NACKs. */
		if (msgs[i].addr != SIM_ADDR || (msgs[i].flags & I2C_M_TEN))
			return -ENXIO;
		if (msgs[i].flags & I2C_M_RECV_LEN)
			return -EOPNOTSUPP;
	}

	ret = sim_fault_check(s);
	if (ret) {
		sim_trace(s, msgs[0].flags & I2C_M_RD ? 'R' : 'W',
			  msgs[0].flags & I2C_M_RD || !msgs[0].len ? 0 :
			  msgs[0].buf[0], NULL, 0, ret);
		goto out;
	}

	for (i = 0; i < num && !ret; i++) {
		struct i2c_msg *msg = &msgs[i];
		struct i2c_msg *next = i + 1 < num ? &msgs[i + 1] : NULL;

		if (!(msg->flags & I2C_M_RD) && msg->len == 1 && next &&
		    (next->flags & I2C_M_RD)) {
			/* Pointer write, repeated START, read. */
			ret = ins5s8563_model_read_regs(&s->model, msg->buf[0],
							next->buf, next->len);
			sim_trace(s, 'R', msg->buf[0], next->buf, next->len,
				  ret);
			cnt.messages += 2;
			cnt.bytes_written += 1;
			cnt.bytes_read += next->len;
			i++;
		} else if (msg->flags & I2C_M_RD) {
			ret = ins5s8563_model_read(&s->model, msg->buf,
						   msg->len);
			sim_trace(s, 'R', 0xff, msg->buf, msg->len, ret);
			cnt.messages++;
			cnt.bytes_read += msg->len;
		} else {
			ret = ins5s8563_model_write(&s->model, msg->buf,
						    msg->len);
			sim_trace(s, 'W', msg->len ? msg->buf[0] : 0,
				  msg->len ? msg->buf + 1 : NULL,
				  msg->len ? msg->len - 1 : 0, ret);
			cnt.messages++;
			cnt.bytes_written += msg->len;
		}
	}

out:
	spin_lock_irq(&s->stat_lock);
	s->cnt.transfers += cnt.transfers;
	s->cnt.messages += cnt.messages;
	s->cnt.bytes_written += cnt.bytes_written;
	s->cnt.bytes_read += cnt.bytes_read;
	spin_unlock_irq(&s->stat_lock);

	/* A write may have armed the alarm or the timer. */
	sim_sync(s);

	return ret ?: num;
}

static u32 sim_func(struct i2c_adapter *adap)
{
	return I2C_FUNC_I2C | I2C_FUNC_SMBUS_EMUL;
}

static const struct i2c_algorithm sim_algo = {
	.master_xfer = sim_xfer,
	.functionality = sim_func,
};

/* Every client at 0x51 on this bus gets /INT, however it was made. */
static int sim_bus_notify(struct notifier_block *nb, unsigned long action,
			  void *data)
{
	struct ins5s8563_sim *s = container_of(nb, struct ins5s8563_sim, nb);
	struct i2c_client *c = i2c_verify_client(data);

	if (action != BUS_NOTIFY_ADD_DEVICE || !c || c->adapter != &s->adap ||
	    c->addr != SIM_ADDR || c->init_irq || !s->irq ||
	    READ_ONCE(s->wired_reset))
		return NOTIFY_DONE;
	/* A node that describes its interrupt gets that one. */
	if (of_property_present(c->dev.of_node, "interrupts-extended") ||
	    of_property_present(c->dev.of_node, "interrupts"))
		return NOTIFY_DONE;
	c->init_irq = s->irq;
	return NOTIFY_OK;
}

/* ---- debugfs --------------------------------------------------------------- */

static int sim_regs_show(struct seq_file *sf, void *unused)
{
	struct ins5s8563_sim *s = sf->private;
	unsigned int r;

	sim_sync(s);
	seq_puts(sf, "     0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f\n");
	for (r = 0; r < INS5S8563_MODEL_NREGS; r++) {
		u8 v = ins5s8563_model_peek(&s->model, r);

		if (r % 16 == 0)
			seq_printf(sf, "%02x:", r);
		seq_printf(sf, " %02x", v);
		if (r % 16 == 15)
			seq_putc(sf, '\n');
	}
	return 0;
}

static int sim_regs_open(struct inode *inode, struct file *file)
{
	return single_open(file, sim_regs_show, inode->i_private);
}

static ssize_t sim_regs_write(struct file *file, const char __user *ubuf,
			      size_t len, loff_t *ppos)
{
	struct ins5s8563_sim *s = file_inode(file)->i_private;
	unsigned int reg, val;
	char buf[32];

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	if (sscanf(buf, "%i %i", &reg, &val) != 2 || reg > 0xff || val > 0xff)
		return -EINVAL;
	sim_sync(s);
	ins5s8563_model_poke(&s->model, reg, val);
	sim_sync(s);
	return len;
}

static const struct file_operations sim_regs_fops = {
	.owner = THIS_MODULE,
	.open = sim_regs_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = sim_regs_write,
};

static int sim_power_loss_set(void *data, u64 val)
{
	struct ins5s8563_sim *s = data;

	if (val != 1)
		return -EINVAL;
	sim_sync(s);
	ins5s8563_model_power_on_reset(&s->model);
	sim_sync(s);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(sim_power_loss_fops, NULL, sim_power_loss_set,
			 "%llu\n");

static int sim_fault_show(struct seq_file *sf, void *unused)
{
	struct ins5s8563_sim *s = sf->private;
	const char *what;

	spin_lock_irq(&s->stat_lock);
	what = s->fault == SIM_FAULT_NACK ? "nack" : "timeout";
	if (s->fault == SIM_FAULT_OFF)
		seq_puts(sf, "off\n");
	else if (s->fault == SIM_FAULT_RANDOM)
		seq_printf(sf, "random %u per mille; now at %llu\n",
			   s->fault_permille, s->seq);
	else if (s->fault_timed)
		seq_printf(sf, "%s-ms %u (%s)\n", what,
			   jiffies_to_msecs(max_t(long, s->fault_until -
						  jiffies, 0)),
			   time_before(jiffies, s->fault_until) ? "active" :
			   "over");
	else
		seq_printf(sf, "%s from transfer %llu, %llu transfer(s); now at %llu\n",
			   what, s->fault_from, s->fault_count, s->seq);
	spin_unlock_irq(&s->stat_lock);
	return 0;
}

static int sim_fault_open(struct inode *inode, struct file *file)
{
	return single_open(file, sim_fault_show, inode->i_private);
}

static ssize_t sim_fault_write(struct file *file, const char __user *ubuf,
			       size_t len, loff_t *ppos)
{
	struct ins5s8563_sim *s = file_inode(file)->i_private;
	unsigned long long n = 0, count = 1;
	enum sim_fault fault;
	char buf[48], kind[16];
	bool timed;
	int args;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';

	args = sscanf(buf, "%15s %llu %llu", kind, &n, &count);
	if (args < 1)
		return -EINVAL;
	if (!strcmp(kind, "off")) {
		spin_lock_irq(&s->stat_lock);
		s->fault = SIM_FAULT_OFF;
		spin_unlock_irq(&s->stat_lock);
		return len;
	}
	if (!strcmp(kind, "random")) {
		if (args < 3 || n > 1000)
			return -EINVAL;
		spin_lock_irq(&s->stat_lock);
		s->fault = SIM_FAULT_RANDOM;
		s->fault_permille = n;
		prandom_seed_state(&s->fault_rnd, count);
		spin_unlock_irq(&s->stat_lock);
		return len;
	}
	timed = strlen(kind) > 3 && !strcmp(kind + strlen(kind) - 3, "-ms");
	if (!strcmp(kind, "nack") || !strcmp(kind, "nack-ms"))
		fault = SIM_FAULT_NACK;
	else if (!strcmp(kind, "timeout") || !strcmp(kind, "timeout-ms"))
		fault = SIM_FAULT_TIMEOUT;
	else
		return -EINVAL;
	if (args < 2 || !n || (timed && args > 2) || !count)
		return -EINVAL;

	spin_lock_irq(&s->stat_lock);
	s->fault = fault;
	s->fault_timed = timed;
	if (timed) {
		s->fault_until = jiffies + msecs_to_jiffies(min(n, 3600000ULL));
	} else {
		s->fault_from = s->seq + n;
		s->fault_count = count;
	}
	spin_unlock_irq(&s->stat_lock);
	return len;
}

static const struct file_operations sim_fault_fops = {
	.owner = THIS_MODULE,
	.open = sim_fault_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = sim_fault_write,
};

static int sim_trace_show(struct seq_file *sf, void *unused)
{
	struct ins5s8563_sim *s = sf->private;
	struct sim_trace *copy;
	unsigned int i, n, first;

	if (!s->trace)
		return 0;
	copy = kvmalloc_array(SIM_TRACE_LEN, sizeof(*copy), GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	spin_lock_irq(&s->stat_lock);
	memcpy(copy, s->trace, SIM_TRACE_LEN * sizeof(*copy));
	n = s->trace_full ? SIM_TRACE_LEN : s->trace_next;
	first = s->trace_full ? s->trace_next : 0;
	spin_unlock_irq(&s->stat_lock);

	for (i = 0; i < n; i++) {
		struct sim_trace *e = &copy[(first + i) % SIM_TRACE_LEN];
		u32 rem;
		u64 sec = div_u64_rem(e->ns, NSEC_PER_SEC, &rem);

		seq_printf(sf, "%llu.%06u sec %02x.%05u %-15s %c", sec,
			   rem / (u32)NSEC_PER_USEC, e->sec & 0x7f, e->subsec,
			   e->comm, e->what);
		if (e->what != 'I')
			seq_printf(sf, " %02x %u %*ph %d", e->reg, e->len,
				   min_t(int, e->len, sizeof(e->data)),
				   e->data, e->err);
		seq_putc(sf, '\n');
	}
	kvfree(copy);
	return 0;
}

static int sim_trace_open(struct inode *inode, struct file *file)
{
	return single_open_size(file, sim_trace_show, inode->i_private,
				SIM_TRACE_LEN * 96);
}

static ssize_t sim_trace_write(struct file *file, const char __user *ubuf,
			       size_t len, loff_t *ppos)
{
	struct ins5s8563_sim *s = file_inode(file)->i_private;

	spin_lock_irq(&s->stat_lock);
	s->trace_next = 0;
	s->trace_full = false;
	spin_unlock_irq(&s->stat_lock);
	return len;
}

static const struct file_operations sim_trace_fops = {
	.owner = THIS_MODULE,
	.open = sim_trace_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = sim_trace_write,
};

/* 0x02-0x08: SEC, MIN, HOUR, DAY, WEEKDAY, MONTH, YEAR (no century). */
static void sim_show_time(struct seq_file *sf, const u8 *r, u32 subsec)
{
	seq_printf(sf, "20%02x-%02x-%02x %02x:%02x:%02x.%06u\n", r[6],
		   r[5] & 0x1f, r[3] & 0x3f, r[2] & 0x3f, r[1] & 0x7f,
		   r[0] & 0x7f, (u32)mul_u64_u32_div(subsec, USEC_PER_SEC,
						     SIM_OSC_HZ));
}

static int sim_clock_show(struct seq_file *sf, void *unused)
{
	struct ins5s8563_sim *s = sf->private;
	unsigned long flags;
	u8 r[7];
	u32 subsec;

	sim_sync(s);
	spin_lock_irqsave(&s->model.lock, flags);
	memcpy(r, &s->model.regs[2], sizeof(r));
	subsec = s->model.subsec;
	spin_unlock_irqrestore(&s->model.lock, flags);

	sim_show_time(sf, r, subsec);
	return 0;
}

static int sim_reset_at_show(struct seq_file *sf, void *unused)
{
	struct ins5s8563_sim *s = sf->private;
	bool seen;
	u8 r[7];
	u32 subsec;

	sim_sync(s);
	spin_lock_irq(&s->stat_lock);
	seen = s->reset_seen;
	memcpy(r, s->reset_regs, sizeof(r));
	subsec = s->reset_subsec;
	spin_unlock_irq(&s->stat_lock);

	if (seen)
		sim_show_time(sf, r, subsec);
	else
		seq_puts(sf, "none\n");
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(sim_reset_at);

static int sim_clock_open(struct inode *inode, struct file *file)
{
	return single_open(file, sim_clock_show, inode->i_private);
}

static const struct file_operations sim_clock_fops = {
	.owner = THIS_MODULE,
	.open = sim_clock_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

static int sim_counters_show(struct seq_file *sf, void *unused)
{
	struct ins5s8563_sim *s = sf->private;
	struct sim_counters c;
	unsigned long flags;
	unsigned int expiries, matches;

	sim_sync(s);
	spin_lock_irq(&s->stat_lock);
	c = s->cnt;
	spin_unlock_irq(&s->stat_lock);
	spin_lock_irqsave(&s->model.lock, flags);
	expiries = s->model.timer_expiries;
	matches = s->model.alarm_matches;
	spin_unlock_irqrestore(&s->model.lock, flags);

	seq_printf(sf, "transfers %llu\n", c.transfers);
	seq_printf(sf, "messages %llu\n", c.messages);
	seq_printf(sf, "bytes_written %llu\n", c.bytes_written);
	seq_printf(sf, "bytes_read %llu\n", c.bytes_read);
	/* One address byte per START or repeated START. */
	seq_printf(sf, "bytes_address %llu\n", c.messages);
	seq_printf(sf, "failed %llu\n", c.failed);
	seq_printf(sf, "failed_kthread %llu\n", c.failed_kthread);
	seq_printf(sf, "interrupts %llu\n", c.interrupts);
	seq_printf(sf, "resets %llu\n", c.resets);
	seq_printf(sf, "timer_expiries %u\n", expiries);
	seq_printf(sf, "alarm_matches %u\n", matches);
	return 0;
}

static int sim_counters_open(struct inode *inode, struct file *file)
{
	return single_open(file, sim_counters_show, inode->i_private);
}

static ssize_t sim_counters_write(struct file *file, const char __user *ubuf,
				  size_t len, loff_t *ppos)
{
	struct ins5s8563_sim *s = file_inode(file)->i_private;

	sim_sync(s);
	spin_lock_irq(&s->stat_lock);
	memset(&s->cnt, 0, sizeof(s->cnt));
	spin_unlock_irq(&s->stat_lock);
	ins5s8563_model_reset_counters(&s->model);
	return len;
}

static const struct file_operations sim_counters_fops = {
	.owner = THIS_MODULE,
	.open = sim_counters_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = sim_counters_write,
};

static int sim_int_get(void *data, u64 *val)
{
	struct ins5s8563_sim *s = data;

	sim_sync(s);
	*val = ins5s8563_model_int(&s->model);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(sim_int_fops, sim_int_get, NULL, "%llu\n");

static int sim_int_wiring_show(struct seq_file *sf, void *unused)
{
	struct ins5s8563_sim *s = sf->private;

	seq_puts(sf, READ_ONCE(s->wired_reset) ? "reset\n" : "irq\n");
	return 0;
}

static int sim_int_wiring_open(struct inode *inode, struct file *file)
{
	return single_open(file, sim_int_wiring_show, inode->i_private);
}

/* "irq" or "reset": true when @buf names the reset wiring. */
static int sim_parse_wiring(const char *buf, bool *reset)
{
	if (sysfs_streq(buf, "irq"))
		*reset = false;
	else if (sysfs_streq(buf, "reset"))
		*reset = true;
	else
		return -EINVAL;
	return 0;
}

static ssize_t sim_int_wiring_write(struct file *file,
				    const char __user *ubuf, size_t len,
				    loff_t *ppos)
{
	struct ins5s8563_sim *s = file_inode(file)->i_private;
	bool reset;
	char buf[16];
	int ret;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	ret = sim_parse_wiring(buf, &reset);
	if (ret)
		return ret;
	sim_sync(s);
	WRITE_ONCE(s->wired_reset, reset);
	/* Back on the interrupt, a level still low interrupts again. */
	if (!reset && (s->type & IRQ_TYPE_LEVEL_LOW) && s->irq &&
	    READ_ONCE(s->int_level))
		irq_work_queue(&s->irq_work);
	return len;
}

static const struct file_operations sim_int_wiring_fops = {
	.owner = THIS_MODULE,
	.open = sim_int_wiring_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = sim_int_wiring_write,
};

static int sim_variant_show(struct seq_file *sf, void *unused)
{
	struct ins5s8563_sim *s = sf->private;
	struct ins5s8563_model_variant v;
	char buf[256];

	ins5s8563_model_get_variant(&s->model, &v);
	ins5s8563_model_variant_print(&v, buf, sizeof(buf));
	seq_puts(sf, buf);
	return 0;
}

static int sim_variant_open(struct inode *inode, struct file *file)
{
	return single_open(file, sim_variant_show, inode->i_private);
}

static ssize_t sim_variant_write(struct file *file, const char __user *ubuf,
				 size_t len, loff_t *ppos)
{
	struct ins5s8563_sim *s = file_inode(file)->i_private;
	struct ins5s8563_model_variant v;
	char buf[256];
	int ret;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	mutex_lock(&s->variant_lock);
	/* Up to now the chip behaved as it was. */
	sim_sync(s);
	ins5s8563_model_get_variant(&s->model, &v);
	ret = ins5s8563_model_variant_parse(&v, buf, len);
	if (!ret) {
		ins5s8563_model_set_variant(&s->model, &v);
		sim_sync(s);
	}
	mutex_unlock(&s->variant_lock);
	return ret ? ret : len;
}

static const struct file_operations sim_variant_fops = {
	.owner = THIS_MODULE,
	.open = sim_variant_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = sim_variant_write,
};

static int sim_match_client(struct device *dev, const void *data)
{
	struct i2c_client *c = i2c_verify_client(dev);

	return c && c->addr == SIM_ADDR;
}

/* The client at 0x51, with a reference; NULL when there is none. */
static struct i2c_client *sim_find_client(struct ins5s8563_sim *s)
{
	struct device *dev;

	dev = device_find_child(&s->adap.dev, NULL, sim_match_client);

	return dev ? to_i2c_client(dev) : NULL;
}

static int sim_client_node_show(struct seq_file *sf, void *unused)
{
	struct ins5s8563_sim *s = sf->private;
	struct i2c_client *c;

	mutex_lock(&s->client_lock);
	c = sim_find_client(s);
	if (c && c->dev.of_node)
		seq_printf(sf, "%pOF\n", c->dev.of_node);
	else
		seq_puts(sf, c ? "(no node)\n" : "none\n");
	if (c)
		put_device(&c->dev);
	mutex_unlock(&s->client_lock);
	return 0;
}

static int sim_client_node_open(struct inode *inode, struct file *file)
{
	return single_open(file, sim_client_node_show, inode->i_private);
}

static ssize_t sim_client_node_write(struct file *file,
				     const char __user *ubuf, size_t len,
				     loff_t *ppos)
{
	struct ins5s8563_sim *s = file_inode(file)->i_private;
	struct i2c_board_info info = { .addr = SIM_ADDR };
	struct device_node *np = NULL;
	struct i2c_client *c;
	char buf[128];
	int ret = 0;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	strim(buf);
	if (strcmp(buf, "none")) {
		np = of_find_node_by_path(buf);
		if (!np)
			return -ENOENT;
	}

	mutex_lock(&s->client_lock);
	c = sim_find_client(s);
	if (c) {
		put_device(&c->dev);
		/* new_device's clients are the I2C core's to delete. */
		if (!c->dev.of_node && c != s->client) {
			ret = -EBUSY;
			goto out;
		}
		i2c_unregister_device(c);
		if (c == s->client)
			s->client = NULL;
	}
	if (np) {
		info.fwnode = of_fwnode_handle(np);
		strscpy(info.type, "ins5s8563", sizeof(info.type));
		c = i2c_new_client_device(&s->adap, &info);
		if (IS_ERR(c)) {
			ret = PTR_ERR(c);
			goto out;
		}
		of_node_set_flag(np, OF_POPULATED);
		s->client = c;
	}
out:
	mutex_unlock(&s->client_lock);
	of_node_put(np);

	return ret ?: len;
}

static const struct file_operations sim_client_node_fops = {
	.owner = THIS_MODULE,
	.open = sim_client_node_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = sim_client_node_write,
};

static void sim_debugfs_init(struct ins5s8563_sim *s)
{
	s->debugfs = debugfs_create_dir("ins5s8563-sim", NULL);
	debugfs_create_file("regs", 0600, s->debugfs, s, &sim_regs_fops);
	debugfs_create_file_unsafe("power_loss", 0200, s->debugfs, s,
				   &sim_power_loss_fops);
	debugfs_create_file("fault", 0600, s->debugfs, s, &sim_fault_fops);
	debugfs_create_file("clock", 0400, s->debugfs, s, &sim_clock_fops);
	debugfs_create_file("reset_at", 0400, s->debugfs, s,
			    &sim_reset_at_fops);
	debugfs_create_u32("irq_delay_ms", 0600, s->debugfs, &s->irq_delay_ms);
	debugfs_create_file("trace", 0600, s->debugfs, s, &sim_trace_fops);
	debugfs_create_file("counters", 0600, s->debugfs, s,
			    &sim_counters_fops);
	debugfs_create_file_unsafe("int", 0400, s->debugfs, s, &sim_int_fops);
	debugfs_create_u32("irq", 0400, s->debugfs, &s->irq);
	debugfs_create_file("int_wiring", 0600, s->debugfs, s,
			    &sim_int_wiring_fops);
	debugfs_create_file("client_node", 0600, s->debugfs, s,
			    &sim_client_node_fops);
	debugfs_create_file("variant", 0600, s->debugfs, s, &sim_variant_fops);
}

/* ---- module ---------------------------------------------------------------- */

static int __init ins5s8563_sim_init(void)
{
	struct ins5s8563_model_variant v = {};
	struct device_node *np = NULL;
	struct ins5s8563_sim *s;
	char label[128];
	int ret;

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	/* Without it the simulator works, and traces nothing. */
	s->trace = kvcalloc(SIM_TRACE_LEN, sizeof(*s->trace), GFP_KERNEL);

	ret = sim_parse_wiring(int_wiring ?: "", &s->wired_reset);
	if (ret) {
		pr_err("ins5s8563-sim: int_wiring: irq or reset, not \"%s\"\n",
		       int_wiring ?: "");
		goto err_free;
	}

	ins5s8563_model_init(&s->model);
	ret = ins5s8563_model_variant_parse(&v, variant ?: "",
					    strlen(variant ?: ""));
	if (ret) {
		pr_err("ins5s8563-sim: variant: not a setting of the model: \"%s\"\n",
		       variant);
		goto err_free;
	}
	ins5s8563_model_set_variant(&s->model, &v);
	spin_lock_init(&s->time_lock);
	spin_lock_init(&s->stat_lock);
	mutex_init(&s->client_lock);
	mutex_init(&s->variant_lock);
	init_irq_work(&s->irq_work, sim_irq_work_fn);
	hrtimer_setup(&s->irq_delay, sim_irq_delay_fn, CLOCK_MONOTONIC,
		      HRTIMER_MODE_REL);
	hrtimer_setup(&s->timer, sim_timer_fn, CLOCK_MONOTONIC, HRTIMER_MODE_ABS);
	s->t0 = ktime_get();
	/* As the interrupt core has it until the line is requested. */
	s->masked = true;

	ret = sim_irq_init(s);
	if (ret)
		goto err_free;
	ins5s8563_model_set_int_cb(&s->model, sim_int_changed, s);

	s->nb.notifier_call = sim_bus_notify;
	ret = bus_register_notifier(&i2c_bus_type, &s->nb);
	if (ret)
		goto err_irq;

	if (of)
		np = of_find_node_by_path(SIM_OF_PATH);

	s->adap.owner = THIS_MODULE;
	s->adap.class = 0;
	s->adap.algo = &sim_algo;
	s->adap.dev.of_node = np;
	strscpy(s->adap.name, "INS5S8563 simulator", sizeof(s->adap.name));
	i2c_set_adapdata(&s->adap, s);
	ret = i2c_add_adapter(&s->adap);
	if (ret)
		goto err_notifier;

	if (!np && client && *client) {
		struct i2c_board_info info = { .addr = SIM_ADDR };

		strscpy(info.type, client, sizeof(info.type));
		s->client = i2c_new_client_device(&s->adap, &info);
		if (IS_ERR(s->client)) {
			ret = PTR_ERR(s->client);
			goto err_adapter;
		}
	}

	sim_debugfs_init(s);
	sim = s;
	ins5s8563_model_get_variant(&s->model, &v);
	ins5s8563_model_variant_label(&v, label, sizeof(label));
	pr_info("ins5s8563-sim: chip at i2c-%d 0x%02x (%s), /INT %s (irq %u)%s, variant %s\n",
		s->adap.nr, SIM_ADDR, np ? "device tree" :
		(s->client ? client : "no client"), s->irq ? irq_type : "none",
		s->irq, s->wired_reset ? ", wired to the board's reset" : "",
		label);
	return 0;

err_adapter:
	i2c_del_adapter(&s->adap);
err_notifier:
	of_node_put(np);
	bus_unregister_notifier(&i2c_bus_type, &s->nb);
err_irq:
	sim_irq_exit(s);
err_free:
	kvfree(s->trace);
	kfree(s);
	return ret;
}
module_init(ins5s8563_sim_init);

static void __exit ins5s8563_sim_exit(void)
{
	struct ins5s8563_sim *s = sim;
	struct device_node *np = s->adap.dev.of_node;
	unsigned long flags;

	debugfs_remove_recursive(s->debugfs);
	/* Unbinds the driver, which frees the interrupt. */
	i2c_unregister_device(s->client);
	i2c_del_adapter(&s->adap);
	of_node_put(np);
	bus_unregister_notifier(&i2c_bus_type, &s->nb);

	spin_lock_irqsave(&s->time_lock, flags);
	s->dying = true;
	spin_unlock_irqrestore(&s->time_lock, flags);
	hrtimer_cancel(&s->timer);
	ins5s8563_model_set_int_cb(&s->model, NULL, NULL);
	hrtimer_cancel(&s->irq_delay);
	irq_work_sync(&s->irq_work);
	sim_irq_exit(s);
	kvfree(s->trace);
	kfree(s);
}
module_exit(ins5s8563_sim_exit);

MODULE_AUTHOR("The INS5S8563 driver authors");
MODULE_DESCRIPTION("Simulated INS5S8563 RTC on a simulated I2C bus (test only)");
MODULE_LICENSE("GPL");
