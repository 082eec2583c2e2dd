import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { isApiError, networkError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Spinner } from '../../ui/Spinner';
import { accountHandles } from './account-handles';
import { caseDetailQuery } from './case-detail-query';
import { caseRef } from './case-ref';
import { EvidenceSection } from './EvidenceSection';
import { casePath } from './keys';
import { useDropCaseOnLeave } from './use-drop-case-on-leave';
import { useEvidenceReveal } from './use-evidence-reveal';
import './sign-off-evidence.css';

/**
 * See what you sign: on a confirmation, an access request or a break-glass review, the case's
 * reported evidence, and a link to the whole case read-only. The evidence is fetched only when
 * asked for — that is a case view, audited as one — and shown under the case page's blur and
 * reveal rule. Looking never takes the case from its holder.
 */
export function SignOffEvidence({ caseId }: { caseId: string }) {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const ref = caseRef(caseId);
  return (
    <div className="sign-off-evidence">
      <div className="sign-off-evidence-bar">
        <Button size="sm" variant="quiet" aria-expanded={open} aria-controls={regionId} onPress={() => setOpen(!open)}>
          {open ? `Hide evidence of ${ref}` : `Show evidence of ${ref}`}
        </Button>
        <Link to={casePath(caseId)} className="sign-off-evidence-link">
          Open case {ref} read-only
        </Link>
      </div>
      <div id={regionId}>{open && <EvidencePreview caseId={caseId} sectionId={`${regionId}-evidence`} />}</div>
    </div>
  );
}

function EvidencePreview({ caseId, sectionId }: { caseId: string; sectionId: string }) {
  const detail = useQuery(caseDetailQuery(caseId));
  // The content leaves memory when the card closes or the page changes, as on the case page.
  useDropCaseOnLeave(caseId);
  if (detail.isPending)
    return (
      <p role="status" className="page-loading">
        <Spinner /> Loading the evidence…
      </p>
    );
  if (detail.isError)
    return (
      <ErrorAlert
        error={isApiError(detail.error) ? detail.error : networkError()}
        title="The evidence could not be loaded"
      />
    );
  return <LoadedEvidence caseId={caseId} sectionId={sectionId} />;
}

function LoadedEvidence({ caseId, sectionId }: { caseId: string; sectionId: string }) {
  const reveal = useEvidenceReveal(caseId);
  const { data: detail } = useQuery(caseDetailQuery(caseId));
  if (!detail) return null;
  return (
    <EvidenceSection
      detail={detail}
      handleOf={accountHandles(detail)}
      reveal={reveal}
      id={sectionId}
      shortcut={false}
    />
  );
}
