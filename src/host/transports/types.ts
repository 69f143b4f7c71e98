// A serial transport moves bytes between a virtual board and something outside: a terminal,
// a pseudo-terminal, TCP clients. It never looks at the bytes.
import type { Board } from "../../board/index.ts";

export interface Transport {
  /** Connects the board; resolves once the transport is ready (e.g. listening). */
  start(board: Board): Promise<void>;
  /** Resolves when the user or the other end ends the session. */
  readonly done: Promise<void>;
  close(): void;
}
