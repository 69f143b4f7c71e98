// machine on a virtual board: the Python API with MicroPython's messages (board_api.py and its
// expected output), IRQ and timer callbacks through the scheduler, the JS API's events and
// commands, parts wired by a diagram.
import { describe, it, expect, afterEach } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startBoard, root } from "../board/helpers.ts";
import type { Board } from "../../src/board/index.ts";

let board: Board | null = null;
afterEach(async () => {
  await board?.stop();
  board = null;
});

const here = join(root, "tests", "machine");
const lines = (s: string) => s.replace(/\r\n/g, "\n");

const DIAGRAM = JSON.stringify({
  parts: [
    { type: "wokwi-pi-pico", id: "pico" },
    { type: "wokwi-pushbutton", id: "btn1" },
    { type: "wokwi-potentiometer", id: "pot1" },
    { type: "wokwi-dht22", id: "dht1", attrs: { temperature: "21.5", humidity: "55" } },
    { type: "wokwi-hc-sr04", id: "sonar" },
    { type: "wokwi-slide-switch", id: "sw1" },
  ],
  connections: [
    ["pico:GP14", "btn1:1.l", "", []], ["btn1:2.l", "pico:GND.1", "", []],
    ["pot1:SIG", "pico:GP27", "", []], ["pot1:VCC", "pico:3V3", "", []], ["pot1:GND", "pico:GND.2", "", []],
    ["dht1:SDA", "pico:GP2", "", []],
    ["sonar:TRIG", "pico:GP3", "", []], ["sonar:ECHO", "pico:GP4", "", []],
    ["sw1:2", "pico:GP5", "", []], ["sw1:1", "pico:GND.3", "", []], ["sw1:3", "pico:3V3", "", []],
    ["pico:GP0", "pico:GP1", "", []],
  ],
});

describe("machine on a board", () => {
  it("matches MicroPython's rp2 behaviour and messages", async () => {
    board = await startBoard({ clock: "virtual" });
    const r = await board.exec(readFileSync(join(here, "board_api.py"), "utf8"));
    expect(r.error).toBe("");
    expect(lines(r.stdout)).toBe(readFileSync(join(here, "board_api.py.exp"), "utf8"));
  });

  it("prints an exception from a timer callback and keeps running", async () => {
    board = await startBoard({ clock: "virtual" });
    const r = await board.exec(
      "from machine import Timer\nimport time\ndef cb(t):\n    raise ValueError('oops')\n" +
        "Timer(period=10, mode=Timer.ONE_SHOT, callback=cb)\ntime.sleep_ms(20)\nprint('still running')\n",
    );
    expect(r.error).toBe("");
    expect(r.stdout).toMatch(/^Traceback \(most recent call last\):\r\n[^]*in cb\r\nValueError: oops\r\nstill running\r\n$/);
  });

  it("runs pin IRQs while the program sleeps, driven from the JS API", async () => {
    board = await startBoard({ diagram: DIAGRAM });
    board.write("from machine import Pin\nimport time\nn = []\nb = Pin(14, Pin.IN, Pin.PULL_UP)\n");
    board.write("b.irq(lambda p: n.append(p.irq().flags()), Pin.IRQ_FALLING)\n");
    await board.expect(">>> ");
    await board.exec("pass");
    board.write("time.sleep(30)\r");
    await new Promise((r) => setTimeout(r, 100));
    await board.press("btn1");
    await board.release("btn1");
    board.write("\x03");
    await board.expect("KeyboardInterrupt");
    expect(await board.eval("n")).toBe("[4]");
    const pins = board.events.filter((e) => e.type === "pin" && e.pin === "GP14").map((e) => e.value);
    expect(pins).toEqual([1, 0, 1]);
  });

  it("reads the potentiometer, DHT22, HC-SR04, slide switch and a loop-back UART", async () => {
    board = await startBoard({ diagram: DIAGRAM, clock: "virtual" });
    await board.set("pot1", 0.25);
    await board.set("sonar", 100);
    const r = await board.exec(`
from machine import Pin, ADC, UART
import dht, time, machine
print(ADC(Pin(27)).read_u16() // 1000)
d = dht.DHT22(Pin(2)); d.measure(); print(d.temperature(), d.humidity())
trig = Pin(3, Pin.OUT, value=0); echo = Pin(4, Pin.IN)
trig(1); time.sleep_us(10); trig(0)
us = machine.time_pulse_us(echo, 1, 30000)
print(us, round(us / 58))
sw = Pin(5, Pin.IN); print(sw.value())
u = UART(0, 115200, tx=Pin(0), rx=Pin(1)); u.write(b"ping\\n"); print(u.any(), u.readline())
try:
    dht.DHT22(Pin(9)).measure()
except OSError as e:
    print("OSError", e)
`);
    expect(r.error).toBe("");
    expect(lines(r.stdout)).toBe("16\n21.5 55.0\n5830 101\n0\n5 b'ping\\n'\nOSError [Errno 110] ETIMEDOUT\n");
    await board.control("sw1", "toggle");
    expect(await board.eval("sw.value()")).toBe("1");
    expect(await board.query("sw1")).toEqual({ position: 1 });
  });

  it("the watchdog resets a board that is not fed", async () => {
    board = await startBoard({ clock: "virtual" });
    board.write("import machine, time\rw = machine.WDT(timeout=100)\rtime.sleep(1)\r");
    await board.expect("MPY: soft reboot", 5000);
    await board.expect(">>> ");
    expect(await board.eval("__import__('machine').reset_cause()")).toBe("3");
  });
});
