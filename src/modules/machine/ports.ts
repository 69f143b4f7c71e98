// What differs between ports in the machine module's Python surface: constant values and the
// way objects print. Values are those of the real ports (ports/rp2, ports/esp32, ports/stm32).

import { PinMode, PULL_UP, PULL_DOWN, EDGE_RISING, EDGE_FALLING } from "./hal.ts";

export type PortName = "rp2" | "esp32" | "stm32" | "unix";

export interface PortConsts {
  /** Python constant → HAL mode. */
  modes: Record<string, [number, PinMode]>;
  pulls: Record<string, number>;
  irq: Record<string, number>;
  /** HAL edge flags → the port's IRQ flag bits. */
  edge(e: number): number;
  /** Reset cause constants. */
  resets: Record<string, number>;
}

const rp2: PortConsts = {
  modes: { IN: [0, PinMode.In], OUT: [1, PinMode.Out], OPEN_DRAIN: [2, PinMode.OpenDrain], ALT: [3, PinMode.Alt] },
  pulls: { PULL_UP: PULL_UP, PULL_DOWN: PULL_DOWN },
  irq: { IRQ_LOW_LEVEL: 1, IRQ_HIGH_LEVEL: 2, IRQ_FALLING: 4, IRQ_RISING: 8 },
  edge: (e) => (e & EDGE_RISING ? 8 | 2 : 0) | (e & EDGE_FALLING ? 4 | 1 : 0),
  resets: { PWRON_RESET: 1, WDT_RESET: 3 },
};

const esp32: PortConsts = {
  modes: { IN: [1, PinMode.In], OUT: [3, PinMode.Out], OPEN_DRAIN: [7, PinMode.OpenDrain] },
  pulls: { PULL_UP: 2, PULL_DOWN: 1 },
  irq: { IRQ_RISING: 1, IRQ_FALLING: 2 },
  edge: (e) => (e & EDGE_RISING ? 1 : 0) | (e & EDGE_FALLING ? 2 : 0),
  resets: { PWRON_RESET: 1, HARD_RESET: 2, WDT_RESET: 3, DEEPSLEEP_RESET: 4, SOFT_RESET: 5 },
};

const stm32: PortConsts = {
  modes: {
    IN: [0, PinMode.In], OUT: [1, PinMode.Out], OPEN_DRAIN: [17, PinMode.OpenDrain], ALT: [2, PinMode.Alt],
    ALT_OPEN_DRAIN: [18, PinMode.Alt], ANALOG: [3, PinMode.Analog],
  },
  pulls: { PULL_NONE: 0, PULL_UP: 1, PULL_DOWN: 2 },
  irq: { IRQ_RISING: 0x10110000, IRQ_FALLING: 0x10210000 },
  edge: (e) => (e & EDGE_RISING ? 0x10110000 : 0) | (e & EDGE_FALLING ? 0x10210000 : 0),
  resets: { PWRON_RESET: 1, HARD_RESET: 2, WDT_RESET: 3, DEEPSLEEP_RESET: 4, SOFT_RESET: 5 },
};

export function portConsts(port: PortName): PortConsts {
  return port === "esp32" ? esp32 : port === "stm32" ? stm32 : rp2;
}

/** HAL pull bits → the port's pull constant. */
export function portPull(c: PortConsts, pull: number): number {
  if (pull & PULL_UP) return c.pulls.PULL_UP;
  if (pull & PULL_DOWN) return c.pulls.PULL_DOWN;
  return 0;
}

/** The port's pull constant → HAL pull bits. */
export function halPull(c: PortConsts, v: number): number {
  if (v === c.pulls.PULL_UP) return PULL_UP;
  if (v === c.pulls.PULL_DOWN) return PULL_DOWN;
  if (v === (c.pulls.PULL_UP | c.pulls.PULL_DOWN)) return PULL_UP | PULL_DOWN;
  return 0;
}
