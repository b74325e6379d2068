/**
 * Send-time advice for one recipient: the next good moment to send, in the recipient's own time
 * zone. The default is the send window of the seed documents and LinkedIn's timing data (Tuesday to
 * Thursday, 08:00–11:00 local); once the organization has enough answered InMails, the advice is
 * learned from its own data instead (domain/send-time.ts), and the answer says which.
 */
import { DateTime } from 'luxon';
import type { Clock } from '../clock.ts';
import { notFound } from '../domain/errors.ts';
import type { LearnOptions, RankedSlot, SlotStat } from '../domain/send-time.ts';
import { LEARN_DEFAULTS, learnSendSlots, nextSlotTime } from '../domain/send-time.ts';
import {
  DEFAULT_SEND_WINDOW,
  isValidTimeZone,
  nextSendTime,
  wallClockOf,
  weekdayOf,
} from '../domain/send-window.ts';
import type { Store } from '../repositories/index.ts';

export interface SendTimeOptions extends LearnOptions {
  /** How far back the organization's InMails count. */
  historyDays?: number;
  /** An InMail counts as answered when the answer came within this many days (the seed measured 7). */
  responseDays?: number;
}

export const SEND_TIME_DEFAULTS: Required<SendTimeOptions> = {
  ...LEARN_DEFAULTS,
  historyDays: 180,
  responseDays: 7,
};

export interface SendTimeAdvice {
  memberId: string;
  at: Date;
  /** `at` on the recipient's wall clock, with its offset (ISO 8601). */
  localTime: string;
  timeZone: string;
  /** The recipient's zone was missing or unknown, and UTC was used. */
  fellBack: boolean;
  /** End of the slot `at` lies in. */
  closesAt: Date;
  source: 'default' | 'learned';
  explanation: string;
  basis: {
    sent: number;
    responses: number;
    minResponses: number;
    historyDays: number;
    responseDays: number;
  };
  /** The default window, when the advice is the default. */
  window: {
    days: number[];
    startHour: number;
    startMinute: number;
    endHour: number;
    endMinute: number;
  } | null;
  /** The learned slots, best first, when the advice is learned. */
  bestSlots:
    { weekday: number; hour: number; sent: number; responded: number; responseRate: number }[] | null;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const QUARTER = 900_000;
const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function slotLabel(s: RankedSlot): string {
  return `${WEEKDAYS[s.weekday]} ${String(s.hour).padStart(2, '0')}:00`;
}

export class SendTimeService {
  private readonly opts: Required<SendTimeOptions>;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    options: SendTimeOptions = {},
  ) {
    this.opts = { ...SEND_TIME_DEFAULTS, ...options };
  }

  /**
   * The organization's answered-InMail counts by recipient-local weekday and hour. InMails sent in
   * the last `responseDays` are left out: they have not had their chance to be answered yet.
   */
  async slotStats(orgId: string, now: Date): Promise<SlotStat[]> {
    const rows = await this.store.repos.sendTimes.responseStats(
      orgId,
      new Date(now.getTime() - this.opts.historyDays * DAY),
      new Date(now.getTime() - this.opts.responseDays * DAY),
      this.opts.responseDays,
    );
    return rows.map((row) => {
      const zone = isValidTimeZone(row.time_zone) ? row.time_zone : 'UTC';
      const wc = wallClockOf(row.quarter_index * QUARTER, zone);
      return {
        weekday: weekdayOf(wc.day),
        hour: Math.floor(wc.msOfDay / HOUR),
        sent: row.sent,
        responded: row.responded,
      };
    });
  }

  async advise(orgId: string, memberId: string): Promise<SendTimeAdvice> {
    const member = await this.store.repos.members.get(memberId);
    if (!member) throw notFound('member');
    const now = this.clock.now();
    const stats = await this.slotStats(orgId, now);
    const learned = learnSendSlots(stats, this.opts);
    const sent = stats.reduce((n, s) => n + s.sent, 0);
    const responses = stats.reduce((n, s) => n + s.responded, 0);
    const basis = {
      sent,
      responses,
      minResponses: this.opts.minResponses,
      historyDays: this.opts.historyDays,
      responseDays: this.opts.responseDays,
    };
    if (learned) {
      const t = nextSlotTime(now, member.time_zone, learned.slots);
      return {
        memberId,
        ...t,
        localTime: DateTime.fromJSDate(t.at, { zone: t.timeZone }).toISO() ?? t.at.toISOString(),
        source: 'learned',
        explanation:
          `Learned from ${learned.responses} responses to ${learned.sent} InMails of your organization ` +
          `(answered within ${this.opts.responseDays} days, last ${this.opts.historyDays} days): ` +
          `best in the recipient's time zone ${learned.slots.slice(0, 3).map(slotLabel).join(', ')}`,
        basis,
        window: null,
        bestSlots: learned.slots.map((s) => ({
          weekday: s.weekday,
          hour: s.hour,
          sent: s.sent,
          responded: s.responded,
          responseRate: Math.round(s.rate * 1000) / 1000,
        })),
      };
    }
    const t = nextSendTime(now, member.time_zone, DEFAULT_SEND_WINDOW);
    const { days, startHour, startMinute, endHour, endMinute } = DEFAULT_SEND_WINDOW;
    return {
      memberId,
      ...t,
      localTime: DateTime.fromJSDate(t.at, { zone: t.timeZone }).toISO() ?? t.at.toISOString(),
      source: 'default',
      explanation:
        `Default: Tuesday to Thursday, 08:00–11:00 in the recipient's time zone. ` +
        (responses < this.opts.minResponses
          ? `Advice is learned from your organization's own data once it has ${this.opts.minResponses} responses (it has ${responses})`
          : `No time of day stands out yet in your organization's ${responses} responses`),
      basis,
      window: { days: [...days], startHour, startMinute, endHour, endMinute },
      bestSlots: null,
    };
  }
}
