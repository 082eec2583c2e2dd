import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Kbd } from '../../ui/Kbd';
import { StatusMessage } from '../../ui/StatusMessage';
import { useHotkeys } from '../../ui/use-hotkeys';
import { useRouteNotice, withNotice } from '../../ui/use-route-notice';
import { CaseAccessPanel } from '../access/CaseAccessPanel';
import { useCan } from '../auth/permissions';
import { useQueueNames } from '../queues/use-queue-name';
import { AccountsSection } from './AccountsSection';
import { AppealOutcomePanel } from './AppealOutcomePanel';
import { AppealSection } from './AppealSection';
import { accountHandles } from './account-handles';
import { CaseHeader } from './CaseHeader';
import { ConversationSection } from './ConversationSection';
import { useCaseDetail } from './case-detail-query';
import { caseRef } from './case-ref';
import { DecisionHistory } from './DecisionHistory';
import { DecisionPanel } from './DecisionPanel';
import { useDecideCase } from './decide-mutation';
import { EvidenceSection } from './EvidenceSection';
import { LeaseLost } from './LeaseLost';
import { ReportsSection } from './ReportsSection';
import { useReleaseCase } from './release-case-mutation';
import { ShortcutsDialog } from './ShortcutsDialog';
import { TimelineSection } from './TimelineSection';
import { useDropCaseOnLeave } from './use-drop-case-on-leave';
import { useEvidenceReveal } from './use-evidence-reveal';
import { useLeaseKeeper } from './use-lease-keeper';
import { useOpenNextCase } from './use-open-next-case';
import './cases.css';

/** `/cases/:caseId`. Keyed by the id, so moving to the next case starts every panel afresh. */
export function CasePage() {
  const { caseId = '' } = useParams();
  return <CaseView key={caseId} caseId={caseId} />;
}

