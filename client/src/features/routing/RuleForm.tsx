import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamRoutingSettingsDto } from '../../../../common/routing';
import { PRIORITIES } from '../../../../common/types';
import { describeError } from '../../i18n/describeError';
import { useChannelAccounts } from '../accounts/accountQueries';
import { useSaveRule } from './routingQueries';
import { draftToInput, hasAction, type RuleDraft } from './ruleDraft';

interface RuleFormProps {
  draft: RuleDraft;
  teams: TeamRoutingSettingsDto[];
  onChange: (draft: RuleDraft) => void;
  onDone: () => void;
}

/** Create or edit one rule: conditions (all filled ones must hold) and actions. */
export function RuleForm({ draft, teams, onChange, onDone }: RuleFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const accounts = useChannelAccounts();
  const save = useSaveRule();
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const missingAction = !hasAction(draft);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (missingAction || draft.name.trim() === '') return;
    save.mutate({ id: draft.id, input: draftToInput(draft) }, { onSuccess: onDone });
  };
  const text = (
    key: 'name' | 'languages' | 'keywords' | 'tags' | 'addTags',
    label: string,
    hint?: string,
  ) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        data-testid={`rule-${key}`}
        className="input"
        value={draft[key]}
        required={key === 'name'}
        aria-describedby={hint ? `${id}-${key}-hint` : undefined}
        onChange={(e) => set(key, e.target.value)}
      />
      {hint && (
        <span id={`${id}-${key}-hint`} className="routing__hint">
          {hint}
        </span>
      )}
    </div>
  );

  return (
    <form className="routing__form" data-testid="rule-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {draft.id === null ? t('routing.form.createTitle') : t('routing.form.editTitle')}
      </h3>
      {text('name', t('routing.form.name'))}
      <fieldset className="routing__fieldset">
        <legend>{t('routing.form.conditions')}</legend>
        {(accounts.data?.length ?? 0) > 1 && (
          <fieldset className="routing__fieldset routing__fieldset--inline">
            <legend>{t('routing.form.accounts')}</legend>
            {accounts.data?.map((account) => (
              <label key={account.id} className="routing__check">
                <input
                  type="checkbox"
                  checked={draft.channelAccountIds.includes(account.id)}
                  onChange={(e) =>
                    set(
                      'channelAccountIds',
                      e.target.checked
                        ? [...draft.channelAccountIds, account.id]
                        : draft.channelAccountIds.filter((a) => a !== account.id),
                    )
                  }
                />
                {t(`platform.${account.platform}`)} @{account.handle}
              </label>
            ))}
          </fieldset>
        )}
        {text('languages', t('routing.form.languages'))}
        {text('keywords', t('routing.form.keywords'), t('routing.form.keywordsHint'))}
        {text('tags', t('routing.form.tags'))}
        <div className="field">
          <label className="field__label" htmlFor={`${id}-followers`}>
            {t('routing.form.minFollowers')}
          </label>
          <input
            id={`${id}-followers`}
            className="input"
            type="number"
            min={0}
            value={draft.minFollowers}
            onChange={(e) => set('minFollowers', e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-verified`}>
            {t('routing.form.verified')}
          </label>
          <select
            id={`${id}-verified`}
            className="select"
            value={draft.verified}
            onChange={(e) => set('verified', e.target.value as RuleDraft['verified'])}
          >
            <option value="">{t('routing.form.verifiedAny')}</option>
            <option value="yes">{t('routing.form.verifiedYes')}</option>
            <option value="no">{t('routing.form.verifiedNo')}</option>
          </select>
        </div>
      </fieldset>
      <fieldset className="routing__fieldset">
        <legend>{t('routing.form.actions')}</legend>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-team`}>
            {t('routing.form.team')}
          </label>
          <select
            id={`${id}-team`}
            data-testid="rule-team"
            className="select"
            value={draft.teamId}
            onChange={(e) => set('teamId', e.target.value)}
          >
            <option value="">{t('routing.form.noTeam')}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-priority`}>
            {t('routing.form.priority')}
          </label>
          <select
            id={`${id}-priority`}
            data-testid="rule-priority"
            className="select"
            value={draft.priority}
            onChange={(e) => set('priority', e.target.value as RuleDraft['priority'])}
          >
            <option value="">{t('routing.form.noPriority')}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </select>
        </div>
        {text('addTags', t('routing.form.addTags'))}
      </fieldset>
      {missingAction && <p className="routing__hint">{t('routing.form.needAction')}</p>}
      {save.isError && (
        <p className="form-error" role="alert">
          {describeError(t, save.error)}
        </p>
      )}
      <div className="routing__buttons">
        <button
          type="submit"
          data-testid="rule-save"
          className="button button--primary"
          disabled={save.isPending || missingAction}
        >
          {save.isPending ? t('routing.form.saving') : t('routing.form.save')}
        </button>
        <button type="button" className="button button--ghost" onClick={onDone}>
          {t('routing.form.cancel')}
        </button>
      </div>
    </form>
  );
}
