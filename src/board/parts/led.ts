// An LED (wokwi-led, pins A and C): lit while the anode is above the cathode. Its brightness
// follows a PWM duty on either side.
import { Part, type NetLevel } from "./part.ts";

function level(l: NetLevel): number | null {
  if (l.duty !== null) return l.duty;
  return l.v;
}

export class Led extends Part {
  override readonly pins = ["A", "C"];
  brightness = 0;

  override changed(): void {
    const a = level(this.ctx.level("A"));
    const c = level(this.ctx.level("C"));
    const b = a === null || c === null ? 0 : Math.max(0, Math.round((a - c) * 1000) / 1000);
    if (b === this.brightness) return;
    const wasOn = this.brightness > 0;
    this.brightness = b;
    if (wasOn !== b > 0) this.ctx.emit("on", b > 0);
    this.ctx.emit("brightness", b);
  }

  override state(): Record<string, unknown> {
    return { on: this.brightness > 0, brightness: this.brightness, color: this.ctx.attrs.color ?? "red" };
  }
}
