// Parts on a virtual board driven through their real protocols: DS18B20 sensors on a 1-Wire
// bus (onewire + ds18x20), a MAX7219 matrix on SPI, a UART fed and read by the host through
// the JS API; and the rp2 details around them (RTC → time, disable_irq, PWM quantisation,
// callback tracebacks).
import { describe, it, expect, afterEach } from "vitest";
import { startBoard, workerPath } from "../board/helpers.ts";
import { createBoard, type Board } from "../../src/board/index.ts";

let board: Board | null = null;
afterEach(async () => {
  await board?.stop();
  board = null;
});

const lines = (s: string) => s.replace(/\r\n/g, "\n");

async function run(code: string): Promise<string> {
  const r = await board!.exec(code);
  expect(r.error).toBe("");
  return lines(r.stdout);
}

const ONEWIRE = JSON.stringify({
  parts: [
    { type: "wokwi-pi-pico", id: "pico" },
    { type: "wokwi-ds18b20", id: "t1", attrs: { deviceID: "0000000000a1", temperature: "21.5" } },
    { type: "wokwi-ds18b20", id: "t2", attrs: { deviceID: "0000000000b2", temperature: "-10.0625" } },
    { type: "wokwi-ds18b20", id: "t3", attrs: { deviceID: "0000000000a3" } },
    { type: "wokwi-ds18b20", id: "s1", attrs: { deviceID: "000000000042", familyCode: "10", temperature: "25.5" } },
    { type: "wokwi-ds18b20", id: "lone", attrs: {} },
    { type: "wokwi-resistor", id: "r1", attrs: { value: "4700" } },
  ],
  connections: [
    ["t1:DQ", "pico:GP22", "", []], ["t2:DQ", "pico:GP22", "", []], ["t3:DQ", "pico:GP22", "", []], ["s1:DQ", "pico:GP22", "", []],
    ["r1:1", "pico:GP22", "", []], ["r1:2", "pico:3V3", "", []],
    ["lone:DQ", "pico:GP2", "", []],
  ],
});

