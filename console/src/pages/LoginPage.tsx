// Logging in: a named account (user name and password) or an admin token — the first time, the
// only way in: the registry writes one to admin-token in its data folder at its first start.
import { useState, type FormEvent } from 'react';
import { api, errorText } from '../api/client';
import { useSession } from '../api/session';
import { LanguagePicker } from '../components/LanguagePicker';
import { Notice } from '../components/Notice';
import { t } from '../i18n';

export function LoginPage({ error }: { error?: unknown }) {
  const { refresh } = useSession();
  const [mode, setMode] = useState<'password' | 'token'>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(error ? errorText(error) : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await api.post('/v1/console/login', mode === 'password' ? { username, password } : { token: token.trim() });
      await refresh();
    } catch (err) {
      setProblem(errorText(err));
      setBusy(false);
    }
  };

  return (
    <main className="login" id="main">
      <div className="login__lang">
        <LanguagePicker />
      </div>
      <form className="login__card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <h1 id="login-title">{t('login.title')}</h1>
        <p className="muted">{t('login.intro')}</p>
        <div className="segmented" role="group" aria-label={t('login.how')}>
          <button type="button" className="button" aria-pressed={mode === 'password'} onClick={() => setMode('password')} data-testid="login-mode-password">
            {t('login.withPassword')}
          </button>
          <button type="button" className="button" aria-pressed={mode === 'token'} onClick={() => setMode('token')} data-testid="login-mode-token">
            {t('login.withToken')}
          </button>
        </div>
        {mode === 'password' ? (
          <>
            <label className="field">
              <span>{t('login.username')}</span>
              <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus data-testid="login-username" />
            </label>
            <label className="field">
              <span>{t('login.password')}</span>
              <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required data-testid="login-password" />
            </label>
          </>
        ) : (
          <label className="field">
            <span>{t('login.token')}</span>
            <input name="token" type="password" autoComplete="off" spellCheck={false} value={token} onChange={(e) => setToken(e.target.value)} required autoFocus data-testid="login-token" />
            <small className="muted">{t('login.tokenHint')}</small>
          </label>
        )}
        {problem && <Notice kind="error" testId="login-error">{problem}</Notice>}
        <button type="submit" className="button button--primary" disabled={busy} data-testid="login-submit">
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
