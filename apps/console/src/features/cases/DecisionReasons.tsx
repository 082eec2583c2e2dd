import type { Decision } from '@docket/contracts';

/** What the user was told (restrictions only) and the staff-only note, labelled so no one mixes them up. */
export function DecisionReasons({ decision, className }: { decision: Decision; className: string }) {
  return (
    <>
      {decision.statement && (
        <p className={className}>
          <span className="case-muted">Told the user:</span> {decision.statement.publicReason}
        </p>
      )}
      <p className={className}>
        <span className="case-muted">Internal note:</span> {decision.rationale}
      </p>
    </>
  );
}
