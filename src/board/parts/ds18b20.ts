// A DS18B20 1-Wire temperature sensor (wokwi-ds18b20: VCC, DQ, GND; attrs temperature,
// deviceID (12 hex digits, the 48-bit serial number) and familyCode (hex; "10" makes it a
// DS18S20)). It speaks the protocol bit by bit, as the datasheet describes it:
//   reset      every device answers with a presence pulse and waits for a ROM command
//   ROM        SEARCH ROM (F0) and ALARM SEARCH (EC): per ROM bit, send the bit and its
//              complement, then follow the master's choice or drop out; READ ROM (33);
//              MATCH ROM (55) + 8 bytes; SKIP ROM (CC)
//   function   CONVERT T (44; read slots give 0 until done: 93.75 ms at 9 bits up to 750 ms at
//              12), READ SCRATCHPAD (BE; 9 bytes with CRC8), WRITE SCRATCHPAD (4E; TH, TL,
//              config), COPY SCRATCHPAD (48), RECALL E2 (B8), READ POWER SUPPLY (B4)
// The temperature register holds 85 °C until the first conversion. Commands: set (a number of
// °C, or {temperature}).
import { Part, PartError, num, clamp, type OneWireTarget } from "./part.ts";
import { crc8 } from "../../modules/onewire.ts";

type Mode = "idle" | "rom" | "search" | "match" | "func" | "send" | "recv" | "busy";

const CONVERT_MS = [93.75, 187.5, 375, 750];

export class Ds18b20 extends Part implements OneWireTarget {
  override readonly pins = ["VCC", "DQ", "GND"];
  override readonly onewirePin = "DQ";
  temperature = 22;
  readonly rom = new Uint8Array(8);
  /** Scratchpad bytes 0-7 (byte 8, the CRC, is computed when read). */
  private readonly pad = Uint8Array.of(0x50, 0x05, 0x4b, 0x46, 0x7f, 0xff, 0x0c, 0x10);
  private eeprom = [0x4b, 0x46, 0x7f];
  private mode: Mode = "idle";
  /** Bits being collected (LSB first) and their count. */
  private acc = 0;
  private nbits = 0;
  /** Bytes being received (MATCH ROM, WRITE SCRATCHPAD). */
  private got: number[] = [];
  private want = 0;
  /** Bits to send, and the mode after them. */
  private out: number[] = [];
  private after: Mode = "idle";
  /** SEARCH ROM: the ROM bit and its phase (0: bit, 1: complement, 2: master's choice). */
  private bit = 0;
  private phase = 0;
  private convertEnd: number | null = null;

  constructor(id: string, type: string) {
    super(id, type);
    this.onewire = this;
  }

  private get s18(): boolean {
    return this.rom[0] === 0x10;
  }

  protected override init(): void {
    const a = this.ctx.attrs;
    if (a.temperature !== undefined) this.temperature = num(a.temperature, "temperature");
    const fam = parseInt(String(a.familyCode ?? "28"), 16);
    const id = String(a.deviceID ?? "010203040506");
    if (!/^[0-9a-fA-F]{1,12}$/.test(id)) throw new PartError(`ds18b20 '${this.id}': deviceID must be 12 hex digits, got ${JSON.stringify(id)}`);
    this.rom[0] = Number.isFinite(fam) ? fam & 0xff : 0x28;
    const serial = BigInt("0x" + id);
    for (let i = 0; i < 6; i++) this.rom[1 + i] = Number((serial >> BigInt(8 * i)) & 0xffn);
    this.rom[7] = crc8(this.rom, 7);
    if (this.s18) this.pad.set([0xaa, 0x00, 0x4b, 0x46, 0xff, 0xff, 0x0c, 0x10]);
  }

  // ---------------------------------------------------------------- 1-Wire

  reset(): boolean {
    this.finishConversion();
    this.mode = "rom";
    this.acc = this.nbits = 0;
    return true;
  }

  drive(): 0 | 1 {
    switch (this.mode) {
      case "send":
        return this.out.length > 0 ? (this.out[0] as 0 | 1) : 1;
      case "search":
        if (this.phase === 2) return 1;
        return (this.romBit(this.bit) ^ this.phase) as 0 | 1;
      case "busy":
        return this.finishConversion() ? 1 : 0;
    }
    return 1;
  }

  sample(bus: 0 | 1): void {
    switch (this.mode) {
      case "rom":
      case "func":
      case "match":
      case "recv":
        return this.collect(bus);
      case "send":
        this.out.shift();
        if (this.out.length === 0) this.mode = this.after;
        return;
      case "search":
        if (this.phase < 2) return void this.phase++;
        if (bus !== this.romBit(this.bit)) return void (this.mode = "idle");
        this.phase = 0;
        if (++this.bit === 64) this.mode = "func";
        return;
    }
  }

  private romBit(i: number): 0 | 1 {
    return ((this.rom[i >> 3] >> (i & 7)) & 1) as 0 | 1;
  }

  private collect(bit: 0 | 1): void {
    this.acc |= bit << this.nbits;
    if (++this.nbits < 8) return;
    const b = this.acc;
    this.acc = this.nbits = 0;
    if (this.mode === "rom") this.romCommand(b);
    else if (this.mode === "func") this.functionCommand(b);
    else {
      this.got.push(b);
      if (this.got.length === this.want) this.received();
    }
  }

