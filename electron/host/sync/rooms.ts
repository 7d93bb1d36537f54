import type { Logger } from '../log.js';
import type { UpdateLog } from '../store/updateLog.js';
import { Room } from './room.js';

/** The rooms loaded now: one per session with at least one client connected. */
export class Rooms {
  private readonly rooms = new Map<string, Room>();

  constructor(
    private readonly log: UpdateLog,
    private readonly logger: Logger,
    /** the session list, whose titles follow the boards' */
    private readonly sessions?: { rename(id: string, title: string): void },
  ) {}

  open(sessionId: string): Room {
    let room = this.rooms.get(sessionId);
    if (room?.isFailed) {
      this.drop(room);
      room = undefined;
    }
    if (!room) {
      room = new Room(sessionId, this.log, this.logger, (title) => this.sessions?.rename(sessionId, title));
      this.rooms.set(sessionId, room);
    }
    return room;
  }

  /**
   * Run `fn` on a session's doc for a request (a vote, an estimate, a private card): live on the
   * host while anyone is connected, loaded for the request if not, and unloaded again after.
   */
  with<T>(sessionId: string, fn: (room: Room) => T): T {
    const room = this.open(sessionId);
    // The request reads what is on disk, and what it writes is committed before it answers.
    void room.flush();
    try {
      return fn(room);
    } finally {
      void room.flush();
      this.release(room);
    }
  }

  /** Unload a room once its last client has gone (its state is on disk already). */
  release(room: Room): void {
    if (room.peers.size === 0 && this.rooms.get(room.sessionId) === room) this.drop(room);
  }

  get(sessionId: string): Room | undefined {
    return this.rooms.get(sessionId);
  }

  closeAll(): void {
    for (const room of [...this.rooms.values()]) this.drop(room);
  }

  private drop(room: Room): void {
    this.rooms.delete(room.sessionId);
    room.destroy();
  }
}
