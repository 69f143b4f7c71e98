// rp2: the RP2040 port's own module, as far as beginners use it: bootsel_button() (the
// board's BOOTSEL button, pressable from the host as part "bootsel"), country(), Flash info.
// PIO assembly (asm_pio, StateMachine) is not simulated: it raises NotImplementedError.

import { builtin, None } from "../runtime/object.ts";
import { notImplementedError } from "../runtime/exceptions.ts";
import { getHal } from "./machine/hal.ts";

export function makeModule(): Record<string, any> {
  let country = "XX";
  const noPio = (name: string) =>
    builtin(name, () => {
      throw notImplementedError("PIO is not simulated");
    });
  return {
    __name__: "rp2",
    bootsel_button: builtin("bootsel_button", () => (getHal()?.boardButton("bootsel") ? 1 : 0)),
    country: builtin("country", (c?: any) => {
      if (c === undefined) return country;
      country = String(c);
      return None;
    }),
    asm_pio: noPio("asm_pio"),
    StateMachine: noPio("StateMachine"),
    PIO: noPio("PIO"),
  };
}
