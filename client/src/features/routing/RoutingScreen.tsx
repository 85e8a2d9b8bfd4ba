import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoutingRuleDto, RoutingRuleInput, TeamRoutingSettingsDto } from '../../../../common/routing';
import type { UserDto } from '../../../../common/types';
import { describeError } from '../../i18n/describeError';
import { AssignmentSettings } from './AssignmentSettings';
import { DryRunPanel } from './DryRunPanel';
import { RuleForm } from './RuleForm';
import {
  useDeleteRule,
  useReorderRules,
  useRoutingRules,
  useRoutingSettings,
  useToggleRule,
} from './routingQueries';
import { draftToInput, EMPTY_DRAFT, hasAction, type RuleDraft, ruleToDraft } from './ruleDraft';

/** Routing rules in order, their editor and dry run, and auto-assignment settings (admins edit, leads read). */
export function RoutingScreen({ user, onClose }: { user: UserDto; onClose: () => void }) {
  const { t } = useTranslation();
  const canEdit = user.role === 'admin';
  const rules = useRoutingRules();
  const settings = useRoutingSettings();
  const reorder = useReorderRules();
  const toggle = useToggleRule();
  const remove = useDeleteRule();
  const [draft, setDraft] = useState<RuleDraft | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const teams = settings.data?.teams ?? [];
  const saved = rules.data ?? [];
  // The dry run sees the screen as it is: the rule being edited replaces (or joins) the saved ones.
  const trial = useMemo<RoutingRuleInput[]>(() => {
    const base = saved.map((r) => (draft?.id === r.id && hasAction(draft) ? draftToInput(draft) : r));
    return draft && draft.id === null && hasAction(draft)
      ? [...base, draftToInput({ ...draft, name: draft.name || '…' })]
      : base;
  }, [saved, draft]);
  const move = (index: number, delta: number) => {
    const ids = saved.map((r) => r.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + delta, 0, id!);
    reorder.mutate(ids);
  };
  const error = reorder.error ?? toggle.error ?? remove.error;

  return (
    <section data-testid="routing-screen" className="health routing" aria-labelledby="routing-title">
      <header className="health__header">
        <div>
          <h2 id="routing-title" className="health__title" ref={heading} tabIndex={-1}>
            {t('routing.title')}
          </h2>
          <p className="health__subtitle">{t('routing.subtitle')}</p>
          {!canEdit && <p className="health__subtitle">{t('routing.readOnly')}</p>}
        </div>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('routing.close')}
        </button>
      </header>
      {(rules.isError || settings.isError) && (
        <div className="banner banner--error" role="alert">
          {t('routing.loadError')} {describeError(t, rules.error ?? settings.error)}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {describeError(t, error)}
        </p>
      )}
      <section className="routing__section" aria-labelledby="routing-rules-title">
        <div className="routing__row">
          <h3 id="routing-rules-title">{t('routing.rules')}</h3>
          {canEdit && draft === null && (
            <button
              type="button"
              data-testid="rule-new"
              className="button button--primary button--small"
              onClick={() => setDraft(EMPTY_DRAFT)}
            >
              {t('routing.newRule')}
            </button>
          )}
        </div>
        {rules.isSuccess && saved.length === 0 && <p className="routing__hint">{t('routing.noRules')}</p>}
        <ol className="routing__rules" data-testid="rule-list">
          {saved.map((rule, index) => (
            <li key={rule.id} className="routing__rule" data-testid="rule-item">
              <div className="routing__rule-main">
                <strong>{rule.name}</strong>
                {!rule.enabled && <span className="routing__badge"> {t('routing.disabled')}</span>}
                <div className="routing__summary">{summarise(rule, teams, t)}</div>
              </div>
              {canEdit && (
                <div className="routing__rule-actions">
                  <label className="routing__check">
                    <input
                      type="checkbox"
                      checked={rule.enabled}
                      aria-label={t('routing.enabledFor', { name: rule.name })}
                      onChange={(e) => toggle.mutate({ id: rule.id, enabled: e.target.checked })}
                    />
                    {t('routing.enabled')}
                  </label>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('routing.moveUp', { name: rule.name })}
                    disabled={index === 0 || reorder.isPending}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('routing.moveDown', { name: rule.name })}
                    disabled={index === saved.length - 1 || reorder.isPending}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => setDraft(ruleToDraft(rule))}
                  >
                    {t('routing.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button--small button--danger-ghost"
                    onClick={() => {
                      if (window.confirm(t('routing.confirmDelete', { name: rule.name })))
                        remove.mutate(rule.id);
                    }}
                  >
                    {t('routing.delete')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
        {canEdit && draft !== null && (
          <RuleForm draft={draft} teams={teams} onChange={setDraft} onDone={() => setDraft(null)} />
        )}
      </section>
      <DryRunPanel rules={trial} teams={teams} />
      {settings.data && <AssignmentSettings settings={settings.data} canEdit={canEdit} />}
    </section>
  );
}

function summarise(rule: RoutingRuleDto, teams: TeamRoutingSettingsDto[], t: TFunction): string {
  const c = rule.conditions;
  const conditions = [
    c.languages?.length ? c.languages.join('/') : null,
    c.keywords?.length ? `“${c.keywords.join('”, “')}”` : null,
    c.tags?.length ? `#${c.tags.join(' #')}` : null,
    c.minFollowers !== undefined ? `≥ ${c.minFollowers}` : null,
    c.verified !== undefined
      ? c.verified
        ? t('routing.form.verifiedYes')
        : t('routing.form.verifiedNo')
      : null,
  ].filter((p): p is string => p !== null);
  const a = rule.actions;
  const actions = [
    a.teamId ? t('routing.dryRun.team', { name: teams.find((x) => x.id === a.teamId)?.name ?? '–' }) : null,
    a.priority ? t('routing.dryRun.priority', { priority: t(`priority.${a.priority}`) }) : null,
    a.addTags?.length ? t('routing.dryRun.tags', { tags: a.addTags.join(', ') }) : null,
  ].filter((p): p is string => p !== null);
  const when =
    conditions.length > 0
      ? t('routing.summaryConditions', { conditions: conditions.join(' · ') })
      : t('routing.summaryAny');
  return `${when}, ${t('routing.summaryActions', { actions: actions.join(', ') })}`;
}
