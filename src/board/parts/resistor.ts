// A resistor (wokwi-resistor, pins 1 and 2): a weak connection. A net with nothing driving it
// takes the level of a driven net on the resistor's other side (pull-ups, series resistors).
import { Part } from "./part.ts";

export class Resistor extends Part {
  override readonly pins = ["1", "2"];
  override readonly resistors = [["1", "2"]] as const;

  override state(): Record<string, unknown> {
    return { value: this.ctx.attrs.value ?? "1000" };
  }
}
