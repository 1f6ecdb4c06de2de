// The badge desk's tallies: how many badges were handed over at the event (every desk, as far as
// this station has synced), and the people who received two badges without a reprint — two desks
// that were offline at the same time — so someone can follow up.
import { api } from '../../api';
import { useApiQuery } from '../../api/useApiQuery';
import { t } from '../../i18n';

export function CollectTallies({ onShow }: { onShow: (attendeeId: string) => void }) {
  const q = useApiQuery(() => api['collect.tallies']({}), ['attendees', 'sync', 'scan']);
  const d = q.data;
  return (
    <section className="panel collect__tallies" aria-labelledby="collect-tallies-title" data-testid="collect-tallies">
      <h2 id="collect-tallies-title" className="panel__title">
        {t('collect.talliesTitle')}
      </h2>
      {q.error && <p className="panel__error">{q.error}</p>}
      {d && (
        <>
          <p className="collect__count" data-testid="collect-count">
            {t('collect.handedOverCount', { count: d.handedOver })}
          </p>
          {d.printedTwice.length > 0 && (
            <>
              <h3 className="collect__subtitle">{t('collect.printedTwiceTitle')}</h3>
              <ul className="collect__twice" data-testid="collect-printed-twice">
                {d.printedTwice.map((p) => (
                  <li key={p.attendee.id}>
                    <span dir="auto">
                      {p.attendee.givenName} {p.attendee.familyName}
                    </span>{' '}
                    <span className="collect__where">{t('collect.printedTwiceAt', { stations: p.stations.join(', ') })}</span>
                    <button type="button" className="button button--small" onClick={() => onShow(p.attendee.id)}>
                      {t('collect.show')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
