// Who may use this console: named accounts with a role (organiser: everything; logistics: rooms,
// the live view and the attendee list without notes; viewer: numbers only) and a password, and the
// admin tokens (the command line's key, and the first way in). Disabling an account or setting a
// new password ends its sessions at once.
import { useState, type FormEvent } from 'react';
import { CONSOLE_ROLES, type ConsoleRole } from '../../../core/console/access';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { useResource } from '../api/useResource';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { useAction } from '../components/useAction';
import { dateTime } from '../format';
import { t } from '../i18n';
import { DataTable } from '../components/DataTable';

interface Account {
  id: string;
  username: string;
  displayName: string;
  role: ConsoleRole;
  createdAt: number;
  disabledAt: number | null;
}
interface Token {
  id: string;
  label: string;
  createdAt: number;
  revokedAt: number | null;
}

export function AccountsPage() {
  const me = useMe();
  const tz = me.event?.timeZone ?? 'UTC';
  const accounts = useResource<Account[]>('/v1/console/accounts');
  const tokens = useResource<Token[]>('/v1/admin/tokens');
  const act = useAction();
  const [newToken, setNewToken] = useState<string | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);
  const change = async (a: Account, body: Partial<{ role: ConsoleRole; disabled: boolean }>) => {
    await act.run(() => api.patch(`/v1/console/accounts/${a.id}`, body), () => t('accounts.changed', { name: a.username }));
    accounts.reload();
  };
  const isMe = (a: Account) => me.user.kind === 'account' && me.user.name === a.username;
  const makeToken = async () => {
    const r = await act.run(() => api.post<{ id: string; token: string }>('/v1/admin/tokens', { label: t('accounts.tokenLabel') }));
    if (r) setNewToken(r.token);
    tokens.reload();
  };
  const revokeToken = async (tk: Token) => {
    await act.run(() => api.post(`/v1/admin/tokens/${encodeURIComponent(tk.id)}/revoke`), () => t('accounts.tokenRevoked', { id: tk.id }));
    tokens.reload();
  };
  return (
    <Page title={t('accounts.title')} intro={t('accounts.intro')}>
      <NewAccount onMade={() => accounts.reload()} />
      {act.notice && <Notice kind={act.notice.kind}>{act.notice.text}</Notice>}
      <section className="card" aria-labelledby="acc-h">
        <h2 id="acc-h">{t('accounts.listTitle')}</h2>
        <DataTable
          caption={t('accounts.listTitle')}
          testId="accounts-table"
          rows={accounts.data}
          rowKey={(a) => a.id}
          empty={t('accounts.none')}
          columns={[
            { header: t('accounts.username'), cell: (a) => a.username },
            { header: t('accounts.displayName'), cell: (a) => a.displayName },
            {
              header: t('accounts.role'),
              cell: (a) => (
                <select value={a.role} disabled={isMe(a)} onChange={(e) => void change(a, { role: e.target.value as ConsoleRole })} aria-label={t('accounts.roleOf', { name: a.username })}>
                  {CONSOLE_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`roles.${r}`)}
                    </option>
                  ))}
                </select>
              ),
            },
            { header: t('accounts.state'), cell: (a) => (a.disabledAt ? t('accounts.disabled') : t('accounts.enabled')) },
            {
              header: t('stations.actions'),
              className: 'actions',
              cell: (a) => (
                <>
                  {!isMe(a) && (
                    <button type="button" className="button" onClick={() => void change(a, { disabled: !a.disabledAt })}>
                      {a.disabledAt ? t('accounts.enable') : t('accounts.disable')}
                    </button>
                  )}
                  <button type="button" className="button" onClick={() => setResetting(a)} aria-label={t('accounts.resetWho', { name: a.username })}>
                    {t('accounts.reset')}
                  </button>
                </>
              ),
            },
          ]}
        />
      </section>
      {resetting && <ResetPassword account={resetting} onDone={() => setResetting(null)} />}
      <section className="card" aria-labelledby="tok-h">
        <div className="card__head">
          <h2 id="tok-h">{t('accounts.tokensTitle')}</h2>
          <button type="button" className="button" onClick={() => void makeToken()}>
            {t('accounts.newToken')}
          </button>
        </div>
        <p className="muted">{t('accounts.tokensIntro')}</p>
        {newToken && (
          <Notice kind="ok">
            {t('accounts.tokenShownOnce')} <span className="mono break">{newToken}</span>
          </Notice>
        )}
        <DataTable
          caption={t('accounts.tokensTitle')}
          rows={tokens.data}
          rowKey={(tk) => tk.id}
          columns={[
            { header: t('accounts.tokenId'), className: 'mono', cell: (tk) => tk.id },
            { header: t('accounts.tokenLabelColumn'), cell: (tk) => tk.label },
            { header: t('badges.created'), cell: (tk) => dateTime(tk.createdAt, tz) },
            { header: t('accounts.state'), cell: (tk) => (tk.revokedAt ? t('accounts.revoked') : t('accounts.enabled')) },
            {
              header: t('stations.actions'),
              cell: (tk) =>
                !tk.revokedAt &&
                !(me.user.kind === 'token' && me.user.id === tk.id) && (
                  <button type="button" className="button button--danger" onClick={() => void revokeToken(tk)} aria-label={t('accounts.revokeTokenWho', { id: tk.id })}>
                    {t('accounts.revokeToken')}
                  </button>
                ),
            },
          ]}
        />
      </section>
    </Page>
  );
}

