import { useI18n } from '../i18n';

/** "Carte Vitale !": the card is read at this visit, bring it (RDV-9, seed's symbol). */
export function CarteVitaleWarning() {
  const { t } = useI18n();
  return (
    <p className="vitale">
      <strong className="vitale__badge">{t('vitale.badge')}</strong> {t('vitale.text')}
    </p>
  );
}
