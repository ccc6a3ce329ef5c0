import { useI18n } from '../i18n/i18n';
import { Link } from '../router';

export function NotFound() {
  const { t } = useI18n();
  return (
    <section className="page" data-testid="not-found">
      <h1>{t('app.notFound')}</h1>
      <p>
        <Link to="/">{t('app.backHome')}</Link>
      </p>
    </section>
  );
}
