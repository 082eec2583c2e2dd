/** The CLI's words: what a person reads after verifying a bundle. */
import type { VerifySuccess } from '../verify/verify';

export const thousands = (value: number): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function describeSuccess(result: VerifySuccess): string[] {
  const keys = result.keyIds.length === 1 ? `key ${result.keyIds[0]}` : `keys ${result.keyIds.join(', ')}`;
  const lines = [
    `OK  ${thousands(result.events)} events (${thousands(result.elided)} elided) seq ${thousands(result.firstSeq)}–${thousands(result.lastSeq)}, ` +
      `${thousands(result.checkpoints)} checkpoint${result.checkpoints === 1 ? '' : 's'}, ${keys}`,
  ];
  const scope =
    result.scope.kind === 'case' ? `case ${result.scope.caseId}` : `${result.scope.from} to ${result.scope.to}`;
  lines.push(
    `    scope ${scope}; exported ${result.exportedAt} by ${result.exportedBy.label} (${result.exportedBy.id})`,
  );
  if (result.extends !== undefined) lines.push(`    extends the saved checkpoint at seq ${thousands(result.extends)}`);
  lines.push(
    result.trust === 'pinned'
      ? '    signed only by trusted keys'
      : "    trusted the bundle's own keys: pass --key-id or --keys with the published key to rule out a re-signed bundle",
  );
  return lines;
}
