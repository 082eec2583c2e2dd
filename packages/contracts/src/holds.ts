/** Preservation holds and the retention schedule (DESIGN §11, ADR 031). */
import { z } from 'zod';
import { Category, PlatformId } from './intake';
import { Text } from './statement-of-reasons';

const Timestamp = z.iso.datetime({ offset: true });

/** A preservation hold runs this long unless placed or extended for longer. */
export const HOLD_DEFAULT_DAYS = 90;
/** The most one placement or one extension adds; longer holds are extended again. */
export const HOLD_MAX_DAYS = 365;

const HoldDays = z
  .number()
  .int()
  .min(1)
  .max(HOLD_MAX_DAYS)
  .default(HOLD_DEFAULT_DAYS)
  .meta({ description: `Days; ${HOLD_DEFAULT_DAYS} unless given.` });

export const HOLD_TARGET_TYPES = ['account', 'conversation'] as const;
export const HoldTargetType = z.enum(HOLD_TARGET_TYPES);

export const PlaceHoldBody = z
  .object({
    targetType: HoldTargetType.meta({
      description: '`account`: every conversation the platform account takes part in. `conversation`: that one.',
    }),
    targetId: PlatformId.meta({ description: "The platform's id of the account or conversation." }),
    reason: Text(10, 2000).meta({ description: 'Why, e.g. the order or request it answers. Never message content.' }),
    days: HoldDays,
  })
  .strict()
  .meta({ id: 'PlaceHoldBody' });
export type PlaceHoldBody = z.input<typeof PlaceHoldBody>;

export const ExtendHoldBody = z
  .object({ days: HoldDays.meta({ description: 'Days added to the current expiry.' }) })
  .strict()
  .meta({ id: 'ExtendHoldBody' });

export const ReleaseHoldBody = z
  .object({ reason: Text(10, 2000).meta({ description: 'Why the hold is no longer needed.' }) })
  .strict()
  .meta({ id: 'ReleaseHoldBody' });

const Person = z.object({ id: z.uuid(), username: z.string() });

export const Hold = z
  .object({
    id: z.uuid(),
    targetType: HoldTargetType,
    targetId: z.string(),
    reason: z.string(),
    legalRequestId: z.uuid().nullable(),
    placedBy: Person,
    placedAt: Timestamp,
    expiresAt: Timestamp,
    extendedAt: Timestamp.nullable(),
    status: z.enum(['active', 'expired', 'released']).meta({ description: 'By the database clock.' }),
    released: z.object({ by: Person, at: Timestamp, reason: z.string() }).nullable(),
  })
  .meta({ id: 'Hold' });
export type Hold = z.infer<typeof Hold>;

export const HoldList = z
  .object({ items: z.array(Hold).meta({ description: 'Active holds first (soonest expiry first), then the rest.' }) })
  .meta({ id: 'HoldList' });
export type HoldList = z.infer<typeof HoldList>;

export const RetentionSchedule = z
  .object({
    categories: z
      .array(z.object({ category: Category, days: z.number().int() }))
      .meta({ description: 'Days a closed case’s conversation is kept, counted from when the case closed.' }),
    upcoming: z
      .array(
        z.object({
          conversationId: z.string(),
          destroyAt: Timestamp.meta({ description: 'When the last of its cases’ retention runs out.' }),
          held: z.boolean().meta({ description: 'A live hold covers it: it is kept past that date.' }),
        }),
      )
      .meta({
        description: 'Conversations with every case closed and content still kept, soonest first (50 at most).',
      }),
    destroyed: z.number().int().meta({ description: 'Conversations whose content retention has destroyed.' }),
  })
  .meta({ id: 'RetentionSchedule' });
export type RetentionSchedule = z.infer<typeof RetentionSchedule>;
