// The server side of RFC 2217 (Telnet Com Port Control), enough for pyserial's `rfc2217://`
// URLs (and so `mpremote connect rfc2217://host:port`): Telnet option negotiation (BINARY,
// SUPPRESS-GO-AHEAD, COM-PORT-OPTION accepted, everything else refused), com-port
// subnegotiations acknowledged with the value asked for (a virtual UART takes any baud rate),
// and the data byte 0xFF doubled in both directions. One instance per connection.

const IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240;
const BINARY = 0, ECHO = 1, SGA = 3, COM_PORT_OPTION = 44;
/** Server replies to a com-port subnegotiation carry the client's command + 100. */
const SERVER_OFFSET = 100;

/** Options we agree to enable on our side (WILL) and on the client's side (DO). */
const OUR_OPTIONS = new Set([BINARY, SGA, COM_PORT_OPTION]);
const THEIR_OPTIONS = new Set([BINARY, SGA, COM_PORT_OPTION]);

const enum St { Data, Iac, Opt, Sub, SubIac }

export class Rfc2217Session {
  private st = St.Data;
  private verb = 0;
  private sub: number[] = [];
  /** Our current answer per option, so a repeated request is not answered again (no loops). */
  private ours = new Map<number, boolean>();
  private theirs = new Map<number, boolean>();

  /** @param send writes protocol bytes to the client */
  constructor(private send: (b: Uint8Array) => void) {}

  /** What the server announces when a client connects. */
  greeting(): Uint8Array {
    this.ours.set(BINARY, true).set(SGA, true);
    this.theirs.set(BINARY, true);
    return Uint8Array.of(IAC, WILL, BINARY, IAC, DO, BINARY, IAC, WILL, SGA);
  }

  /** Client bytes → the data bytes for the board (Telnet commands answered on the way). */
  decode(d: Uint8Array): Uint8Array {
    const out = new Uint8Array(d.length);
    let n = 0;
    for (const c of d) {
      switch (this.st) {
        case St.Data:
          if (c === IAC) this.st = St.Iac;
          else out[n++] = c;
          break;
        case St.Iac:
          if (c === IAC) {
            out[n++] = IAC;
            this.st = St.Data;
          } else if (c === WILL || c === WONT || c === DO || c === DONT) {
            this.verb = c;
            this.st = St.Opt;
          } else if (c === SB) {
            this.sub = [];
            this.st = St.Sub;
          } else this.st = St.Data; // NOP, break, go-ahead...: nothing to do
          break;
        case St.Opt:
          this.negotiate(this.verb, c);
          this.st = St.Data;
          break;
        case St.Sub:
          if (c === IAC) this.st = St.SubIac;
          else this.sub.push(c);
          break;
        case St.SubIac:
          if (c === SE) {
            this.subnegotiation(this.sub);
            this.st = St.Data;
          } else {
            this.sub.push(c); // IAC IAC inside a subnegotiation is a data 0xFF
            this.st = St.Sub;
          }
          break;
      }
    }
    return out.subarray(0, n);
  }

  /** Board output → bytes for the client (0xFF doubled). */
  encode(d: Uint8Array): Uint8Array {
    if (d.indexOf(IAC) < 0) return d;
    const out: number[] = [];
    for (const c of d) {
      out.push(c);
      if (c === IAC) out.push(IAC);
    }
    return Uint8Array.from(out);
  }

  private negotiate(verb: number, opt: number): void {
    if (verb === WILL || verb === WONT) {
      const yes = verb === WILL && THEIR_OPTIONS.has(opt);
      if (this.theirs.get(opt) === yes && verb === WILL) return;
      if (verb === WONT && this.theirs.get(opt) === false) return;
      this.theirs.set(opt, yes);
      this.send(Uint8Array.of(IAC, yes ? DO : DONT, opt));
    } else {
      const yes = verb === DO && OUR_OPTIONS.has(opt) && opt !== ECHO;
      if (this.ours.get(opt) === yes && verb === DO) return;
      if (verb === DONT && this.ours.get(opt) === false) return;
      this.ours.set(opt, yes);
      this.send(Uint8Array.of(IAC, yes ? WILL : WONT, opt));
    }
  }

  /** A com-port request is acknowledged with the same value (set baud rate, control lines, purge...). */
  private subnegotiation(sub: number[]): void {
    if (sub.length < 2 || sub[0] !== COM_PORT_OPTION || sub[1] >= SERVER_OFFSET) return;
    const reply = [IAC, SB, COM_PORT_OPTION, sub[1] + SERVER_OFFSET];
    for (const c of sub.slice(2)) {
      reply.push(c);
      if (c === IAC) reply.push(IAC);
    }
    reply.push(IAC, SE);
    this.send(Uint8Array.from(reply));
  }
}