describe("1-Wire: DS18B20 sensors", () => {
  it("scan() finds every sensor on the bus; convert_temp()/read_temp() read each one", async () => {
    board = await startBoard({ diagram: ONEWIRE, clock: "virtual" });
    const out = await run(`
import onewire, ds18x20, time
from machine import Pin
ow = onewire.OneWire(Pin(22))
ds = ds18x20.DS18X20(ow)
roms = ds.scan()
print(len(roms), sorted(bytes(r).hex() for r in roms))
print(all(ow.crc8(r) == 0 for r in roms), type(roms[0]).__name__)
byid = {r[1]: r for r in roms}
print([ds.read_temp(byid[k]) for k in (0xa1, 0xb2, 0xa3, 0x42)])
ds.convert_temp()
time.sleep_ms(750)
print([ds.read_temp(byid[k]) for k in (0xa1, 0xb2, 0xa3, 0x42)])
print(ow.reset(), onewire.OneWire(Pin(9)).reset(), onewire.OneWire(Pin(9)).scan())
try:
    onewire.OneWire(Pin(9)).reset(True)
except onewire.OneWireError as e:
    print("OneWireError", repr(e), isinstance(e, Exception))
`);
    expect(out).toBe(
      "4 ['10420000000000e0', '28a1000000000075', '28a300000000001b', '28b2000000000077']\n" +
        "True bytearray\n" +
        "[85.0, 85.0, 85.0, 85.0]\n" +
        "[21.5, -10.0625, 22.0, 25.5]\n" +
        "True False []\n" +
        "OneWireError OneWireError() True\n",
    );
  });

  it("follows the JS API's temperature, the resolution in the config register and the conversion time", async () => {
    board = await startBoard({ diagram: ONEWIRE, clock: "virtual" });
    await board.set("t1", 21.3);
    await board.set("t2", { temperature: -0.5 });
    const out = await run(`
import onewire, ds18x20, time
from machine import Pin
ow = onewire.OneWire(Pin(22))
ds = ds18x20.DS18X20(ow)
t1 = bytearray(b"\\x28\\xa1\\0\\0\\0\\0\\0\\x75")
t2 = bytearray(b"\\x28\\xb2\\0\\0\\0\\0\\0\\x77")
ds.convert_temp(); time.sleep_ms(750)
print(ds.read_temp(t1), ds.read_temp(t2))
sp = ds.read_scratch(t1)
print(bytes(sp).hex(), ow.crc8(sp[:8]) == sp[8])
ds.write_scratch(t1, b"\\x4b\\x46\\x1f")
print(bytes(ds.read_scratch(t1)[2:5]).hex())
ds.convert_temp(); time.sleep_ms(750)
print(ds.read_temp(t1))
# while converting, read slots give 0; the old reading stays until the conversion ends
ow.reset(); ow.writebyte(ow.SKIP_ROM); ow.writebyte(0x44)
print(ow.readbit())
time.sleep_ms(100); print(ow.readbit())
time.sleep_ms(700); print(ow.readbit())
# READ ROM on a bus with one device
lone = onewire.OneWire(Pin(2))
lone.reset(); lone.writebyte(0x33); b = bytearray(8); lone.readinto(b)
print(b.hex(), lone.crc8(b), [bytes(r) == b for r in lone.scan()])
`);
    expect(out).toBe(
      "21.3125 -0.5\n" +
        "55014b467fff0c10" + crcHex([0x55, 0x01, 0x4b, 0x46, 0x7f, 0xff, 0x0c, 0x10]) + " True\n" +
        "4b461f\n" +
        "21.0\n" +
        "0\n0\n1\n" +
        "280605040302015b 0 [True]\n",
    );
    expect((await board.query("t1")).resolution).toBe(9);
    expect((await board.query("lone")).rom).toBe("280605040302015b");
  });

  it("runs the onewire tutorial's example unchanged", async () => {
    board = await startBoard({ diagram: ONEWIRE, clock: "virtual" });
    const out = await run(`
import time
import machine
import onewire, ds18x20
dat = machine.Pin(22)
ds = ds18x20.DS18X20(onewire.OneWire(dat))
roms = ds.scan()
print('found devices:', len(roms))
for i in range(2):
    print('temperatures:', end=' ')
    ds.convert_temp()
    time.sleep_ms(750)
    for rom in roms:
        print(ds.read_temp(rom), end=' ')
    print()
`);
    // The search finds the ROMs in the order of its binary tree walk.
    expect(out).toBe("found devices: 4\ntemperatures: 22.0 21.5 -10.0625 25.5 \ntemperatures: 22.0 21.5 -10.0625 25.5 \n");
  });
});

/** The CRC8 a scratchpad ends with, as two hex digits (computed here independently). */
function crcHex(bytes: number[]): string {
  let crc = 0;
  for (let b of bytes) {
    for (let i = 0; i < 8; i++) {
      const mix = (crc ^ b) & 1;
      crc >>= 1;
      if (mix) crc ^= 0x8c;
      b >>= 1;
    }
  }
  return crc.toString(16).padStart(2, "0");
}

const SPI_DIAGRAM = JSON.stringify({
  parts: [
    { type: "wokwi-pi-pico", id: "pico" },
    { type: "wokwi-max7219-matrix", id: "m1", attrs: { chain: "2" } },
  ],
  connections: [
    ["m1:DIN", "pico:GP19", "", []], ["m1:CLK", "pico:GP18", "", []], ["m1:CS", "pico:GP17", "", []],
    ["m1:V+", "pico:VBUS", "", []], ["m1:GND", "pico:GND.5", "", []],
    ["pico:GP3", "pico:GP4", "", []],
  ],
});

