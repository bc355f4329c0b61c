import { useRef, useState } from 'react';
import type { SecureLink } from '../../../contracts/documents';
import { api } from '../../shared/api';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { instantFormat } from '../change-requests/format';
import { useI18n } from '../i18n';
import { documentPaths } from './documents-api';

interface SecureLinkListProps {
  links: SecureLink[];
  timeZone: string;
  onRevoked: (link: SecureLink) => void;
}

/** The secure links of a document, newest first: to whom, until when, every opening, and revoke. */
export function SecureLinkList({ links, timeZone, onRevoked }: SecureLinkListProps) {
  const { t } = useI18n();
  if (links.length === 0) return <p className="muted">{t('secure.none')}</p>;
  return (
    <ul className="doc-links">
      {links.map((link) => (
        <li key={link.id}>
          <SecureLinkItem link={link} timeZone={timeZone} onRevoked={onRevoked} />
        </li>
      ))}
    </ul>
  );
}

function SecureLinkItem({
  link,
  timeZone,
  onRevoked,
}: {
  link: SecureLink;
  timeZone: string;
  onRevoked: (link: SecureLink) => void;
}) {
  const { t, lang } = useI18n();
  const when = instantFormat(lang, timeZone);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // focus moves between "Révoquer" and its confirmation, which replace each other
  const actions = useRef<HTMLDivElement>(null);
  const focusFirstButton = () => window.setTimeout(() => actions.current?.querySelector('button')?.focus());
  const recipient = link.recipientName ?? link.maskedPhone;

  const revoke = async () => {
    setBusy(true);
    setError(null);
    try {
      onRevoked(await api.post<SecureLink>(documentPaths.revokeLink(link.id)));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const status =
    link.status === 'active'
      ? t('secure.status.activeUntil', { date: when.format(new Date(link.expiresAt)) })
      : link.status === 'revoked' && link.revokedAt
        ? t('secure.status.revokedOn', { date: when.format(new Date(link.revokedAt)) })
        : t('secure.status.expiredOn', { date: when.format(new Date(link.expiresAt)) });

  return (
    <article className={`doc-link doc-link--${link.status}`} aria-label={t('secure.linkFor', { recipient })}>
      <p className="doc-link__head">
        <strong>{recipient}</strong>
        <span className={`badge doc-link-status doc-link-status--${link.status}`}>
          {t(`secure.status.${link.status}`)}
        </span>
      </p>
      <p className="doc-link__meta">
        {t('secure.codeTo', { phone: link.maskedPhone })}
        {link.channel === 'email' && link.email
          ? ` · ${t('secure.linkByEmail', { email: link.email })}`
          : null}
        {link.channel === 'sms' ? ` · ${t('secure.linkBySms')}` : null}
      </p>
      <p className="doc-link__meta">
        {status}
        {' · '}
        {link.createdBy
          ? t('secure.sentByOn', {
              name: link.createdBy.name,
              date: when.format(new Date(link.createdAt)),
            })
          : t('secure.sentOn', { date: when.format(new Date(link.createdAt)) })}
      </p>
      <h4 className="doc-link__openings-title">{t('secure.openings', { count: link.openings.length })}</h4>
      {link.openings.length === 0 ? (
        <p className="muted">{t('secure.neverOpened')}</p>
      ) : (
        <ol className="doc-link__openings">
          {link.openings.map((opening) => (
            <li key={`${opening.at}|${opening.ip ?? ''}|${opening.userAgent ?? ''}`}>
              <time dateTime={opening.at}>{when.format(new Date(opening.at))}</time>
              {' · '}
              {t('secure.openingIp', { ip: opening.ip ?? t('evidence.unknown') })}
              <span className="doc-link__agent">{opening.userAgent ?? t('evidence.unknown')}</span>
            </li>
          ))}
        </ol>
      )}
      <ErrorAlert error={error} withFields />
      <div ref={actions}>
        {link.status === 'active' ? (
          confirming ? (
            <div className="doc-link__confirm">
              <p>{t('secure.revokeQuestion')}</p>
              <div className="form-actions">
                <Button variant="danger" busy={busy} onClick={() => void revoke()}>
                  {t('secure.revokeConfirm')}
                </Button>
                <Button
                  variant="secondary"
                  onClick={() => {
                    setConfirming(false);
                    focusFirstButton();
                  }}
                >
                  {t('settings.cancel')}
                </Button>
              </div>
            </div>
          ) : (
            <Button
              variant="secondary"
              onClick={() => {
                setConfirming(true);
                focusFirstButton();
              }}
            >
              {t('secure.revoke')}
              <span className="visually-hidden">{t('documents.ofTitle', { title: recipient })}</span>
            </Button>
          )
        ) : null}
      </div>
    </article>
  );
}
