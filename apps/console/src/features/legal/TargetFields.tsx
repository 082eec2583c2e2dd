import { LEGAL_DATA_CATEGORIES, type LegalDataCategory } from '@docket/contracts';

export interface TargetDraft {
  accountId: string;
  from: string;
  until: string;
  categories: LegalDataCategory[];
}

/** One target's account, date range (UTC days) and data categories, as the form edits them. */
export function TargetFields({
  value,
  index,
  onChange,
  fixedAccount = false,
  allowed = LEGAL_DATA_CATEGORIES,
}: {
  value: TargetDraft;
  index: number;
  onChange: (next: TargetDraft) => void;
  fixedAccount?: boolean;
  allowed?: readonly LegalDataCategory[];
}) {
  // Named by its account once the order fixes it (a decision), by its place while being written.
  const n = fixedAccount ? value.accountId : `Target ${index + 1}`;
  return (
    <fieldset className="legal-target">
      <legend>{n}</legend>
      <label className="field">
        <span className="field-label">Account id</span>
        <input
          className="field-input"
          aria-label={`${n} account id`}
          value={value.accountId}
          readOnly={fixedAccount}
          required
          onChange={(event) => onChange({ ...value, accountId: event.target.value })}
        />
      </label>
      <label className="field">
        <span className="field-label">From (UTC day)</span>
        <input
          className="field-input"
          type="date"
          aria-label={`${n} from`}
          value={value.from}
          required
          onChange={(event) => onChange({ ...value, from: event.target.value })}
        />
      </label>
      <label className="field">
        <span className="field-label">Until (UTC day, exclusive)</span>
        <input
          className="field-input"
          type="date"
          aria-label={`${n} until`}
          value={value.until}
          required
          onChange={(event) => onChange({ ...value, until: event.target.value })}
        />
      </label>
      <fieldset className="legal-categories" aria-label={`${n} data categories`}>
        {allowed.map((category) => (
          <label key={category}>
            <input
              type="checkbox"
              checked={value.categories.includes(category)}
              onChange={(event) =>
                onChange({
                  ...value,
                  categories: event.target.checked
                    ? [...value.categories, category]
                    : value.categories.filter((each) => each !== category),
                })
              }
            />{' '}
            {category}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
