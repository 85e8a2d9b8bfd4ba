import type { Role } from './types';

/** User management (issue 7, point 7): shared between the server's routes and the admin screen. */

export interface ManagedUserDto {
  id: string;
  email: string;
  name: string;
  initials: string;
  role: Role;
  locale: 'en' | 'de';
  active: boolean;
  teamIds: string[];
}

export interface PendingInviteDto {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
}

/** `GET /api/users/manage` (admins). */
export interface ManagedUserListResponse {
  users: ManagedUserDto[];
  invites: PendingInviteDto[];
}

/** `POST /api/users/invites` (admins): the one-time link is shown once, never stored in clear. */
export interface InviteRequest {
  email: string;
  role: Role;
  locale: 'en' | 'de';
  teamIds: string[];
}
export interface InviteResponse {
  invite: PendingInviteDto;
  /** Path of the one-time link: `/#/invite/<token>`; the admin passes it on. */
  link: string;
}

/** `PATCH /api/users/:id` (admins): any subset. */
export interface ManageUserRequest {
  name?: string;
  initials?: string;
  role?: Role;
  locale?: 'en' | 'de';
  teamIds?: string[];
}

/** `GET /api/invites/:token` (public): what the invitee is about to accept. */
export interface InviteInfoResponse {
  email: string;
  locale: 'en' | 'de';
}
/** `POST /api/invites/:token/accept` (public). */
export interface AcceptInviteRequest {
  name: string;
  initials: string;
  password: string;
}
