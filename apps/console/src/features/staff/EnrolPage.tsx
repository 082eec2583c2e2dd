import type { RedeemedLink } from '@docket/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { Link } from 'react-router';
import { isApiError, networkError } from '../../api/api-error';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { useFormError } from '../../ui/form-error';
import { TextField } from '../../ui/TextField';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid';
import { useRedeemLink } from './redeem-link-mutation';
import '../auth/sign-in.css';

/**
 * Read once from the fragment (browsers never send it to a server), then dropped from the
 * address bar and history so it is not left behind on a shared screen.
 */
function takeTokenFromFragment(): string {
  const token = window.location.hash.slice(1);
  if (token) window.history.replaceState(window.history.state, '', window.location.pathname);
  return token;
}

/** `/enrol#token`: a new person (or one whose password was reset) chooses their own password. */
export function EnrolPage() {
  const [token] = useState(takeTokenFromFragment);
  const redeem = useRedeemLink();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const error = redeem.isError ? (isApiError(redeem.error) ? redeem.error : networkError()) : null;
  const { validationErrors } = useFormError(error, ['password']);
  useFocusFirstInvalid(formRef, error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    redeem.mutate({ token, password });
  }

  return (
    <div className="sign-in">
      <title>Set your password · Docket</title>
      <main id="main" className="sign-in-card">
        <p className="sign-in-brand">Docket</p>
        <h1>Set your password</h1>
        {redeem.isSuccess ? (
          <Done redeemed={redeem.data} />
        ) : !token ? (
          <Alert>This page needs the whole link an admin sent you. Ask them for a new one.</Alert>
        ) : (
          <>
            {error && error.fieldErrors.length === 0 && <ErrorAlert error={error} />}
            <Form ref={formRef} className="sign-in-form" onSubmit={onSubmit} validationErrors={validationErrors}>
              <TextField
                label="New password"
                name="password"
                type="password"
                description="At least 12 characters. Only you will know it."
                autoComplete="new-password"
                autoFocus
                isRequired
                minLength={12}
                value={password}
                onChange={setPassword}
              />
              <TextField
                label="Repeat the password"
                name="repeat"
                type="password"
                autoComplete="new-password"
                isRequired
                validate={(value) => (value === password ? null : 'The two passwords differ.')}
                value={repeat}
                onChange={setRepeat}
              />
              <Button type="submit" variant="primary" isPending={redeem.isPending} className="sign-in-submit">
                Set password
              </Button>
            </Form>
          </>
        )}
        <p className="sign-in-footnote">The link works once. Using it is recorded in the audit log.</p>
      </main>
    </div>
  );
}

function Done({ redeemed }: { redeemed: RedeemedLink }) {
  return (
    <>
      <Alert tone="success">
        Your password is set. Sign in as <strong className="mono">{redeemed.username}</strong>.
        {redeemed.purpose === 'reset' ? ' Every earlier session of your account has ended.' : ''}
      </Alert>
      <Link to="/sign-in" className="btn btn-primary btn-md sign-in-submit">
        Go to sign in
      </Link>
    </>
  );
}
