import type { LegalRequest } from '@docket/contracts';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { PageHeader, Panel } from '../../ui/PageHeader';
import { StatusMessage } from '../../ui/StatusMessage';
import { Timestamp } from '../../ui/Timestamp';
import { useCan } from '../auth/permissions';
import { useSession } from '../auth/session-query';
import { DecisionPanel } from './DecisionPanel';
import { useLegalAction } from './legal-action-mutation';
import { instrumentLabel, statusLabel } from './legal-format';
import { useLegalHistory, useLegalRequest } from './legal-request-query';
import { NoticePanel } from './NoticePanel';
import { useProduceDisclosure } from './produce-mutation';
import './legal.css';

const STEPS: Partial<Record<LegalRequest['status'], { step: string; label: string }[]>> = {
  received: [
    { step: 'acknowledge', label: 'Acknowledge' },
    { step: 'review', label: 'Start review' },
    { step: 'no_data', label: 'No data' },
  ],
  acknowledged: [
    { step: 'review', label: 'Start review' },
    { step: 'no_data', label: 'No data' },
  ],
  under_review: [{ step: 'no_data', label: 'No data' }],
  accepted: [{ step: 'no_data', label: 'No data' }],
  narrowed: [{ step: 'no_data', label: 'No data' }],
  produced: [{ step: 'close', label: 'Close' }],
  rejected: [{ step: 'close', label: 'Close' }],
  no_data: [{ step: 'close', label: 'Close' }],
};

const PRODUCIBLE = (request: LegalRequest) =>
  request.status === 'accepted' ||
  request.status === 'narrowed' ||
  (request.emergency !== null && ['received', 'acknowledged', 'under_review'].includes(request.status));

