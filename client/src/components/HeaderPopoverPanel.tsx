import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/describeError';
import type { useHeaderPopover } from './useHeaderPopover';

type HeaderPopover = ReturnType<typeof useHeaderPopover>;

/** The count on a header button (notifications, drafts); nothing at zero, "99+" above 99. */
export function HeaderCount({
  count,
  testId,
  className,
}: {
  count: number;
  testId: string;
  className: string;
}) {
  if (count <= 0) return null;
  return (
    <span data-testid={testId} className={className} aria-hidden="true">
      {count > 99 ? '99+' : count}
    </span>
  );
}

/**
 * The open popover of a header button: a labelled dialog with its title (and optional actions), the
 * loading, error and empty notes of the query behind it, then the list.
 */
export function HeaderPopoverPanel(props: {
  popover: HeaderPopover;
  testId: string;
  title: string;
  actions?: ReactNode;
  query: { isPending: boolean; isError: boolean; isSuccess: boolean; error: unknown };
  empty: boolean;
  notes: { loading: string; error: string; empty: string };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { popover, query, notes } = props;
  return (
    <div
      ref={popover.panel}
      id={popover.panelId}
      data-testid={props.testId}
      className="notifications__panel"
      role="dialog"
      aria-labelledby={popover.titleId}
      tabIndex={-1}
      onKeyDown={popover.onPanelKeyDown}
    >
      <header className="notifications__header">
        <h2 id={popover.titleId} className="notifications__title">
          {props.title}
        </h2>
        {props.actions}
      </header>
      {query.isPending && <p className="notifications__note">{notes.loading}</p>}
      {query.isError && (
        <p className="notifications__note form-error" role="alert">
          {notes.error} {describeError(t, query.error)}
        </p>
      )}
      {query.isSuccess && props.empty && <p className="notifications__note">{notes.empty}</p>}
      {props.children}
    </div>
  );
}
