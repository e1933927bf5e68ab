import type { PublicUser, User } from '../../../shared/schemas';

/** A user as the API shows it: everything but the password hash. */
export function toPublicUser(user: User): PublicUser {
  const { passwordHash: _omit, ...rest } = user;
  return rest;
}
