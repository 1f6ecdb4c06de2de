// A station's pairing link points at the registry's address, so a phone that scans the QR opens
// this console. Say what the link is for, and never show or send the code anywhere.
import { LanguagePicker } from '../components/LanguagePicker';
import { t } from '../i18n';

export function PairingLinkPage() {
  return (
    <main className="login" id="main">
      <div className="login__lang">
        <LanguagePicker />
      </div>
      <div className="login__card">
        <h1>{t('pairingLink.title')}</h1>
        <p>{t('pairingLink.body')}</p>
        <p>
          <a href="/" data-testid="to-console">
            {t('pairingLink.toConsole')}
          </a>
        </p>
      </div>
    </main>
  );
}