describe("SPI: a MAX7219 matrix", () => {
  it("latches what SPI writes on CS's rising edge; the host reads the display", async () => {
    board = await startBoard({ diagram: SPI_DIAGRAM, clock: "virtual" });
    const out = await run(`
from machine import Pin, SPI, SoftSPI
spi = SPI(0, baudrate=1_000_000, sck=Pin(18), mosi=Pin(19), miso=Pin(16))
cs = Pin(17, Pin.OUT, value=1)
def cmd(reg, right, left):
    cs(0); spi.write(bytes([reg, left, reg, right])); cs(1)
for reg, v in ((0x0C, 1), (0x0B, 7), (0x09, 0), (0x0F, 0), (0x0A, 3)):
    cmd(reg, v, v)
for r in range(8):
    cmd(r + 1, 1 << r, 0x80 >> r)
print(spi.read(3), spi.read(2, 0x55))
buf = bytearray(2); spi.readinto(buf); print(buf)
rb = bytearray(2); spi.write_readinto(b"\\x01\\x02", rb); print(rb)
soft = SoftSPI(baudrate=100000, sck=Pin(2), mosi=Pin(3), miso=Pin(4))
print(soft.read(2, 0x5a), SoftSPI(sck=Pin(5), mosi=Pin(6), miso=Pin(7)).read(1))
`);
    expect(out).toBe("b'\\xff\\xff\\xff' b'\\xff\\xff'\nbytearray(b'\\xff\\xff')\nbytearray(b'\\xff\\xff')\nb'ZZ' b'\\xff'\n");
    const px: string[] = await board.query("m1", "pixels");
    expect(px).toEqual([
      "#..............#", ".#............#.", "..#..........#..", "...#........#...",
      "....#......#....", ".....#....#.....", "......#..#......", ".......##.......",
    ]);
    expect((await board.query("m1")).modules[0].intensity).toBe(3);
    // Shutdown (register C = 0) darkens the display; a write with CS high reaches nobody.
    await run("cmd(0x0C, 0, 1)\nspi.write(bytes([0x0C, 0, 0x0C, 0]))");
    expect((await board.query("m1", "pixels"))[0]).toBe("#...............");
  });
});

describe("SPI: an SSD1306 OLED", () => {
  it("takes commands (DC low) and pixel data (DC high) over SPI with CS through a Pin", async () => {
    const diagram = JSON.stringify({
      parts: [{ type: "wokwi-pi-pico", id: "pico" }, { type: "board-ssd1306", id: "oled" }],
      connections: [
        ["oled:DATA", "pico:GP11", "", []], ["oled:CLK", "pico:GP10", "", []], ["oled:CS", "pico:GP13", "", []],
        ["oled:DC", "pico:GP12", "", []], ["oled:RST", "pico:GP14", "", []],
      ],
    });
    board = await startBoard({ diagram, clock: "virtual" });
    await run(`
from machine import Pin, SoftSPI
import framebuf
spi = SoftSPI(baudrate=1_000_000, sck=Pin(10), mosi=Pin(11), miso=Pin(8))
dc = Pin(12, Pin.OUT, value=0); cs = Pin(13, Pin.OUT, value=1); res = Pin(14, Pin.OUT, value=1)
def cmd(*c):
    dc(0); cs(0); spi.write(bytes(c)); cs(1)
for c in ((0xAE,), (0x20, 0), (0xA8, 63), (0x8D, 0x14), (0xAF,)):
    cmd(*c)
buf = bytearray(128 * 8)
fb = framebuf.FrameBuffer(buf, 128, 64, framebuf.MONO_VLSB)
fb.fill_rect(0, 0, 4, 2, 1); fb.pixel(127, 63, 1)
cmd(0x21, 0, 127); cmd(0x22, 0, 7)
dc(1); cs(0); spi.write(buf); cs(1)
# CS high: the display ignores the bus
dc(1); spi.write(bytes([255]) * 16)
`);
    const px: string[] = await board.query("oled", "pixels");
    expect(px[0].slice(0, 6)).toBe("####..");
    expect(px[1].slice(0, 6)).toBe("####..");
    expect(px[2].slice(0, 6)).toBe("......");
    expect(px[63].slice(-2)).toBe(".#");
    expect((await board.query("oled")).on).toBe(true);
  });
});

