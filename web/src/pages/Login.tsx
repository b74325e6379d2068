import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { BrandMark } from '../components/Shell.tsx';
import { Field } from '../components/ui.tsx';
import { useAuth } from '../session.tsx';

const DEMO = [
  ['recruiter1@demo.test', 'Recruiter (Demo Agency)'],
  ['member1@demo.test', 'Member of the network'],
  ['admin@demo.test', 'Org admin (Demo Agency)'],
] as const;

export function Login() {
  const { login } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    document.title = 'Log in · InMail';
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await login(email.trim(), password);
    } catch (err) {
      setError(
        err instanceof ApiError
          ? err.code === 'validation_failed'
            ? 'Enter your email address and password.'
            : err.message
          : 'Logging in failed.',
      );
      setPending(false);
    }
  }

  return (
    <main id="main" className="login-page">
      <div className="login-card">
        <p className="brand brand-large">
          <BrandMark size={40} />
          InMail
        </p>
        <h1>Log in</h1>
        <form onSubmit={submit} noValidate aria-describedby={error ? 'login-error' : undefined}>
          {error ? (
            <div id="login-error" className="alert alert-error" role="alert">
              {error}
            </div>
          ) : null}
          <Field label="Email">
            {(p) => (
              <input
                {...p}
                type="email"
                name="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
          </Field>
          <Field label="Password">
            {(p) => (
              <input
                {...p}
                type="password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="btn btn-primary btn-block" disabled={pending} aria-busy={pending}>
            {pending ? 'Logging in…' : 'Log in'}
          </button>
        </form>
        <details className="demo-logins">
          <summary>Demo logins</summary>
          <p className="small">
            On the embedded demo every account's password is <code>demo-password</code>.
          </p>
          <ul>
            {DEMO.map(([e, what]) => (
              <li key={e}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setEmail(e);
                    setPassword('demo-password');
                  }}
                >
                  {e}
                </button>{' '}
                <span className="muted">{what}</span>
              </li>
            ))}
          </ul>
        </details>
      </div>
    </main>
  );
}
