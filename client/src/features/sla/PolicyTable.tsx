import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Platform,
  PRIORITIES,
  type Priority,
  type SlaPolicyDto,
  type SlaSettingsResponse,
} from '../../../../common/types';
import { describeError } from '../../i18n/describeError';
import { useRemovePolicy, useSavePolicy } from './slaApi';

interface Scope {
  key: string;
  label: string;
  platform: Platform | null;
  channelAccountId: string | null;
}

type Draft = Record<Priority, { first: string; next: string }>;

const ORDER: Priority[] = [...PRIORITIES].reverse();

function scopesOf(settings: SlaSettingsResponse, t: TFunction): Scope[] {
  return [
    { key: 'default', label: t('sla.scopeDefault'), platform: null, channelAccountId: null },
    { key: 'x', label: t('sla.scopePlatform.x'), platform: 'x', channelAccountId: null },
    { key: 'facebook', label: t('sla.scopePlatform.facebook'), platform: 'facebook', channelAccountId: null },
    ...settings.accounts.map((a) => ({
      key: a.id,
      label: `@${a.handle} (${t(`platform.${a.platform}`)})`,
      platform: null,
      channelAccountId: a.id,
    })),
  ];
}

const policiesOf = (settings: SlaSettingsResponse, scope: Scope) =>
  settings.policies.filter(
    (p) => p.platform === scope.platform && p.channelAccountId === scope.channelAccountId,
  );

function draftFrom(policies: SlaPolicyDto[], fallback: SlaPolicyDto[]): Draft {
  const pick = (priority: Priority) =>
    policies.find((p) => p.priority === priority) ?? fallback.find((p) => p.priority === priority);
  return Object.fromEntries(
    PRIORITIES.map((priority) => {
      const p = pick(priority);
      return [
        priority,
        { first: String(p?.firstResponseMinutes ?? 60), next: String(p?.nextResponseMinutes ?? 120) },
      ];
    }),
  ) as Draft;
}

/** Policies per scope (all accounts, a platform, one account) × priority: first / next response minutes. */
export function PolicyTable({ settings }: { settings: SlaSettingsResponse }) {
  const { t } = useTranslation();
  const defaults = policiesOf(settings, {
    key: 'default',
    label: '',
    platform: null,
    channelAccountId: null,
  });
  return (
    <table className="sla-table" data-testid="sla-policies">
      <caption className="sla-table__caption">{t('sla.policiesCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sla.scope')}</th>
          {ORDER.map((priority) => (
            <th key={priority} scope="col">
              {t(`priority.${priority}`)}
              <span className="sla-table__unit">{t('sla.firstNext')}</span>
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">{t('sla.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {scopesOf(settings, t).map((scope) => {
          const policies = policiesOf(settings, scope);
          return (
            <PolicyRow
              // A saved change arrives with new timestamps: start from the stored values again.
              key={`${scope.key}:${policies.map((p) => p.updatedAt).join()}`}
              scope={scope}
              policies={policies}
              defaults={defaults}
              canEdit={settings.canEdit}
            />
          );
        })}
      </tbody>
    </table>
  );
}

function PolicyRow(props: {
  scope: Scope;
  policies: SlaPolicyDto[];
  defaults: SlaPolicyDto[];
  canEdit: boolean;
}) {
  const { scope, policies, defaults, canEdit } = props;
  const { t } = useTranslation();
  const configured = policies.length > 0;
  const [editing, setEditing] = useState(configured);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(policies, defaults));
  const save = useSavePolicy();
  const remove = useRemovePolicy();
  const error = save.error ?? remove.error;

  const submit = () => {
    const targets = Object.fromEntries(
      PRIORITIES.map((p) => [p, { first: Number(draft[p].first), next: Number(draft[p].next) }]),
    ) as Record<Priority, { first: number; next: number }>;
    save.mutate({ platform: scope.platform, channelAccountId: scope.channelAccountId, targets });
  };
  const set = (priority: Priority, which: 'first' | 'next', value: string) =>
    setDraft((d) => ({ ...d, [priority]: { ...d[priority], [which]: value } }));

  return (
    <tr data-testid={`sla-scope-${scope.key}`}>
      <th scope="row">{scope.label}</th>
      {!editing ? (
        <td colSpan={4} className="sla-table__inherit">
          {t('sla.usesDefault')}
        </td>
      ) : (
        ORDER.map((priority) => (
          <td key={priority}>
            {canEdit ? (
              <span className="sla-table__pair">
                {(['first', 'next'] as const).map((which) => (
                  <input
                    key={which}
                    data-testid={`sla-policy-${scope.key}-${priority}-${which}`}
                    className="input sla-table__minutes"
                    type="number"
                    min={1}
                    max={43200}
                    inputMode="numeric"
                    aria-label={t(`sla.minutesLabel.${which}`, {
                      scope: scope.label,
                      priority: t(`priority.${priority}`),
                    })}
                    value={draft[priority][which]}
                    onChange={(e) => set(priority, which, e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') submit();
                    }}
                  />
                ))}
              </span>
            ) : (
              t('sla.minutesPair', { first: draft[priority].first, next: draft[priority].next })
            )}
          </td>
        ))
      )}
      <td className="sla-table__actions">
        {canEdit && !editing && (
          <button type="button" className="button button--small" onClick={() => setEditing(true)}>
            {t('sla.override')}
          </button>
        )}
        {canEdit && editing && (
          <button
            type="button"
            data-testid={`sla-policy-save-${scope.key}`}
            className="button button--small button--primary"
            disabled={save.isPending}
            onClick={submit}
          >
            {t('sla.save')}
          </button>
        )}
        {canEdit && configured && scope.key !== 'default' && (
          <button
            type="button"
            className="button button--small button--ghost"
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate({ platform: scope.platform, channelAccountId: scope.channelAccountId })
            }
          >
            {t('sla.removeOverride')}
          </button>
        )}
        {save.isSuccess && (
          <span className="sla-saved" role="status">
            {t('sla.saved')}
          </span>
        )}
        {error && (
          <span className="form-error" role="alert">
            {describeError(t, error)}
          </span>
        )}
      </td>
    </tr>
  );
}
