// The always-ready scan field. Scanner bursts are caught globally (useScannerBurst);
// this field is for a person typing a code off a damaged badge, and a visible
// place for focus to rest.
import { useState, type Ref } from 'react';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';

/** `label`, `hint`, `submit`: other words for the same field (the badge desk's "confirmation code"). */
export function ScanInput(props: { onScan: (text: string) => void; inputRef: Ref<HTMLInputElement>; busy: boolean; label?: string; hint?: string; submit?: string }) {
  const { onScan, inputRef, busy } = props;
  const [value, setValue] = useState('');
  return (
    <form
      className="scan"
      onSubmit={(e) => {
        e.preventDefault();
        if (!value.trim()) return;
        onScan(value);
        setValue('');
      }}
    >
      <label className="scan__label" htmlFor="scan-input">
        <Icon name="scan" />
        {props.label ?? t('scan.label')}
        <span className="scan__hint">{props.hint ?? t('scan.hint')}</span>
      </label>
      <div className="scan__row">
        <input
          id="scan-input"
          data-testid="scan-input"
          ref={inputRef}
          className="scan__input"
          type="text"
          autoFocus
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={4096}
          placeholder={t('scan.placeholder')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-busy={busy}
        />
        <button type="submit" className="button button--primary">
          {props.submit ?? t('scan.submit')}
        </button>
      </div>
    </form>
  );
}
