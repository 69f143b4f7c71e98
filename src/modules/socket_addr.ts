// IP addresses for the socket module: text <-> bytes (inet_pton / inet_ntop) and Linux's
// `struct sockaddr_in` / `sockaddr_in6` layouts, which the unix port's sockets pass around.

import type { NetAddr } from "../runtime/host.ts";

const AF_INET = 2, AF_INET6 = 10;

function parseIp4(s: string): Uint8Array | null {
  const parts = s.split(".");
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    if (!/^[0-9]{1,3}$/.test(parts[i])) return null;
    const v = Number(parts[i]);
    if (v > 255) return null;
    out[i] = v;
  }
  return out;
}

function parseIp6(s: string): Uint8Array | null {
  const out = new Uint8Array(16);
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const groups = (h: string): number[] | null => {
    if (h === "") return [];
    const vals: number[] = [];
    const parts = h.split(":");
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (i === parts.length - 1 && p.includes(".")) {
        const v4 = parseIp4(p);
        if (v4 === null) return null;
        vals.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return null;
        vals.push(parseInt(p, 16));
      }
    }
    return vals;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (head === null || tail === null) return null;
  const n = head.length + tail.length;
  if (halves.length === 1 ? n !== 8 : n > 7) return null;
  const all = [...head, ...new Array(8 - n).fill(0), ...tail];
  for (let i = 0; i < 8; i++) {
    out[2 * i] = all[i] >> 8;
    out[2 * i + 1] = all[i] & 0xff;
  }
  return out;
}

/** An IPv4 or IPv6 literal's bytes, or null when `s` is neither. */
export function parseIp(s: string): { family: number; bytes: Uint8Array } | null {
  const v4 = parseIp4(s);
  if (v4 !== null) return { family: AF_INET, bytes: v4 };
  if (!s.includes(":")) return null;
  const v6 = parseIp6(s);
  return v6 === null ? null : { family: AF_INET6, bytes: v6 };
}

/** The text form of 4 or 16 address bytes (IPv6 compressed as inet_ntop writes it). */
export function formatIp(b: Uint8Array): string {
  if (b.length === 4) return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
  const g: number[] = [];
  for (let i = 0; i < 8; i++) g.push((b[2 * i] << 8) | b[2 * i + 1]);
  // IPv4-mapped and IPv4-compatible forms end in dotted quads.
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && (g[5] === 0xffff || (g[5] === 0 && g[6] !== 0))) {
    const v4 = formatIp(b.subarray(12, 16));
    return g[5] === 0xffff ? `::ffff:${v4}` : `::${v4}`;
  }
  let best = -1, bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (xs: number[]) => xs.map((x) => x.toString(16)).join(":");
  if (best < 0) return hex(g);
  return `${hex(g.slice(0, best))}::${hex(g.slice(best + bestLen))}`;
}

/** Linux's sockaddr_in (16 bytes) or sockaddr_in6 (28 bytes) for an address. */
export function packSockaddr(a: NetAddr): Uint8Array {
  const ip = parseIp(a.address);
  const v6 = a.family === AF_INET6;
  const out = new Uint8Array(v6 ? 28 : 16);
  out[0] = a.family & 0xff;
  out[1] = a.family >> 8;
  out[2] = (a.port >> 8) & 0xff;
  out[3] = a.port & 0xff;
  if (ip === null) return out;
  if (v6 && ip.family === AF_INET) {
    out[18] = out[19] = 0xff; // IPv4-mapped
    out.set(ip.bytes, 20);
  } else if (v6) out.set(ip.bytes, 8);
  else if (ip.family === AF_INET) out.set(ip.bytes, 4);
  return out;
}

/** The address in sockaddr bytes, or null for another family. */
export function unpackSockaddr(b: Uint8Array): NetAddr | null {
  if (b.length < 8) return null;
  const family = b[0] | (b[1] << 8);
  const port = (b[2] << 8) | b[3];
  if (family === AF_INET) return { family, address: formatIp(b.subarray(4, 8)), port };
  if (family === AF_INET6 && b.length >= 24) return { family, address: formatIp(b.subarray(8, 24)), port };
  return null;
}
