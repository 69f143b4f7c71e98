// The RFC 2217 transport (pyserial's rfc2217:// URLs): Telnet negotiation answered as RFC 854 /
// RFC 2217 describe, com-port settings acknowledged, and 0xFF data bytes doubled both ways. The
// byte sequences are those a Telnet com-port client sends (RFC 2217 section 2-3).
import { describe, it, expect, afterEach } from "vitest";
import * as net from "node:net";
import { Rfc2217Session } from "../../src/host/transports/rfc2217.ts";
import { TcpTransport } from "../../src/host/transports/tcp.ts";
import { startBoard, sleep } from "./helpers.ts";
import type { Board } from "../../src/board/index.ts";

const IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240;
const BINARY = 0, ECHO = 1, SGA = 3, COM_PORT = 44, SET_BAUDRATE = 1, SET_CONTROL = 5;

let board: Board | null = null;
afterEach(async () => {
  await board?.stop();
  board = null;
});

describe("RFC 2217 session", () => {
  it("negotiates options once, refusing what it does not offer", () => {
    const sent: number[][] = [];
    const t = new Rfc2217Session((b) => sent.push([...b]));
    expect([...t.greeting()]).toEqual([IAC, WILL, BINARY, IAC, DO, BINARY, IAC, WILL, SGA]);
    const data = t.decode(Uint8Array.of(IAC, WILL, COM_PORT, IAC, DO, ECHO, IAC, DO, SGA, IAC, WILL, BINARY, IAC, WILL, 99));
    expect(data.length).toBe(0);
    // COM-PORT accepted, ECHO refused, SGA and BINARY already agreed (no answer: no loops), 99 refused.
    expect(sent).toEqual([[IAC, DO, COM_PORT], [IAC, WONT, ECHO], [IAC, DONT, 99]]);
  });

  it("acknowledges com-port settings with the value asked for", () => {
    const sent: number[][] = [];
    const t = new Rfc2217Session((b) => sent.push([...b]));
    const baud = [0, 1, 194, 0]; // 115200, big-endian
    t.decode(Uint8Array.of(IAC, SB, COM_PORT, SET_BAUDRATE, ...baud, IAC, SE, IAC, SB, COM_PORT, SET_CONTROL, 8, IAC, SE));
    expect(sent).toEqual([
      [IAC, SB, COM_PORT, SET_BAUDRATE + 100, ...baud, IAC, SE],
      [IAC, SB, COM_PORT, SET_CONTROL + 100, 8, IAC, SE],
    ]);
  });

  it("passes data through, with 0xFF doubled on the wire, even split across chunks", () => {
    const t = new Rfc2217Session(() => {});
    expect([...t.decode(Uint8Array.of(1, IAC))]).toEqual([1]);
    expect([...t.decode(Uint8Array.of(IAC, 2))]).toEqual([IAC, 2]);
    expect([...t.encode(Uint8Array.of(IAC, 0, IAC))]).toEqual([IAC, IAC, 0, IAC, IAC]);
  });
});

describe("RFC 2217 over TCP", () => {
  it("serves the raw REPL to a Telnet com-port client, binary-clean", async () => {
    const b = (board = await startBoard());
    const tcp = new TcpTransport(0, "127.0.0.1", true);
    await tcp.start(b);
    const sock = net.connect(tcp.port, "127.0.0.1");
    let got: number[] = [];
    sock.on("data", (d) => got.push(...d));
    await new Promise((r) => sock.once("connect", r));
    await sleep(50);
    expect(got).toEqual([IAC, WILL, BINARY, IAC, DO, BINARY, IAC, WILL, SGA]);
    got = [];
    sock.write(Buffer.from([IAC, WILL, COM_PORT]));
    sock.write("\r\x03\r\x01");
    const text = () => Buffer.from(got).toString("latin1");
    for (let i = 0; i < 200 && !text().endsWith("raw REPL; CTRL-B to exit\r\n>"); i++) await sleep(10);
    expect(got.slice(0, 3)).toEqual([IAC, DO, COM_PORT]);
    got = [];
    // An inbound 0xFF arrives doubled (IAC IAC); the board's raw 0xFF goes out doubled.
    sock.write("import sys\nsys.stdout.buffer.write(bytes([255, 65]))\nprint(sys.stdin.buffer.read(2))\n\x04");
    for (let i = 0; i < 200 && !text().endsWith("\xff\xffA"); i++) await sleep(10);
    sock.write(Buffer.from([IAC, IAC, 66]));
    for (let i = 0; i < 200 && !text().endsWith("\x04>"); i++) await sleep(10);
    expect(text()).toBe("OK\xff\xffAb'\\xffB'\r\n\x04\x04>");
    sock.destroy();
    tcp.close();
  });
});
