import type { Session } from '@parley/sdk';
import { useEffect, useSyncExternalStore } from 'react';
import { client } from './chat-client';

const allSessions = client.sessions.list();

/**
 * The user's conversations, newest first, from the client `<chat-app>` shares with React: a
 * conversation the chat creates appears here in the same render as in the chat's sidebar.
 */
export function useSessions(): readonly Session[] {
  useEffect(() => {
    if (!allSessions.loaded && !allSessions.loading) allSessions.load();
  }, []);
  // `sessions` returns the same array until something changes, as useSyncExternalStore needs.
  return useSyncExternalStore(allSessions.subscribe, () => allSessions.sessions);
}
