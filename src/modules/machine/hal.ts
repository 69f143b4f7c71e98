// The hardware abstraction the `machine` module (and neopixel, dht, onewire, rp2, esp32, pyb)
// talks through. The virtual board's circuit simulator implements it (src/board/circuit.ts);
// tests and other hosts may provide their own. Nothing here knows about parts or nets.
//
// Time is board time in microseconds (a float is allowed): on a virtual clock it only moves
// when the program sleeps or waits, so timers and pin traces are the same on every run.

/** Pin modes as the HAL sees them (ports map their own constants onto these). */
export const enum PinMode { Unset = -1, In = 0, Out = 1, OpenDrain = 2, Alt = 3, Analog = 4 }
/** Pull resistors: bit 0 up, bit 1 down. */
export const PULL_UP = 1;
export const PULL_DOWN = 2;
/** Edge flags passed to edge listeners. */
export const EDGE_RISING = 1;
export const EDGE_FALLING = 2;

/** The result of an I2C transfer: bytes read (possibly empty), or null when nobody acknowledged. */
export type I2cResult = Uint8Array | null;

export interface Hal {
  /** The port whose Python surface (constants, reprs, messages) the board shows. */
  readonly port: "rp2" | "esp32" | "stm32";
  /** machine.freq(): the CPU frequency in Hz (settable). */
  cpuFreq: number;
  // ---- pins (ids are the port's GPIO numbers; names resolved through the profile)
  /** The GPIO id for a pin name (board or cpu name), or null when unknown. */
  pinByName(name: string): number | null;
  /** Is this GPIO number a valid pin? */
  pinValid(id: number): boolean;
  /** The pin's cpu name (e.g. "GPIO25"), used by repr. */
  pinName(id: number): string;
  pinConfigure(id: number, mode: PinMode, pull: number, value: number | null): void;
  pinMode(id: number): PinMode;
  pinPull(id: number): number;
  /** The level seen at the pin (0 or 1). */
  pinRead(id: number): number;
  /** Sets the output latch (takes effect when the pin is an output). */
  pinWrite(id: number, v: number): void;
  /** The output latch. */
  pinLatch(id: number): number;
  /** Calls cb(edge flags) when the level at the pin changes; null removes it. */
  pinOnEdge(id: number, cb: ((edges: number) => void) | null): void;

  // ---- analog, PWM
  /** The voltage at a pin in microvolts. */
  analogRead(id: number): number;
  /** Starts/changes PWM on a pin (duty 0..1), or stops it (null). */
  pwm(id: number, cfg: { freq: number; duty: number } | null): void;

  /** The default pins of a hardware bus (e.g. I2C(0)), or null when the bus does not exist. */
  busPins(kind: "i2c" | "spi" | "uart", id: number): Record<string, number> | null;

  // ---- buses (pins identify the bus wires, so soft and hardware buses behave alike)
  i2cTransfer(scl: number, sda: number, addr: number, write: Uint8Array | null, readLen: number, stop: boolean): I2cResult;
  /** Addresses that acknowledge on the bus. */
  i2cScan(scl: number, sda: number): number[];
  spiTransfer(sck: number, mosi: number, miso: number, tx: Uint8Array, cs: number | null): Uint8Array;
  /** UART id is configured on these pins (the host's end of it follows); byteUs: one frame's time. */
  uartOpen(id: number, tx: number, rx: number, byteUs: number): void;
  /** UART: bytes sent on tx; returns nothing (answers arrive through uartOnReceive). */
  uartWrite(tx: number, rx: number, data: Uint8Array): void;
  uartOnReceive(rx: number, cb: ((data: Uint8Array) => void) | null): void;
  /** A WS2812 bitstream sent on a pin (neopixel.write, machine.bitstream). */
  bitstream(id: number, data: Uint8Array): void;
  /** A DHT read on a pin: 5 bytes, or a negative errno. */
  dhtRead(id: number): Uint8Array | number;
  /** 1-Wire: reset pulse (true: a device answered with a presence pulse). */
  onewireReset(id: number): boolean;
  /** 1-Wire: one time slot writing `out` (1 is also a read slot); returns the bit on the bus. */
  onewireBit(id: number, out: number): number;
  /** 1-Wire: eight time slots, LSB first; returns the byte read back. */
  onewireByte(id: number, out: number): number;

  // ---- time
  nowUs(): number;
  /** Calls fn at board time atUs (from the scheduler, between statements); returns a handle. */
  setTimer(atUs: number, fn: () => void): number;
  clearTimer(handle: number): void;
  /** Waits (or on a virtual clock, jumps) until cond() holds or timeoutUs passed; returns cond(). */
  waitUntil(cond: () => boolean, timeoutUs: number): boolean;
  /** Sleeps like time.sleep_ms (pending callbacks run meanwhile). */
  sleepMs(ms: number): void;

  // ---- the board
  /** Is an on-board button pressed ("bootsel" on rp2, "sw" on the pyboard)? */
  boardButton(name: string): boolean;
  resetCause(): number;
  /** Resets the board (cause: one of the reset-cause codes); never returns. */
  reset(cause: number): never;
  uniqueId(): Uint8Array;
  /** A temperature in degrees C (rp2 ADC channel 4, esp32.raw_temperature). */
  temperature(): number;
  /** Persistent storage that survives resets (esp32.NVS): key → bytes. */
  nvs: Map<string, Uint8Array>;
  /** A record of what the program did that the host can watch (part name → event). */
  emit(type: string, data: Record<string, unknown>): void;
}

/** Reset causes (rp2's numbering; ports renumber their constants). */
export const PWRON_RESET = 1;
export const HARD_RESET = 2;
export const WDT_RESET = 3;
export const DEEPSLEEP_RESET = 4;
export const SOFT_RESET = 5;

let current: Hal | null = null;

/** Installs the hardware the board-only modules drive (null: none, as in the unix port). */
export function setHal(h: Hal | null): void {
  current = h;
}

export function getHal(): Hal | null {
  return current;
}
