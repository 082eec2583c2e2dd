import { type FormEvent, useRef, useState } from 'react';
import { type ApiError, isApiError, networkError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, CheckboxGroup } from '../../ui/Checkbox';
import { Panel } from '../../ui/PageHeader';
import { Radio, RadioGroup } from '../../ui/RadioGroup';
import { StatusMessage } from '../../ui/StatusMessage';
import { TextField } from '../../ui/TextField';
import { isoToLocal, localToIso } from './audit-filters';
import { canCancelExport, type ExportProgress, formatBytes, saveExport } from './export-download';

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

/** Export form: a period or a case, optional spreadsheet and SIEM renderings, streamed to disk with progress. */
export function ExportPanel() {
  const day = 24 * 60 * 60 * 1000;
  const [kind, setKind] = useState<'period' | 'case'>('period');
  const [from, setFrom] = useState(() => isoToLocal(new Date(Date.now() - day).toISOString()));
  const [to, setTo] = useState(() => isoToLocal(new Date(Date.now() + 60_000).toISOString()));
  const [caseId, setCaseId] = useState('');
  const [formats, setFormats] = useState<string[]>([]);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  async function start(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(null);
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ bytes: 0, fraction: 0 });
    try {
      // Straight from the submit: the browser shows its file picker only in answer to a click.
      const saved = await saveExport(
        kind === 'case'
          ? { scope: 'case', caseId: caseId.trim(), formats: formats.join(',') || undefined }
          : { scope: 'period', from: localToIso(from), to: localToIso(to), formats: formats.join(',') || undefined },
        setProgress,
        controller.signal,
      );
      setDone(
        saved
          ? `Saved ${saved.fileName} (${formatBytes(saved.bytes)}). Verify it below, or with docket-verify.`
          : 'Export cancelled: no file was chosen.',
      );
    } catch (caught) {
      if (controller.signal.aborted) setDone('Export cancelled.');
      else
        setError(
          isApiError(caught)
            ? caught
            : networkError('The export stopped before it was complete; nothing was saved. Try again.'),
        );
    } finally {
      abort.current = null;
      setProgress(null);
    }
  }

  const running = progress !== null;
  return (
    <Panel>
      <form className="audit-bundle-form" onSubmit={start} aria-label="Export">
        <h2>Export</h2>
        <p className="audit-muted">
          A signed bundle of sealed events: events.jsonl with the checkpoints and public keys that prove it, and a
          signed manifest. Events outside the scope appear only as their place in the chain. It is written straight to
          the file you choose (or your downloads), however large.
        </p>
        <RadioGroup label="What to export" value={kind} onChange={(value) => setKind(value as 'period' | 'case')}>
          <Radio value="period">A period</Radio>
          <Radio value="case">One case</Radio>
        </RadioGroup>
        {kind === 'period' ? (
          <div className="audit-bundle-row">
            <TextField label="From" type="datetime-local" value={from} onChange={setFrom} isRequired />
            <TextField label="To" type="datetime-local" value={to} onChange={setTo} isRequired />
          </div>
        ) : (
          <TextField label="Case id" value={caseId} onChange={setCaseId} isRequired autoCapitalize="none" />
        )}
        <CheckboxGroup label="Also include" value={formats} onChange={setFormats}>
          <Checkbox value="csv" hint="events.csv, one row per event">
            CSV for spreadsheets
          </Checkbox>
          <Checkbox value="ocsf" hint="events.ocsf.jsonl, OCSF 1.3">
            OCSF for SIEMs
          </Checkbox>
        </CheckboxGroup>
        <div className="audit-filter-actions">
          <Button type="submit" variant="primary" isDisabled={running}>
            Export bundle
          </Button>
          {running && canCancelExport() && <Button onPress={() => abort.current?.abort()}>Cancel</Button>}
        </div>
        {progress && (
          <div className="audit-progress">
            <progress
              max={1}
              value={progress.fraction}
              aria-label="Export progress"
              aria-valuetext={percent.format(progress.fraction)}
            />
            <span role="status">
              {percent.format(progress.fraction)} · {formatBytes(progress.bytes)}
            </span>
          </div>
        )}
        {error && <ErrorAlert error={error} title="The export failed" />}
        <StatusMessage message={done} onDismiss={() => setDone(null)} />
      </form>
    </Panel>
  );
}
