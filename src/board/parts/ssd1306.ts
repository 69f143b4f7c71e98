// An SSD1306 OLED display on I2C (board-ssd1306: GND, VCC, SCL, SDA; address 0x3C, 128x64).
// It follows the controller's command set (addressing modes, column/page windows, display
// on/off, invert, contrast) so any driver works; the pixels are readable by the host: query
// "pixels" gives rows of '#'/'.' text, "frame" the raw GDDRAM bytes (MONO_VLSB pages).
// Wired by its SPI pins instead (DATA = MOSI, CLK, CS, DC: low for commands, high for data),
// it takes SPI writes as MicroPython's ssd1306.SSD1306_SPI sends them.
import { Part, type I2cTarget } from "./part.ts";

/** Commands followed by argument bytes, by count. */
const ARGS: Record<number, number> = {
  0x20: 1, 0x21: 2, 0x22: 2, 0x81: 1, 0xa8: 1, 0xd3: 1, 0xd5: 1, 0xd9: 1, 0xda: 1, 0xdb: 1, 0x8d: 1,
  0x26: 6, 0x27: 6, 0x29: 5, 0x2a: 5, 0xa3: 2,
};

export class Ssd1306 extends Part {
  override readonly pins = ["GND", "VCC", "SCL", "SDA", "DATA", "CLK", "DC", "RST", "CS"];
  override readonly i2cPins = { scl: "SCL", sda: "SDA" };
  override readonly spiPins = { sck: "CLK", mosi: "DATA", miso: null, cs: "CS" };
  readonly width = 128;
  readonly height: number;
  readonly ram: Uint8Array;
  on = false;
  inverted = false;
  contrast = 0x7f;
  private mode = 2;
  private col = 0;
  private page = 0;
  private colStart = 0;
  private colEnd = 127;
  private pageStart = 0;
  private pageEnd = 7;
  private cmd: number[] = [];
  private addr = 0x3c;

  constructor(id: string, type: string) {
    super(id, type);
    this.height = 64;
    this.ram = new Uint8Array((this.width * this.height) / 8);
    const self = this;
    this.i2c = {
      address: () => self.addr,
      write: (d) => self.write(d),
      read: (n) => new Uint8Array(n).fill(self.on ? 0x03 : 0x43),
    } satisfies I2cTarget;
    this.spi = {
      transfer: (tx) => {
        const isData = self.ctx.level("DC").v === 1;
        for (const b of tx) isData ? self.data(b) : self.cmdByte(b);
        if (isData && tx.length > 0) self.ctx.emit("frame", self.ram.slice());
        return null;
      },
    };
  }

  protected override init(): void {
    const a = this.ctx.attrs.i2cAddress;
    if (typeof a === "string") this.addr = Number(a);
  }

  private write(d: Uint8Array): void {
    let i = 0;
    let drew = false;
    while (i < d.length) {
      const control = d[i++];
      const cont = (control & 0x80) !== 0;
      const isData = (control & 0x40) !== 0;
      if (!cont) {
        // The rest of the transfer is all commands or all data.
        for (; i < d.length; i++) isData ? this.data(d[i]) : this.cmdByte(d[i]);
        drew ||= isData;
        break;
      }
      if (i < d.length) {
        isData ? this.data(d[i]) : this.cmdByte(d[i]);
        drew ||= isData;
        i++;
      }
    }
    if (drew) this.ctx.emit("frame", this.ram.slice());
  }

  private cmdByte(b: number): void {
    const c = this.cmd;
    c.push(b);
    const need = ARGS[c[0]] ?? 0;
    if (c.length <= need) return;
    const op = c[0];
    this.cmd = [];
    if (op === 0xae || op === 0xaf) {
      const on = op === 0xaf;
      if (on !== this.on) {
        this.on = on;
        this.ctx.emit("on", on);
      }
    } else if (op === 0xa6 || op === 0xa7) this.inverted = op === 0xa7;
    else if (op === 0x81) this.contrast = c[1];
    else if (op === 0x20) this.mode = c[1] & 3;
    else if (op === 0x21) {
      this.colStart = this.col = c[1] & 0x7f;
      this.colEnd = c[2] & 0x7f;
    } else if (op === 0x22) {
      this.pageStart = this.page = c[1] & 7;
      this.pageEnd = c[2] & 7;
    } else if (op >= 0xb0 && op <= 0xb7) this.page = op & 7;
    else if (op <= 0x0f) this.col = (this.col & 0xf0) | op;
    else if (op >= 0x10 && op <= 0x1f) this.col = (this.col & 0x0f) | ((op & 0x0f) << 4);
  }

  private data(b: number): void {
    const pages = this.height / 8;
    if (this.page < pages && this.col < this.width) this.ram[this.page * this.width + this.col] = b;
    if (this.mode === 0) {
      if (++this.col > this.colEnd) {
        this.col = this.colStart;
        if (++this.page > this.pageEnd) this.page = this.pageStart;
      }
    } else if (this.mode === 1) {
      if (++this.page > this.pageEnd) {
        this.page = this.pageStart;
        if (++this.col > this.colEnd) this.col = this.colStart;
      }
    } else if (++this.col >= this.width) this.col = this.width - 1;
  }

  /** A pixel as shown (display off: dark; inverted: flipped). */
  pixel(x: number, y: number): number {
    if (!this.on) return 0;
    const bit = (this.ram[(y >> 3) * this.width + x] >> (y & 7)) & 1;
    return this.inverted ? bit ^ 1 : bit;
  }

  override query(what: string): unknown {
    if (what === "pixels") {
      const rows: string[] = [];
      for (let y = 0; y < this.height; y++) {
        let r = "";
        for (let x = 0; x < this.width; x++) r += this.pixel(x, y) ? "#" : ".";
        rows.push(r);
      }
      return rows;
    }
    if (what === "frame") return this.ram.slice();
    return super.query(what);
  }

  override state(): Record<string, unknown> {
    return { on: this.on, inverted: this.inverted, contrast: this.contrast, width: this.width, height: this.height };
  }
}
