// Under a check-in: what this desk hands out or asks, for the person just admitted — an
// interpretation receiver by number, a voucher, a yes/no question — and what they already have.
// Each action is one event at the station (core/checkin/handouts.ts).
import { useEffect, useId, useState } from 'react';
import type { PersonHandouts } from '../../../../core/api/handouts';
import type { HandoutItem } from '../../../../core/checkin/handouts';
import { announce, api } from '../../api';
import { clockTime } from '../../format';
import { t } from '../../i18n';
import { errorText } from '../../i18n/station';
import './handouts.css';

/** An item's name: the built-in receiver in the desk's language, else the words the desk gave it. */
export function itemName(item: HandoutItem): string {
  return item.label || t('handouts.receiver');
}

export function HandoutsStrip({ attendeeId, timeZone }: { attendeeId: string; timeZone: string }) {
  const [data, setData] = useState<PersonHandouts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let stale = false;
    setData(null);
    setError(null);
    api['handouts.person']({ attendeeId }).then(
      (r) => !stale && setData(r),
      (err: unknown) => !stale && setError(errorText(err)),
    );
    return () => {
      stale = true;
    };
  }, [attendeeId]);

  const give = async (args: { item: string; number?: string; answer?: 'yes' | 'no' }) => {
    setBusy(true);
    try {
      setData(await api['handouts.give']({ attendeeId, ...args }));
      setError(null);
      announce('scan');
      return true;
    } catch (err) {
      setError(errorText(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (!data || data.items.length === 0) return error ? <p className="panel__error">{error}</p> : null;
  return (
    <section className="handouts" aria-label={t('handouts.title')} data-testid="handouts-strip">
      {data.items.map((i) => (
        <div key={i.item.id} className="handouts__item" data-testid={`handout-${i.item.id}`}>
          <span className="handouts__name">{itemName(i.item)}</span>
          {i.item.kind === 'numbered' && (
            <>
              {i.out.map((o) => (
                <span key={o.number} className="tag tag--ok">
                  {t('handouts.out', { number: o.number, time: clockTime(o.at, timeZone) })}
                </span>
              ))}
              <NumberForm busy={busy} onGive={(number) => give({ item: i.item.id, number })} />
            </>
          )}
          {i.item.kind === 'item' &&
            (i.latest ? (
              <span className="tag tag--ok">{t('handouts.given', { time: clockTime(i.latest.at, timeZone) })}</span>
            ) : (
              <button type="button" className="button button--small" disabled={busy} onClick={() => void give({ item: i.item.id })}>
                {t('handouts.give')}
              </button>
            ))}
          {i.item.kind === 'question' && (
            <span className="handouts__answers">
              {(['yes', 'no'] as const).map((a) => (
                <button
                  key={a}
                  type="button"
                  className={`button button--small${i.latest?.answer === a ? ' button--chosen' : ''}`}
                  aria-pressed={i.latest?.answer === a}
                  disabled={busy}
                  onClick={() => void give({ item: i.item.id, answer: a })}
                >
                  {t(`handouts.${a}`)}
                </button>
              ))}
            </span>
          )}
        </div>
      ))}
      {error && (
        <p className="panel__error" role="alert">
          {error}
        </p>
      )}
      {data.items.some((i) => i.item.kind === 'numbered') && (
        <a className="handouts__link" href="#/handouts" data-testid="open-receivers">
          {t('handouts.openList')}
        </a>
      )}
    </section>
  );
}

function NumberForm({ busy, onGive }: { busy: boolean; onGive: (number: string) => Promise<boolean> }) {
  const id = useId();
  const [number, setNumber] = useState('');
  return (
    <form
      className="handouts__number"
      onSubmit={(e) => {
        e.preventDefault();
        if (number.trim()) void onGive(number.trim()).then((done) => done && setNumber(''));
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('handouts.number')}
      </label>
      <input id={id} type="text" inputMode="numeric" autoComplete="off" maxLength={20} placeholder={t('handouts.number')} value={number} onChange={(e) => setNumber(e.target.value)} data-testid="handout-number" />
      <button type="submit" className="button button--small" disabled={busy || !number.trim()}>
        {t('handouts.give')}
      </button>
    </form>
  );
}