describe("UART from the host", () => {
  it("feeds bytes at the baud rate on board time; RXIDLE fires when the line goes quiet", async () => {
    // main.py runs before the REPL waits for input (a virtual clock jumps ahead while it waits).
    const main = `from machine import UART
import time
seen = []
u = UART(1, 9600)
u.irq(lambda u: seen.append(u.any()), UART.IRQ_RXIDLE)
time.sleep_ms(10)
print(u.any())
time.sleep_ms(8)
print(u.any(), u.readline(), seen)
time.sleep_ms(10)
print(u.readline(), seen, u.read())
u.write(b"ok\\n")
u.init(timeout=100)
print(u.read(3), time.ticks_ms())
`;
    board = createBoard({
      workerUrl: await workerPath(), clock: "virtual", files: { "/main.py": main },
      stimuli: [{ part: "$uart1", action: "write", value: [..."hello\nworld\n"].map((c) => c.charCodeAt(0)), at: 10 }, { part: "$uart1", action: "write", value: [65, 66, 67], at: 40 }],
    });
    // 10 bits a byte at 9600 baud: 1.04 ms each; RXIDLE 32 bit times (3.3 ms) after the last.
    const boot = lines(await board.expect(">>> "));
    expect(boot.slice(boot.indexOf("\n0\n") + 1, boot.indexOf("MicroPython v"))).toBe("0\n7 b'hello\\n' []\nb'world\\n' [6] None\nb'ABC' 43\n");
    expect(board.events.filter((e) => e.type === "uart").map((e) => [e.uart, e.data, e.t])).toEqual([[1, [111, 107, 10], 28]]);
    expect(new TextDecoder().decode(board.uart(1).received())).toBe("ok\n");
    // The JS API: write() now (the board takes it while it waits), onData() for what it sends.
    const sent: string[] = [];
    board.uart(1).onData((d) => sent.push(new TextDecoder().decode(d)));
    await board.uart(1).write("xyz\n");
    expect(await run("print(u.readline())\nu.write('pong')")).toBe("b'xyz\\n'\n");
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toEqual(["pong"]);
  });

  it("takes scripted bytes at a board time (stimuli)", async () => {
    board = await startBoard({ clock: "virtual", stimuli: [{ part: "$uart0", action: "write", value: [104, 105, 10], at: 50 }] });
    const out = await run("from machine import UART\nimport time\nu = UART(0, 115200, timeout=1000)\nprint(u.readline(), time.ticks_ms() >= 50)");
    expect(out).toBe("b'hi\\n' True\n");
  });
});

