import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SLA_STATES, type SlaState } from '../../../../../common/sla';
import {
  type ConversationFilters,
  PLATFORMS,
  type Platform,
  PRIORITIES,
  type Priority,
} from '../../../../../common/types';
import { useChannelAccounts } from '../../accounts/accountQueries';

const LANGUAGES = ['de', 'en'] as const;

interface FilterPanelProps {
  value: ConversationFilters;
  onChange: (filters: ConversationFilters) => void;
}

function pick<T extends string>(options: readonly T[], raw: string): T | undefined {
  return (options as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

/** Narrows the list: channel, account, tag, priority, language, waiting longer than, SLA state. */
export function FilterPanel({ value, onChange }: FilterPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const accounts = useChannelAccounts();
  const set = (patch: Partial<ConversationFilters>) => onChange({ ...value, ...patch });

  return (
    <fieldset data-testid="filter-panel" className="filter-panel">
      <legend className="visually-hidden">{t('inboxList.filters')}</legend>
      <label className="filter-panel__field" htmlFor={`${id}-platform`}>
        <span>{t('inboxList.platform')}</span>
        <select
          id={`${id}-platform`}
          data-testid="filter-platform"
          className="select select--compact"
          value={value.platform ?? ''}
          onChange={(e) => set({ platform: pick<Platform>(PLATFORMS, e.target.value) })}
        >
          <option value="">{t('inboxList.any')}</option>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {t(`platform.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-panel__field" htmlFor={`${id}-account`}>
        <span>{t('inboxList.account')}</span>
        <select
          id={`${id}-account`}
          data-testid="filter-account"
          className="select select--compact"
          value={value.channelAccountId ?? ''}
          onChange={(e) => set({ channelAccountId: e.target.value || undefined })}
        >
          <option value="">{t('inboxList.any')}</option>
          {(accounts.data ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {`${t(`platform.${a.platform}`)} · ${a.platform === 'x' ? '@' : ''}${a.handle}`}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-panel__field" htmlFor={`${id}-priority`}>
        <span>{t('inboxList.priority')}</span>
        <select
          id={`${id}-priority`}
          data-testid="filter-priority"
          className="select select--compact"
          value={value.priority ?? ''}
          onChange={(e) => set({ priority: pick<Priority>(PRIORITIES, e.target.value) })}
        >
          <option value="">{t('inboxList.any')}</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-panel__field" htmlFor={`${id}-sla`}>
        <span>{t('inboxList.sla')}</span>
        <select
          id={`${id}-sla`}
          data-testid="filter-sla"
          className="select select--compact"
          value={value.sla ?? ''}
          onChange={(e) => set({ sla: pick<SlaState>(SLA_STATES, e.target.value) })}
        >
          <option value="">{t('inboxList.any')}</option>
          {SLA_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`inboxList.slaState.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-panel__field" htmlFor={`${id}-language`}>
        <span>{t('inboxList.language')}</span>
        <select
          id={`${id}-language`}
          data-testid="filter-language"
          className="select select--compact"
          value={value.language ?? ''}
          onChange={(e) => set({ language: e.target.value || undefined })}
        >
          <option value="">{t('inboxList.any')}</option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {l.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-panel__field" htmlFor={`${id}-tag`}>
        <span>{t('inboxList.tag')}</span>
        <input
          id={`${id}-tag`}
          data-testid="filter-tag"
          className="input input--compact"
          value={value.tag ?? ''}
          maxLength={40}
          onChange={(e) => set({ tag: e.target.value.trim().toLowerCase() || undefined })}
        />
      </label>
      <label className="filter-panel__field" htmlFor={`${id}-waiting`}>
        <span>{t('inboxList.waitingMinutes')}</span>
        <input
          id={`${id}-waiting`}
          data-testid="filter-waiting"
          className="input input--compact"
          type="number"
          min={0}
          max={525600}
          value={value.waitingMinutes ?? ''}
          onChange={(e) => {
            const minutes = Number.parseInt(e.target.value, 10);
            set({ waitingMinutes: Number.isFinite(minutes) && minutes >= 0 ? minutes : undefined });
          }}
        />
      </label>
    </fieldset>
  );
}
