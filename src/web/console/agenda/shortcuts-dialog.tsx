import { Dialog } from '../../shared/ui/dialog';
import { useI18n } from '../i18n';
import type { ConsoleKey } from '../i18n/fr';

export const shortcutKeys: [string, ConsoleKey][] = [
  ['T', 'shortcuts.today'],
  ['←', 'shortcuts.previous'],
  ['→', 'shortcuts.next'],
  ['J', 'shortcuts.day'],
  ['S', 'shortcuts.week'],
  ['N', 'shortcuts.new'],
  ['R', 'shortcuts.find'],
  ['1 … 9 / 0', 'shortcuts.only'],
  ['Échap / Esc', 'shortcuts.close'],
  ['?', 'shortcuts.help'],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog title={t('shortcuts.title')} open onClose={onClose} closeLabel={t('common.close')}>
      <dl className="shortcuts">
        {shortcutKeys.map(([key, label]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
