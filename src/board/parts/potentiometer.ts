// A potentiometer (wokwi-potentiometer / wokwi-slide-potentiometer, pins GND, SIG, VCC): the
// wiper puts a fraction of the supply on SIG. Commands: set (0..1, the knob position).
import { PositionPart, num, clamp } from "./part.ts";

/** The supply voltage in µV. */
const VCC_UV = 3_300_000;

export class Potentiometer extends PositionPart {
  override readonly pins = ["GND", "SIG", "VCC"];

  protected override init(): void {
    const v = this.ctx.attrs.value;
    // Wokwi's attribute is 0..1023.
    if (v !== undefined) this.position = clamp(num(v, "value") / 1023, 0, 1);
    this.apply();
  }

  protected override apply(): void {
    const uv = Math.round(this.position * VCC_UV);
    this.ctx.drive("SIG", { strength: 2, v: this.position >= 0.5 ? 1 : 0, uv });
  }

  override command(action: string, value: unknown): unknown {
    if (action === "set") {
      this.moveTo(clamp(num(value, "position"), 0, 1));
      return undefined;
    }
    return super.command(action, value);
  }
}
