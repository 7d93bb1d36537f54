import { openSheet } from '../state/phoneLayout';
import { usePresence } from '../state/presence';
import { useUi } from '../state/uiStore';
import { useBoard } from '../state/boardStore';
import { activeRound } from '../../shared/model/vote';
import type { Command } from './types';

/**
 * What a participant does with the others in the room, asked from the phone's bottom bar: follow
 * someone's view, the vote under way, and all the other tools. No keys: on a laptop the header's
 * people list and the vote bar do the same.
 */
export const roomCommands: Command[] = [
  {
    name: 'follow',
    label: 'Follow',
    group: 'View',
    icon: 'follow',
    when: (ctx) => !ctx.bigScreen,
    perform: () => {
      const { following } = useUi.getState();
      if (following !== null) return useUi.setState({ following: null });
      // Someone presenting is who the room follows; otherwise the person picks whom.
      const presenter = useBoard.getState().presenter;
      if (presenter !== null && usePresence.getState().peers[presenter]) return useUi.setState({ following: presenter });
      openSheet('follow');
    },
  },
  {
    name: 'voteRound',
    label: 'Vote',
    group: 'View',
    icon: 'vote',
    when: () => activeRound(useBoard.getState().rounds) !== null,
    perform: () => openSheet('vote'),
  },
  { name: 'allTools', label: 'All tools', group: 'Tools', icon: 'more', when: () => true, perform: () => openSheet('tools') },
];
