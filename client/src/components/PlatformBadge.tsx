import { useTranslation } from 'react-i18next';
import type { Platform } from '../../../common/types';

// A letter mark rather than the brands' logos: no image requests, nothing to license.
const MARKS: Record<Platform, string> = { x: 'X', facebook: 'f' };

export function PlatformBadge({ platform }: { platform: Platform }) {
  const { t } = useTranslation();
  const label = t(`platform.${platform}`);
  return (
    <span className={`platform platform--${platform}`} title={label} role="img" aria-label={label}>
      {MARKS[platform]}
    </span>
  );
}
