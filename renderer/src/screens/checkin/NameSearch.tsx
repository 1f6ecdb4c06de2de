// Find a person who forgot their badge: type part of a name, organisation or
// country; ↑/↓ choose, Enter checks the chosen person in, Esc clears.
// ARIA combobox pattern: focus stays in the field, the active option is announced.
// A name in another alphabet shows its Latin (passport) reading beside it; people with the
// same name show their badge code too; a list cut at 8 says how many more match.
import { useEffect, useId, useState, type Ref } from 'react';
import type { SearchHit } from '../../../../core/api/checkin';
import { isNotAdmitted } from '../../../../core/model';
import { ProtectedMarker } from '../../components/Safeguard';
import { api } from '../../api';
import { clockTime } from '../../format';
import { t } from '../../i18n';
import { errorText } from '../../i18n/station';
import { categoryName } from '../../i18n/verdict';

const DEBOUNCE_MS = 120;

export function NameSearch(props: {
  onCheckIn: (attendeeId: string) => void;
  timeZone: string;
  inputRef?: Ref<HTMLInputElement>;
  onQueryChange?: (active: boolean) => void;
  /** What Enter does here, when it is not a check-in (the badge desk shows the person). */
  hint?: string;
}) {
  const { onCheckIn, timeZone, onQueryChange } = props;
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [more, setMore] = useState(0);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [searched, setSearched] = useState('');
  const listId = useId();

  useEffect(() => onQueryChange?.(query.trim().length > 0), [query, onQueryChange]);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits([]);
      setMore(0);
      setSearched('');
      setError(null);
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      api['attendees.search']({ query: q, limit: 8 }).then(
        (r) => {
          if (stale) return;
          setHits(r.hits);
          setMore(r.more);
          setActive(0);
          setSearched(q);
          setError(null);
        },
        (err: unknown) => {
          if (!stale) setError(errorText(err));
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query]);

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onCheckIn(hit.id);
    setQuery('');
  };

  // The list scrolls inside its panel: keep the chosen person in view while arrowing.
  useEffect(() => {
    document.getElementById(`${listId}-opt-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, hits, listId]);

  const open = query.trim().length > 0;
  // Same name twice or more: the badge code is what tells them apart at the desk.
  const nameKey = (h: SearchHit) => `${h.givenName} ${h.familyName}`.normalize('NFC').toLocaleLowerCase();
  const repeated = new Set(hits.map(nameKey).filter((k, i, all) => all.indexOf(k) !== i));
  const optionId = (i: number) => `${listId}-opt-${i}`;

  return (
    <section className="panel search" aria-labelledby={`${listId}-label`}>
      <label id={`${listId}-label`} className="panel__title" htmlFor={`${listId}-input`}>
        {t('search.label')}
      </label>
      <input
        id={`${listId}-input`}
        ref={props.inputRef}
        data-testid="search-input"
        className="search__input"
        type="search"
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls={`${listId}-list`}
        aria-activedescendant={open && hits[active] ? optionId(active) : undefined}
        aria-autocomplete="list"
        aria-describedby={`${listId}-hint`}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((i) => Math.min(i + 1, Math.max(hits.length - 1, 0)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(hits[active]);
          } else if (e.key === 'Escape' && query) {
            e.preventDefault();
            e.stopPropagation();
            setQuery('');
          }
        }}
      />
      <p id={`${listId}-hint`} className="search__hint">
        {props.hint ?? t('search.hint')}
      </p>
      {error && <p className="panel__error">{error}</p>}
      {open && more > 0 && (
        <p className="search__more" data-testid="search-more" role="status">
          {t('search.more', { count: more })}
        </p>
      )}
      {open && searched && hits.length === 0 && !error && <p className="panel__empty">{t('search.noResults', { query: searched })}</p>}
      <ul id={`${listId}-list`} role="listbox" className="search__list" data-testid="search-results" hidden={!open || hits.length === 0}>
        {hits.map((h, i) => (
          <li
            key={h.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={`search__hit${i === active ? ' search__hit--active' : ''}${h.status !== 'active' ? ' search__hit--inactive' : ''}`}
            // Mouse users: pick on press without stealing focus from the field.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(h)}
          >
            <span className="search__name">
              <span dir="auto">
                {h.givenName} {h.familyName}
              </span>
              <ProtectedMarker person={h} compact />
              {h.latinName && (
                <span className="search__latin" data-testid="search-latin" lang="und-Latn">
                  {h.latinName}
                </span>
              )}
            </span>
            <span className="search__meta" dir="auto">
              {[h.organisation, h.delegation, categoryName(h.category, h.categoryLabel)].filter(Boolean).join(' · ')}
            </span>
            <span className="search__state">
              {/* Never cut off: it is what tells two people of the same name apart. */}
              {repeated.has(nameKey(h)) && h.badgeCode && (
                <span className="search__code" data-testid="search-code">
                  {h.badgeCode}
                </span>
              )}
              {h.status === 'cancelled' && <span className="tag tag--bad">{t('search.cancelled')}</span>}
              {isNotAdmitted(h.status) && <span className="tag tag--bad">{t(`search.${h.status}`)}</span>}
              {h.status === 'revoked' && <span className="tag tag--bad">{t('search.revoked')}</span>}
              {h.checkedInToday && h.checkedInAt !== null && (
                <span className="tag tag--ok">{t('search.checkedInAt', { time: clockTime(h.checkedInAt, timeZone) })}</span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
