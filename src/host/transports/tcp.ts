// The board's serial link as a TCP server: pyserial's `socket://host:port` URL reaches it, so
// `mpremote connect socket://localhost:PORT` and other serial tools work. With rfc2217 set, each
// connection speaks RFC 2217 (Telnet com-port control) instead, for `rfc2217://host:port` URLs.
// Output goes to every connected client (and is dropped when none is connected, like a UART
// nobody listens to).
import * as net from "node:net";
import type { Board } from "../../board/index.ts";
import type { Transport } from "./types.ts";
import { Rfc2217Session } from "./rfc2217.ts";

export class TcpTransport implements Transport {
  private server: net.Server | null = null;
  /** Each client, with its Telnet session when speaking RFC 2217. */
  private clients = new Map<net.Socket, Rfc2217Session | null>();
  private finish!: () => void;
  readonly done = new Promise<void>((r) => (this.finish = r));
  /** The port listened on (useful with port 0). */
  port = 0;

  constructor(private requestedPort: number, private host = "127.0.0.1", readonly rfc2217 = false) {}

  start(board: Board): Promise<void> {
    board.onOutput((d) => {
      for (const [c, telnet] of this.clients) c.write(telnet === null ? d : telnet.encode(d));
    });
    const server = net.createServer((sock) => {
      sock.setNoDelay(true);
      const telnet = this.rfc2217 ? new Rfc2217Session((b) => sock.write(b)) : null;
      this.clients.set(sock, telnet);
      if (telnet !== null) sock.write(telnet.greeting());
      sock.on("data", (d) => {
        const data = telnet === null ? d : telnet.decode(d);
        if (data.length > 0) board.write(data);
      });
      sock.on("close", () => this.clients.delete(sock));
      sock.on("error", () => this.clients.delete(sock));
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.requestedPort, this.host, () => {
        this.port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  close(): void {
    for (const c of this.clients.keys()) c.destroy();
    this.server?.close();
    this.finish();
  }
}
