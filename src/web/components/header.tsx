import type { TMe } from '../../shared/auth.schemas';
import type { TLocale } from '../../shared/common.schemas';
import { useI18n } from '../i18n/i18n';
import { MarketplaceNav } from '../marketplace/nav';
import { Link } from '../router';
import { primaryRole } from '../session';

const LANGUAGES: { locale: TLocale; label: string; name: string }[] = [
  { locale: 'nl', label: 'NL', name: 'Nederlands' },
  { locale: 'en', label: 'EN', name: 'English' },
];

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('header.language')} data-testid="language-switch">
      {LANGUAGES.map((language) => (
        <button
          key={language.locale}
          type="button"
          lang={language.locale}
          aria-pressed={locale === language.locale}
          aria-label={language.name}
          data-testid={`language-${language.locale}`}
          onClick={() => setLocale(language.locale)}
        >
          {language.label}
        </button>
      ))}
    </div>
  );
}

export function Header({ me, onLogOut }: { me: TMe | null; onLogOut: () => void }) {
  const { t } = useI18n();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <div className="site-header-inner">
        <div className="brand">
          <Link to="/" className="brand-name" aria-label={`${t('app.name')}: ${t('header.home')}`}>
            <span className="brand-mark" aria-hidden="true">
              H
            </span>
            {t('app.name')}
          </Link>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        {me && (
          <p className="user">
            <span className="visually-hidden">{t('header.signedInAs', { name: '' }).trim()} </span>
            <span className="user-name" data-testid="user-name">
              {me.name}
            </span>
            <span className="badge" data-testid="user-role">
              {t(`role.${primaryRole(me)}`)}
            </span>
          </p>
        )}
        {me && <MarketplaceNav me={me} />}
        <LanguageSwitch />
        {me && (
          <button type="button" className="button button-ghost logout" onClick={onLogOut} data-testid="logout">
            {t('header.logout')}
          </button>
        )}
      </div>
    </header>
  );
}
