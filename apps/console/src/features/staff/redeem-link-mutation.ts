import type { RedeemedLink, RedeemLinkBody } from '@docket/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';

/** Sets your own password through an enrolment or reset link (no session needed). */
export function redeemLink(body: RedeemLinkBody): Promise<RedeemedLink> {
  return api.post<RedeemedLink>('/api/enrolment', body);
}

export function useRedeemLink() {
  return useMutation({ mutationFn: redeemLink });
}
