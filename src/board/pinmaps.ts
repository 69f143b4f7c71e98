// The pins of each board profile: GPIO numbers, board and cpu names, ADC channels, the default
// bus pins, and how Wokwi's diagram.json names the pins of the board's part.

import type { BoardProfile } from "./profiles.ts";

export interface BusPins {
  i2c: Record<number, { scl: number; sda: number }>;
  spi: Record<number, { sck: number; mosi: number; miso: number }>;
  uart: Record<number, { tx: number; rx: number }>;
}

export interface PinMap {
  port: "rp2" | "esp32" | "stm32";
  valid(id: number): boolean;
  /** Input-only pins (esp32 34-39). */
  inputOnly(id: number): boolean;
  cpuName(id: number): string;
  /** Board and cpu names → GPIO. */
  names: Record<string, number>;
  /** GPIO → ADC channel. */
  adc: Map<number, number>;
  /** The on-board LEDs (pyboard has four), by GPIO, and the on-board user switch. */
  leds: number[];
  userSwitch: number | null;
  bus: BusPins;
  /** A pin of the board's part in diagram.json → a GPIO, "gnd", "vcc", or null. */
  diagramPin(name: string): number | "gnd" | "vcc" | null;
}

function power(name: string): "gnd" | "vcc" | null {
  if (/^(A?GND)(\.\d+)?$/i.test(name)) return "gnd";
  if (/^(3V3|3\.3V|VCC|5V|VIN|VBUS|VSYS|3V3_EN|ADC_VREF)(\.\d+)?$/i.test(name)) return "vcc";
  return null;
}

function rp2Map(p: BoardProfile): PinMap {
  const names: Record<string, number> = {};
  for (let i = 0; i < 30; i++) names["GPIO" + i] = i;
  for (let i = 0; i <= 28; i++) if (i < 23 || i > 25 || i === 25) names["GP" + i] = i;
  const ext = p.id === "pico_w";
  if (ext) {
    names.LED = 64;
    names.WL_GPIO0 = 64;
    names.EXT_GPIO0 = 64;
  } else names.LED = 25;
  const adc = new Map<number, number>([[26, 0], [27, 1], [28, 2], [29, 3]]);
  return {
    port: "rp2",
    valid: (id) => (id >= 0 && id < 30) || (ext && id === 64),
    inputOnly: () => false,
    cpuName: (id) => (id === 64 ? "EXT_GPIO0" : "GPIO" + id),
    names, adc,
    leds: [names.LED], userSwitch: null,
    bus: {
      i2c: { 0: { scl: 9, sda: 8 }, 1: { scl: 7, sda: 6 } },
      spi: { 0: { sck: 18, mosi: 19, miso: 16 }, 1: { sck: 10, mosi: 11, miso: 8 } },
      uart: { 0: { tx: 0, rx: 1 }, 1: { tx: 4, rx: 5 } },
    },
    diagramPin(name) {
      const m = /^GP(\d+)$/.exec(name);
      if (m !== null) return Number(m[1]);
      if (name === "LED") return names.LED;
      return power(name);
    },
  };
}

const ESP32_VALID = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 25, 26, 27, 32, 33, 34, 35, 36, 37, 38, 39]);

function esp32Map(): PinMap {
  const names: Record<string, number> = {};
  const adc = new Map<number, number>();
  [36, 37, 38, 39, 32, 33, 34, 35].forEach((g, i) => adc.set(g, i));
  [4, 0, 2, 15, 13, 12, 14, 27, 25, 26].forEach((g, i) => adc.set(g, 10 + i));
  return {
    port: "esp32",
    valid: (id) => ESP32_VALID.has(id),
    inputOnly: (id) => id >= 34 && id <= 39,
    cpuName: (id) => String(id),
    names, adc, leds: [], userSwitch: null,
    bus: {
      i2c: { 0: { scl: 18, sda: 19 }, 1: { scl: 25, sda: 26 } },
      spi: { 1: { sck: 14, mosi: 13, miso: 12 }, 2: { sck: 18, mosi: 23, miso: 19 } },
      uart: { 0: { tx: 1, rx: 3 }, 1: { tx: 10, rx: 9 }, 2: { tx: 17, rx: 16 } },
    },
    diagramPin(name) {
      const m = /^(?:D|GPIO|IO)?(\d+)$/.exec(name);
      if (m !== null) return Number(m[1]);
      const alias: Record<string, number> = { VP: 36, VN: 39, TX: 1, TX0: 1, RX: 3, RX0: 3, TX2: 17, RX2: 16 };
      if (alias[name] !== undefined) return alias[name];
      return power(name);
    },
  };
}

const PYB_BOARD: Record<string, string> = {
  X1: "A0", X2: "A1", X3: "A2", X4: "A3", X5: "A4", X6: "A5", X7: "A6", X8: "A7", X9: "B6", X10: "B7",
  X11: "C4", X12: "C5", X17: "B3", X18: "C13", X19: "C0", X20: "C1", X21: "C2", X22: "C3",
  Y1: "C6", Y2: "C7", Y3: "B8", Y4: "B9", Y5: "B12", Y6: "B13", Y7: "B14", Y8: "B15", Y9: "B10",
  Y10: "B11", Y11: "B0", Y12: "B1", SW: "B3", LED_RED: "A13", LED_GREEN: "A14", LED_YELLOW: "A15",
  LED_BLUE: "B4", SD_SW: "A8",
};

function stm32Map(): PinMap {
  const names: Record<string, number> = {};
  const cpu = (s: string) => (s.charCodeAt(0) - 65) * 16 + Number(s.slice(1));
  for (let port = 0; port < 3; port++) for (let i = 0; i < 16; i++) names[String.fromCharCode(65 + port) + i] = port * 16 + i;
  for (const [b, c] of Object.entries(PYB_BOARD)) names[b] = cpu(c);
  const adc = new Map<number, number>();
  for (let i = 0; i < 8; i++) adc.set(i, i);
  adc.set(cpu("B0"), 8);
  adc.set(cpu("B1"), 9);
  for (let i = 0; i < 6; i++) adc.set(cpu("C" + i), 10 + i);
  return {
    port: "stm32",
    valid: (id) => id >= 0 && id < 48,
    inputOnly: () => false,
    cpuName: (id) => String.fromCharCode(65 + (id >> 4)) + (id & 15),
    names, adc,
    leds: [names.LED_RED, names.LED_GREEN, names.LED_YELLOW, names.LED_BLUE],
    userSwitch: names.SW,
    bus: {
      i2c: { 1: { scl: names.X9, sda: names.X10 }, 2: { scl: names.Y9, sda: names.Y10 } },
      spi: { 1: { sck: names.X6, mosi: names.X8, miso: names.X7 }, 2: { sck: names.Y6, mosi: names.Y8, miso: names.Y7 } },
      uart: { 1: { tx: names.X9, rx: names.X10 }, 2: { tx: names.X3, rx: names.X4 }, 4: { tx: names.X1, rx: names.X2 } },
    },
    diagramPin(name) {
      if (names[name] !== undefined) return names[name];
      return power(name);
    },
  };
}

export function pinMapFor(p: BoardProfile): PinMap {
  if (p.platform === "rp2") return rp2Map(p);
  if (p.platform === "esp32") return esp32Map();
  return stm32Map();
}
