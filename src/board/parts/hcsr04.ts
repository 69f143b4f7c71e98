// An HC-SR04 ultrasonic distance sensor (wokwi-hc-sr04: VCC, TRIG, ECHO, GND). A pulse on TRIG
// makes ECHO go high for the sound's round trip: 58.3 µs per cm (38 ms when nothing is in
// range, beyond 400 cm). Commands: set (distance in cm).
import { Part, num } from "./part.ts";

/** Time from the end of the trigger pulse to the start of the echo (the 8-cycle burst). */
const BURST_US = 460;

export class HcSr04 extends Part {
  override readonly pins = ["VCC", "TRIG", "ECHO", "GND"];
  distance = 400;
  private trig: 0 | 1 | null = 0;
  private trigSince = 0;
  private busy = false;

  protected override init(): void {
    if (this.ctx.attrs.distance !== undefined) this.distance = num(this.ctx.attrs.distance, "distance");
    this.ctx.drive("ECHO", { strength: 2, v: 0 });
  }

  override changed(): void {
    const t = this.ctx.level("TRIG").v;
    if (t === this.trig) return;
    const now = this.ctx.nowUs();
    if (this.trig === 1 && t !== 1 && now - this.trigSince >= 10 && !this.busy) this.fire(now);
    if (t === 1) this.trigSince = now;
    this.trig = t;
  }

  private fire(now: number): void {
    this.busy = true;
    const width = this.distance > 400 || this.distance < 2 ? 38000 : Math.round(this.distance * 58.3);
    this.ctx.setTimer(now + BURST_US, () => this.ctx.drive("ECHO", { strength: 2, v: 1 }));
    this.ctx.setTimer(now + BURST_US + width, () => {
      this.ctx.drive("ECHO", { strength: 2, v: 0 });
      this.busy = false;
    });
  }

  override command(action: string, value: unknown): unknown {
    if (action === "set") {
      this.distance = num(value, "distance");
      this.ctx.emit("distance", this.distance);
      return undefined;
    }
    return super.command(action, value);
  }

  override state(): Record<string, unknown> {
    return { distance: this.distance };
  }
}
