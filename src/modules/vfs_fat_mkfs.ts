// mkfs for vfs.VfsFat: formats a block device as MicroPython's FatFs does (f_mkfs in
// lib/oofatfs/ff.c with MicroPython's options): 1 FAT, 512 root directory entries, the cluster size
// chosen from the volume size, FAT12/16 at sector 0 or, for volumes too large for FAT16, FAT32 in
// a single partition starting at sector 63.

import {
  FatVolume, FR, fail, fatTime, stWord, stDword, setAscii, SZDIRE, MAX_FAT12, MAX_FAT16, MAX_FAT32,
  FS_FAT12, FS_FAT16, FS_FAT32, BS_55AA, BPB_BytsPerSec, BPB_SecPerClus, BPB_RsvdSecCnt, BPB_NumFATs,
  BPB_RootEntCnt, BPB_TotSec16, BPB_Media, BPB_FATSz16, BPB_SecPerTrk, BPB_NumHeads, BPB_HiddSec,
  BPB_TotSec32, BS_DrvNum, BS_BootSig, BS_VolID, BS_VolLab, BPB_FATSz32, BPB_RootClus32, BPB_FSInfo32,
  BPB_BkBootSec32, BS_DrvNum32, BS_BootSig32, BS_VolID32, BS_VolLab32, FSI_LeadSig, FSI_StrucSig,
  FSI_Free_Count, FSI_Nxt_Free, MBR_Table,
} from "./vfs_fat_core.ts";


/**
 * Formats the device (FatFs's f_mkfs with an automatic cluster size).
 * `fat32`: FAT32 only (FM_FAT32); otherwise FAT12/16 only, in sector 0 (FM_FAT | FM_SFD).
 */
