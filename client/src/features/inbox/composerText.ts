import type { TFunction } from 'i18next';
import type { ReplyKind, ReplyOption } from '../../../../common/types';

export interface ComposerText {
  label: string;
  placeholder: string;
  /** Who will see the reply, and as whom it is signed. */
  preview: string;
  counterTitle: string;
}

interface ComposerTextValues {
  customer: string;
  accountHandle: string;
  signature: string;
}

/** The composer's wording for a reply kind: public replies name the brand account, private ones the customer. */
export function composerText(
  t: TFunction,
  kind: ReplyKind | null,
  rule: Pick<ReplyOption, 'weighted'> | null,
  { customer, accountHandle, signature }: ComposerTextValues,
): ComposerText {
  const counterTitle = rule?.weighted
    ? t('composer.counterTitle')
    : kind === 'dm'
      ? t('composer.dmCounterTitle')
      : t('composer.plainCounterTitle');
  if (kind === 'dm') {
    return {
      label: t('composer.dmLabel', { customer }),
      placeholder: t('composer.dmPlaceholder', { customer }),
      preview: t('composer.dmSignature', { signature, customer }),
      counterTitle,
    };
  }
  if (kind === 'private_reply') {
    return {
      label: t('composer.privateLabel', { customer }),
      placeholder: t('composer.privatePlaceholder', { customer }),
      preview: t('composer.privateSignature', { signature, customer }),
      counterTitle,
    };
  }
  return {
    label: t('composer.label'),
    placeholder: t('composer.placeholder'),
    preview: t('composer.signature', { signature, handle: accountHandle }),
    counterTitle,
  };
}
