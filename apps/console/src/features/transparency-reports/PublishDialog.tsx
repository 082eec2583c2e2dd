import { useState } from 'react';
import type { ApiError } from '../../api/api-error';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { TextAreaField } from '../../ui/TextField';
import { describePeriod, type ReportPeriodParams } from './period';
import { usePublishReport } from './publish-report-mutation';

/** Publishing is public and permanent: say so, take optional notes, and only then publish. */
export function PublishDialog({
  period,
  nextVersion,
  onClose,
  onPublished,
}: {
  period: ReportPeriodParams;
  nextVersion: number;
  onClose: () => void;
  onPublished: (version: number) => void;
}) {
  const publish = usePublishReport();
  const [notes, setNotes] = useState('');
  return (
    <ConfirmDialog
      title={`Publish ${describePeriod(period)}?`}
      confirmLabel="Publish"
      destructive={false}
      isPending={publish.isPending}
      error={publish.error as ApiError | null}
      onClose={onClose}
      onConfirm={() =>
        publish.mutate(
          { ...period, ...(notes.trim() ? { notes: notes.trim() } : {}) },
          { onSuccess: (published) => onPublished(published.version) },
        )
      }
    >
      <p>
        This publishes version {nextVersion} of this period to the public page, computed against the newest signed
        checkpoint. A published version cannot be withdrawn; a correction is a new version, shown with what changed.
      </p>
      <TextAreaField label="Notes (optional, published with the figures)" value={notes} onChange={setNotes} rows={3} />
    </ConfirmDialog>
  );
}
