// Host services: the one door through which the core (compiler, runtime, modules) reaches the
// outside world. The `upy` CLI fills it with Node's file system and streams; a virtual board
// fills it with its VFS and serial link; a browser page with what it has. Nothing under
// compiler/, runtime/ or modules/ touches Node APIs directly.

export interface StatResult {
  isDir: boolean;
  size: number;
  mtime: number;
}

export interface HostFS {
  /**
   * True when open(path, "w") must keep the old contents until the new ones are committed
   * (close/flush replace the file in one step): a board's flash never shows a truncated file.
   */
  readonly deferTruncate?: boolean;
  /** The whole file, or null when it does not exist / is not a file. */
  readFile(path: string): Uint8Array | null;
  stat(path: string): StatResult | null;
  /** Raises an OSError-shaped HostError on failure. */
  writeFile(path: string, data: Uint8Array, append: boolean): void;
  listdir(path: string): string[];
  mkdir(path: string): void;
  rmdir(path: string): void;
  remove(path: string): void;
  rename(from: string, to: string): void;
  getcwd(): string;
  chdir(path: string): void;
}

/** An error from a host service, carrying the errno Python's OSError should get. */
export class HostError extends Error {
  constructor(public errno: number, message: string) {
    super(message);
  }
}

/** An address of the network service: IPv4/IPv6 text form and port. */
export interface NetAddr {
  /** 2 (AF_INET) or 10 (AF_INET6). */
  family: number;
  address: string;
  port: number;
}

/**
 * Network sockets (the socket module), all synchronous. Sockets are named by small ids the
 * caller picks. Operations that would block return null (the caller waits with readiness() /
 * wait()); failures raise HostError with the errno.
 */
export interface HostNet {
  /** The addresses of a host name (family 0: any). Raises HostError(-EAI_*) when unresolved. */
  getaddrinfo(name: string, family: number): { family: number; address: string }[];
  open(id: number, family: number, udp: boolean, reuseAddr: boolean): void;
  bind(id: number, addr: NetAddr): void;
  listen(id: number, backlog: number): void;
  /** Takes a pending connection as socket `newId`; null when none is pending. */
  accept(id: number, newId: number): NetAddr | null;
  /** Starts connecting; completion shows in readiness() (POLLOUT, or POLLERR with error()). */
  connect(id: number, addr: NetAddr): void;
  /** Sends (to `addr` for datagrams); `wait`: until the data reached the system. Null: would block. */
  send(id: number, data: Uint8Array, addr: NetAddr | null, wait: boolean): number | null;
  /** Up to n bytes (empty at end of stream), or null when none are available now; `peek`: keep them. */
  recv(id: number, n: number, peek: boolean): { data: Uint8Array; from: NetAddr | null } | null;
  /** Closes; `reset`: abort the connection (SO_LINGER with a zero time). */
  close(id: number, reset: boolean): void;
  /** The errno of a failed connection (0: none), cleared by reading it. */
  error(id: number): number;
  /** Poll bits (POLLIN 1, POLLOUT 4, POLLERR 8, POLLHUP 16) of an open socket; no round trip. */
  readiness(id: number): number;
  /** Blocks until some readiness changed since the last readiness() call, or ms pass. */
  wait(ms: number): void;
}

export interface Host {
  /** Writes to the console (fd 1 = stdout, 2 = stderr). Text is UTF-8 encoded by the host. */
  write(fd: 1 | 2, data: string | Uint8Array): void;
  /** Reads one line from the console (without the newline), or null at end of input. */
  readLine(prompt: string): string | null;
  /** Reads up to n bytes from the console input; empty at end of input. */
  readBytes(n: number): Uint8Array;
  fs: HostFS | null;
  /** Milliseconds since an arbitrary epoch, fractional allowed (monotonic). */
  monotonicMs(): number;
  /** Wall clock: milliseconds since 1970. */
  epochMs(): number;
  /** Blocks for ms milliseconds (Atomics.wait in workers; a busy wait is never acceptable). */
  sleepMs(ms: number): void;
  randomBytes(n: number): Uint8Array;
  /** Environment variables (MICROPYPATH, ...). */
  getenv(name: string): string | undefined;
  /** Ends the program (upy) with an exit code. */
  exit(code: number): never;
  /** Optional services (modules fall back to a sensible behaviour when absent): */
  /** Sets / removes an environment variable (os.putenv, os.unsetenv). */
  putenv?(name: string, value: string | null): void;
  /** Bytes of memory the program's objects use now (gc.mem_alloc, micropython.mem_*). */
  memUsed?(): number;
  /**
   * True when the JS heap is close to its limit, with `extraBytes` more about to be allocated
   * at once. The runtime asks now and then while a program
   * allocates (memguard.ts) and raises MemoryError: running out would end the whole process.
   */
  heapPressure?(extraBytes: number): boolean;
  /** The heap size gc reports (default: the unix port's 2 MB heap). */
  heapSize?: number;
  /** Asks the JS engine for a collection when it allows it (gc.collect). */
  collect?(): void;
  /** File-system statistics for os.statvfs: block size, total, free and available blocks. */
  statvfs?(path: string): { bsize: number; blocks: number; bfree: number; bavail: number } | null;
  /** Host name and machine for os.uname. */
  uname?(): { nodename: string; machine: string };
  /**
   * True when console input can be read without blocking (select.poll on sys.stdin reports
   * POLLIN). Absent: never ready.
   */
  inputReady?(): boolean;
  /**
   * Blocks until console input is pending or ms (real) milliseconds pass, whichever is first
   * (select.poll waiting on sys.stdin). Absent: polls use sleepMs.
   */
  waitInput?(ms: number): void;
  /** Network sockets (the socket module); absent: socket operations raise OSError. */
  net?: HostNet;
}

const noFs = null;

function unavailable(what: string): never {
  throw new HostError(95 /* EOPNOTSUPP */, `${what} not available`);
}

/** The active host; replaced wholesale by setHost(). */
export let host: Host = {
  write: () => {},
  readLine: () => null,
  readBytes: () => new Uint8Array(0),
  fs: noFs,
  monotonicMs: () => performance.now(),
  epochMs: () => Date.now(),
  sleepMs: () => unavailable("sleep"),
  randomBytes: (n) => {
    const b = new Uint8Array(n);
    crypto.getRandomValues(b);
    return b;
  },
  getenv: () => undefined,
  exit: () => unavailable("exit"),
};

export function setHost(h: Host): void {
  host = h;
}
