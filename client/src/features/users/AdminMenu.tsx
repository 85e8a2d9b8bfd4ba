import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MenuButton, MenuItem } from '../../components/MenuButton';
import { hashForScreen, type Screen } from '../inbox/selectionHash';

/** One header entry for the admin screens (users, audit log, job queues), so the header keeps its width. */
export function AdminMenu({ screen }: { screen: Screen | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const go = (target: Screen) => {
    setOpen(false);
    window.location.hash = hashForScreen(target);
  };
  return (
    <div className="admin-menu">
      <MenuButton
        testId="nav-admin"
        label={t('admin.menu')}
        menuLabel={t('admin.menuLabel')}
        open={open}
        onOpenChange={setOpen}
      >
        <MenuItem testId="nav-users" checked={screen === 'users'} onSelect={() => go('users')}>
          {t('admin.users.nav')}
        </MenuItem>
        <MenuItem testId="nav-audit" checked={screen === 'audit'} onSelect={() => go('audit')}>
          {t('admin.audit.nav')}
        </MenuItem>
        {/* The queue dashboard is served by the server (bull-board), outside this app. */}
        <MenuItem testId="nav-queues" onSelect={() => window.location.assign('/admin/queues')}>
          {t('admin.queues.nav')}
        </MenuItem>
      </MenuButton>
    </div>
  );
}
