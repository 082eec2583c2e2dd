import {
  AUTHORITY_TYPES,
  LEGAL_CHANNELS,
  LEGAL_INSTRUMENTS,
  type LegalInstrument,
  type RecordLegalRequestBody,
} from '@docket/contracts';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { dayStart, localToIso } from './legal-format';
import { useRecordLegalRequest } from './record-request-mutation';
import { type TargetDraft, TargetFields } from './TargetFields';

const emptyTarget = (): TargetDraft => ({ accountId: '', from: '', until: '', categories: [] });

async function fileAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function Field({
  label,
  name,
  type = 'text',
  required = false,
  multiline = false,
}: {
  label: string;
  name: string;
  type?: string;
  required?: boolean;
  multiline?: boolean;
}) {
  if (multiline) {
    return (
      <label className="field">
        <span className="field-label">{label}</span>
        <textarea className="field-input" name={name} required={required} rows={3} />
      </label>
    );
  }
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input className="field-input" name={name} type={type} required={required} />
    </label>
  );
}

function Select({ label, name, options }: { label: string; name: string; options: readonly [string, string][] }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select className="field-input" name={name}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Records an authority's order as received: the authority, the instrument, targets, deadlines and any order document. */
export function RecordRequestForm({ onRecorded }: { onRecorded: (id: string) => void }) {
  const record = useRecordLegalRequest();
  const [targets, setTargets] = useState<TargetDraft[]>([emptyTarget()]);
  const [emergency, setEmergency] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const optional = (name: string) => text(name) || undefined;
    const file = form.get('document');
    const ndoUntil = localToIso(text('ndoUntil'));
    const body: RecordLegalRequestBody = {
      reference: optional('reference'),
      channel: text('channel') as RecordLegalRequestBody['channel'],
      receivedAt: localToIso(text('receivedAt')) ?? new Date().toISOString(),
      authority: {
        name: text('authorityName'),
        type: text('authorityType') as RecordLegalRequestBody['authority']['type'],
        country: text('authorityCountry').toUpperCase(),
      },
      officerContact: text('officerContact'),
      instrument: text('instrument') as LegalInstrument,
      legalBasis: text('legalBasis'),
      offenceCategory: text('offenceCategory'),
      targets: targets.map((target) => ({
        accountId: target.accountId.trim(),
        from: dayStart(target.from),
        until: dayStart(target.until),
        categories: target.categories,
      })),
      acknowledgeBy: localToIso(text('acknowledgeBy')),
      effectBy: localToIso(text('effectBy')),
      reportingRequired: form.get('reportingRequired') === 'on',
      nonDisclosure: text('ndoStatute') && ndoUntil ? { statute: text('ndoStatute'), until: ndoUntil } : undefined,
      emergency: emergency ? { facts: text('emergencyFacts'), attestation: text('emergencyAttestation') } : undefined,
      document:
        file instanceof File && file.size > 0
          ? { name: file.name, mediaType: file.type || 'application/octet-stream', data: await fileAsBase64(file) }
          : undefined,
    };
    record.mutate(body, { onSuccess: (request) => onRecorded(request.id) });
  }

  return (
    <form className="legal-form" onSubmit={submit} aria-label="Record a legal request">
      {isApiError(record.error) && <ErrorAlert error={record.error} />}
      <div className="legal-grid">
        <Field label="Authority's reference" name="reference" />
        <Select label="Channel" name="channel" options={LEGAL_CHANNELS.map((c) => [c, c.replace('_', ' ')])} />
        <Field label="Received at (UTC)" name="receivedAt" type="datetime-local" required />
        <Field label="Issuing authority" name="authorityName" required />
        <Select label="Authority type" name="authorityType" options={AUTHORITY_TYPES.map((t) => [t, t])} />
        <Field label="Country (ISO code)" name="authorityCountry" required />
        <Field label="Requesting officer's contact" name="officerContact" required />
        <Select
          label="Instrument"
          name="instrument"
          options={Object.entries(LEGAL_INSTRUMENTS).map(([key, { label }]) => [key, label])}
        />
        <Field label="Legal basis" name="legalBasis" required />
        <Field label="Offence category" name="offenceCategory" required />
        <Field label="Acknowledge by (UTC)" name="acknowledgeBy" type="datetime-local" />
        <Field label="Give effect by (UTC)" name="effectBy" type="datetime-local" />
        <Field label="Non-disclosure order: statute" name="ndoStatute" />
        <Field label="Non-disclosure order: until (UTC)" name="ndoUntil" type="datetime-local" />
        <label className="field">
          <span className="field-label">Order document (stored encrypted)</span>
          <input className="field-input" type="file" name="document" />
        </label>
        <label className="legal-check">
          <input type="checkbox" name="reportingRequired" /> The order requires reporting back the effect given
        </label>
      </div>
      <h3>Targets</h3>
      {targets.map((target, index) => (
        <TargetFields
          key={index}
          index={index}
          value={target}
          onChange={(next) => setTargets(targets.map((each, at) => (at === index ? next : each)))}
        />
      ))}
      <Button onPress={() => setTargets([...targets, emptyTarget()])}>Add a target</Button>
      <label className="legal-check">
        <input type="checkbox" checked={emergency} onChange={(event) => setEmergency(event.target.checked)} /> Emergency
        (produced at once, reviewed after by a second officer)
      </label>
      {emergency && (
        <div className="legal-grid">
          <Field label="Emergency facts" name="emergencyFacts" required multiline />
          <Field label="Attestation" name="emergencyAttestation" required multiline />
        </div>
      )}
      <div className="legal-actions">
        <Button type="submit" variant="primary" isDisabled={record.isPending}>
          Record request
        </Button>
      </div>
    </form>
  );
}
