// A push button (wokwi-pushbutton: pins 1.l/1.r joined, 2.l/2.r joined; pressing joins 1 and
// 2) and the boards' own buttons. Commands: press, release, toggle; click (press, then release
// after `value` ms, default 100).
import { Part, num } from "./part.ts";

export class Button extends Part {
  override readonly pins = ["1.l", "1.r", "2.l", "2.r"];
  override readonly internal = [["1.l", "1.r"], ["2.l", "2.r"]];
  pressed = false;

  protected override init(): void {
    this.ctx.setSwitch("1.l", "2.l", false);
  }

  set(pressed: boolean): void {
    if (pressed === this.pressed) return;
    this.pressed = pressed;
    this.ctx.setSwitch("1.l", "2.l", pressed);
    this.ctx.emit("pressed", pressed);
  }

  override command(action: string, value: unknown): unknown {
    switch (action) {
      case "press":
        return this.set(true);
      case "release":
        return this.set(false);
      case "toggle":
        return this.set(!this.pressed);
      case "click": {
        this.set(true);
        const ms = value === undefined || value === null ? 100 : num(value, "click duration");
        this.ctx.setTimer(this.ctx.nowUs() + ms * 1000, () => this.set(false));
        return undefined;
      }
    }
    return super.command(action, value);
  }

  override state(): Record<string, unknown> {
    return { pressed: this.pressed };
  }
}
