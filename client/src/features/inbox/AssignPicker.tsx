import { useTranslation } from 'react-i18next';
import type { UserDto } from '../../../../common/types';
import { MenuButton, MenuItem } from '../../components/MenuButton';
import { describeError } from '../../i18n/describeError';
import { useUsers } from './workflowQueries';

interface AssignPickerProps {
  assigneeId: string | null;
  user: UserDto;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onAssign: (assigneeId: string | null) => void;
  busy: boolean;
}

/** "Assign…": every colleague, the current assignee checked, and Unassign. */
export function AssignPicker({ assigneeId, user, open, onOpenChange, onAssign, busy }: AssignPickerProps) {
  const { t } = useTranslation();
  const users = useUsers();
  const choose = (id: string | null) => {
    onOpenChange(false);
    if (id !== assigneeId) onAssign(id);
  };

  return (
    <MenuButton
      testId="action-assign"
      label={t('actions.assign')}
      title={t('actions.assignTitle')}
      menuLabel={t('actions.assignMenu')}
      open={open}
      onOpenChange={onOpenChange}
      disabled={busy}
    >
      {users.isPending && <p className="menu__note">{t('actions.usersLoading')}</p>}
      {users.isError && (
        <p className="menu__note menu__note--error" role="alert">
          {t('actions.usersError')} {describeError(t, users.error)}
        </p>
      )}
      {users.data?.users.map((colleague) => (
        <MenuItem
          key={colleague.id}
          testId="assign-option"
          data={{ 'data-user-id': colleague.id }}
          checked={colleague.id === assigneeId}
          onSelect={() => choose(colleague.id)}
        >
          <span className="avatar avatar--small" aria-hidden="true">
            {colleague.initials}
          </span>
          {colleague.id === user.id ? t('actions.you', { name: colleague.name }) : colleague.name}
        </MenuItem>
      ))}
      <hr className="menu__separator" />
      <MenuItem testId="assign-none" disabled={assigneeId === null} onSelect={() => choose(null)}>
        {t('actions.unassign')}
      </MenuItem>
    </MenuButton>
  );
}
