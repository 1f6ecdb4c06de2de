// My account: who I am logged in as, with which role, and a new password for a named account.
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { useAction } from '../components/useAction';
import { t } from '../i18n';

export function MyAccountPage() {
  const me = useMe();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const act = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await act.run(() => api.post('/v1/console/password', { current, next }), () => t('me.changed'));
    if (ok !== undefined) {
      setCurrent('');
      setNext('');
    }
  };
  return (
    <Page title={t('me.title')} intro={t('me.who', { name: me.user.name || t('app.adminToken'), role: t(`roles.${me.user.role}`) })}>
      <p className="muted">{t(`accounts.roleHelp.${me.user.role}`)}</p>
      {me.user.kind === 'token' ? (
        <p>{t('me.tokenNoPassword')}</p>
      ) : (
        <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="pw-h">
          <h2 id="pw-h">{t('me.passwordTitle')}</h2>
          <label className="field">
            <span>{t('me.current')}</span>
            <input type="password" value={current} required autoComplete="current-password" onChange={(e) => setCurrent(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('accounts.newPassword')}</span>
            <input type="password" value={next} required minLength={10} maxLength={200} autoComplete="new-password" onChange={(e) => setNext(e.target.value)} />
          </label>
          {act.notice && <Notice kind={act.notice.kind}>{act.notice.text}</Notice>}
          <button type="submit" className="button button--primary" disabled={act.busy}>
            {t('accounts.setPassword')}
          </button>
        </form>
      )}
    </Page>
  );
}
