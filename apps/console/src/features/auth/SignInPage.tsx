import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useNavigate, useSearchParams } from 'react-router';
import { type ApiError, isApiError, networkError } from '../../api/api-error';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { useFormError } from '../../ui/form-error';
import { TextField } from '../../ui/TextField';
import { isSignInReason, type SignInReason, safeNextPath } from './next-path';
import { useSignIn } from './sign-in-mutation';
import './sign-in.css';

const FIELDS = ['username', 'password'] as const;

const NOTICES: Record<SignInReason, { tone: 'info' | 'success'; text: string }> = {
  'session-ended': { tone: 'info', text: 'Your session ended, sign in again.' },
  'signed-out': { tone: 'success', text: 'You have signed out.' },
};

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const reason = params.get('reason');
  const notice = isSignInReason(reason) ? NOTICES[reason] : null;

  const navigate = useNavigate();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  // Marks the password invalid after a 401 until it is edited; an invalid field would block submit.
  const [passwordRejected, setPasswordRejected] = useState(false);
  const { validationErrors } = useFormError(error, FIELDS);
  const formRef = useRef<HTMLFormElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  // The alert announces the error; focus goes where the person has to act next.
  useEffect(() => {
    if (!error) return;
    if (error.status === 401) passwordRef.current?.focus();
    else if (error.fieldErrors.length > 0)
      formRef.current?.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus();
    else alertRef.current?.focus();
  }, [error]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    signIn.mutate(
      { username, password },
      {
        onSuccess: () => navigate(next ?? '/', { replace: true }),
        onError: (failure) => {
          const apiError = isApiError(failure) ? failure : networkError();
          if (apiError.status === 401) {
            setPassword('');
            setPasswordRejected(true);
          }
          setError(apiError);
        },
      },
    );
  }

  return (
    <div className="sign-in">
      <title>Sign in · Docket</title>
      <main id="main" className="sign-in-card">
        <p className="sign-in-brand">Docket</p>
        <h1>Sign in</h1>

        {notice && !error && <Alert tone={notice.tone}>{notice.text}</Alert>}
        {error && (
          <Alert ref={alertRef} requestId={error.status >= 500 || error.status === 0 ? error.requestId : null}>
            {error.detail}
          </Alert>
        )}

        <Form ref={formRef} className="sign-in-form" onSubmit={onSubmit} validationErrors={validationErrors}>
          <TextField
            label="Username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck="false"
            autoFocus
            isRequired
            validate={(value) => (value.trim() ? null : 'Enter your username.')}
            value={username}
            onChange={setUsername}
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            isRequired
            validate={(value) => (value ? null : 'Enter your password.')}
            isInvalid={passwordRejected || undefined}
            inputRef={passwordRef}
            value={password}
            onChange={(value) => {
              setPassword(value);
              setPasswordRejected(false);
            }}
          />
          <Button type="submit" variant="primary" isPending={signIn.isPending} className="sign-in-submit">
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </Button>
        </Form>

        <p className="sign-in-footnote">Sign-ins and every action taken in Docket are recorded in the audit log.</p>
      </main>
    </div>
  );
}
