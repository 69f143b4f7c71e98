// What every simulated part shares: its pins, what it drives onto the nets, and how the host
// drives it (commands) or reads it (queries). A part sees the circuit only through PartContext.

/** The level of a net: a logic value (null: floating), a PWM duty (0..1) and a voltage (µV). */
export interface NetLevel {
  v: 0 | 1 | null;
  duty: number | null;
  uv: number | null;
}

/** What a pin drives onto its net: strong (2) beats resistive (1). */
export interface Source {
  strength: 1 | 2;
  v: 0 | 1;
  duty?: number;
  uv?: number;
}

export interface PartContext {
  readonly id: string;
  readonly attrs: Record<string, unknown>;
  level(pin: string): NetLevel;
  connected(pin: string): boolean;
  drive(pin: string, s: Source | null): void;
  /** Closes or opens a switch between two pins of the part. */
  setSwitch(a: string, b: string, closed: boolean): void;
  /** Tells the host something changed (a part event stamped with board time). */
  emit(prop: string, value: unknown): void;
  nowUs(): number;
  setTimer(atUs: number, fn: () => void): number;
  clearTimer(id: number): void;
}

/** An I2C target: the circuit calls write() for a write transfer, read() for a read transfer. */
export interface I2cTarget {
  address(): number;
  write(data: Uint8Array): void;
  read(n: number): Uint8Array;
}

/**
 * A 1-Wire device: reset() answers the reset pulse (presence); each time slot the bus is the
 * wired-AND of what the master and every device put on it: drive() is this device's bit (1:
 * released), then sample() gives every device the level the slot ended with.
 */
export interface OneWireTarget {
  reset(): boolean;
  drive(): 0 | 1;
  sample(bus: 0 | 1): void;
}

/**
 * An SPI device: while its CS pin is low (or when it has none), transfer() gets the bytes
 * clocked in on MOSI and returns what it shifts out on MISO (null: MISO not driven).
 */
export interface SpiTarget {
  transfer(tx: Uint8Array): Uint8Array | null;
}

export class PartError extends Error {}

export abstract class Part {
  /** The part's pins as diagram.json names them. */
  abstract readonly pins: readonly string[];
  /** Groups of pins joined inside the part. */
  readonly internal: readonly (readonly string[])[] = [];
  /** Pairs of pins joined through a resistor (a weak connection). */
  readonly resistors: readonly (readonly [string, string])[] = [];
  /** The I2C wires, for a part on an I2C bus. */
  readonly i2cPins: { scl: string; sda: string } | null = null;
  i2c: I2cTarget | null = null;
  /** The data wire of a 1-Wire device. */
  readonly onewirePin: string | null = null;
  onewire: OneWireTarget | null = null;
  /** The SPI wires of an SPI device (cs null: always selected; miso null: write-only). */
  readonly spiPins: { sck: string; mosi: string; miso: string | null; cs: string | null } | null = null;
  spi: SpiTarget | null = null;
  /** The data-in and data-out pins of a chained bitstream part (NeoPixel). */
  readonly dataPins: { din: string; dout: string | null } | null = null;
  protected ctx!: PartContext;

  constructor(readonly id: string, readonly type: string) {}

  attach(ctx: PartContext): void {
    this.ctx = ctx;
    this.init();
  }

  /** Sets the part's sources up (after attach). */
  protected init(): void {}

  /** The nets changed: look at the pins, emit events. */
  changed(): void {}

  /** A bitstream arrived on the data-in pin; returns what goes on to the next part. */
  bitstream(data: Uint8Array): Uint8Array {
    return data;
  }

  /** A DHT read (DHT parts): 5 bytes. */
  dhtRead(): Uint8Array | null {
    return null;
  }

  /** Host commands: press, release, set, ... */
  command(action: string, value: unknown): unknown {
    throw new PartError(`${this.type} '${this.id}' has no command '${action}'`);
  }

  /** Host queries; "state" is every part's current state. */
  query(what: string): unknown {
    if (what === "state") return this.state();
    throw new PartError(`${this.type} '${this.id}' has no query '${what}'`);
  }

  abstract state(): Record<string, unknown>;
}

/** A number from a command value or a diagram attribute. */
export function num(v: unknown, what: string): number {
  const n = typeof v === "string" ? Number(v) : v;
  if (typeof n !== "number" || !Number.isFinite(n)) throw new PartError(`${what}: expected a number, got ${JSON.stringify(v)}`);
  return n;
}

export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** A part with one position (a knob, a slider, a switch): `set` moves it, and it reports it. */
export abstract class PositionPart extends Part {
  position = 0;

  /** Puts the new position on the part's pins. */
  protected abstract apply(): void;

  /** Moves to p: drives the pins and emits a "position" event when it changed. */
  protected moveTo(p: number): void {
    if (p === this.position) return;
    this.position = p;
    this.apply();
    this.ctx.emit("position", p);
  }

  override state(): Record<string, unknown> {
    return { position: this.position };
  }
}
