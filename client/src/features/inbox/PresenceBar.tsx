import { useTranslation } from 'react-i18next';
import type { Colleague } from '../../realtime/presenceState';

/**
 * Colleagues in the open conversation: "Also here: BO · AB is replying…". Announced politely to screen
 * readers, since a colleague starting to reply is exactly what an agent about to answer needs to know.
 */
export function PresenceBar({ colleagues }: { colleagues: readonly Colleague[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="presence-bar" className="presence-bar" aria-live="polite">
      {colleagues.length > 0 && <span className="presence-bar__label">{t('presence.here')}</span>}
      {colleagues.map((colleague) => (
        <span
          key={colleague.userId}
          data-testid="presence-colleague"
          data-typing={colleague.typing ? 'true' : undefined}
          className={`presence-chip${colleague.typing ? ' presence-chip--typing' : ''}`}
          title={t(colleague.typing ? 'presence.replying' : 'presence.viewing', { name: colleague.name })}
        >
          <span className="presence-chip__initials" aria-hidden="true">
            {colleague.initials}
          </span>
          <span className={colleague.typing ? undefined : 'visually-hidden'}>
            {t(colleague.typing ? 'presence.replying' : 'presence.viewing', { name: colleague.name })}
          </span>
        </span>
      ))}
    </div>
  );
}

/** The compact form for a list row: initials only, the full sentence in the tooltip and for screen readers. */
export function RowViewers({ colleagues }: { colleagues: readonly Colleague[] }) {
  const { t } = useTranslation();
  if (colleagues.length === 0) return null;
  return (
    <span data-testid="row-viewers" className="row__viewers">
      {colleagues.slice(0, 3).map((colleague) => {
        const sentence = t(colleague.typing ? 'presence.replying' : 'presence.viewing', {
          name: colleague.name,
        });
        return (
          <span
            key={colleague.userId}
            className={`presence-chip presence-chip--small${colleague.typing ? ' presence-chip--typing' : ''}`}
            title={sentence}
          >
            <span aria-hidden="true">{colleague.initials}</span>
            <span className="visually-hidden">{sentence}</span>
          </span>
        );
      })}
    </span>
  );
}
