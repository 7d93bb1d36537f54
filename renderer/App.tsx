import { useMemo } from 'react';
import { BenchScreen } from './screens/bench/BenchScreen';
import { BoardScreen } from './screens/board/BoardScreen';
import { JoinScreen } from './screens/sessions/JoinScreen';
import { readRoute } from './route';
import { SessionsScreen } from './screens/sessions/SessionsScreen';

export function App() {
  const route = useMemo(() => readRoute(), []);
  if (route.screen === 'bench') return <BenchScreen />;
  if (route.screen === 'join') return <JoinScreen />;
  if (route.screen === 'board') return <BoardScreen source={{ kind: 'host', sessionId: route.sessionId, token: route.token, projector: route.projector }} />;
  if (route.screen === 'remote') return <BoardScreen source={{ kind: 'server', server: route.server, room: route.room, token: route.token }} />;
  return <SessionsScreen ownerToken={route.ownerToken} />;
}
