import type { ReactNode } from 'react';
import { Button } from '../../shared/ui/button';
import { CheckboxField } from '../../shared/ui/checkbox-field';
import { useI18n } from '../i18n';
import type { AgendaView } from './layout';
import type { ReferenceData } from './use-agenda-data';

interface Props {
  view: AgendaView;
  title: string;
  practitioners: ReferenceData['practitioners'];
  shown: string[];
  showCancelled: boolean;
  live: boolean;
  onView: (view: AgendaView) => void;
  onToday: () => void;
  onStep: (direction: -1 | 1) => void;
  onShown: (ids: string[]) => void;
  onShowCancelled: (value: boolean) => void;
  onNew: () => void;
  onFind: () => void;
  onHelp: () => void;
  children?: ReactNode;
}

/**
 * Navigation, view, agendas shown, and the actions of the agenda. One agenda alone: untick the others,
 * or press its number (1–9; 0 shows them all again).
 */
export function AgendaToolbar(props: Props) {
  const { t } = useI18n();
  const visible = props.practitioners.filter((member) => member.visible);
  const toggle = (id: string, on: boolean) =>
    props.onShown(
      on
        ? visible
            .map((member) => member.id)
            .filter((memberId) => memberId === id || props.shown.includes(memberId))
        : props.shown.filter((memberId) => memberId !== id),
    );
  return (
    <div className="agenda-toolbar">
      <div className="agenda-toolbar__row">
        <Button variant="secondary" onClick={props.onToday}>
          {t('agenda.today')}
        </Button>
        <Button variant="secondary" onClick={() => props.onStep(-1)} aria-label={t('agenda.previous')}>
          ‹
        </Button>
        <Button variant="secondary" onClick={() => props.onStep(1)} aria-label={t('agenda.next')}>
          ›
        </Button>
        <h1 className="agenda-toolbar__title" aria-live="polite">
          {props.title}
        </h1>
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('agenda.view')}</legend>
          {(['day', 'week'] as const).map((view) => (
            <button
              key={view}
              type="button"
              aria-pressed={props.view === view}
              onClick={() => props.onView(view)}
            >
              {t(`agenda.view.${view}`)}
            </button>
          ))}
        </fieldset>
        <Button onClick={props.onNew}>{t('agenda.new')}</Button>
        <Button variant="secondary" onClick={props.onFind}>
          {t('agenda.find')}
        </Button>
        <Button variant="link" onClick={props.onHelp}>
          {t('agenda.shortcuts')}
        </Button>
      </div>
      <div className="agenda-toolbar__row agenda-toolbar__filters">
        <fieldset className="agenda-toolbar__practitioners">
          <legend>{t('agenda.practitioners')}</legend>
          {visible.map((member) => (
            <CheckboxField
              key={member.id}
              label={[member.title, member.lastName].filter(Boolean).join(' ')}
              checked={props.shown.includes(member.id)}
              onChange={(on) => toggle(member.id, on)}
            />
          ))}
          {visible.length > 1 ? (
            <Button
              variant="link"
              disabled={props.shown.length === visible.length}
              onClick={() => props.onShown(visible.map((member) => member.id))}
            >
              {t('agenda.allPractitioners')}
            </Button>
          ) : null}
        </fieldset>
        <CheckboxField
          label={t('agenda.showCancelled')}
          checked={props.showCancelled}
          onChange={props.onShowCancelled}
        />
        <span className={`live-dot${props.live ? ' is-live' : ''}`} role="status">
          {props.live ? t('agenda.live') : t('agenda.liveLost')}
        </span>
      </div>
      {props.children}
    </div>
  );
}
