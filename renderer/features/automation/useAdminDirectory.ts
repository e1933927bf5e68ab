import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '../../lib/trpc';

/** Teams, users and macros the admin editors pick from, with id → name lookups. */
export function useAdminDirectory() {
  const trpc = useTRPC();
  const teams = useQuery({ ...trpc.teams.list.queryOptions(), staleTime: 60_000 });
  const users = useQuery({ ...trpc.users.list.queryOptions(), staleTime: 60_000 });
  const macros = useQuery({ ...trpc.macros.list.queryOptions(), staleTime: 60_000 });
  return useMemo(() => {
    const teamList = [...(teams.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    const userList = [...(users.data ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName));
    const macroList = [...(macros.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    const teamName = new Map(teamList.map((x) => [x.id, x.name]));
    const userName = new Map(userList.map((x) => [x.id, x.displayName]));
    const macroName = new Map(macroList.map((x) => [x.id, x.name]));
    return {
      teams: teamList,
      users: userList,
      agents: userList.filter((u) => u.active),
      macros: macroList,
      nameOf: (kind: 'team' | 'user' | 'macro', id: string) => (kind === 'team' ? teamName : kind === 'user' ? userName : macroName).get(id) ?? id,
    };
  }, [teams.data, users.data, macros.data]);
}
