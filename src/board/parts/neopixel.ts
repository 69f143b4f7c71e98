// WS2812 ("NeoPixel") pixels: wokwi-neopixel (one pixel), wokwi-led-ring (attr `pixels`),
// wokwi-neopixel-matrix (attrs `rows`, `cols`). Data arrives as a bitstream on DIN in GRB
// order (GRBW with attr `rgbw`); what is left after this part's pixels goes on from DOUT.
import { Part } from "./part.ts";

export class NeoPixel extends Part {
  override readonly pins: readonly string[];
  override readonly dataPins = { din: "DIN", dout: "DOUT" };
  pixels: number[][] = [];
  private bpp = 3;

  constructor(id: string, type: string, private count: number) {
    super(id, type);
    this.pins = type === "wokwi-neopixel" ? ["VDD", "DOUT", "VSS", "DIN"] : ["GND", "VCC", "DIN", "DOUT"];
  }

  protected override init(): void {
    if (this.ctx.attrs.rgbw) this.bpp = 4;
    this.pixels = Array.from({ length: this.count }, () => new Array(this.bpp).fill(0));
  }

  override bitstream(data: Uint8Array): Uint8Array {
    const n = Math.min(this.count, Math.floor(data.length / this.bpp));
    for (let i = 0; i < n; i++) {
      const o = i * this.bpp;
      // GRB(W) on the wire; reported as RGB(W).
      const px = [data[o + 1], data[o], data[o + 2]];
      if (this.bpp === 4) px.push(data[o + 3]);
      this.pixels[i] = px;
    }
    this.ctx.emit("pixels", this.pixels.map((p) => p.slice()));
    return data.subarray(n * this.bpp);
  }

  override state(): Record<string, unknown> {
    return { pixels: this.pixels.map((p) => p.slice()) };
  }
}
