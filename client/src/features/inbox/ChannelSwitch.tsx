import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyKind, ReplyOption } from '../../../../common/types';
import { LockIcon } from '../../components/LockIcon';

/** What the composer writes: a reply of some kind, or an internal note. */
export type ComposerChannel = ReplyKind | 'note';

interface ChannelSwitchProps {
  /** The kinds to offer, in display order; `allowed` as of now (see replyWindowState). */
  options: ReadonlyArray<Pick<ReplyOption, 'kind' | 'allowed' | 'reason'>>;
  value: ComposerChannel | null;
  onChange: (channel: ComposerChannel) => void;
  /** The kind under the pointer, so the composer can explain it before it is picked; null when none. */
  onPreview: (kind: ReplyKind | null) => void;
  /** Id of the line explaining the selected kind's window or reason. */
  describedBy?: string;
  disabled?: boolean;
}

/**
 * Public reply, direct message or private reply, and the internal note (always possible, set apart),
 * as a segmented control built on native radio buttons:
 * one tab stop, arrow keys move the choice, and screen readers announce it as a radio group without extra
 * ARIA. A kind that cannot be used right now stays selectable, so the agent can read why (the composer
 * shows the reason and keeps Send disabled), but looks disabled.
 */
const NOTE_OPTION: { kind: ComposerChannel; allowed: boolean; reason: string | null } = {
  kind: 'note',
  allowed: true,
  reason: null,
};

export function ChannelSwitch({
  options,
  value,
  onChange,
  onPreview,
  describedBy,
  disabled = false,
}: ChannelSwitchProps) {
  const { t } = useTranslation();
  const name = useId();

  return (
    <fieldset
      data-testid="composer-channel"
      className="segmented"
      disabled={disabled}
      onMouseLeave={() => onPreview(null)}
    >
      <legend className="visually-hidden">{t('composer.channel.label')}</legend>
      {[...options, NOTE_OPTION].map(({ kind, allowed, reason }) => (
        <label
          key={kind}
          data-testid={`composer-channel-${kind}`}
          data-allowed={allowed}
          className={`segmented__option segmented__option--${kind}${allowed ? '' : ' segmented__option--blocked'}`}
          title={allowed ? undefined : (reason ?? t('composer.window.notAllowed'))}
          onMouseEnter={() => onPreview(kind === 'note' ? null : kind)}
        >
          <input
            type="radio"
            className="visually-hidden"
            name={name}
            value={kind}
            checked={kind === value}
            aria-disabled={allowed ? undefined : true}
            aria-describedby={kind === value ? describedBy : undefined}
            onChange={() => onChange(kind)}
          />
          {kind !== 'public' && kind !== 'note' && <LockIcon />}
          {t(`composer.channel.${kind}`)}
        </label>
      ))}
    </fieldset>
  );
}