describe("rp2 details", () => {
  it("RTC.datetime() sets the clock time.localtime()/time() read; the board starts at 2021-01-01", async () => {
    board = await startBoard({ clock: "virtual" });
    const out = await run(`
import time, machine
print(time.time(), time.localtime(), time.gmtime(0))
r = machine.RTC()
print(r.datetime(), r is machine.RTC())
r.datetime((2024, 2, 29, 3, 23, 59, 58, 0))
print(r.datetime(), time.localtime(), time.time())
time.sleep(3)
print(r.datetime(), time.gmtime())
print(time.mktime((2024, 2, 29, 23, 59, 58, 3, 60)), time.localtime(1709251198))
try:
    r.datetime((2024, 1, 1))
except ValueError as e:
    print("ValueError", e)
`);
    expect(out).toBe(
      "1609459200 (2021, 1, 1, 0, 0, 0, 4, 1) (1970, 1, 1, 0, 0, 0, 3, 1)\n" +
        "(2021, 1, 1, 4, 0, 0, 0, 0) True\n" +
        "(2024, 2, 29, 3, 23, 59, 58, 0) (2024, 2, 29, 23, 59, 58, 3, 60) 1709251198\n" +
        "(2024, 3, 1, 4, 0, 0, 1, 0) (2024, 3, 1, 0, 0, 1, 4, 61)\n" +
        "1709251198 (2024, 2, 29, 23, 59, 58, 3, 60)\n" +
        "ValueError requested length 8 but object has length 3\n",
    );
  });

  it("disable_irq() holds pin and timer callbacks until enable_irq()", async () => {
    board = await startBoard({ clock: "virtual" });
    const out = await run(`
import machine, time
from machine import Pin, Timer
seen = []
t = Timer(period=10, mode=Timer.PERIODIC, callback=lambda t: seen.append("timer"))
p = Pin(6, Pin.OUT, value=0)
p.irq(lambda p: seen.append("pin"), Pin.IRQ_RISING)
s = machine.disable_irq()
p(1); p(0); p(1)
time.sleep_ms(35)
inner = machine.disable_irq()
print(s, inner, seen)
machine.enable_irq(inner)
time.sleep_ms(1)
print(seen)
machine.enable_irq(s)
time.sleep_ms(1)
print(seen)
t.deinit()
try:
    machine.enable_irq()
except TypeError as e:
    print("TypeError")
`);
    expect(out).toBe("0 1 []\n[]\n['pin', 'timer']\nTypeError\n");
  });

  it("PWM reads back the RP2040's quantised frequency and duty", async () => {
    board = await startBoard({ clock: "virtual" });
    const out = await run(`
from machine import Pin, PWM
pwm = PWM(Pin(16), freq=2000, duty_u16=1000)
print(pwm.freq(), pwm.duty_u16(), pwm)
for f in (7, 8, 100_000_000, 0):
    try:
        pwm.freq(f); print(f, pwm.freq(), pwm.duty_u16())
    except ValueError as e:
        print("ValueError", e)
pwm.freq(3333); pwm.duty_ns(250000); print(pwm.freq(), pwm.duty_ns(), pwm.duty_u16())
pwm.freq(100_000); pwm.duty_u16(12345); print(pwm.duty_u16(), pwm.duty_ns())
b = PWM(Pin(17)); print(b.freq(), b.duty_u16(), PWM(Pin(0)) is pwm)
c = PWM(Pin(2)); print(c.freq(), c.duty_u16())
try:
    PWM(Pin(3), duty=5)
except TypeError as e:
    print("TypeError", e)
`);
    expect(out).toBe(
      "2000 1000 <PWM slice=0 channel=0 invert=0>\nValueError freq too small\n8 8 1000\n100000000 125000000 0\nValueError freq too small\n" +
        "3333 250000 54607\n12321 1880\n100000 0 True\n0 0\nTypeError unexpected keyword argument 'duty'\n",
    );
    const pwm = board.events.filter((e) => e.type === "pwm" && e.pin === "GP16").map((e) => `${e.freq}:${e.duty}`);
    expect(pwm[0]).toBe("2000:0.015264");
  });

  it("prints a failing callback's own frames, as MicroPython does, and keeps running", async () => {
    board = await startBoard({ clock: "virtual" });
    const out = await run(`
from machine import Timer, Pin
import time
def helper(x):
    raise ValueError('oops %d' % x)
def cb(t):
    helper(1)
def work():
    time.sleep_ms(20)
Timer(period=10, mode=Timer.ONE_SHOT, callback=cb)
work()
p = Pin(5, Pin.OUT)
p.irq(lambda p: 1/0)
p(1)
for i in range(10):
    pass
print('still running')
`);
    expect(out).toBe(
      'Traceback (most recent call last):\n  File "<stdin>", line 7, in cb\n  File "<stdin>", line 5, in helper\nValueError: oops 1\n' +
        'Traceback (most recent call last):\n  File "<stdin>", line 13, in <lambda>\nZeroDivisionError: divide by zero\nstill running\n',
    );
  });
});
