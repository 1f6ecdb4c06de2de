// Interpretation receivers at the end of a session or day: take one back by its number (typed,
// or scanned from the device's label — a scanner works anywhere on this screen), see who still
// holds one, by delegation; and choose what this desk hands out at check-in.
import { useCallback, useId, useRef, useState } from 'react';
import { HandoutKind, type HandoutItem } from '../../../../core/checkin/handouts';
import { announce, api } from '../../api';
import { useStationStatus } from '../../api/StationStatus';
import { useApiQuery } from '../../api/useApiQuery';
import { clockTime, localZone } from '../../format';
import { t } from '../../i18n';
import { useScannerBurst } from '../../scanner/useScannerBurst';
import { errorText } from '../../i18n/station';
import { itemName } from './HandoutsStrip';
import '../checkin/checkin.css';
import './handouts.css';

export function ReceiversScreen() {
  const status = useStationStatus();
  const timeZone = status.data?.event.timeZone ?? localZone;
  const out = useApiQuery(() => api['handouts.out']({}), ['scan', 'sync', 'attendees']);
  const [number, setNumber] = useState('');
  const [result, setResult] = useState<{ text: string; error?: boolean } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const takeBack = useCallback(async (raw: string) => {
    const n = raw.trim();
    if (!n) return;
    try {
      const r = await api['handouts.takeBack']({ number: n });
      const name = r.holder ? `${r.holder.givenName} ${r.holder.familyName}`.trim() : '';
      setResult({ text: name ? t('handouts.back', { number: r.number, name }) : t('handouts.backUnknown', { number: r.number }) });
      setNumber('');
      announce('scan');
    } catch (err) {
      setResult({ text: errorText(err), error: true });
    }
    inputRef.current?.focus();
  }, []);
  useScannerBurst((text) => void takeBack(text));

  const d = out.data;
  return (
    <div className="checkin receivers">
      <div className="checkin__main">
        <h1 className="receivers__title">{t('handouts.screenTitle')}</h1>
        <form
          className="scan"
          onSubmit={(e) => {
            e.preventDefault();
            void takeBack(number);
          }}
        >
          <label className="scan__label" htmlFor={`${id}-n`}>
            {t('handouts.takeBackTitle')}
            <span className="scan__hint">{t('handouts.takeBackHint')}</span>
          </label>
          <div className="scan__row">
            <input
              id={`${id}-n`}
              ref={inputRef}
              className="scan__input"
              data-testid="takeback-input"
              type="text"
              inputMode="numeric"
              autoFocus
              autoComplete="off"
              maxLength={20}
              placeholder={t('handouts.takeBackLabel')}
              value={number}
              onChange={(e) => setNumber(e.target.value)}
            />
            <button type="submit" className="button button--primary">
              {t('handouts.takeBack')}
            </button>
          </div>
        </form>
        {result && (
          <p className={`receivers__result${result.error ? ' receivers__result--error' : ''}`} role="status" data-testid="takeback-result">
            {result.text}
          </p>
        )}
        <section className="panel receivers__out" aria-labelledby={`${id}-out`} data-testid="receivers-out">
          <h2 id={`${id}-out`} className="panel__title">
            {t('handouts.stillOutTitle')}
          </h2>
          {out.error && <p className="panel__error">{out.error}</p>}
          {d && d.total === 0 && <p className="panel__empty">{t('handouts.noneOut')}</p>}
          {d && d.total > 0 && (
            <>
              <p className="receivers__count" data-testid="receivers-count">
                {t('handouts.stillOut', { count: d.total })}
              </p>
              {d.groups.map((g) => (
                <div key={g.delegation} className="receivers__group">
                  <h3 className="receivers__delegation" dir="auto">
                    {g.delegation || t('handouts.noDelegation')} <span className="receivers__n">{g.people.reduce((n, p) => n + p.numbers.length, 0)}</span>
                  </h3>
                  <ul className="receivers__people">
                    {g.people.map((p) => (
                      <li key={p.attendee.id}>
                        <span dir="auto" className="receivers__name">
                          {p.attendee.givenName} {p.attendee.familyName}
                        </span>
                        {p.numbers.map((n) => (
                          <span key={n.number} className="receivers__number">
                            <strong>{n.number}</strong> {t('handouts.since', { time: clockTime(n.at, timeZone), station: n.stationName })}
                          </span>
                        ))}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </>
          )}
        </section>
      </div>
      <div className="checkin__side">
        <ItemsEditor />
      </div>
    </div>
  );
}

/** What this desk hands out at check-in (a setting of this station). */
function ItemsEditor() {
  const q = useApiQuery(() => api['handouts.items']({}), ['status']);
  const id = useId();
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<HandoutKind>('item');
  const [error, setError] = useState<string | null>(null);
  const save = async (items: HandoutItem[]) => {
    try {
      await api['handouts.setItems']({ items });
      setError(null);
      q.refresh();
      return true;
    } catch (err) {
      setError(t('handouts.saveFailed', { message: errorText(err) }));
      return false;
    }
  };
  const items = q.data ?? [];
  // An id both desks derive from the same words, so two desks that add "Lunch voucher" count the same item.
  // The search keys (any-ascii's tables, ~0.5 MB) load only when an item is added, not with every screen.
  const newId = async (s: string) => {
    const { latinKey } = await import('../../../../core/search/keys');
    return (
      s
        .split(/\s+/)
        .map(latinKey)
        .filter(Boolean)
        .join('-')
        .slice(0, 40)
        .replace(/-+$/, '') || `item-${Date.now().toString(36)}`
    );
  };
  return (
    <section className="panel" aria-labelledby={`${id}-t`} data-testid="handout-items">
      <h2 id={`${id}-t`} className="panel__title">
        {t('handouts.itemsTitle')}
      </h2>
      <p className="receivers__hint">{t('handouts.itemsHint')}</p>
      <ul className="receivers__items">
        {items.map((i) => (
          <li key={i.id}>
            <span>{itemName(i)}</span>
            <span className="receivers__kind">{t(KIND_WORDS[i.kind])}</span>
            <button type="button" className="button button--small" aria-label={t('handouts.remove', { item: itemName(i) })} onClick={() => void save(items.filter((x) => x.id !== i.id))}>
              ✕
            </button>
          </li>
        ))}
      </ul>
      <form
        className="receivers__add"
        onSubmit={(e) => {
          e.preventDefault();
          const words = label.trim();
          if (!words) return;
          void newId(words).then(async (itemId) => {
            if (items.some((i) => i.id === itemId)) return;
            if (await save([...items, { id: itemId, label: words, kind }])) setLabel('');
          });
        }}
      >
        <label>
          {t('handouts.newLabel')}
          <input type="text" maxLength={80} value={label} onChange={(e) => setLabel(e.target.value)} data-testid="handout-new-label" />
        </label>
        <label>
          {t('handouts.newKind')}
          <select value={kind} onChange={(e) => setKind(HandoutKind.parse(e.target.value))} data-testid="handout-new-kind">
            {HandoutKind.options.map((k) => (
              <option key={k} value={k}>
                {t(KIND_WORDS[k])}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" disabled={!label.trim()} data-testid="handout-add">
          {t('handouts.addItem')}
        </button>
      </form>
      {error && (
        <p className="panel__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

const KIND_WORDS = { numbered: 'handouts.kindNumbered', item: 'handouts.kindItem', question: 'handouts.kindQuestion' } as const;
