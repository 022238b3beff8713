/** The account calls beyond CRUD: passwords and unlocking a user locked out by failed sign-ins. */
import type { Identifier } from 'react-admin';
import { apiRequest } from '../http.ts';
import { segment, url } from './request.ts';

export interface AccountCalls {
  resetPassword(userId: Identifier, newPassword: string): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  unlockUser(userId: Identifier): Promise<void>;
}

export const accountCalls: AccountCalls = {
  async resetPassword(userId, newPassword) {
    await apiRequest(url(`/users/${segment(userId)}/reset-password`), { method: 'POST', body: { newPassword } });
  },

  async changePassword(currentPassword, newPassword) {
    await apiRequest(url('/auth/password'), { method: 'POST', body: { currentPassword, newPassword } });
  },

  async unlockUser(userId) {
    await apiRequest(url(`/users/${segment(userId)}/unlock`), { method: 'POST' });
  },
};
