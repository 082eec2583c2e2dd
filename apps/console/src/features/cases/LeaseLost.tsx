import { Link } from 'react-router';
import type { ApiError } from '../../api/api-error';
import { Alert } from '../../ui/Alert';

/**
 * The server no longer lets this person work the case (lease ended, reassigned, decided by
 * someone else): say so with its reason, and offer the way back.
 */
export function LeaseLost({ error }: { error: ApiError }) {
  return (
    <Alert title="You no longer hold this case" requestId={error.requestId}>
      <p>{error.detail} Nothing more can be recorded on it from this page.</p>
      <p>
        <Link to="/queues">Back to queues</Link>
      </p>
    </Alert>
  );
}
