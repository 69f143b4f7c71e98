// int: a JS number while it is a safe integer, a bigint beyond (always normalised back).
import { intType } from "../object.ts";

export { intType };

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const MIN = -MAX;

/** Normalises a bigint result: back to a number when it is a safe integer. */
export function normBig(b: bigint): number | bigint {
  return b >= MIN && b <= MAX ? Number(b) : b;
}

/** Normalises a JS number int result that may have left the safe range (or be -0). */
export function normNum(r: number, big: () => bigint): number | bigint {
  if (Number.isSafeInteger(r)) return r + 0;
  return normBig(big());
}
