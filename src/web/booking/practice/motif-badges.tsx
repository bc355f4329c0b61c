import type { PublicMotif } from '../../../contracts/booking';
import { useI18n } from '../i18n';

/** Who a motif is for and how it happens, as short badges. */
export function MotifBadges({ motif }: { motif: PublicMotif }) {
  const { t } = useI18n();
  const badges = [
    motif.patientRestriction === 'new_only' ? t('motif.newOnly') : null,
    motif.patientRestriction === 'existing_only' ? t('motif.existingOnly') : null,
    motif.followUpOnly ? t('motif.followUp') : null,
    motif.kind === 'phone' ? t('motif.byPhone') : null,
    motif.kind === 'home' ? t('motif.atHome') : null,
  ].filter((badge): badge is string => badge !== null);
  if (badges.length === 0) return null;
  return (
    <span className="badges">
      {badges.map((badge) => (
        <span className="badge badge--info" key={badge}>
          {badge}
        </span>
      ))}
    </span>
  );
}
