import { type FormEvent, useEffect, useState } from 'react';
import { sendMessage } from '@/lib/messages';
import type { Account } from '@/lib/settings';
import { Field } from './Field';

interface SignInFormProps {
  initialEmail: string;
  /** Where the user signs in, e.g. "Local sandbox". */
  environmentLabel: string;
  notice?: string | undefined;
  onSignedIn(account: Account): void;
}

/** E-mail and password, sent once to the worker; the password is never kept. */
export function SignInForm({ initialEmail, environmentLabel, notice, onSignedIn }: SignInFormProps) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | undefined>(notice);
  // A notice that comes later (the session ended while the form was open) replaces the last message.
  useEffect(() => setMessage(notice), [notice]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(undefined);
    const result = await sendMessage('signIn', { email, password }).catch((error: unknown) => ({
      ok: false as const,
      message: `The extension did not answer: ${String(error)}`,
    }));
    setBusy(false);
    setPassword('');
    if (result.ok) onSignedIn(result.account);
    else setMessage(result.message);
  }

  return (
    <form className="sign-in" onSubmit={submit} aria-busy={busy}>
      <h2>Sign in to BzCtrl</h2>
      <p className="muted">{environmentLabel}</p>
      <Field label="Email">
        <input
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          // biome-ignore lint/a11y/noAutofocus: the popup opens to be typed in; focus goes where typing starts
          autoFocus={!initialEmail}
        />
      </Field>
      <Field label="Password">
        <input
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          // biome-ignore lint/a11y/noAutofocus: as above, the password when the e-mail is known
          autoFocus={Boolean(initialEmail)}
        />
      </Field>
      {message && (
        <p className="message message--error" role="alert">
          {message}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
