import { type ApiError, isApiError } from '../../api/api-error';
import { useCaseDetail } from './case-detail-query';
import { useRevealEvidence } from './reveal-evidence-mutation';

export interface EvidenceReveal {
  /** Whether the reported messages are blurred right now, wherever they are shown. */
  blurred: boolean;
  reveal: () => void;
  isRevealing: boolean;
  error: ApiError | null;
}

/**
 * The one reveal rule for a case's reported messages, used by every screen that shows them (the
 * evidence panel, the conversation viewer). The server says whether they start blurred (an
 * urgent category, and the reviewer's preference); a reveal is recorded in the audit log before
 * anything unblurs, and it clears the flag on the cached case, so every place unblurs together.
 */
export function useEvidenceReveal(caseId: string): EvidenceReveal {
  const { data: detail } = useCaseDetail(caseId);
  const mutation = useRevealEvidence();
  return {
    blurred: detail.blurEvidence,
    reveal: () => {
      if (!mutation.isPending) mutation.mutate(caseId);
    },
    isRevealing: mutation.isPending,
    error: isApiError(mutation.error) ? mutation.error : null,
  };
}
