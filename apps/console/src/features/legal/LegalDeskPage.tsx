import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { PageHeader, Panel } from '../../ui/PageHeader';
import { Timestamp } from '../../ui/Timestamp';
import { useCan } from '../auth/permissions';
import { DUE_LABELS, instrumentLabel, statusLabel } from './legal-format';
import { useLegalRequests } from './legal-requests-query';
import { RecordRequestForm } from './RecordRequestForm';
import './legal.css';

/** The legal desk: requests by urgency (unreviewed emergencies, overdue, due soon), and recording a new one. */
export function LegalDeskPage() {
  const { data } = useLegalRequests();
  const mayRecord = useCan('record:legal_request');
  const [recording, setRecording] = useState(false);
  const navigate = useNavigate();
  return (
    <div className="page">
      <PageHeader
        title="Legal"
        description="Orders from courts, prosecutors, police and regulators. A second legal officer accepts, narrows or rejects each; reads and disclosures stay inside what the order reaches."
        actions={
          mayRecord && (
            <Button variant="primary" onPress={() => setRecording(!recording)}>
              {recording ? 'Cancel' : 'Record a request'}
            </Button>
          )
        }
      />
      {recording && (
        <Panel>
          <RecordRequestForm onRecorded={(id) => navigate(`/legal/${id}`)} />
        </Panel>
      )}
      <Panel>
        {data.length === 0 ? (
          <p>No legal requests yet.</p>
        ) : (
          <table className="legal-table" aria-label="Legal requests">
            <thead>
              <tr>
                <th>Request</th>
                <th>Authority</th>
                <th>Instrument</th>
                <th>Status</th>
                <th>Deadline</th>
                <th>Targets</th>
              </tr>
            </thead>
            <tbody>
              {data.map((request) => (
                <tr key={request.id}>
                  <td>
                    <Link to={`/legal/${request.id}`}>{request.reference ?? request.id.slice(0, 8)}</Link>{' '}
                    {request.emergency && <Badge tone="danger">emergency</Badge>}{' '}
                    {request.emergencyUnreviewed && <Badge tone="danger">review due</Badge>}
                  </td>
                  <td>
                    {request.authority.name} ({request.authority.type}, {request.authority.country})
                  </td>
                  <td>{instrumentLabel(request.instrument)}</td>
                  <td>{statusLabel(request.status)}</td>
                  <td>
                    {request.due !== 'none' && (
                      <Badge
                        tone={request.due === 'overdue' ? 'danger' : request.due === 'due_soon' ? 'accent' : 'neutral'}
                      >
                        {DUE_LABELS[request.due]}
                      </Badge>
                    )}{' '}
                    <Timestamp
                      value={
                        request.status === 'received' ? (request.acknowledgeBy ?? request.effectBy) : request.effectBy
                      }
                    />
                  </td>
                  <td>{request.targetCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </div>
  );
}
