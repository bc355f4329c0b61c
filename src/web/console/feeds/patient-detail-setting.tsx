import { useEffect, useState } from 'react';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { useI18n } from '../i18n';
import { RadioGroup } from '../settings/common/radio-group';
import { type FeedPatientDetail, feedApi } from './feed-api';

/** The admin's choice of what feeds and exports show of patients: initials (default), full name, nothing. */
export function PatientDetailSetting({
  current,
  onSaved,
}: {
  current: FeedPatientDetail;
  onSaved: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState<FeedPatientDetail>(current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setValue(current), [current]);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await feedApi.setPatientDetail(value);
      await onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="feed-detail"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <RadioGroup<FeedPatientDetail>
        legend={t('feeds.detail.legend')}
        value={value}
        onChange={setValue}
        hint={t('feeds.never')}
        options={[
          { value: 'initials', label: t('feeds.detail.initials') },
          { value: 'full', label: t('feeds.detail.full') },
          { value: 'none', label: t('feeds.detail.none') },
        ]}
      />
      <ErrorAlert error={error} withFields />
      <Button type="submit" variant="secondary" busy={busy} disabled={value === current}>
        {t('feeds.detail.save')}
      </Button>
    </form>
  );
}
