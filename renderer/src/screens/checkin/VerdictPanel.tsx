// The big answer a volunteer reads from a metre away: colour + icon + words (never
// colour alone), who it is, why, and — for repeats — when and where they were first
// admitted. data-verdict is only set from a committed reply of the station.
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { CheckInResult, Verdict } from '../../../../core/model';
import { Icon, type IconName } from '../../components/Icon';
import { NoPhotoMark, ProtectedMarker, shownName } from '../../components/Safeguard';
import { useScrollableFocus } from '../../components/useScrollableFocus';
import { clockTimeWithSeconds, when } from '../../format';
import { t } from '../../i18n';
import { categoryName, verdictSentence } from '../../i18n/verdict';
import type { PanelState } from './useCheckin';

// Words are looked up at render time: the desk may switch language at any moment.
const LOOK: Record<Verdict, { icon: IconName; word: () => string }> = {
  admitted: { icon: 'check', word: () => t('verdict.admitted') },
  warning: { icon: 'warning', word: () => t('verdict.warning') },
  refused: { icon: 'cross', word: () => t('verdict.refused') },
};

/**
 * After this long an answer fades to grey and says "Previous scan", so a volunteer
 * whose next scan did not register is not misled by the last person's green panel.
 */
export const STALE_AFTER_MS = 20_000;
const StaleCtx = createContext(false);

export function VerdictPanel({ panel, timeZone }: { panel: PanelState; timeZone: string }) {
  const [stale, setStale] = useState(false);
  useEffect(() => {
    setStale(false);
    if (panel.state === 'idle' || panel.state === 'pending') return;
    const timer = setTimeout(() => setStale(true), STALE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [panel]);
  return (
    <StaleCtx.Provider value={stale}>
      <PanelContent panel={panel} timeZone={timeZone} />
    </StaleCtx.Provider>
  );
}

function PanelContent({ panel, timeZone }: { panel: PanelState; timeZone: string }) {
  switch (panel.state) {
    case 'idle':
      return (
        <Frame state="idle" icon="scan" word={t('verdict.idle')}>
          <p className="verdict__reason">{t('verdict.idleHint')}</p>
        </Frame>
      );
    case 'pending':
      return <Frame state="pending" icon="clock" word={t('verdict.pending')} />;
    case 'error':
      return (
        <Frame state="error" icon="alert" word={t('verdict.error')} at={panel.at} timeZone={timeZone}>
          <p className="verdict__reason verdict__reason--strong">{panel.message}</p>
        </Frame>
      );
    case 'undone':
    case 'info':
      return (
        <Frame state={panel.state} icon={panel.state === 'undone' ? 'undo' : 'info'} word={t(`verdict.${panel.state}`)} at={panel.at} timeZone={timeZone}>
          <p className="verdict__reason verdict__reason--strong">{panel.message}</p>
        </Frame>
      );
    case 'verdict':
      return <VerdictResult result={panel.result} input={panel.input} timeZone={timeZone} />;
  }
}

const MAX_CODE_SHOWN = 64;

function VerdictResult({ result, input, timeZone }: { result: CheckInResult; input?: string; timeZone: string }) {
  const look = LOOK[result.verdict];
  const a = result.attendee;
  const first = result.firstAdmission;
  // The repeat sentences already say when and where; other reasons get their own line.
  const repeatSentence = result.reason === 'already_checked_in' || result.reason === 'already_checked_in_refused';
  const showNote = !!a?.notes;
  return (
    <Frame state="verdict" verdict={result.verdict} icon={look.icon} word={look.word()} at={result.at} timeZone={timeZone}>
      {a ? (
        <>
          <p className="verdict__name" dir="auto" data-testid="verdict-name">
            {shownName(a)}
          </p>
          {(a.protected || a.noPhoto) && (
            <p className="verdict__tags">
              <ProtectedMarker person={a} />
              <NoPhotoMark person={a} />
            </p>
          )}
          {a.organisation && (
            <p className="verdict__org" dir="auto">
              {a.organisation}
            </p>
          )}
          <p className="verdict__tags">
            <span className="tag">{categoryName(a.category, a.categoryLabel)}</span>
            {a.delegation && (
              <span className="tag tag--plain" dir="auto">
                {a.delegation}
              </span>
            )}
            {!a.synced && <span className="tag tag--warn">{t('verdict.notSynced')}</span>}
          </p>
        </>
      ) : (
        <p className="verdict__name verdict__name--unknown">{t('verdict.unknownPerson')}</p>
      )}
      {result.reason !== 'notes' && (
        <p className="verdict__reason" data-testid="verdict-reason">
          {verdictSentence(result, timeZone)}
        </p>
      )}
      {!a && input && result.reason !== 'malformed' && (
        <p className="verdict__code" data-testid="verdict-code">
          {t('verdict.scannedCode', { code: input.trim().length > MAX_CODE_SHOWN ? `${input.trim().slice(0, MAX_CODE_SHOWN)}…` : input.trim() })}
        </p>
      )}
      {first && !repeatSentence && (
        <p className="verdict__first" data-testid="verdict-first">
          {t('verdict.firstAdmitted', { when: when(first.at, timeZone, result.at), where: first.stationName })}
        </p>
      )}
      {showNote && (
        <div className="verdict__note" data-testid="verdict-note">
          <Icon name="info" />
          <p>
            <strong>{t('verdict.deskNote')}:</strong> <span dir="auto">{a!.notes}</span>
          </p>
        </div>
      )}
      {result.protocol && (
        // Discreet: the same calm box as a desk note, not a banner the person in front can read across the desk.
        <div className="verdict__note" data-testid="verdict-protocol">
          <Icon name="info" />
          <p dir="auto">
            {t('protocol.verdict', { note: [result.protocol.note, result.protocol.room && t('protocol.escort', { room: result.protocol.room })].filter(Boolean).join(' · ') })}
            {result.protocol.host && <> {t('protocol.verdictNotify', { host: result.protocol.host })}</>}
          </p>
        </div>
      )}
    </Frame>
  );
}

function Frame(props: {
  state: PanelState['state'];
  verdict?: Verdict;
  icon: IconName;
  word: string;
  at?: number;
  timeZone?: string;
  children?: React.ReactNode;
}) {
  const kind = props.verdict ?? props.state;
  const stale = useContext(StaleCtx);
  const body = useRef<HTMLDivElement>(null);
  useScrollableFocus(body);
  return (
    <section
      className={`verdict verdict--${kind}${stale ? ' verdict--stale' : ''}`}
      data-stale={stale ? 'true' : undefined}
      data-testid="verdict"
      data-state={props.state}
      data-verdict={props.verdict}
      aria-live="assertive"
      aria-atomic="true"
    >
      <header className="verdict__band">
        <Icon name={props.icon} className="verdict__icon" />
        <span className="verdict__word">{stale ? t('verdict.previous', { word: props.word }) : props.word}</span>
        {props.at !== undefined && props.timeZone && (
          <span className="verdict__time">
            {t(props.state === 'verdict' ? 'verdict.scannedAt' : 'verdict.at', { time: clockTimeWithSeconds(props.at, props.timeZone) })}
          </span>
        )}
      </header>
      {props.children && (
        <div ref={body} className="verdict__body">
          {props.children}
        </div>
      )}
    </section>
  );
}