  private send(bytes: ArrayLike<number>, after: Mode): void {
    this.out = [];
    for (let i = 0; i < bytes.length; i++) for (let j = 0; j < 8; j++) this.out.push((bytes[i] >> j) & 1);
    this.after = after;
    this.mode = "send";
  }

  private receive(n: number, mode: "match" | "recv"): void {
    this.got = [];
    this.want = n;
    this.mode = mode;
  }

  private romCommand(c: number): void {
    switch (c) {
      case 0xf0: // SEARCH ROM
      case 0xec: // ALARM SEARCH
        if (c === 0xec && !this.alarm()) return void (this.mode = "idle");
        this.bit = this.phase = 0;
        this.mode = "search";
        return;
      case 0x33: // READ ROM
        return this.send(this.rom, "func");
      case 0x55: // MATCH ROM
        return this.receive(8, "match");
      case 0xcc: // SKIP ROM
        this.mode = "func";
        return;
    }
    this.mode = "idle";
  }

  private functionCommand(c: number): void {
    switch (c) {
      case 0x44: // CONVERT T
        this.convertEnd = this.ctx.nowUs() + CONVERT_MS[this.s18 ? 3 : this.resolution() - 9] * 1000;
        this.mode = "busy";
        return;
      case 0xbe: // READ SCRATCHPAD
        this.finishConversion();
        return this.send(this.scratchpad(), "idle");
      case 0x4e: // WRITE SCRATCHPAD
        return this.receive(this.s18 ? 2 : 3, "recv");
      case 0x48: // COPY SCRATCHPAD
        this.eeprom = [this.pad[2], this.pad[3], this.pad[4]];
        this.mode = "idle";
        return;
      case 0xb8: // RECALL E2
        this.pad[2] = this.eeprom[0];
        this.pad[3] = this.eeprom[1];
        if (!this.s18) this.pad[4] = this.eeprom[2];
        this.mode = "idle";
        return;
      case 0xb4: // READ POWER SUPPLY: externally powered
        return this.send([0xff], "idle");
    }
    this.mode = "idle";
  }

  private received(): void {
    const g = this.got;
    if (this.mode === "match") {
      this.mode = g.every((b, i) => b === this.rom[i]) ? "func" : "idle";
      return;
    }
    this.pad[2] = g[0];
    this.pad[3] = g[1];
    // Only R1/R0 of the configuration register are writable.
    if (!this.s18) this.pad[4] = (g[2] & 0x60) | 0x1f;
    this.mode = "idle";
  }

  /** Is the temperature register at or beyond an alarm threshold (TH, TL as signed °C)? */
  private alarm(): boolean {
    const t = (this.s18 ? (this.pad[1] ? this.pad[0] - 256 : this.pad[0]) / 2 : ((this.pad[1] << 24) >> 16 | this.pad[0]) / 16);
    const th = (this.pad[2] << 24) >> 24;
    const tl = (this.pad[3] << 24) >> 24;
    return t >= th || t <= tl;
  }

  // ---------------------------------------------------------------- temperature

  resolution(): number {
    return 9 + ((this.pad[4] >> 5) & 3);
  }

  /** Ends a conversion whose time is up (latching the temperature); true when none runs. */
  private finishConversion(): boolean {
    if (this.convertEnd === null) return true;
    if (this.ctx.nowUs() < this.convertEnd) return false;
    this.convertEnd = null;
    this.latch();
    if (this.mode === "busy") this.mode = "idle";
    return true;
  }

  /** Puts the current temperature into the scratchpad's temperature register. */
  private latch(): void {
    const t = clamp(this.temperature, -55, 125);
    if (this.s18) {
      // 0.5 °C steps plus COUNT_REMAIN / COUNT_PER_C for the extended resolution.
      const h = Math.floor(t + 0.25);
      this.pad[0] = (h * 2) & 0xff;
      this.pad[1] = h < 0 ? 0xff : 0x00;
      this.pad[6] = clamp(Math.round(12 - (t - h) * 16), 1, 16);
      this.pad[7] = 16;
      return;
    }
    // Undefined low bits are 0 at the lower resolutions.
    const drop = 12 - this.resolution();
    const raw = ((Math.round(t * 16) >> drop) << drop) & 0xffff;
    this.pad[0] = raw & 0xff;
    this.pad[1] = raw >> 8;
  }

  scratchpad(): Uint8Array {
    const p = new Uint8Array(9);
    p.set(this.pad);
    p[8] = crc8(p, 8);
    return p;
  }

  // ---------------------------------------------------------------- host

  override command(action: string, value: unknown): unknown {
    if (action !== "set") return super.command(action, value);
    const v = typeof value === "object" && value !== null ? (value as Record<string, unknown>).temperature : value;
    this.temperature = num(v, "temperature");
    this.ctx.emit("temperature", this.temperature);
    return undefined;
  }

  override state(): Record<string, unknown> {
    return {
      temperature: this.temperature,
      rom: Array.from(this.rom, (b) => b.toString(16).padStart(2, "0")).join(""),
      resolution: this.s18 ? 9 : this.resolution(),
      scratchpad: Array.from(this.scratchpad()),
    };
  }
}
