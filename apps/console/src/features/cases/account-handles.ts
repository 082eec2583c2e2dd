import type { CaseDetail } from '@docket/contracts';

/** Platform account id → handle, for naming senders, reporters and participants. */
export function accountHandles(detail: Pick<CaseDetail, 'accounts'>): (accountId: string | null) => string {
  const handles = new Map(detail.accounts.map((account) => [account.id, account.handle]));
  return (accountId) => (accountId === null ? 'no reporter' : (handles.get(accountId) ?? accountId));
}
