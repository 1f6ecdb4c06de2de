// Exports for the organiser's own records: the attendee list, every event of the log, and the
// check-ins (first admission per person and day, with "admitted twice"). CSV with spreadsheet
// formulas neutralised (names come from anyone). Downloaded with the session, nothing stored here.
import { Page } from '../components/Page';
import { t } from '../i18n';

const EXPORTS = ['attendees.csv', 'checkins.csv', 'events.csv'] as const;
const KEY = { 'attendees.csv': 'attendees', 'checkins.csv': 'checkins', 'events.csv': 'events' } as const;

export function ExportsPage() {
  return (
    <Page title={t('exports.title')} intro={t('exports.intro')}>
      <ul className="exports">
        {EXPORTS.map((e) => (
          <li key={e} className="card">
            <h2>{t(`exports.${KEY[e]}.title`)}</h2>
            <p className="muted">{t(`exports.${KEY[e]}.body`)}</p>
            <a className="button" href={`/v1/admin/export/${e}`} download={e} data-testid={`export-${KEY[e]}`}>
              {t('exports.download', { file: e })}
            </a>
          </li>
        ))}
      </ul>
    </Page>
  );
}
