// The protocol between the synchronous socket bridge (netbridge.ts, on the interpreter's thread)
// and its helper worker (netbridge_worker.ts), which owns the real sockets.
//
// Requests go to the worker by postMessage; the worker answers by postMessage on the same
// channel, then stores the request's sequence number in CTRL_DONE and notifies it. The
// interpreter thread waits on CTRL_DONE with Atomics.wait and takes the answer with
// receiveMessageOnPort (synchronous). Readiness needs no round trip: the worker keeps each
// socket's poll bits in the shared array and bumps CTRL_CHANGES whenever one changes.

/** Index of the sequence number of the last answered request. */
export const CTRL_DONE = 0;
/** Index of the readiness change counter. */
export const CTRL_CHANGES = 1;
/** Index of socket 0's poll bits; socket `id` is at CTRL_READY + id. */
export const CTRL_READY = 2;
/** Socket ids are below this. */
export const MAX_SOCKETS = 1024;

export const POLL_IN = 0x01;
export const POLL_OUT = 0x04;
export const POLL_ERR = 0x08;
export const POLL_HUP = 0x10;

export interface WireAddr {
  family: number;
  address: string;
  port: number;
}

export type NetRequest =
  | { seq: number; op: "lookup"; name: string; family: number }
  | { seq: number; op: "open"; id: number; family: number; udp: boolean; reuse: boolean }
  | { seq: number; op: "bind"; id: number; addr: WireAddr }
  | { seq: number; op: "listen"; id: number; backlog: number }
  | { seq: number; op: "accept"; id: number; newId: number }
  | { seq: number; op: "connect"; id: number; addr: WireAddr }
  | { seq: number; op: "send"; id: number; data: Uint8Array; addr: WireAddr | null; wait: boolean }
  | { seq: number; op: "recv"; id: number; n: number; peek: boolean }
  | { seq: number; op: "close"; id: number; reset: boolean }
  | { seq: number; op: "error"; id: number };

/** An answer: `value` on success, or `errno` (negative for name-resolution errors). */
export interface NetResponse {
  seq: number;
  value?: unknown;
  errno?: number;
  message?: string;
}
