import { ExportPanel } from './ExportPanel';
import { VerifyPanel } from './VerifyPanel';

/** `/audit/bundles`: export a period or a case as a signed bundle, and verify a bundle here in the browser. */
export function BundlesPage() {
  return (
    <div className="audit-bundles">
      <ExportPanel />
      <VerifyPanel />
    </div>
  );
}
