import { foldAccents } from '../../../../shared/kb/text';
import type { Role } from '../../../../shared/schemas/common';
import type { PublicUser } from '../../../../shared/schemas/user';

export interface SkillDraft {
  name: string;
  level: number;
}

/** The user form as typed: strings for the inputs, the password only when creating. */
export interface UserDraft {
  username: string;
  displayName: string;
  role: Role;
  extension: string;
  password: string;
  teamIds: string[];
  skills: SkillDraft[];
  active: boolean;
}

export const SKILL_LEVELS = [1, 2, 3, 4, 5] as const;

export function userDraft(user: PublicUser | null, teamIds: string[] = []): UserDraft {
  return {
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? 'agent',
    extension: user?.extension ?? '',
    password: '',
    teamIds: user ? [...user.teamIds] : teamIds,
    skills: user ? user.skills.map((s) => ({ ...s })) : [],
    active: user?.active ?? true,
  };
}

const extensionOf = (d: UserDraft) => (d.extension.trim() === '' ? null : d.extension.trim());
const skillsOf = (d: UserDraft) => d.skills.map((s) => ({ name: s.name.trim(), level: s.level }));

/** `users.create` input; the server validates every field. */
export function toCreateInput(d: UserDraft) {
  return { username: d.username, displayName: d.displayName, role: d.role, password: d.password, extension: extensionOf(d), teamIds: d.teamIds };
}

export type UserPatch = Partial<{ displayName: string; role: Role; extension: string | null; teamIds: string[]; skills: SkillDraft[]; active: boolean }>;

/** Only what the form changed (so the audit trail shows the real change); empty when nothing did. */
export function toPatch(user: PublicUser, d: UserDraft): UserPatch {
  const patch: UserPatch = {};
  if (d.displayName !== user.displayName) patch.displayName = d.displayName;
  if (d.role !== user.role) patch.role = d.role;
  if (extensionOf(d) !== user.extension) patch.extension = extensionOf(d);
  if (!sameSet(d.teamIds, user.teamIds)) patch.teamIds = d.teamIds;
  const skills = skillsOf(d);
  if (JSON.stringify(skills) !== JSON.stringify(user.skills)) patch.skills = skills;
  if (d.active !== user.active) patch.active = d.active;
  return patch;
}

/** Skills to set right after creating the user (`users.create` takes none). */
export function createdSkills(d: UserDraft): SkillDraft[] {
  return skillsOf(d);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export interface UserFilter {
  text: string;
  role: Role | '';
  teamId: string;
  showInactive: boolean;
}

/** Search by name, username or extension (accents and case ignored), then role, team and active. */
export function filterUsers(users: readonly PublicUser[], f: UserFilter): PublicUser[] {
  const words = foldAccents(f.text).split(/\s+/).filter(Boolean);
  return users.filter((u) => {
    if (!f.showInactive && !u.active) return false;
    if (f.role && u.role !== f.role) return false;
    if (f.teamId && !u.teamIds.includes(f.teamId)) return false;
    const haystack = foldAccents(`${u.displayName} ${u.username} ${u.extension ?? ''}`);
    return words.every((w) => haystack.includes(w));
  });
}

/** A password to hand over once: 14 characters from an alphabet without look-alikes (no 0/O, 1/l/I). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(14));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
