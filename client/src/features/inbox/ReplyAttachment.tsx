import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentDto, ReplyOption } from '../../../../common/types';
import { uploadAttachment } from '../../api/endpoints';
import { describeError } from '../../i18n/describeError';

interface ReplyAttachmentProps {
  /** What the selected reply kind allows (absent: the server offers no attachments for it). */
  rule: ReplyOption['attachments'];
  value: AttachmentDto | null;
  onChange: (attachment: AttachmentDto | null) => void;
  disabled?: boolean;
}

/**
 * An image to go with the reply, uploaded right away so sending stays one request. Offered only where the
 * server says the platform takes one (a Facebook comment reply); elsewhere the button is off and says why.
 */
export function ReplyAttachment({ rule, value, onChange, disabled = false }: ReplyAttachmentProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const upload = useMutation({
    mutationFn: uploadAttachment,
    onSuccess: ({ attachment }) => onChange(attachment),
  });
  if (rule === undefined) return null;
  if (!rule.allowed) {
    return (
      <button
        type="button"
        data-testid="composer-attach"
        data-allowed="false"
        className="button button--ghost button--small"
        disabled
        title={rule.reason ?? undefined}
      >
        {t('attachments.attach')}
      </button>
    );
  }
  return (
    <span className="attachment" data-testid="composer-attachment">
      {value === null ? (
        <label
          htmlFor={inputId}
          data-testid="composer-attach"
          data-allowed="true"
          className={`button button--ghost button--small${disabled || upload.isPending ? ' button--disabled' : ''}`}
        >
          {upload.isPending ? t('attachments.uploading') : t('attachments.attach')}
          <input
            id={inputId}
            data-testid="composer-attach-input"
            className="visually-hidden"
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp"
            disabled={disabled || upload.isPending}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file !== undefined) upload.mutate(file);
            }}
          />
        </label>
      ) : (
        <span className="attachment__chosen" data-testid="composer-attachment-chosen">
          <img className="attachment__thumb" src={value.url} alt={value.fileName} />
          <span className="attachment__name">{value.fileName}</span>
          <button
            type="button"
            className="button button--ghost button--small"
            disabled={disabled}
            onClick={() => {
              upload.reset();
              onChange(null);
            }}
          >
            {t('attachments.remove')}
          </button>
        </span>
      )}
      {upload.isError && (
        <span className="form-error" role="alert">
          {describeError(t, upload.error)}
        </span>
      )}
    </span>
  );
}
