// The board's serial link as a TCP server: pyserial's `socket://host:port` URL reaches it, so
// `mpremote connect socket://localhost:PORT` and other serial tools work. Output goes to every
// connected client (and is dropped when none is connected, like a UART nobody listens to).
import * as net from "node:net";
import type { Board } from "../../board/index.ts";
import type { Transport } from "./types.ts";

export class TcpTransport implements Transport {
  private server: net.Server | null = null;
  private clients = new Set<net.Socket>();
  private finish!: () => void;
  readonly done = new Promise<void>((r) => (this.finish = r));
  /** The port listened on (useful with port 0). */
  port = 0;

  constructor(private requestedPort: number, private host = "127.0.0.1") {}

  start(board: Board): Promise<void> {
    board.onOutput((d) => {
      for (const c of this.clients) c.write(d);
    });
    const server = net.createServer((sock) => {
      sock.setNoDelay(true);
      this.clients.add(sock);
      sock.on("data", (d) => board.write(d));
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
    for (const c of this.clients) c.destroy();
    this.server?.close();
    this.finish();
  }
}
