import { useI18n } from '../i18n';

const iphoneSteps = ['feeds.iphone.1', 'feeds.iphone.2', 'feeds.iphone.3', 'feeds.iphone.4'] as const;
const androidSteps = ['feeds.android.1', 'feeds.android.2', 'feeds.android.3', 'feeds.android.4'] as const;

/** How to subscribe on an iPhone and on Android, step by step, folded until asked for. */
export function FeedInstructions({ open }: { open: boolean }) {
  const { t } = useI18n();
  return (
    <details className="feed-help" open={open}>
      <summary>{t('feeds.howTo')}</summary>
      <h3>{t('feeds.iphone')}</h3>
      <ol>
        {iphoneSteps.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ol>
      <h3>{t('feeds.android')}</h3>
      <ol>
        {androidSteps.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ol>
    </details>
  );
}
