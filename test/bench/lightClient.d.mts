// Types of lightClient.mjs for the TypeScript tests that use it.
export declare const wallNow: () => number;
export declare const editKey: (who: number, seq: number, at?: number) => string;
export declare function encodeMapSet(client: number, clock: number, map: string, key: string, value: number): Uint8Array;
export declare class LightClient {
  constructor(url: string, who: number, options?: { clientId?: number; map?: string; localAddress?: string; name?: string });
  readonly who: number;
  readonly clientId: number;
  readonly name: string;
  readonly received: Map<string, number>;
  readonly awarenessMessages: number;
  readonly updateMessages: number;
  readonly statesFrom: Map<number, number>;
  readonly opened: Promise<void>;
  /** called after each message received */
  onChange: () => void;
  edit(seq: number): string;
  move(x: number, y: number): void;
  close(): void;
}
