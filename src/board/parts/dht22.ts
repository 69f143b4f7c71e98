// A DHT22 / DHT11 temperature and humidity sensor (wokwi-dht22: VCC, SDA, NC, GND). The
// reading is the 5-byte frame the sensor sends. Commands: set {temperature, humidity}.
import { Part, PartError, num, clamp } from "./part.ts";

export class Dht extends Part {
  override readonly pins = ["VCC", "SDA", "NC", "GND"];
  temperature = 24;
  humidity = 40;

  constructor(id: string, type: string, private dht11: boolean) {
    super(id, type);
  }

  protected override init(): void {
    if (this.ctx.attrs.temperature !== undefined) this.temperature = num(this.ctx.attrs.temperature, "temperature");
    if (this.ctx.attrs.humidity !== undefined) this.humidity = num(this.ctx.attrs.humidity, "humidity");
  }

  override dhtRead(): Uint8Array {
    const b = new Uint8Array(5);
    if (this.dht11) {
      b[0] = clamp(Math.round(this.humidity), 0, 255);
      b[2] = clamp(Math.trunc(this.temperature), 0, 255);
      b[3] = Math.round((this.temperature - Math.trunc(this.temperature)) * 10);
    } else {
      const h = clamp(Math.round(this.humidity * 10), 0, 1000);
      const t = Math.round(this.temperature * 10);
      const tm = (Math.abs(t) & 0x7fff) | (t < 0 ? 0x8000 : 0);
      b[0] = h >> 8;
      b[1] = h & 0xff;
      b[2] = tm >> 8;
      b[3] = tm & 0xff;
    }
    b[4] = (b[0] + b[1] + b[2] + b[3]) & 0xff;
    return b;
  }

  override command(action: string, value: unknown): unknown {
    if (action !== "set") return super.command(action, value);
    if (typeof value !== "object" || value === null) throw new PartError("set expects {temperature, humidity}");
    const v = value as Record<string, unknown>;
    if (v.temperature !== undefined) this.temperature = num(v.temperature, "temperature");
    if (v.humidity !== undefined) this.humidity = num(v.humidity, "humidity");
    this.ctx.emit("reading", { temperature: this.temperature, humidity: this.humidity });
    return undefined;
  }

  override state(): Record<string, unknown> {
    return { temperature: this.temperature, humidity: this.humidity };
  }
}