function CaseView({ caseId }: { caseId: string }) {
  const { data: detail } = useCaseDetail(caseId);
  useDropCaseOnLeave(caseId);
  const canDecide = useCan('decide:case');
  const canRequestAccess = useCan('request:access');
  const summary = detail.case;
  const queueName = useQueueNames()(summary.queueId);
  const handleOf = accountHandles(detail);

  const decide = useDecideCase();
  const refused = isApiError(decide.error) && decide.error.status === 409 ? decide.error : null;
  // A decided case opened to read, or a case a supervisor looks at before signing, is not theirs
  // to hold: nothing to renew, skip, release, request or decide.
  const readOnly = detail.readOnly;
  // Once decided (or refused), renewing could only fail.
  const lease = useLeaseKeeper(caseId, !readOnly && !decide.isSuccess && !refused);
  const reveal = useEvidenceReveal(caseId);
  const release = useReleaseCase();
  const next = useOpenNextCase();
  const { openNext, claim } = next;
  const navigate = useNavigate();
  const [notice, setNotice] = useRouteNotice();
  const [timelineOpen, setTimelineOpen] = useState(false);
  const timelineRef = useRef<HTMLElement>(null);
  // A refused renewal or a refused decision both mean the case is no longer this person's to work.
  const lost = lease.lost ?? refused;
  // Skipping or releasing a case that is being decided (or already is) would only earn a 409.
  const canLeave =
    !readOnly && !lost && !claim.isPending && !release.isPending && !decide.isPending && !decide.isSuccess;

  function skip() {
    const skipped = `Skipped case ${caseRef(caseId)}; it is back in ${queueName}.`;
    openNext(
      { queueId: summary.queueId, skip: caseId },
      {
        notice: skipped,
        replace: true,
        onEmpty: () => void navigate('/queues', { state: withNotice(`${skipped} Nothing else to review there.`) }),
      },
    );
  }

  function giveBack() {
    release.mutate(caseId, {
      onSuccess: () =>
        void navigate('/queues', { state: withNotice(`Released case ${caseRef(caseId)} back to ${queueName}.`) }),
    });
  }

  function toggleTimeline() {
    // Focus inside the closing panel would fall to the page's end; bring it back to the top.
    if (timelineOpen && timelineRef.current?.contains(document.activeElement)) {
      document.querySelector<HTMLElement>('#main h1')?.focus();
    }
    setTimelineOpen(!timelineOpen);
  }

  useHotkeys({
    r: () => (reveal.blurred ? reveal.reveal() : false),
    s: () => (canLeave ? skip() : false),
    t: toggleTimeline,
    Escape: () => (timelineOpen ? toggleTimeline() : false),
  });

  // After a decision, the panel itself explains a failed claim of the next case.
  const actionError = [decide.isSuccess ? null : claim.error, release.error].find(isApiError) ?? null;

  return (
    <div className="page case-page">
      <CaseHeader summary={summary} queueName={queueName} isLost={lost !== null}>
        {!readOnly && (
          <>
            <Button size="sm" onPress={skip} isPending={claim.isPending && !decide.isSuccess} isDisabled={!canLeave}>
              Skip <Kbd decorative>s</Kbd>
            </Button>
            <Button size="sm" onPress={giveBack} isPending={release.isPending} isDisabled={!canLeave}>
              Release
            </Button>
          </>
        )}
        <Button size="sm" variant="quiet" onPress={toggleTimeline} aria-expanded={timelineOpen}>
          Timeline <Kbd decorative>t</Kbd>
        </Button>
        <ShortcutsDialog />
      </CaseHeader>

      <StatusMessage message={notice} onDismiss={() => setNotice(null)} />
      {readOnly && <Alert tone="info">{readOnlyNotice(detail.signing)}</Alert>}
      {lost && <LeaseLost error={lost} />}
      {lease.failing && (
        <Alert tone="info">Could not renew your hold on this case. Docket tries again every minute.</Alert>
      )}
      {actionError && <ErrorAlert error={actionError} />}

      <div className="case-layout" data-timeline={timelineOpen || undefined}>
        <div className="case-main">
          <ReportsSection reports={detail.reports} handleOf={handleOf} />
          <EvidenceSection detail={detail} handleOf={handleOf} reveal={reveal} />
          <div className="case-facts">
            <AccountsSection detail={detail} />
            <ConversationSection conversation={detail.conversation} handleOf={handleOf} />
          </div>
          {canRequestAccess && !detail.signing && (
            <CaseAccessPanel
              caseId={caseId}
              urgent={summary.urgent}
              conversation={detail.conversation}
              canAsk={summary.status === 'open' && lost === null}
              handleOf={handleOf}
            />
          )}
          {detail.appeal ? <AppealSection appeal={detail.appeal} /> : <DecisionHistory decisions={detail.decisions} />}
        </div>
        {timelineOpen && (
          <aside ref={timelineRef} className="case-timeline" aria-label="Case timeline">
            <TimelineSection timeline={detail.timeline} />
          </aside>
        )}
        {canDecide && !readOnly && summary.status === 'open' && detail.appeal && (
          <aside className="case-side" aria-label="Decide">
            <AppealOutcomePanel summary={summary} isDisabled={lost !== null} />
          </aside>
        )}
        {canDecide && !readOnly && summary.status === 'open' && !detail.appeal && (
          <aside className="case-side" aria-label="Decide">
            <DecisionPanel
              summary={summary}
              queueName={queueName}
              appealWindowMonths={detail.appealWindowMonths}
              isDisabled={lost !== null}
              decide={decide}
              next={next}
            />
          </aside>
        )}
      </div>
    </div>
  );
}

const SIGNING_NOTICES = {
  confirmation: 'a decision on it awaits your confirmation',
  access_request: 'an access request on it awaits your decision',
  break_glass_review: 'a break-glass use on it awaits your review',
} as const;

function readOnlyNotice(signing: keyof typeof SIGNING_NOTICES | null): string {
  const recorded = 'Opening it, and revealing its evidence, is recorded in the audit log.';
  if (!signing) return `This case is decided: you are reading it, not working it. ${recorded}`;
  return `You are looking at this case because ${SIGNING_NOTICES[signing]}; its holder keeps it, and nothing can be done to it here. ${recorded}`;
}
