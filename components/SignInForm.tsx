import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { sendMessage } from '@/lib/messages';
import type { Account } from '@/lib/settings';
import { Field } from './Field';
import { SubmitButton } from './SubmitButton';
import { submitOnCtrlEnter } from './submit-shortcut';

interface SignInFormProps {
  initialEmail: string;
  /** Where the user signs in, e.g. "Local sandbox". */
  environmentLabel: string;
  notice?: string | undefined;
  /** Whether the focus goes to the first field to type in when the form shows (by default it does). */
  autoFocus?: boolean;
  onSignedIn(account: Account): void;
}

/** E-mail and password, sent once to the worker; the password is never kept. */
export function SignInForm({
  initialEmail,
  environmentLabel,
  notice,
  autoFocus = true,
  onSignedIn,
}: SignInFormProps) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | undefined>(notice);
  const headingId = useId();
  const inFlight = useRef(false);
  // A notice that comes later (the session ended while the form was open) replaces the last message.
  useEffect(() => setMessage(notice), [notice]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The button stays focusable while signing in, so it can be pressed again: one request at a time.
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setMessage(undefined);
    const result = await sendMessage('signIn', { email, password }).catch((error: unknown) => ({
      ok: false as const,
      message: i18n.t('error.noAnswer', { detail: String(error) }),
    }));
    inFlight.current = false;
    setBusy(false);
    setPassword('');
    if (result.ok) onSignedIn(result.account);
    else setMessage(result.message);
  }

  return (
    <form
      className="sign-in"
      onSubmit={submit}
      onKeyDown={submitOnCtrlEnter}
      aria-busy={busy}
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>{i18n.t('signIn.heading')}</h2>
      <p className="muted">{environmentLabel}</p>
      <Field label={i18n.t('signIn.email')}>
        <input
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          // biome-ignore lint/a11y/noAutofocus: the popup opens to be typed in; focus goes where typing starts
          autoFocus={autoFocus && !initialEmail}
        />
      </Field>
      <Field label={i18n.t('signIn.password')}>
        <input
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          // biome-ignore lint/a11y/noAutofocus: as above, the password when the e-mail is known
          autoFocus={autoFocus && Boolean(initialEmail)}
        />
      </Field>
      {message && (
        <p className="message message--error" role="alert">
          {message}
        </p>
      )}
      <SubmitButton busy={busy}>{busy ? i18n.t('signIn.busy') : i18n.t('signIn.submit')}</SubmitButton>
    </form>
  );
}