export function LegalRequestPage() {
  const id = useParams().requestId ?? '';
  const { data: request } = useLegalRequest(id);
  const { data: history } = useLegalHistory(id);
  const session = useSession();
  const mayRecord = useCan('record:legal_request');
  const mayDecide = useCan('decide:legal_request');
  const act = useLegalAction(id);
  const produce = useProduceDisclosure(id);
  const [message, setMessage] = useState<string | null>(null);
  const me = session.user.id;

  const steps = [
    ...(STEPS[request.status] ?? []),
    ...(request.reportingRequired &&
    !request.effectReportedAt &&
    ['produced', 'no_data', 'closed'].includes(request.status)
      ? [{ step: 'report_effect', label: 'Report effect given' }]
      : []),
  ];

  return (
    <div className="page">
      <PageHeader
        title={`Legal request ${request.reference ?? request.id.slice(0, 8)}`}
        description={
          <>
            {instrumentLabel(request.instrument)} from {request.authority.name} ({request.authority.type},{' '}
            {request.authority.country}) · <strong>{statusLabel(request.status)}</strong>{' '}
            {request.emergency && <Badge tone="danger">emergency</Badge>} · <Link to="/legal">All requests</Link>
          </>
        }
      />
      <StatusMessage message={message} onDismiss={() => setMessage(null)} />
      {isApiError(act.error) && <ErrorAlert error={act.error} />}
      {isApiError(produce.error) && <ErrorAlert error={produce.error} />}
      <Panel>
        <dl className="legal-facts">
          <dt>Received</dt>
          <dd>
            <Timestamp value={request.receivedAt} /> by {request.channel.replace('_', ' ')}
          </dd>
          <dt>Legal basis</dt>
          <dd>{request.legalBasis}</dd>
          <dt>Offence</dt>
          <dd>{request.offenceCategory}</dd>
          <dt>Officer</dt>
          <dd>{request.officerContact}</dd>
          <dt>Acknowledge by</dt>
          <dd>
            <Timestamp value={request.acknowledgeBy} />
          </dd>
          <dt>Give effect by</dt>
          <dd>
            <Timestamp value={request.effectBy} />
          </dd>
          <dt>Non-disclosure</dt>
          <dd>
            {request.nonDisclosure ? (
              <>
                {request.nonDisclosure.statute}, until <Timestamp value={request.nonDisclosure.until} />
              </>
            ) : (
              'none'
            )}
          </dd>
          <dt>Recorded by</dt>
          <dd>{request.recordedBy.displayName}</dd>
          <dt>Assigned to</dt>
          <dd>{request.assignedTo.displayName}</dd>
          <dt>Order document</dt>
          <dd>
            {request.document ? `${request.document.name} (sha256 ${request.document.sha256.slice(0, 16)}…)` : 'none'}
          </dd>
          <dt>Grant</dt>
          <dd>
            {request.grant
              ? request.grant.live
                ? 'live'
                : `ended${request.grant.endReason ? ` (${request.grant.endReason})` : ''}`
              : 'none'}
          </dd>
          {request.production && (
            <>
              <dt>Produced</dt>
              <dd>
                <Timestamp value={request.production.at} />, manifest sha256{' '}
                <code>{request.production.manifestSha256}</code>
              </dd>
            </>
          )}
          {request.emergency && (
            <>
              <dt>Emergency</dt>
              <dd>
                {request.emergency.facts} —{' '}
                {request.emergency.review ? `reviewed: ${request.emergency.review.outcome}` : 'review due'}
              </dd>
            </>
          )}
        </dl>
      </Panel>
      <Panel>
        <h2>Targets</h2>
        <table className="legal-table" aria-label="Targets">
          <thead>
            <tr>
              <th>Account</th>
              <th>Asked</th>
              <th>Accepted scope</th>
              <th>Notice</th>
            </tr>
          </thead>
          <tbody>
            {request.targets.map((target) => (
              <tr key={target.accountId}>
                <td>{target.accountId}</td>
                <td>
                  {target.from.slice(0, 10)} – {target.until.slice(0, 10)}: {target.categories.join(', ')}
                </td>
                <td>
                  {target.scope
                    ? target.scope.categories.length
                      ? `${target.scope.from.slice(0, 10)} – ${target.scope.until.slice(0, 10)}: ${target.scope.categories.join(', ')}`
                      : 'dropped'
                    : '—'}
                </td>
                <td>
                  {target.notice ? (
                    `${target.notice.decision}${target.notice.until ? ` until ${target.notice.until.slice(0, 16)}` : ''}${target.notice.sentAt ? ', sent' : ''}`
                  ) : request.production && mayRecord ? (
                    <NoticePanel request={request} accountId={target.accountId} />
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      <Panel>
        <h2>Actions</h2>
        <div className="legal-actions">
          {mayRecord &&
            steps.map(({ step, label }) => (
              <Button
                key={step}
                isDisabled={act.isPending}
                onPress={() => act.mutate({ action: 'steps', body: { step } })}
              >
                {label}
              </Button>
            ))}
          {mayRecord && PRODUCIBLE(request) && request.assignedTo.id === me && (
            <Button
              variant="primary"
              isDisabled={produce.isPending}
              onPress={() =>
                produce.mutate(undefined, {
                  onSuccess: ({ fileName }) =>
                    setMessage(`Produced ${fileName}: verify it with docket-verify --disclosure.`),
                })
              }
            >
              Produce disclosure package
            </Button>
          )}
        </div>
        {request.status === 'under_review' && mayDecide && request.recordedBy.id !== me && (
          <DecisionPanel request={request} />
        )}
        {request.status === 'under_review' && request.recordedBy.id === me && (
          <p>A second legal officer decides this order: you recorded it.</p>
        )}
        {request.emergency && !request.emergency.review && mayDecide && request.recordedBy.id !== me && (
          <EmergencyReview id={request.id} />
        )}
      </Panel>
      <Panel>
        <h2>History</h2>
        <ol className="legal-history" aria-label="History">
          {history.map((event) => (
            <li key={event.id}>
              <Timestamp value={event.occurredAt} /> <strong>{event.action}</strong> by{' '}
              {event.actor.label ?? event.actor.type}
              {Array.isArray(event.details.messageRefs) && ` — ${event.details.messageRefs.length} messages`}
            </li>
          ))}
        </ol>
      </Panel>
    </div>
  );
}

function EmergencyReview({ id }: { id: string }) {
  const act = useLegalAction(id);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    act.mutate({
      action: 'emergency-review',
      body: { outcome: String(form.get('outcome')), note: String(form.get('note') ?? '').trim() },
    });
  }
  return (
    <form className="legal-form" onSubmit={submit} aria-label="Review the emergency">
      <h3>After-the-fact review</h3>
      {isApiError(act.error) && <ErrorAlert error={act.error} />}
      <select className="field-input" name="outcome" aria-label="Outcome">
        <option value="justified">Justified</option>
        <option value="unjustified">Unjustified</option>
      </select>
      <textarea className="field-input" name="note" rows={2} required aria-label="Review note" />
      <Button type="submit">Record review</Button>
    </form>
  );
}