function NewAccount({ onMade }: { onMade: () => void }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<ConsoleRole>('logistics');
  const [password, setPassword] = useState('');
  const act = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await act.run(() => api.post('/v1/console/accounts', { username, displayName, role, password }), () => t('accounts.made', { name: username.trim().toLowerCase() }));
    if (ok !== undefined) {
      setUsername('');
      setDisplayName('');
      setPassword('');
      onMade();
    }
  };
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="new-acc-h" data-testid="account-form">
      <h2 id="new-acc-h">{t('accounts.newTitle')}</h2>
      <div className="row">
        <label className="field">
          <span>{t('accounts.username')}</span>
          <input value={username} required minLength={2} maxLength={64} autoComplete="off" onChange={(e) => setUsername(e.target.value)} data-testid="account-username" />
        </label>
        <label className="field">
          <span>{t('accounts.displayName')}</span>
          <input value={displayName} maxLength={100} autoComplete="off" onChange={(e) => setDisplayName(e.target.value)} data-testid="account-display" />
        </label>
        <label className="field">
          <span>{t('accounts.role')}</span>
          <select value={role} onChange={(e) => setRole(e.target.value as ConsoleRole)} data-testid="account-role">
            {CONSOLE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('accounts.password')}</span>
          <input type="password" value={password} required minLength={10} maxLength={200} autoComplete="new-password" onChange={(e) => setPassword(e.target.value)} aria-describedby="pw-hint" data-testid="account-password" />
          <small id="pw-hint" className="muted">
            {t('accounts.passwordHint')}
          </small>
        </label>
      </div>
      <p className="muted">{t(`accounts.roleHelp.${role}`)}</p>
      {act.notice && <Notice kind={act.notice.kind} testId="account-notice">{act.notice.text}</Notice>}
      <button type="submit" className="button button--primary" disabled={act.busy} data-testid="account-make">
        {t('accounts.make')}
      </button>
    </form>
  );
}

function ResetPassword({ account, onDone }: { account: Account; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const act = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await act.run(() => api.patch(`/v1/console/accounts/${account.id}`, { password }), () => t('accounts.passwordSet', { name: account.username }));
    if (ok !== undefined) setPassword('');
  };
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="reset-h">
      <h2 id="reset-h">{t('accounts.resetTitle', { name: account.username })}</h2>
      <label className="field">
        <span>{t('accounts.newPassword')}</span>
        <input type="password" value={password} required minLength={10} maxLength={200} autoComplete="new-password" onChange={(e) => setPassword(e.target.value)} autoFocus />
      </label>
      {act.notice && <Notice kind={act.notice.kind}>{act.notice.text}</Notice>}
      <div className="row">
        <button type="submit" className="button button--primary" disabled={act.busy}>
          {t('accounts.setPassword')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('stations.done')}
        </button>
      </div>
    </form>
  );
}
