// The examples under examples/ run on a virtual clock up to a board time, with scripted part
// commands; their pin traces (and part events) are the same on every run.
import { describe, it, expect } from "vitest";
import { runExample } from "./run_example.ts";

describe("examples on virtual time", () => {
  it("blink toggles the on-board LED every 500 ms", async () => {
    const r = await runExample("blink", 2000);
    await r.stop();
    expect(r.pins).toEqual(["GP25=1@0", "GP25=0@500", "GP25=1@1000", "GP25=0@1500", "GP25=1@2000"]);
    expect(r.output).toBe("blink on Raspberry Pi Pico with RP2040\r\nLED on  tick 1\r\nLED off tick 2\r\nLED on  tick 3\r\nLED off tick 4\r\nLED on  tick 5\r\n");
  });

  it("pio_blink: a PIO state machine blinks the LED at 1 Hz on its own", async () => {
    const r = await runExample("pio_blink", 3500);
    await r.stop();
    // The machine starts a few µs into the run (the virtual clock moves 1 µs per read).
    const pins = r.pins.map((p) => p.replace(/@([\d.]+)$/, (_, t) => "@" + Math.round(Number(t))));
    expect(pins).toEqual(["GP25=1@0", "GP25=0@500", "GP25=1@1000", "GP25=0@1500", "GP25=1@2000", "GP25=0@2500", "GP25=1@3000", "GP25=0@3500"]);
    expect(r.output).toBe(
      "program: ['0xe001', '0xe63f', '0xbd42', '0x42', '0xe000', '0xe63f', '0xbd42', '0x46']\r\n" +
        [250, 750, 1250, 1750, 2250, 2750, 3250].map((t, i) => `at ${t} ms the LED is ${i % 2 ? "off" : "on"}\r\n`).join(""),
    );
  });

  it("button: each press's IRQ toggles the LED", async () => {
    const r = await runExample("button", 3000, [
      { part: "btn1", action: "click", at: 1000 },
      { part: "btn1", action: "click", value: 50, at: 2000 },
    ]);
    await r.stop();
    expect(r.pins).toEqual(["GP14=1@0", "GP14=0@1000", "GP15=1@1000", "GP14=1@1100", "GP14=0@2000", "GP15=0@2000", "GP14=1@2050"]);
    expect(r.output).toBe("press 1 LED 1\r\npress 2 LED 0\r\n");
    const led = r.events.filter((e) => e.type === "part" && e.part === "led1" && e.prop === "on").map((e) => `${e.value}@${e.t}`);
    expect(led).toEqual(["true@1000", "false@2000"]);
  });

  it("pwm_fade steps the duty cycle up and down", async () => {
    const r = await runExample("pwm_fade", 800);
    await r.stop();
    const pwm = r.events.filter((e) => e.type === "pwm").map((e) => `${e.duty}@${e.t}`);
    expect(pwm.slice(0, 10)).toEqual([
      // 1 kHz on the RP2040: divider 31/16, TOP 64515; the duty is CC / (TOP + 1).
      "0@0", "0.125008@50", "0.25@100", "0.375008@150", "0.5@200", "0.625008@250", "0.750016@300", "0.875008@350", "1@400", "0.874992@450",
    ]);
    expect(r.pins).toEqual([]);
    const bright = r.events.filter((e) => e.type === "part" && e.prop === "brightness").map((e) => e.value);
    expect(bright.slice(0, 4)).toEqual([0.125, 0.25, 0.375, 0.5]);
  });

  it("pot_pwm follows the knob", async () => {
    const r = await runExample("pot_pwm", 1000, [
      { part: "pot1", action: "set", value: 0.5, at: 300 },
      { part: "pot1", action: "set", value: 1, at: 650 },
    ]);
    await r.stop();
    expect(r.output).toBe("knob 50 %\r\nknob 100 %\r\n");
    // The slice starts with the first duty (PWM(pin, freq=...) alone leaves it off, as on rp2).
    expect(r.events.filter((e) => e.type === "pwm").map((e) => `${e.duty}@${e.t}`)).toEqual(["0.500124@300", "1@700"]);
  });

  it("i2c_sensor reads the MPU-6050's registers", async () => {
    const r = await runExample("i2c_sensor", 1200, [{ part: "imu1", action: "set", value: { accelX: 0.5, temperature: 30 }, at: 600 }]);
    await r.stop();
    expect(r.output).toBe(
      "scan: ['0x68']\r\nWHO_AM_I: 0x68\r\n" +
        "accel g: 0.00 0.00 1.00  temp C: 24.0\r\naccel g: 0.00 0.00 1.00  temp C: 24.0\r\naccel g: 0.50 0.00 1.00  temp C: 30.0\r\n",
    );
  });

  it("oled draws text the host can read back", async () => {
    const r = await runExample("oled", 1500);
    const rows: string[] = await r.query("oled1", "pixels");
    await r.stop();
    expect(rows.length).toBe(64);
    expect(rows[3].slice(0, 40)).toBe(".######..##..##....##......##....##..##.");
    expect(rows[40]).toBe("#".repeat(128));
    const frames = r.events.filter((e) => e.type === "part" && e.prop === "frame").map((e) => e.t);
    expect(frames).toEqual([0, 0, 0, 1000]);
  });

  it("neopixel sends a rainbow to the ring", async () => {
    const r = await runExample("neopixel", 150);
    await r.stop();
    const px = r.events.filter((e) => e.type === "part" && e.prop === "pixels");
    expect(px.map((e) => e.t)).toEqual([0, 100]);
    expect((px[0].value as number[][]).slice(0, 3)).toEqual([[255, 0, 0], [159, 96, 0], [63, 192, 0]]);
  });

  it("ds18b20 finds both sensors on the 1-Wire bus and follows their temperatures", async () => {
    const r = await runExample("ds18b20", 3500, [{ part: "temp2", action: "set", value: 30.0625, at: 1500 }]);
    const state = await r.query("temp1");
    await r.stop();
    expect(r.output).toBe(
      "found devices: ['281111111111117e', '28222222222222de']\r\n" +
        "temperatures: 21.5000 -3.2500\r\ntemperatures: 21.5000 30.0625\r\ntemperatures: 21.5000 30.0625\r\n",
    );
    expect(state).toMatchObject({ temperature: 21.5, rom: "281111111111117e", resolution: 12 });
    expect(r.events.filter((e) => e.type === "part").map((e) => `${e.part}.${e.prop}=${e.value}@${e.t}`)).toEqual(["temp2.temperature=30.0625@1500"]);
  });

  it("asyncio_blink: a button press speeds the blinking up", async () => {
    const r = await runExample("asyncio_blink", 2000, [{ part: "btn1", action: "click", at: 1000 }]);
    await r.stop();
    expect(r.output).toBe("blink period 100 ms\r\n");
    const led = r.pins.filter((p) => p.startsWith("GP15")).map((p) => Math.round(Number(p.split("@")[1])));
    expect(led).toEqual([0, 500, 1000, 1501, 1601, 1701, 1801, 1901]);
  });
});
