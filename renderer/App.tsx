import { useMemo } from 'react';
import { BoardScreen } from './board/BoardScreen';
import { readRoute } from './route';
import { SessionsScreen } from './sessions/SessionsScreen';

export function App() {
  const route = useMemo(() => readRoute(), []);
  if (route.screen === 'board') return <BoardScreen sessionId={route.sessionId} token={route.token} />;
  return <SessionsScreen ownerToken={route.ownerToken} />;
}
