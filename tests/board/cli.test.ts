// `upy board` as a user runs it (from the bundle in dist/, built by `npm test`): stdio with
// piped input, a TCP server reachable as pyserial's socket://, a project folder, bad options.
import { describe, it, expect } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, openSync, writeSync, createReadStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as net from "node:net";
import { root, sleep } from "./helpers.ts";

const upy = join(root, "dist", "upy.js");

describe("upy board", () => {
  it("runs a board on stdio and ends when piped input is done", () => {
    const r = spawnSync(process.execPath, [upy, "board"], { input: "print(1+1)\r", encoding: "latin1", timeout: 20000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^MicroPython v[\d.]+ on [\d-]+; Raspberry Pi Pico with RP2040\r\n/);
    expect(r.stdout).toMatch(/>>> print\(1\+1\)\r\n2\r\n>>> $/);
  });

  it("runs a bundled example project on a virtual Pico", async () => {
    const child = spawn(process.execPath, [upy, "board", join(root, "examples", "blink")], { stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d.toString("latin1")));
    const exited = new Promise<number | null>((r) => child.on("exit", r));
    for (let i = 0; i < 500 && !out.includes("tick 1"); i++) await sleep(20);
    expect(out).toContain("blink on Raspberry Pi Pico with RP2040\r\nLED on  tick 1");
    child.stdin.end("\x03"); // Ctrl-C stops main.py; the session ends at the prompt
    expect(await exited).toBe(0);
    expect(out).toMatch(/KeyboardInterrupt: \r\nMicroPython[^]*>>> $/);
  });

  it("keeps files in --fs DIR", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "upy-cli-board-")), "fs");
    const r = spawnSync(process.execPath, [upy, "board", "--fs", dir, "--board", "esp32"], {
      input: "f = open('hello.txt', 'w')\rf.write('hi')\rf.close()\r", encoding: "latin1", timeout: 20000,
    });
    expect(r.stdout).toContain("Generic ESP32 module with ESP32");
    expect(readFileSync(join(dir, "hello.txt"), "utf8")).toBe("hi");
  });

  it("serves the serial link over TCP", async () => {
    const child = spawn(process.execPath, [upy, "board", "--serial", "tcp:0"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      let err = "";
      child.stderr.on("data", (d) => (err += d));
      for (let i = 0; i < 200 && !/socket:\/\/localhost:\d+/.test(err); i++) await sleep(20);
      const port = Number(/socket:\/\/localhost:(\d+)/.exec(err)![1]);
      const sock = net.connect(port, "127.0.0.1");
      let got = "";
      sock.on("data", (d) => (got += d.toString("latin1")));
      await new Promise((r) => sock.once("connect", r));
      sock.write("\r\x03\r\x01");
      for (let i = 0; i < 200 && !got.endsWith("raw REPL; CTRL-B to exit\r\n>"); i++) await sleep(20);
      got = "";
      sock.write("print(123)\x04");
      for (let i = 0; i < 200 && !got.endsWith("\x04>"); i++) await sleep(20);
      expect(got).toBe("OK123\r\n\x04\x04>");
      sock.destroy();
    } finally {
      child.kill();
    }
  });

  it("serves a board UART as a TCP byte stream with --uart N=tcp:PORT", async () => {
    const dir = mkdtempSync(join(tmpdir(), "upy-cli-uart-"));
    writeFileSync(join(dir, "main.py"), [
      "from machine import UART", "import time", "u = UART(1, 115200)",
      "while True:", "    if u.any():", "        u.write(b'<' + u.read() + b'>')", "    time.sleep_ms(2)", "",
    ].join("\n"));
    const child = spawn(process.execPath, [upy, "board", "--uart", "1=tcp:0", dir], { stdio: ["pipe", "pipe", "pipe"] });
    try {
      let err = "";
      child.stderr.on("data", (d) => (err += d));
      for (let i = 0; i < 200 && !/uart1 on socket:\/\/localhost:\d+/.test(err); i++) await sleep(20);
      const port = Number(/uart1 on socket:\/\/localhost:(\d+)/.exec(err)![1]);
      const sock = net.connect(port, "127.0.0.1");
      let got = "";
      sock.on("data", (d) => (got += d.toString("latin1")));
      await new Promise((r) => sock.once("connect", r));
      sock.write("ping");
      for (let i = 0; i < 200 && got.replace(/[<>]/g, "") !== "ping"; i++) await sleep(20);
      expect(got.replace(/[<>]/g, "")).toBe("ping");
      expect(got.startsWith("<")).toBe(true);
      sock.destroy();
    } finally {
      child.kill();
    }
  });

  it("serves RFC 2217 (pyserial's rfc2217://) with --serial rfc2217:PORT", async () => {
    const child = spawn(process.execPath, [upy, "board", "--serial", "rfc2217:0"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      let err = "";
      child.stderr.on("data", (d) => (err += d));
      for (let i = 0; i < 200 && !/rfc2217:\/\/localhost:\d+/.test(err); i++) await sleep(20);
      const port = Number(/rfc2217:\/\/localhost:(\d+)/.exec(err)![1]);
      const sock = net.connect(port, "127.0.0.1");
      const got: number[] = [];
      sock.on("data", (d) => got.push(...d));
      await new Promise((r) => sock.once("connect", r));
      for (let i = 0; i < 200 && got.length < 9; i++) await sleep(20);
      expect(got.slice(0, 3)).toEqual([255, 251, 0]); // IAC WILL BINARY
      sock.destroy();
    } finally {
      child.kill();
    }
  });

  // The pty transport uses python3's pty module (Node has no pty API).
  it.skipIf(spawnSync("python3", ["-c", "import pty"]).status !== 0)("serves the serial link on a pseudo-terminal", async () => {
    const child = spawn(process.execPath, [upy, "board", "--serial", "pty"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      let err = "";
      child.stderr.on("data", (d) => (err += d));
      for (let i = 0; i < 200 && !/ on (\/dev\/\S+)/.test(err); i++) await sleep(20);
      const dev = / on (\/dev\/\S+)/.exec(err)![1];
      const fd = openSync(dev, "r+");
      const input = createReadStream("", { fd });
      input.on("error", () => {}); // the pty goes away when the board stops
      let got = "";
      input.on("data", (d) => (got += (d as Buffer).toString("latin1")));
      writeSync(fd, "\r\x01");
      for (let i = 0; i < 200 && !got.endsWith("raw REPL; CTRL-B to exit\r\n>"); i++) await sleep(20);
      got = "";
      writeSync(fd, "print(321)\x04");
      for (let i = 0; i < 200 && !got.endsWith("\x04>"); i++) await sleep(20);
      expect(got).toBe("OK321\r\n\x04\x04>");
      input.destroy();
    } finally {
      child.kill();
    }
  });

  it("rejects unknown options and boards", () => {
    const r = spawnSync(process.execPath, [upy, "board", "--board", "nope"], { encoding: "utf8", timeout: 20000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown board 'nope'/);
    const r2 = spawnSync(process.execPath, [upy, "board", "--serial", "carrier-pigeon"], { encoding: "utf8", timeout: 20000 });
    expect(r2.status).toBe(2);
  });
});
