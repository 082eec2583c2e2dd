/**
 * The Transparency Database's validation of one statement and of a multi-statement call, written
 * from its rules (`spec.ts` names the source): the same fields, enums, conditional requirements and
 * limits, with errors keyed and worded as its Laravel validator words them.
 */
import {
  ACCOUNT_TYPES,
  AUTOMATED_DECISIONS,
  CONTENT_TYPES,
  COUNTRY_CODES,
  DECISION_ACCOUNTS,
  DECISION_GROUNDS,
  DECISION_MONETARIES,
  DECISION_PROVISIONS,
  DECISION_VISIBILITIES,
  KEYWORDS,
  LANGUAGE_CODES,
  MAX_BATCH,
  SOURCE_TYPES,
  STATEMENT_CATEGORIES,
  YES_NO,
} from './spec';

export type FieldErrors = Record<string, string[]>;

type Input = Record<string, unknown>;

const label = (field: string) => field.replaceAll('_', ' ').replace('.', ' ');

/** Laravel's `required`: present, not null, not a blank string, not an empty array. */
function filled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
function isDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Characters, as PHP's mb_strlen counts them (code points, not UTF-16 units). */
const length = (value: string) => [...value].length;

export function validateStatement(statement: unknown): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => {
    errors[field] ??= [];
    errors[field].push(message);
  };
  if (typeof statement !== 'object' || statement === null || Array.isArray(statement)) {
    return { statement: ['The statement must be an object.'] };
  }
  const s = statement as Input;
  const present = (field: string) => s[field] !== undefined && s[field] !== null;

  function checkIn(field: string, allowed: readonly string[], nullable: boolean) {
    const value = s[field];
    if (value === undefined || (value === null && nullable)) return;
    const values = Array.isArray(value) ? value : [value];
    if (!values.every((v) => typeof v === 'string' && allowed.includes(v)))
      add(field, `The selected ${label(field)} is invalid.`);
  }
  function checkArray(field: string, nullable: boolean): boolean {
    const value = s[field];
    if (value === undefined || (value === null && nullable)) return false;
    if (!Array.isArray(value)) {
      add(field, `The ${label(field)} field must be an array.`);
      return false;
    }
    return true;
  }
  function checkMax(field: string, max: number) {
    const value = s[field];
    if (typeof value === 'string' && length(value) > max) {
      add(field, `The ${label(field)} field must not be greater than ${max} characters.`);
    } else if (value !== undefined && value !== null && typeof value !== 'string') {
      add(field, `The ${label(field)} field must be a string.`);
    }
  }
  function required(field: string, message = `The ${label(field)} field is required.`): boolean {
    if (filled(s[field])) return true;
    add(field, message);
    return false;
  }
  function checkDay(field: string, after: string | null, before: string, message?: string) {
    const value = s[field];
    if (value === undefined || value === null) return;
    if (!isDay(value)) {
      add(field, message ?? `The ${label(field)} field must match the format Y-m-d.`);
      return;
    }
    if (after && value < after) add(field, `The ${label(field)} field must be a date after or equal to ${after}.`);
    if (value > before) add(field, `The ${label(field)} field must be a date before or equal to ${before}.`);
  }

  // At least one kind of restriction, each from its own list.
  const restrictions = ['decision_visibility', 'decision_monetary', 'decision_provision', 'decision_account'];
  if (!restrictions.some((field) => filled(s[field]))) {
    for (const field of restrictions) {
      const others = restrictions.filter((other) => other !== field).map(label);
      add(field, `The ${label(field)} field is required when none of ${others.join(' / ')} are present.`);
    }
  }
  if (checkArray('decision_visibility', true)) checkIn('decision_visibility', DECISION_VISIBILITIES, true);
  const visibility = Array.isArray(s.decision_visibility) ? s.decision_visibility : [];
  if (visibility.includes('DECISION_VISIBILITY_OTHER')) {
    required('decision_visibility_other');
    checkMax('decision_visibility_other', 500);
  }
  checkIn('decision_monetary', DECISION_MONETARIES, true);
  if (s.decision_monetary === 'DECISION_MONETARY_OTHER') {
    required(
      'decision_monetary_other',
      'The decision monetary other field is required when decision monetary is other.',
    );
    checkMax('decision_monetary_other', 500);
  }
  checkIn('decision_provision', DECISION_PROVISIONS, true);
  checkIn('decision_account', DECISION_ACCOUNTS, true);
  checkIn('account_type', ACCOUNT_TYPES, true);
  if (checkArray('category_specification', true)) checkIn('category_specification', KEYWORDS, true);
  checkMax('category_specification_other', 500);

  if (required('decision_ground')) checkIn('decision_ground', DECISION_GROUNDS, false);
  if (present('decision_ground_reference_url')) {
    if (!isHttpUrl(s.decision_ground_reference_url)) {
      add('decision_ground_reference_url', 'The decision ground reference url field must be a valid URL.');
    }
    checkMax('decision_ground_reference_url', 500);
  }
  if (s.decision_ground === 'DECISION_GROUND_ILLEGAL_CONTENT') {
    const when = 'when decision ground is illegal content.';
    required('illegal_content_legal_ground', `The illegal content legal ground field is required ${when}`);
    checkMax('illegal_content_legal_ground', 500);
    required('illegal_content_explanation', `The illegal content explanation field is required ${when}`);
    checkMax('illegal_content_explanation', 2000);
  }
  if (s.decision_ground === 'DECISION_GROUND_INCOMPATIBLE_CONTENT') {
    const when = 'when decision ground is incompatible content.';
    required('incompatible_content_ground', `The incompatible content ground field is required ${when}`);
    checkMax('incompatible_content_ground', 500);
    required('incompatible_content_explanation', `The incompatible content explanation field is required ${when}`);
    checkMax('incompatible_content_explanation', 2000);
    checkIn('incompatible_content_illegal', YES_NO, false);
  }

  if (required('content_type') && checkArray('content_type', false)) checkIn('content_type', CONTENT_TYPES, false);
  const contentTypes = Array.isArray(s.content_type) ? s.content_type : [];
  if (contentTypes.includes('CONTENT_TYPE_OTHER')) {
    required('content_type_other', 'The content type other field is required when content is other.');
    checkMax('content_type_other', 500);
  }

  if (required('category')) checkIn('category', STATEMENT_CATEGORIES, false);
  if (checkArray('category_addition', false)) checkIn('category_addition', STATEMENT_CATEGORIES, false);
  if (checkArray('territorial_scope', true)) checkIn('territorial_scope', COUNTRY_CODES, true);
  checkIn('content_language', LANGUAGE_CODES, true);

  if (required('content_date')) {
    checkDay('content_date', '2000-01-01', '2038-01-01', 'The content date does not match the format YYYY-MM-DD.');
  }
  if (required('application_date')) {
    checkDay(
      'application_date',
      '2020-01-01',
      '2038-01-01',
      'The application date does not match the format YYYY-MM-DD.',
    );
  }
  for (const kind of ['account', 'monetary', 'service', 'visibility']) {
    const field = `end_date_${kind}_restriction`;
    checkDay(field, null, '2038-01-01', `The end date of ${kind} restriction does not match the format YYYY-MM-DD.`);
  }

  if (required('decision_facts')) checkMax('decision_facts', 5000);
  if (required('source_type')) checkIn('source_type', SOURCE_TYPES, false);
  checkMax('source_identity', 500);
  if (required('automated_detection')) checkIn('automated_detection', YES_NO, false);
  if (required('automated_decision')) checkIn('automated_decision', AUTOMATED_DECISIONS, false);
  if (required('puid')) {
    checkMax('puid', 500);
    if (typeof s.puid === 'string' && !/^[a-zA-Z0-9\-_]+$/.test(s.puid)) add('puid', 'The puid format is invalid.');
  }
  if (present('content_id')) {
    const id = s.content_id;
    if (typeof id !== 'object' || Array.isArray(id)) add('content_id', 'The content id field must be an array.');
    else {
      const ean = (id as Input)['EAN-13'];
      if (ean !== undefined && (typeof ean !== 'string' || !/^[0-9]{13}$/.test(ean))) {
        add('content_id.EAN-13', 'The content id.EAN-13 field format is invalid.');
      }
    }
  }
  return errors;
}

/** What the multi-statement endpoint answers, before puid uniqueness (which needs the store). */
export type BatchVerdict =
  | { ok: true; statements: Input[] }
  | { ok: false; status: 422; body: { message?: string; errors: Record<string, unknown> } };

export function validateBatch(body: unknown): BatchVerdict {
  const statements = (body as Input | null)?.statements;
  if (!Array.isArray(statements) || statements.length < 1 || statements.length > MAX_BATCH) {
    const message = Array.isArray(statements)
      ? `The statements field must have between 1 and ${MAX_BATCH} items.`
      : 'The statements field is required.';
    return { ok: false, status: 422, body: { message, errors: { statements: [message] } } };
  }
  const errors: Record<string, FieldErrors> = {};
  statements.forEach((statement, index) => {
    const found = validateStatement(statement);
    if (Object.keys(found).length > 0) errors[`statement_${index}`] = found;
  });
  if (Object.keys(errors).length > 0) return { ok: false, status: 422, body: { errors } };
  return { ok: true, statements: statements as Input[] };
}
