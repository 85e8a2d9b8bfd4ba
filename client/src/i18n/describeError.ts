import type { TFunction } from 'i18next';
import { isApiError } from '../api/ApiError';

/**
 * Text to show the agent for a failed request. The server's own message is meant for agents (e.g. why X
 * refused a reply), so it is shown as is; only failures without a server answer get our wording.
 */
export function describeError(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (error.isNetworkError) return t('errors.network');
    return error.message || t('errors.unknown');
  }
  return t('errors.unknown');
}
