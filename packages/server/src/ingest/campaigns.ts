/**
 * Campaigns named by a batch's marketing events, merged and written once per batch
 * ({@link CampaignMentions.flush}) with the values upserting each mention in turn would give: the
 * last name given (a new campaign without one is named by its id, an existing one keeps its name),
 * the channel of the first mention (a new campaign's), and the earliest `sent` time, which replaces
 * a stored one only when earlier.
 * @module
 */
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { slices } from './row-slices.js';

interface CampaignMention {
  /** The last name given in the batch. */
  name: string | undefined;
  channel: string;
  /** The earliest send time of the batch (null: no `sent` event). */
  sentAt: string | null;
}

const earliest = (a: string | null, b: string | null): string | null => (a === null ? b : b === null || a <= b ? a : b);

/** A batch's campaign mentions, merged, until written. */
export class CampaignMentions {
  private readonly campaigns = new Map<string, CampaignMention>();

  /** Adds a mention of campaign `id` (in event order); `sentAt` is the event's time for a `sent` event, else null. */
  add(id: string, name: string | undefined, channel: string, sentAt: string | null): void {
    const seen = this.campaigns.get(id);
    this.campaigns.set(id, { name: name ?? seen?.name, channel: seen?.channel ?? channel, sentAt: earliest(seen?.sentAt ?? null, sentAt) });
  }

  /** The name given to campaign `id` by the batch so far, if any. */
  givenName(id: string): string | undefined {
    return this.campaigns.get(id)?.name;
  }

  /** Upserts the merged campaigns (one statement per slice, named and unnamed apart) and forgets them. */
  async flush(db: Db): Promise<void> {
    const rows = [...this.campaigns].map(([id, c]) => ({
      id,
      name: c.name ?? id,
      channel: c.channel,
      sent_at: c.sentAt,
      named: c.name !== undefined,
    }));
    this.campaigns.clear();
    // The first send time: the earliest `sent` seen.
    const sentAt = sql<
      string | null
    >`case when excluded.sent_at is not null and (campaigns.sent_at is null or excluded.sent_at < campaigns.sent_at)
      then excluded.sent_at else campaigns.sent_at end`;
    for (const named of [true, false]) {
      const group = rows.filter((r) => r.named === named).map(({ named: _, ...row }) => row);
      for (const slice of slices(group, 4)) {
        await db
          .insertInto('campaigns')
          .values(slice)
          .onConflict((oc) =>
            oc.column('id').doUpdateSet(named ? { name: sql<string>`excluded.name`, sent_at: sentAt } : { sent_at: sentAt }),
          )
          .execute();
      }
    }
  }
}
