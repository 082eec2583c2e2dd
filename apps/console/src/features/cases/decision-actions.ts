import { ACTIONS_NEEDING_CONFIRMATION, type DecisionAction } from '@docket/contracts';

const LABELS: Record<DecisionAction, string> = {
  no_violation: 'No violation',
  warn: 'Warn',
  remove_messages: 'Remove messages',
  restrict_account: 'Restrict account',
  suspend_account: 'Suspend account',
  escalate: 'Escalate',
  refer_law_enforcement: 'Refer to law enforcement',
};

const HINTS: Partial<Record<DecisionAction, string>> = {
  suspend_account: 'Takes effect once another supervisor confirms it.',
  escalate: 'Moves the case to the supervisors’ Escalations queue.',
  refer_law_enforcement: 'Takes effect once another supervisor confirms it.',
};

export function actionLabel(action: DecisionAction): string {
  return LABELS[action];
}

export function actionHint(action: DecisionAction): string | undefined {
  return HINTS[action];
}

export function needsConfirmation(action: DecisionAction): boolean {
  return ACTIONS_NEEDING_CONFIRMATION.includes(action);
}
