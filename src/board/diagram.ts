// The subset of Wokwi's diagram.json a circuit is built from:
//   { "parts": [{ "type": "wokwi-led", "id": "led1", "attrs": { "color": "red" } }, ...],
//     "connections": [["pico:GP15", "led1:A", "green", []], ...] }
// The board's own part (wokwi-pi-pico, board-esp32-devkit-c-v4, ...) names the MCU; other
// parts must be known types (parts/index.ts). Positions, wire colours and routes are ignored.

export interface DiagramPart {
  type: string;
  id: string;
  attrs: Record<string, unknown>;
}

export interface Diagram {
  parts: DiagramPart[];
  connections: [string, string][];
}

export class DiagramError extends Error {}

/** Is this part type a microcontroller board (the board being simulated)? */
export function isBoardType(type: string): boolean {
  return /(^|-)(pi-pico|esp32|pyboard|nucleo|pico-w)/.test(type);
}

/** The board profile a diagram's board part suggests (pico, pico_w, esp32), or null. */
export function profileForDiagram(d: Diagram): string | null {
  for (const p of d.parts) {
    if (!isBoardType(p.type)) continue;
    if (/pico-w/.test(p.type)) return "pico_w";
    if (/pi-pico/.test(p.type)) return "pico";
    if (/esp32/.test(p.type)) return "esp32";
  }
  return null;
}

/** Parses and checks a diagram.json text (or an already parsed object). */
export function parseDiagram(src: string | object): Diagram {
  let j: any;
  try {
    j = typeof src === "string" ? JSON.parse(src) : src;
  } catch (e) {
    throw new DiagramError(`diagram.json: ${(e as Error).message}`);
  }
  if (typeof j !== "object" || j === null) throw new DiagramError("diagram.json: expected an object");
  const parts: DiagramPart[] = [];
  const ids = new Set<string>();
  for (const p of Array.isArray(j.parts) ? j.parts : []) {
    if (typeof p?.type !== "string" || typeof p?.id !== "string") throw new DiagramError("diagram.json: a part needs a type and an id");
    if (ids.has(p.id)) throw new DiagramError(`diagram.json: duplicate part id '${p.id}'`);
    ids.add(p.id);
    parts.push({ type: p.type, id: p.id, attrs: typeof p.attrs === "object" && p.attrs !== null ? p.attrs : {} });
  }
  const connections: [string, string][] = [];
  for (const c of Array.isArray(j.connections) ? j.connections : []) {
    if (!Array.isArray(c) || typeof c[0] !== "string" || typeof c[1] !== "string") throw new DiagramError("diagram.json: a connection is [from, to, colour, route]");
    connections.push([c[0], c[1]]);
  }
  return { parts, connections };
}

/** Trace kinds for `upy board --trace`: gpio (pin levels), pwm, parts, all. */
export function traceKind(type: string): string {
  return type === "pin" ? "gpio" : type === "part" ? "parts" : type;
}

/** One line of `--trace` output for a hardware event. */
export function formatTrace(e: { t: number; type: string; [k: string]: unknown }): string {
  const t = e.t.toFixed(3).padStart(11);
  if (e.type === "pin") return `[${t} ms] ${e.pin} = ${e.value}\n`;
  if (e.type === "pwm") return `[${t} ms] ${e.pin} pwm freq=${e.freq} duty=${e.duty}\n`;
  if (e.type === "part") {
    const v = e.value;
    const s = v instanceof Uint8Array ? `<${v.length} bytes>` : JSON.stringify(v);
    return `[${t} ms] ${e.part}.${e.prop} = ${s}\n`;
  }
  const { t: _t, type, ...rest } = e;
  return `[${t} ms] ${type} ${JSON.stringify(rest)}\n`;
}
