import { useMemo } from 'react';
import { BenchScreen } from './screens/bench/BenchScreen';
import { BoardScreen } from './screens/board/BoardScreen';
import { JoinScreen } from './screens/sessions/JoinScreen';
import { OpenTeamServer } from './screens/sessions/OpenTeamServer';
import { readRoute, type Route } from './route';
import { SessionsScreen } from './screens/sessions/SessionsScreen';
import { TeamScreen } from './screens/sessions/TeamScreen';

export function App() {
  const route = useMemo(() => readRoute(), []);
  return (
    <>
      <Screen route={route} />
      {/* The desktop menu's File ▸ Open a team server… asks in whichever screen the window shows. */}
      {window.brownpaper && <OpenTeamServer />}
    </>
  );
}

function Screen({ route }: { route: Route }) {
  if (route.screen === 'bench') return <BenchScreen />;
  if (route.screen === 'join') return <JoinScreen />;
  if (route.screen === 'board') return <BoardScreen source={{ kind: 'host', sessionId: route.sessionId, token: route.token, projector: route.projector }} />;
  if (route.screen === 'remote') return <BoardScreen source={{ kind: 'server', server: route.server, room: route.room, token: route.token }} />;
  if (route.screen === 'team') return <TeamScreen />;
  return <SessionsScreen ownerToken={route.ownerToken} />;
}
