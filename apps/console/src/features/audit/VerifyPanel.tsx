import type { KeysDocument } from '@docket/audit-chain';
import { useState } from 'react';
import { FileTrigger } from 'react-aria-components';
import { api } from '../../api/client';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { Panel } from '../../ui/PageHeader';
import { Spinner } from '../../ui/Spinner';
import { useVerifyBundle } from './use-verify-bundle';

const count = new Intl.NumberFormat();
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

/** Verifies a bundle in the browser, trusting nothing but the file and (by default) this Docket's published keys. */
export function VerifyPanel() {
  const { state, verify } = useVerifyBundle();
  const [pin, setPin] = useState(true);
  const [keysError, setKeysError] = useState<string | null>(null);

  async function choose(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    setKeysError(null);
    let keys: KeysDocument | undefined;
    if (pin) {
      try {
        keys = await api.get<KeysDocument>('/api/audit/keys');
      } catch {
        setKeysError('Could not fetch the published keys; verify without pinning, or try again.');
        return;
      }
    }
    verify(file, keys);
  }

  return (
    <Panel>
      <div className="audit-bundle-form">
        <h2>Verify a bundle</h2>
        <p className="audit-muted">
          Checks every hash, the chain's continuity and every signature here in your browser (Web Crypto); the file
          never leaves this computer. The same checks run offline with <code>pnpm -s docket-verify bundle.zip</code>.
        </p>
        <Checkbox isSelected={pin} onChange={setPin} hint="Otherwise the bundle's own keys.json is trusted">
          Only trust the keys this Docket publishes
        </Checkbox>
        <div>
          <FileTrigger acceptedFileTypes={['application/zip', '.zip']} onSelect={(files) => void choose(files)}>
            <Button variant="primary" isDisabled={state.status === 'running'}>
              Choose a bundle…
            </Button>
          </FileTrigger>
        </div>
        {keysError && <Alert>{keysError}</Alert>}
        <VerifyOutcome state={state} />
      </div>
    </Panel>
  );
}

function VerifyOutcome({ state }: { state: ReturnType<typeof useVerifyBundle>['state'] }) {
  if (state.status === 'idle') return null;
  if (state.status === 'running') {
    const fraction = state.progress?.totalBytes ? state.progress.bytes / state.progress.totalBytes : 0;
    return (
      <p role="status" className="audit-progress">
        <Spinner /> Verifying {state.fileName}… {state.progress && `${state.progress.file} ${percent.format(fraction)}`}
      </p>
    );
  }
  if (state.status === 'error') {
    return <Alert title={`${state.fileName} could not be read`}>{state.message}</Alert>;
  }
  const { result } = state;
  if (!result.ok) {
    return (
      <Alert title={`${state.fileName} failed verification`}>
        <p>
          {result.seq !== undefined && (
            <>
              First broken at seq <strong className="mono">{count.format(result.seq)}</strong> ·{' '}
            </>
          )}
          <span className="mono">{result.file}</span>: {result.reason}
        </p>
      </Alert>
    );
  }
  return (
    <Alert tone="success" title={`${state.fileName} verified`}>
      <p>
        {count.format(result.events)} events ({count.format(result.elided)} elided), seq {count.format(result.firstSeq)}
        –{count.format(result.lastSeq)}, {count.format(result.checkpoints)} checkpoints, signed by{' '}
        <span className="mono">{result.keyIds.join(', ')}</span>.{' '}
        {result.trust === 'pinned' ? (
          <Badge tone="success">keys pinned to this Docket</Badge>
        ) : (
          <Badge>keys taken from the bundle itself</Badge>
        )}
      </p>
      <p className="audit-muted">
        Exported {new Date(result.exportedAt).toLocaleString()} by{' '}
        <span className="mono">{result.exportedBy.label}</span>; scope:{' '}
        {result.scope.kind === 'case'
          ? `case ${result.scope.caseId}`
          : `${new Date(result.scope.from).toLocaleString()} – ${new Date(result.scope.to).toLocaleString()}`}
      </p>
    </Alert>
  );
}
