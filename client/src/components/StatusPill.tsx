import { useTranslation } from 'react-i18next';
import type { ConversationStatus } from '../../../common/types';

export function StatusPill({ status }: { status: ConversationStatus }) {
  const { t } = useTranslation();
  return <span className={`pill pill--${status}`}>{t(`status.${status}`)}</span>;
}
