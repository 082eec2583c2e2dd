/**
 * Statements of reasons (DSA Art. 17), shaped after the EU Transparency Database's statement so
 * each can be exported to it; Docket's names are its own, the database's are noted beside them.
 */
import { z } from 'zod';
import type { DecisionAction } from './cases';

/** Actions that restrict the user (content removed, account limited or suspended) and so owe them reasons. */
export const RESTRICTING_ACTIONS = ['remove_messages', 'restrict_account', 'suspend_account'] as const;
export type RestrictingAction = (typeof RESTRICTING_ACTIONS)[number];
export function isRestricting(action: DecisionAction): action is RestrictingAction {
  return (RESTRICTING_ACTIONS as readonly string[]).includes(action);
}

/** The Transparency Database's `category`, lower-cased and without its `STATEMENT_CATEGORY_` prefix. */
export const DSA_CATEGORIES = [
  'animal_welfare',
  'consumer_information',
  'cyber_violence',
  'cyber_violence_against_women',
  'data_protection_and_privacy_violations',
  'illegal_or_harmful_speech',
  'intellectual_property_infringements',
  'negative_effects_on_civic_discourse_or_elections',
  'not_specified_notice',
  'other_violation_tc',
  'protection_of_minors',
  'risk_for_public_security',
  'scams_and_fraud',
  'self_harm',
  'unsafe_and_prohibited_products',
  'violence',
] as const;
export const DsaCategory = z.enum(DSA_CATEGORIES);
export type DsaCategory = z.infer<typeof DsaCategory>;

/** `territorial_scope`: the EEA, by ISO 3166-1 alpha-2 code (Greece as the database spells it, EL). */
// biome-ignore format: one block of codes reads better than thirty lines
export const EEA_COUNTRIES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE',
  'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const;
export const EeaCountry = z.enum(EEA_COUNTRIES);

/** What the restriction is, derived from the action (`decision_visibility`, `_provision`, `_account`). */
export const RESTRICTIONS = [
  'content_removed',
  'service_partially_suspended',
  'account_suspended',
  'account_terminated',
] as const;
export const Restriction = z.enum(RESTRICTIONS);
export type Restriction = z.infer<typeof Restriction>;

/** `automated_decision`. A decision recorded through Docket is a person's, so today always `not_automated`. */
export const AutomatedDecision = z.enum(['fully', 'partially', 'not_automated']);

/** `source_type`, derived from the reports on the case. */
export const StatementSource = z.enum(['article_16_notice', 'other_notification', 'voluntary']);

export const Text = (min: number, max: number) => z.string().trim().min(min, `at least ${min} characters`).max(max);
const Timestamp = z.iso.datetime({ offset: true });

/** `decision_ground` with what each ground needs. */
export const StatementGround = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('illegal').meta({ description: 'DECISION_GROUND_ILLEGAL_CONTENT' }),
    legalGround: Text(2, 500).meta({
      description: 'The law broken (`illegal_content_legal_ground`), e.g. “§ 241 StGB”.',
    }),
    explanation: Text(10, 2000).meta({
      description: 'Why the content is illegal under that ground (`illegal_content_explanation`).',
    }),
  }),
  z.object({
    kind: z.literal('terms').meta({
      description: 'DECISION_GROUND_INCOMPATIBLE_CONTENT: the clause is the cited policy’s terms URL.',
    }),
    alsoIllegal: z
      .boolean()
      .default(false)
      .meta({ description: 'The content is also considered illegal (`incompatible_content_illegal`).' }),
  }),
]);
export type StatementGround = z.infer<typeof StatementGround>;

export const StatementBody = z
  .object({
    ground: StatementGround,
    publicReason: Text(20, 4000).meta({
      description:
        'The facts and circumstances, written for the affected user, who will read them (`decision_facts`). Never internal notes.',
    }),
    endsAt: Timestamp.nullable()
      .default(null)
      .meta({ description: 'When a temporary restriction ends; null: it does not (`end_date_*`). Not for removals.' }),
    territorialScope: z
      .array(EeaCountry)
      .min(1, 'name at least one country')
      .max(EEA_COUNTRIES.length)
      .refine((codes) => new Set(codes).size === codes.length, 'each country once')
      .meta({ description: 'Where the restriction applies (`territorial_scope`).' }),
  })
  .meta({ id: 'StatementBody', description: 'The statement of reasons every restricting action carries.' });
export type StatementBody = z.infer<typeof StatementBody>;

export const StatementOfReasons = z
  .object({
    ground: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('illegal'), legalGround: z.string(), explanation: z.string() }),
      z.object({ kind: z.literal('terms'), termsUrl: z.string(), alsoIllegal: z.boolean() }),
    ]),
    category: DsaCategory,
    publicReason: z.string(),
    restriction: Restriction,
    endsAt: Timestamp.nullable(),
    territorialScope: z.array(EeaCountry),
    automatedDetection: z.boolean(),
    automatedDecision: AutomatedDecision,
    source: StatementSource,
    redress: z.object({
      how: z
        .literal('internal_complaint')
        .meta({ description: 'Appeal through the platform (REDRESS_INTERNAL_MECHANISM).' }),
      appealUntil: Timestamp,
    }),
  })
  .meta({ id: 'StatementOfReasons' });
export type StatementOfReasons = z.infer<typeof StatementOfReasons>;
