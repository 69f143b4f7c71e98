// MAX7219 8x8 LED matrices (wokwi-max7219-matrix: V+, GND, DIN, CS, CLK in; V+.2, GND.2, DOUT,
// CS.2, CLK.2 out; attr `chain`: modules in a row). An SPI part: while CS is low, bytes clocked
// into DIN go through a 16-bit shift register per module (the first word sent ends up in the
// module farthest from DIN); when CS goes high, every module latches its word: a register
// address (high byte: 1-8 digit rows, 9 decode mode, A intensity, B scan limit, C shutdown,
// F display test) and its value.
// The host reads the display: query "pixels" gives 8 rows of '#'/'.' (the module farthest
// from DIN on the left, bit 7 of a row in each module's leftmost column); state() has the
// registers. Events: "rows" (the display rows as numbers, each 8*chain bits) when it changes.
import { Part, type SpiTarget } from "./part.ts";

interface Module {
  rows: number[];
  decode: number;
  intensity: number;
  scanLimit: number;
  shutdown: boolean;
  test: boolean;
}

export class Max7219 extends Part implements SpiTarget {
  override readonly pins = ["V+", "GND", "DIN", "CS", "CLK", "V+.2", "GND.2", "DOUT", "CS.2", "CLK.2"];
  override readonly internal = [["CS", "CS.2"], ["CLK", "CLK.2"], ["V+", "V+.2"], ["GND", "GND.2"]];
  override readonly spiPins = { sck: "CLK", mosi: "DIN", miso: null, cs: "CS" };
  readonly modules: Module[];
  /** The chain's shift registers: the last 2*chain bytes clocked in (kept across selects). */
  private shift: number[] = [];
  private cs: 0 | 1 | null = 1;
  private lastShown = "";

  constructor(id: string, type: string, readonly chain: number) {
    super(id, type);
    this.modules = Array.from({ length: chain }, () => ({ rows: new Array(8).fill(0), decode: 0, intensity: 0, scanLimit: 0, shutdown: true, test: false }));
    this.spi = this;
  }

  transfer(tx: Uint8Array): null {
    for (const b of tx) this.shift.push(b);
    const keep = 2 * this.chain;
    if (this.shift.length > keep) this.shift.splice(0, this.shift.length - keep);
    return null;
  }

  override changed(): void {
    const cs = this.ctx.level("CS").v;
    if (cs === this.cs) return;
    if (cs === 1 && this.cs === 0) this.latch();
    this.cs = cs;
  }

  /** CS rising edge: module i (0 nearest DIN) holds the word that went in last but i. */
  private latch(): void {
    const s = this.shift;
    for (let i = 0; i < this.chain; i++) {
      const at = s.length - 2 * (i + 1);
      if (at < 0) break;
      this.write(this.modules[i], s[at] & 0x0f, s[at + 1]);
    }
    const shown = this.displayRows();
    const key = shown.join(",");
    if (key !== this.lastShown) {
      this.lastShown = key;
      this.ctx.emit("rows", shown);
    }
  }

  private write(m: Module, reg: number, v: number): void {
    if (reg >= 1 && reg <= 8) m.rows[reg - 1] = v;
    else if (reg === 9) m.decode = v;
    else if (reg === 10) m.intensity = v & 15;
    else if (reg === 11) m.scanLimit = v & 7;
    else if (reg === 12) m.shutdown = (v & 1) === 0;
    else if (reg === 15) m.test = (v & 1) === 1;
  }

  /** What a module shows in row r (shutdown: dark; display test: all lit; past the scan limit: dark). */
  private shown(m: Module, r: number): number {
    if (m.test) return 0xff;
    if (m.shutdown || r > m.scanLimit) return 0;
    return m.rows[r];
  }

  /** The display's rows, the farthest module in the high bits. */
  displayRows(): number[] {
    const out: number[] = [];
    for (let r = 0; r < 8; r++) {
      let v = 0;
      for (let i = this.chain - 1; i >= 0; i--) v = v * 256 + this.shown(this.modules[i], r);
      out.push(v);
    }
    return out;
  }

  override query(what: string): unknown {
    if (what === "pixels") {
      const rows: string[] = [];
      for (let r = 0; r < 8; r++) {
        let line = "";
        for (let i = this.chain - 1; i >= 0; i--) {
          const v = this.shown(this.modules[i], r);
          for (let b = 7; b >= 0; b--) line += (v >> b) & 1 ? "#" : ".";
        }
        rows.push(line);
      }
      return rows;
    }
    return super.query(what);
  }

  override state(): Record<string, unknown> {
    return { chain: this.chain, modules: this.modules.map((m) => ({ ...m, rows: m.rows.slice() })) };
  }
}
