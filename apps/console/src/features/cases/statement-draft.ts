import { EEA_COUNTRIES, type RestrictingAction, type StatementBody } from '@docket/contracts';

/** What the reviewer has typed of a statement of reasons, before it becomes a request body. */
export interface StatementDraft {
  ground: 'terms' | 'illegal';
  legalGround: string;
  legalExplanation: string;
  publicReason: string;
  /** `YYYY-MM-DD`, or empty for a restriction with no end. */
  endDate: string;
  /** `EEA`, or country codes separated by commas or spaces. */
  scope: string;
}

export const EMPTY_STATEMENT: StatementDraft = {
  ground: 'terms',
  legalGround: '',
  legalExplanation: '',
  publicReason: '',
  endDate: '',
  scope: 'EEA',
};

/** Whether the action's restriction can end (a removal cannot). */
export function canEnd(action: RestrictingAction): boolean {
  return action !== 'remove_messages';
}

function territorialScope(scope: string): StatementBody['territorialScope'] {
  const text = scope.trim().toUpperCase();
  if (text === 'EEA') return [...EEA_COUNTRIES];
  // The API names any code it does not know; the console does not second-guess it.
  return text.split(/[\s,]+/).filter(Boolean) as StatementBody['territorialScope'];
}

export function statementBody(draft: StatementDraft, action: RestrictingAction): StatementBody {
  return {
    ground:
      draft.ground === 'illegal'
        ? { kind: 'illegal', legalGround: draft.legalGround, explanation: draft.legalExplanation }
        : { kind: 'terms', alsoIllegal: false },
    publicReason: draft.publicReason,
    // The restriction lifts at the start of the chosen day, UTC.
    endsAt: canEnd(action) && draft.endDate ? new Date(`${draft.endDate}T00:00:00Z`).toISOString() : null,
    territorialScope: territorialScope(draft.scope),
  };
}

/** The day the user's window to appeal closes, were the decision recorded now. */
export function appealUntilIfDecidedNow(months: number, now = new Date()): Date {
  const until = new Date(now);
  until.setMonth(until.getMonth() + months);
  return until;
}