export function mkfs(vol: FatVolume, fat32: boolean): void {
  vol.fsType = 0;
  if (!vol.disk.init()) fail(FR.NOT_READY);
  if (vol.disk.readonly()) fail(FR.WRITE_PROTECTED);
  const ss = vol.disk.sectorSize();
  if (ss > 4096 || ss < 512 || (ss & (ss - 1))) fail(FR.DISK_ERR);
  const szBuf = 4096 / ss;
  const buf = new Uint8Array(4096);
  const bVol = fat32 ? 63 : 0;
  let szVol = vol.disk.sectorCount();
  if (szVol < bVol) fail(FR.MKFS_ABORTED);
  szVol -= bVol;
  if (szVol < 22) fail(FR.MKFS_ABORTED);
  const nFats = 1;
  const nRootdir = 512;
  let fmt = fat32 ? FS_FAT32 : FS_FAT16;
  let au = 0;
  let pau: number, nClst: number, szFat: number, szRsv: number, szDir: number;
  for (;;) {
    pau = au;
    if (fmt === FS_FAT32) {
      if (pau === 0) {
        const n = Math.floor(szVol / 0x20000);
        const cst32 = [1, 2, 4, 8, 16, 32];
        pau = 1;
        for (let i = 0; i < cst32.length && cst32[i] <= n; i++) pau <<= 1;
      }
      nClst = Math.floor(szVol / pau);
      szFat = Math.ceil((nClst * 4 + 8) / ss);
      szRsv = 32;
      szDir = 0;
      if (nClst <= MAX_FAT16 || nClst > MAX_FAT32) fail(FR.MKFS_ABORTED);
    } else {
      if (pau === 0) {
        const n = Math.floor(szVol / 0x1000);
        const cst = [1, 4, 16, 64, 256, 512];
        pau = 1;
        for (let i = 0; i < cst.length && cst[i] <= n; i++) pau <<= 1;
      }
      nClst = Math.floor(szVol / pau);
      let n: number;
      if (nClst > MAX_FAT12) {
        n = nClst * 2 + 4;
      } else {
        fmt = FS_FAT12;
        n = Math.floor((nClst * 3 + 1) / 2) + 3;
      }
      szFat = Math.ceil(n / ss);
      szRsv = 1;
      szDir = (nRootdir * SZDIRE) / ss;
    }
    const bData = bVol + szRsv + szFat * nFats + szDir;
    if (szVol < bData + pau * 16 - bVol) fail(FR.MKFS_ABORTED);
    nClst = Math.floor((szVol - szRsv - szFat * nFats - szDir) / pau);
    if (fmt === FS_FAT32 && nClst <= MAX_FAT16) {
      if (au === 0 && (au = pau >>> 1) !== 0) continue;
      fail(FR.MKFS_ABORTED);
    }
    if (fmt === FS_FAT16) {
      if (nClst > MAX_FAT16) {
        if (au === 0 && pau * 2 <= 64) {
          au = pau * 2;
          continue;
        }
        if (au === 0 && (au = pau * 2) <= 128) continue;
        fail(FR.MKFS_ABORTED);
      }
      if (nClst <= MAX_FAT12) {
        if (au === 0 && (au = pau * 2) <= 128) continue;
        fail(FR.MKFS_ABORTED);
      }
    }
    if (fmt === FS_FAT12 && nClst > MAX_FAT12) fail(FR.MKFS_ABORTED);
    break;
  }
  const w = (sect: number, n: number) => {
    if (vol.disk.write(sect, n, buf) !== 0) fail(FR.DISK_ERR);
  };
  // The boot sector.
  buf.fill(0);
  buf.set([0xeb, 0xfe, 0x90]);
  setAscii(buf, 3, "MSDOS5.0");
  stWord(buf, BPB_BytsPerSec, ss);
  buf[BPB_SecPerClus] = pau;
  stWord(buf, BPB_RsvdSecCnt, szRsv);
  buf[BPB_NumFATs] = nFats;
  stWord(buf, BPB_RootEntCnt, fmt === FS_FAT32 ? 0 : nRootdir);
  if (szVol < 0x10000) stWord(buf, BPB_TotSec16, szVol);
  else stDword(buf, BPB_TotSec32, szVol);
  buf[BPB_Media] = 0xf8;
  stWord(buf, BPB_SecPerTrk, 63);
  stWord(buf, BPB_NumHeads, 255);
  stDword(buf, BPB_HiddSec, bVol);
  if (fmt === FS_FAT32) {
    stDword(buf, BS_VolID32, fatTime());
    stDword(buf, BPB_FATSz32, szFat);
    stDword(buf, BPB_RootClus32, 2);
    stWord(buf, BPB_FSInfo32, 1);
    stWord(buf, BPB_BkBootSec32, 6);
    buf[BS_DrvNum32] = 0x80;
    buf[BS_BootSig32] = 0x29;
    setAscii(buf, BS_VolLab32, "NO NAME    FAT32   ");
  } else {
    stDword(buf, BS_VolID, fatTime());
    stWord(buf, BPB_FATSz16, szFat);
    buf[BS_DrvNum] = 0x80;
    buf[BS_BootSig] = 0x29;
    setAscii(buf, BS_VolLab, "NO NAME    FAT     ");
  }
  stWord(buf, BS_55AA, 0xaa55);
  w(bVol, 1);
  if (fmt === FS_FAT32) {
    vol.disk.write(bVol + 6, 1, buf);
    buf.fill(0, 0, ss);
    stDword(buf, FSI_LeadSig, 0x41615252);
    stDword(buf, FSI_StrucSig, 0x61417272);
    stDword(buf, FSI_Free_Count, nClst - 1);
    stDword(buf, FSI_Nxt_Free, 2);
    stWord(buf, BS_55AA, 0xaa55);
    vol.disk.write(bVol + 7, 1, buf);
    vol.disk.write(bVol + 1, 1, buf);
  }
  // The FATs.
  buf.fill(0);
  let sect = bVol + szRsv;
  for (let i = 0; i < nFats; i++) {
    if (fmt === FS_FAT32) {
      stDword(buf, 0, 0xfffffff8);
      stDword(buf, 4, 0xffffffff);
      stDword(buf, 8, 0x0fffffff);
    } else {
      stDword(buf, 0, fmt === FS_FAT12 ? 0xfffff8 : 0xfffffff8);
    }
    let nsect = szFat;
    do {
      const n = Math.min(nsect, szBuf);
      w(sect, n);
      buf.fill(0, 0, ss);
      sect += n;
      nsect -= n;
    } while (nsect);
  }
  // The root directory.
  let nsect = fmt === FS_FAT32 ? pau : szDir;
  do {
    const n = Math.min(nsect, szBuf);
    w(sect, n);
    sect += n;
    nsect -= n;
  } while (nsect);
  if (fat32) writeMbr(vol, buf, ss, bVol, szVol, fmt);
  vol.disk.sync();
}

/** A partition table with one partition (FDISK format, for FAT32 volumes). */
function writeMbr(vol: FatVolume, buf: Uint8Array, ss: number, bVol: number, szVol: number, fmt: number): void {
  const sys = fmt === FS_FAT32 ? 0x0c : szVol >= 0x10000 ? 0x06 : fmt === FS_FAT16 ? 0x04 : 0x01;
  buf.fill(0, 0, ss);
  stWord(buf, BS_55AA, 0xaa55);
  const pte = MBR_Table;
  buf[pte] = 0;
  buf[pte + 1] = 1;
  buf[pte + 2] = 1;
  buf[pte + 3] = 0;
  buf[pte + 4] = sys;
  const n = Math.floor((bVol + szVol) / (63 * 255));
  buf[pte + 5] = 254;
  buf[pte + 6] = ((n >>> 2) & 0xc0) | 63;
  buf[pte + 7] = n & 0xff;
  stDword(buf, pte + 8, bVol);
  stDword(buf, pte + 12, szVol);
  if (vol.disk.write(0, 1, buf) !== 0) fail(FR.DISK_ERR);
}
