// A slide switch (wokwi-slide-switch, pins 1, 2, 3): the middle pin 2 joins pin 1 (position 0)
// or pin 3 (position 1). Commands: set (0 or 1), toggle.
import { PositionPart, num } from "./part.ts";

export class SlideSwitch extends PositionPart {
  override readonly pins = ["1", "2", "3"];

  protected override init(): void {
    this.position = Number(this.ctx.attrs.value ?? 0) ? 1 : 0;
    this.apply();
  }

  protected override apply(): void {
    this.ctx.setSwitch("2", "1", this.position === 0);
    this.ctx.setSwitch("2", "3", this.position === 1);
  }

  override command(action: string, value: unknown): unknown {
    if (action === "set" || action === "toggle") {
      this.moveTo(action === "toggle" ? 1 - this.position : num(value, "position") ? 1 : 0);
      return undefined;
    }
    return super.command(action, value);
  }
}
