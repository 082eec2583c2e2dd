import { z } from 'zod';
import { Category } from './intake';

export const QueueSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    categories: z.array(Category),
    slaMinutes: z.number().int(),
    openCases: z.number().int(),
    oldestOpenedAt: z.iso.datetime({ offset: true }).nullable(),
    slaBreaches: z.number().int().meta({ description: 'Open cases past their SLA due time (database clock).' }),
    inReview: z.number().int().meta({ description: 'Open cases someone holds under a live lease.' }),
    requiredRole: z.enum(['reviewer', 'supervisor']),
  })
  .meta({ id: 'QueueSummary' });
export type QueueSummary = z.infer<typeof QueueSummary>;

export const QueueSummaryList = z
  .object({ items: z.array(QueueSummary), asOf: z.iso.datetime({ offset: true }) })
  .meta({ id: 'QueueSummaryList' });
export type QueueSummaryList = z.infer<typeof QueueSummaryList>;

/** A queue's configuration, for the admins who edit it (no counts, never cached). */
export const QueueSettings = z
  .object({
    id: z.string(),
    name: z.string(),
    categories: z.array(Category),
    slaMinutes: z.number().int(),
    position: z.number().int(),
    requiredRole: z.enum(['reviewer', 'supervisor']),
  })
  .meta({ id: 'QueueSettings' });
export type QueueSettings = z.infer<typeof QueueSettings>;

export const QueueSettingsList = z.object({ items: z.array(QueueSettings) }).meta({ id: 'QueueSettingsList' });
export type QueueSettingsList = z.infer<typeof QueueSettingsList>;
