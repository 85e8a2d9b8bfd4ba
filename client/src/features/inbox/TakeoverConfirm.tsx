import { useTranslation } from 'react-i18next';
import { InlineConfirm } from '../../components/InlineConfirm';

interface TakeoverConfirmProps {
  /** The colleague the conversation is assigned to, when known; otherwise the server's message is shown. */
  assigneeName: string | null;
  serverMessage: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Assigned to Anna Berger. Reply anyway and take it over?", asked after the server refused a reply. */
export function TakeoverConfirm({ assigneeName, serverMessage, onConfirm, onCancel }: TakeoverConfirmProps) {
  const { t } = useTranslation();
  return (
    <InlineConfirm
      testId="takeover"
      question={
        assigneeName === null ? serverMessage : t('composer.takeover.question', { name: assigneeName })
      }
      confirmLabel={t('composer.takeover.confirm')}
      cancelLabel={t('composer.takeover.cancel')}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
