// rp2: the RP2040 port's own module: bootsel_button() (the board's BOOTSEL button, pressable
// from the host as part "bootsel"), country(), and PIO: the asm_pio assembler
// (rp2_pio_asm.ts), PIO and StateMachine (rp2_pio.ts) running on simulated PIO blocks
// (rp2_pio_sm.ts) that drive the board's pins on board time.

import { builtin, None } from "../runtime/object.ts";
import { getHal } from "./machine/hal.ts";
import { asmPio, asmPioEncode, PIOASMError } from "./rp2_pio_asm.ts";
import { makePio } from "./rp2_pio.ts";

export function makeModule(): Record<string, any> {
  let country = "XX";
  const m: Record<string, any> = {
    __name__: "rp2",
    bootsel_button: builtin("bootsel_button", () => (getHal()?.boardButton("bootsel") ? 1 : 0)),
    country: builtin("country", (c?: any) => {
      if (c === undefined) return country;
      country = String(c);
      return None;
    }),
    asm_pio: asmPio,
    asm_pio_encode: builtin("asm_pio_encode", asmPioEncode),
    PIOASMError,
  };
  const hal = getHal();
  if (hal !== null) {
    const { pio, sm } = makePio(hal);
    m.PIO = pio;
    m.StateMachine = sm;
  }
  return m;
}
