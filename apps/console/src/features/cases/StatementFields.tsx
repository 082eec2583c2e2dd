import type { RestrictingAction } from '@docket/contracts';
import type { Ref } from 'react';
import { Radio, RadioGroup } from '../../ui/RadioGroup';
import { TextAreaField, TextField } from '../../ui/TextField';
import { Timestamp } from '../../ui/Timestamp';
import { appealUntilIfDecidedNow, canEnd, type StatementDraft } from './statement-draft';

const PUBLIC_REASON_MIN = 20;

export interface StatementFieldsProps {
  action: RestrictingAction;
  draft: StatementDraft;
  onChange: (draft: StatementDraft) => void;
  /** The policy's terms clause, cited on the terms ground; null when it has none. */
  termsUrl: string | null;
  /** Null where the form does not know it yet (a bulk decision before its preview). */
  appealWindowMonths: number | null;
  isDisabled: boolean;
  publicReasonRef: Ref<HTMLTextAreaElement>;
}

/**
 * The statement of reasons a restricting action owes the user (DSA Art. 17): the ground, the facts
 * in words the user will read, how long and where the restriction holds, and until when they may
 * appeal. The internal note stays in the decision form, apart from all of this.
 */
export function StatementFields({
  action,
  draft,
  onChange,
  termsUrl,
  appealWindowMonths,
  isDisabled,
  publicReasonRef,
}: StatementFieldsProps) {
  const set =
    <K extends keyof StatementDraft>(key: K) =>
    (value: StatementDraft[K]) =>
      onChange({ ...draft, [key]: value });
  return (
    <fieldset className="statement-fields" disabled={isDisabled}>
      <legend>Statement of reasons</legend>
      <RadioGroup
        label="Ground"
        name="statement.ground.kind"
        value={draft.ground}
        onChange={(value) => set('ground')(value as StatementDraft['ground'])}
        isDisabled={isDisabled}
      >
        <Radio value="terms" hint={termsUrl ?? 'This policy cites no terms clause yet; an admin adds one.'}>
          Against the terms
        </Radio>
        <Radio value="illegal" hint="Name the law it breaks.">
          Illegal content
        </Radio>
      </RadioGroup>
      {draft.ground === 'illegal' && (
        <>
          <TextField
            label="Legal ground"
            name="statement.ground.legalGround"
            placeholder="e.g. § 263 StGB (fraud)"
            isRequired
            maxLength={500}
            value={draft.legalGround}
            onChange={set('legalGround')}
          />
          <TextAreaField
            label="Why it is illegal"
            name="statement.ground.explanation"
            rows={2}
            isRequired
            maxLength={2000}
            value={draft.legalExplanation}
            onChange={set('legalExplanation')}
          />
        </>
      )}
      <TextAreaField
        label="Public reason"
        name="statement.publicReason"
        description="The user will read this. Facts and circumstances in plain words; no internal notes, no staff names."
        placeholder="What the user did, and why it led to this (u)"
        textAreaRef={publicReasonRef}
        rows={4}
        isRequired
        maxLength={4000}
        value={draft.publicReason}
        onChange={set('publicReason')}
        validate={(value) =>
          value.trim().length >= PUBLIC_REASON_MIN ? null : `Write at least ${PUBLIC_REASON_MIN} characters.`
        }
      />
      {canEnd(action) && (
        <TextField
          label="Ends on"
          name="statement.endsAt"
          type="date"
          description="Leave empty if the restriction does not end."
          value={draft.endDate}
          onChange={set('endDate')}
        />
      )}
      <TextField
        label="Territorial scope"
        name="statement.territorialScope"
        description="EEA for all of it, or country codes such as DE, FR."
        autoCapitalize="none"
        isRequired
        value={draft.scope}
        onChange={set('scope')}
      />
      {appealWindowMonths !== null && (
        <p className="statement-redress">
          The user may appeal until <Timestamp value={appealUntilIfDecidedNow(appealWindowMonths).toISOString()} />.
        </p>
      )}
    </fieldset>
  );
}
