// The FAT file system engine behind vfs.VfsFat: volumes, FAT chains, directories, files.
//
// It follows the rules of MicroPython's FatFs (lib/oofatfs/ff.c, configured by ffconf.h and the
// unix port: long file names, relative paths, one sector window shared by FAT, directory and file
// data as with FF_FS_TINY, 512..4096-byte sectors) so that what it writes on a block device and
// what it reports (cluster counts, free space, errors) match a real board:
// - mkfs (vfs_fat_mkfs.ts) makes FAT12/16 with 1 FAT and 512 root entries, or FAT32 (in a partition at sector 63)
//   when the volume is too large for FAT16; the cluster size comes from the volume size.
// - names: 8.3 names in upper case with the NT lower-case flags when a name fits, otherwise a long
//   file name (LFN entries) with a numbered short name (NAME~1.EXT).
// - the sector window is written back lazily (when another sector is needed, or at sync), and
//   file data of whole sectors goes straight between the device and the caller's buffer.
// Failures are thrown as FatFail(FR_x); vfs_fat.ts turns them into OSError(errno).

export const FR = {
  OK: 0, DISK_ERR: 1, INT_ERR: 2, NOT_READY: 3, NO_FILE: 4, NO_PATH: 5, INVALID_NAME: 6,
  DENIED: 7, EXIST: 8, INVALID_OBJECT: 9, WRITE_PROTECTED: 10, INVALID_DRIVE: 11, NOT_ENABLED: 12,
  NO_FILESYSTEM: 13, MKFS_ABORTED: 14, TIMEOUT: 15, LOCKED: 16, NOT_ENOUGH_CORE: 17,
  TOO_MANY_OPEN_FILES: 18, INVALID_PARAMETER: 19,
} as const;

/** FRESULT → errno (extmod/vfs_fat_file.c). */
export const FR_ERRNO = [0, 5, 5, 16, 2, 2, 22, 13, 17, 22, 30, 19, 19, 19, 5, 5, 5, 12, 24, 22];

export class FatFail {
  constructor(public code: number) {}
}
export function fail(code: number): never {
  throw new FatFail(code);
}

/** What the file system needs from a block device (vfs_blockdev.ts adapts a Python one). */
export interface Disk {
  /** IOCTL_INIT: false when the device failed to initialise. */
  init(): boolean;
  readonly(): boolean;
  sectorSize(): number;
  sectorCount(): number;
  read(sect: number, count: number, buf: Uint8Array): boolean;
  /** 0: written, 1: failed, 2: write-protected. */
  write(sect: number, count: number, buf: Uint8Array): number;
  sync(): void;
}

/** The time stamp for new and modified entries (FatFs's get_fattime), overridable in tests. */
export const fatClock = { now: (): number => Date.now() };

export function fatTime(): number {
  const t = new Date(fatClock.now());
  const y = t.getFullYear();
  if (y < 1980) return (1 << 21) | (1 << 16);
  return (((y - 1980) & 0x7f) << 25) | ((t.getMonth() + 1) << 21) | (t.getDate() << 16) |
    (t.getHours() << 11) | (t.getMinutes() << 5) | (t.getSeconds() >> 1);
}

// ---------------------------------------------------------------- on-disk layout

export const SZDIRE = 32;
const DDEM = 0xe5;
const RDDEM = 0x05;
const LLEF = 0x40;
const MAX_DIR = 0x200000;
export const MAX_FAT12 = 0xff5;
export const MAX_FAT16 = 0xfff5;
export const MAX_FAT32 = 0x0ffffff5;
const MAX_LFN = 255;

export const AM_RDO = 0x01;
export const AM_VOL = 0x08;
export const AM_LFN = 0x0f;
export const AM_DIR = 0x10;
export const AM_ARC = 0x20;
const AM_MASK = 0x3f;

const DIR_Attr = 11, DIR_NTres = 12, DIR_CrtTime = 14, DIR_LstAccDate = 18, DIR_FstClusHI = 20;
const DIR_ModTime = 22, DIR_FstClusLO = 26, DIR_FileSize = 28;
const LDIR_Chksum = 13;
/** Where the 13 UTF-16 characters of an LFN entry are. */
const LFN_OFS = [1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30];

export const BS_55AA = 510, BPB_BytsPerSec = 11, BPB_SecPerClus = 13, BPB_RsvdSecCnt = 14;
export const BPB_NumFATs = 16, BPB_RootEntCnt = 17, BPB_TotSec16 = 19, BPB_Media = 21, BPB_FATSz16 = 22;
export const BPB_SecPerTrk = 24, BPB_NumHeads = 26, BPB_HiddSec = 28, BPB_TotSec32 = 32;
export const BS_DrvNum = 36, BS_BootSig = 38, BS_VolID = 39, BS_VolLab = 43, BS_FilSysType = 54;
export const BPB_FATSz32 = 36, BPB_FSVer32 = 42, BPB_RootClus32 = 44, BPB_FSInfo32 = 48;
export const BPB_BkBootSec32 = 50, BS_DrvNum32 = 64, BS_BootSig32 = 66, BS_VolID32 = 67, BS_VolLab32 = 71;
export const BS_FilSysType32 = 82;
export const FSI_LeadSig = 0, FSI_StrucSig = 484, FSI_Free_Count = 488, FSI_Nxt_Free = 492;
export const MBR_Table = 446;

export const FS_FAT12 = 1, FS_FAT16 = 2, FS_FAT32 = 3;

// Name status flags (the byte after the 11-byte short name).
const NS_LOSS = 0x01, NS_LFN = 0x02, NS_LAST = 0x04, NS_BODY = 0x08, NS_EXT = 0x10, NS_DOT = 0x20;
const NS_NOLFN = 0x40, NS_NONAME = 0x80;

// Open modes (FA_x).
export const FA_READ = 0x01, FA_WRITE = 0x02, FA_CREATE_NEW = 0x04, FA_CREATE_ALWAYS = 0x08;
export const FA_OPEN_ALWAYS = 0x10;
const FA_MODIFIED = 0x40;

export function ldWord(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
export function ldDword(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}
export function stWord(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
}
export function stDword(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
}
export function setAscii(b: Uint8Array, o: number, s: string): void {
  for (let i = 0; i < s.length; i++) b[o + i] = s.charCodeAt(i);
}

/** The checksum of a short name that ties LFN entries to it. */
function sumSfn(b: Uint8Array, o: number): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum = (((sum & 1) << 7) + (sum >>> 1) + b[o + i]) & 0xff;
  return sum;
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;

/** Upper case of one UTF-16 unit, for case-insensitive LFN matching. */
function wtoupper(c: number): number {
  if (c < 0x80) return isLower(c) ? c - 0x20 : c;
  const u = String.fromCharCode(c).toUpperCase();
  return u.length === 1 ? u.charCodeAt(0) : c;
}

// ---------------------------------------------------------------- directory objects

/** A position in a directory (FatFs's DIR) and the name being looked up or created there. */
export class Dir {
  /** First cluster of the directory (0: the root). */
  sclust = 0;
  clust = 0;
  /** Sector of the current entry (0: end of directory). */
  sect = 0;
  /** Byte offset of the current entry in the directory. */
  dptr = 0;
  /** Offset of the first LFN entry of the current object (-1: none). */
  blkOfs = -1;
  /** Attributes of the object found. */
  attr = 0;
  /** The short name in directory form and its NS_x flags at [11]. */
  fn = new Uint8Array(12);
  /** The long name (UTF-16 units) being looked up or created. */
  lfn: number[] = [];
  /** The long name assembled while reading entries, by LFN entry order. */
  rdLfn: number[] = [];
  rdLfnOk = false;
}

export interface FileInfo {
  name: string;
  attr: number;
  size: number;
  date: number;
  time: number;
}

/** An open file (FatFs's FIL). */
export class FatFileObj {
  open = true;
  sclust = 0;
  clust = 0;
  sect = 0;
  fptr = 0;
  objsize = 0;
  flag = 0;
  err = 0;
  dirSect = 0;
  dirOfs = 0;
  constructor(public vol: FatVolume, public id: number) {}
}

// ---------------------------------------------------------------- the volume

export class FatVolume {
  fsType = 0;
  ss = 512;
  csize = 1;
  nFats = 1;
  nRootdir = 0;
  nFatent = 0;
  volbase = 0;
  fatbase = 0;
  /** Root directory: a sector (FAT12/16) or a cluster (FAT32). */
  dirbase = 0;
  database = 0;
  fsize = 0;
  freeClst = 0xffffffff;
  lastClst = 0xffffffff;
  fsiFlag = 0;
  /** Current directory cluster (0: root). */
  cdir = 0;
  /** Mount id: files opened before a remount are invalid. */
  id = 0;
  win = new Uint8Array(4096);
  winsect = -1;
  wflag = false;

  constructor(public disk: Disk) {}

  // ------------------------------------------------------------ sector window

  syncWindow(): void {
    if (!this.wflag) return;
    const sect = this.winsect;
    if (this.disk.write(sect, 1, this.win) !== 0) fail(FR.DISK_ERR);
    this.wflag = false;
    if (sect - this.fatbase < this.fsize && this.nFats === 2) this.disk.write(sect + this.fsize, 1, this.win);
  }

  moveWindow(sect: number): void {
    if (sect === this.winsect) return;
    this.syncWindow();
    // Invalid while the device fills it: a device raising midway leaves no stale sector behind.
    this.winsect = -1;
    if (!this.disk.read(sect, 1, this.win)) fail(FR.DISK_ERR);
    this.winsect = sect;
  }

  syncFs(): void {
    this.syncWindow();
    if (this.fsType === FS_FAT32 && this.fsiFlag === 1) {
      const w = this.win;
      w.fill(0, 0, this.ss);
      stWord(w, BS_55AA, 0xaa55);
      stDword(w, FSI_LeadSig, 0x41615252);
      stDword(w, FSI_StrucSig, 0x61417272);
      stDword(w, FSI_Free_Count, this.freeClst);
      stDword(w, FSI_Nxt_Free, this.lastClst);
      this.winsect = this.volbase + 1;
      this.disk.write(this.winsect, 1, w);
      this.fsiFlag = 0;
    }
    this.disk.sync();
  }

  clst2sect(clst: number): number {
    clst -= 2;
    if (clst < 0 || clst >= this.nFatent - 2) return 0;
    return this.database + this.csize * clst;
  }

  // ------------------------------------------------------------ FAT access

  /** The FAT entry of a cluster (1 for an invalid cluster number). */
  getFat(clst: number): number {
    if (clst < 2 || clst >= this.nFatent) return 1;
    const ss = this.ss;
    const w = this.win;
    switch (this.fsType) {
      case FS_FAT12: {
        let bc = clst + (clst >>> 1);
        this.moveWindow(this.fatbase + Math.floor(bc / ss));
        let wc = w[bc++ % ss];
        this.moveWindow(this.fatbase + Math.floor(bc / ss));
        wc |= w[bc % ss] << 8;
        return clst & 1 ? wc >>> 4 : wc & 0xfff;
      }
      case FS_FAT16:
        this.moveWindow(this.fatbase + Math.floor(clst / (ss / 2)));
        return ldWord(w, (clst * 2) % ss);
      default:
        this.moveWindow(this.fatbase + Math.floor(clst / (ss / 4)));
        return ldDword(w, (clst * 4) % ss) & 0x0fffffff;
    }
  }

  putFat(clst: number, val: number): void {
    if (clst < 2 || clst >= this.nFatent) fail(FR.INT_ERR);
    const ss = this.ss;
    const w = this.win;
    switch (this.fsType) {
      case FS_FAT12: {
        let bc = clst + (clst >>> 1);
        this.moveWindow(this.fatbase + Math.floor(bc / ss));
        let p = bc++ % ss;
        w[p] = clst & 1 ? (w[p] & 0x0f) | ((val << 4) & 0xf0) : val & 0xff;
        this.wflag = true;
        this.moveWindow(this.fatbase + Math.floor(bc / ss));
        p = bc % ss;
        w[p] = clst & 1 ? (val >>> 4) & 0xff : (w[p] & 0xf0) | ((val >>> 8) & 0x0f);
        break;
      }
      case FS_FAT16:
        this.moveWindow(this.fatbase + Math.floor(clst / (ss / 2)));
        stWord(w, (clst * 2) % ss, val);
        break;
      default: {
        this.moveWindow(this.fatbase + Math.floor(clst / (ss / 4)));
        const o = (clst * 4) % ss;
        stDword(w, o, ((val & 0x0fffffff) | (ldDword(w, o) & 0xf0000000)) >>> 0);
      }
    }
    this.wflag = true;
  }

  /** Frees the chain from `clst`; `pclst` (when not 0) becomes its new end. */
  removeChain(clst: number, pclst: number): void {
    if (clst < 2 || clst >= this.nFatent) fail(FR.INT_ERR);
    if (pclst !== 0) this.putFat(pclst, 0xffffffff);
    do {
      const nxt = this.getFat(clst);
      if (nxt === 0) break;
      if (nxt === 1) fail(FR.INT_ERR);
      this.putFat(clst, 0);
      if (this.freeClst < this.nFatent - 2) {
        this.freeClst++;
        this.fsiFlag |= 1;
      }
      clst = nxt;
    } while (clst < this.nFatent);
  }

  /**
   * Extends the chain after `clst` (0: starts a new one): the next cluster (existing or newly
   * allocated), or 0 when the volume is full.
   */
  createChain(clst: number): number {
    let scl: number;
    if (clst === 0) {
      scl = this.lastClst;
      if (scl === 0 || scl >= this.nFatent) scl = 1;
    } else {
      const cs = this.getFat(clst);
      if (cs < 2) fail(FR.INT_ERR);
      if (cs < this.nFatent) return cs;
      scl = clst;
    }
    if (this.freeClst === 0) return 0;
    let ncl = scl;
    for (;;) {
      ncl++;
      if (ncl >= this.nFatent) {
        ncl = 2;
        if (ncl > scl) return 0;
      }
      const cs = this.getFat(ncl);
      if (cs === 0) break;
      if (cs === 1) fail(FR.INT_ERR);
      if (ncl === scl) return 0;
    }
    this.putFat(ncl, 0xffffffff);
    if (clst !== 0) this.putFat(clst, ncl);
    this.lastClst = ncl;
    if (this.freeClst <= this.nFatent - 2) this.freeClst--;
    this.fsiFlag |= 1;
    return ncl;
  }

  /** Free clusters (counted once, then kept up to date). */
  getFree(): number {
    if (this.freeClst <= this.nFatent - 2) return this.freeClst;
    let n = 0;
    for (let c = 2; c < this.nFatent; c++) if (this.getFat(c) === 0) n++;
    this.freeClst = n;
    this.fsiFlag |= 1;
    return n;
  }

  /** Fills a new directory cluster with zeros. */
  dirClear(clst: number): void {
    this.syncWindow();
    const sect = this.clst2sect(clst);
    this.winsect = sect;
    this.win.fill(0, 0, this.ss);
    for (let n = 0; n < this.csize; n++) {
      if (this.disk.write(sect + n, 1, this.win) !== 0) fail(FR.DISK_ERR);
    }
  }

  ldClust(o: number): number {
    let cl = ldWord(this.win, o + DIR_FstClusLO);
    if (this.fsType === FS_FAT32) cl += ldWord(this.win, o + DIR_FstClusHI) * 0x10000;
    return cl;
  }

  stClust(o: number, cl: number): void {
    stWord(this.win, o + DIR_FstClusLO, cl & 0xffff);
    if (this.fsType === FS_FAT32) stWord(this.win, o + DIR_FstClusHI, cl >>> 16);
  }

  // ------------------------------------------------------------ mounting

  /** Mounts the volume when needed (FatFs's find_volume); `write`: the call will write. */
  ensure(write: boolean): void {
    if (this.fsType !== 0) {
      if (write && this.disk.readonly()) fail(FR.WRITE_PROTECTED);
      return;
    }
    if (!this.disk.init()) fail(FR.NOT_READY);
    if (write && this.disk.readonly()) fail(FR.WRITE_PROTECTED);
    const ss = this.disk.sectorSize();
    if (ss > 4096 || ss < 512 || (ss & (ss - 1))) fail(FR.DISK_ERR);
    this.ss = ss;
    let bsect = 0;
    let fmt = this.checkFs(0);
    if (fmt === 2) {
      const br: number[] = [];
      for (let i = 0; i < 4; i++) {
        const pt = MBR_Table + i * 16;
        br.push(this.win[pt + 4] !== 0 ? ldDword(this.win, pt + 8) : 0);
      }
      for (let i = 0; i < 4 && fmt >= 2; i++) {
        bsect = br[i];
        fmt = bsect !== 0 ? this.checkFs(bsect) : 3;
      }
    }
    if (fmt === 4) fail(FR.DISK_ERR);
    if (fmt >= 2) fail(FR.NO_FILESYSTEM);
    this.readBpb(bsect);
  }

  /** 0: a FAT boot sector, 2: a boot sector but not FAT, 3: not a boot sector, 4: disk error. */
  private checkFs(sect: number): number {
    this.wflag = false;
    this.winsect = -1;
    try {
      this.moveWindow(sect);
    } catch (e) {
      if (e instanceof FatFail) return 4;
      throw e;
    }
    const w = this.win;
    if (ldWord(w, BS_55AA) !== 0xaa55) return 3;
    if (w[0] === 0xe9 || w[0] === 0xeb || w[0] === 0xe8) {
      if (w[BS_FilSysType] === 70 && w[BS_FilSysType + 1] === 65 && w[BS_FilSysType + 2] === 84) return 0;
      const t = String.fromCharCode(...w.subarray(BS_FilSysType32, BS_FilSysType32 + 5));
      if (t === "FAT32") return 0;
    }
    return 2;
  }

  private readBpb(bsect: number): void {
    const w = this.win;
    const ss = this.ss;
    if (ldWord(w, BPB_BytsPerSec) !== ss) fail(FR.NO_FILESYSTEM);
    let fasize = ldWord(w, BPB_FATSz16);
    if (fasize === 0) fasize = ldDword(w, BPB_FATSz32);
    this.fsize = fasize;
    this.nFats = w[BPB_NumFATs];
    if (this.nFats !== 1 && this.nFats !== 2) fail(FR.NO_FILESYSTEM);
    fasize *= this.nFats;
    this.csize = w[BPB_SecPerClus];
    if (this.csize === 0 || (this.csize & (this.csize - 1))) fail(FR.NO_FILESYSTEM);
    this.nRootdir = ldWord(w, BPB_RootEntCnt);
    if (this.nRootdir % (ss / SZDIRE)) fail(FR.NO_FILESYSTEM);
    let tsect = ldWord(w, BPB_TotSec16);
    if (tsect === 0) tsect = ldDword(w, BPB_TotSec32);
    const nrsv = ldWord(w, BPB_RsvdSecCnt);
    if (nrsv === 0) fail(FR.NO_FILESYSTEM);
    const sysect = nrsv + fasize + this.nRootdir / (ss / SZDIRE);
    if (tsect < sysect) fail(FR.NO_FILESYSTEM);
    const nclst = Math.floor((tsect - sysect) / this.csize);
    if (nclst === 0) fail(FR.NO_FILESYSTEM);
    let fmt = 0;
    if (nclst <= MAX_FAT32) fmt = FS_FAT32;
    if (nclst <= MAX_FAT16) fmt = FS_FAT16;
    if (nclst <= MAX_FAT12) fmt = FS_FAT12;
    if (fmt === 0) fail(FR.NO_FILESYSTEM);
    this.nFatent = nclst + 2;
    this.volbase = bsect;
    this.fatbase = bsect + nrsv;
    this.database = bsect + sysect;
    let szbfat: number;
    if (fmt === FS_FAT32) {
      if (ldWord(w, BPB_FSVer32) !== 0) fail(FR.NO_FILESYSTEM);
      if (this.nRootdir !== 0) fail(FR.NO_FILESYSTEM);
      this.dirbase = ldDword(w, BPB_RootClus32);
      szbfat = this.nFatent * 4;
    } else {
      if (this.nRootdir === 0) fail(FR.NO_FILESYSTEM);
      this.dirbase = this.fatbase + fasize;
      szbfat = fmt === FS_FAT16 ? this.nFatent * 2 : Math.floor((this.nFatent * 3) / 2) + (this.nFatent & 1);
    }
    if (this.fsize < Math.ceil(szbfat / ss)) fail(FR.NO_FILESYSTEM);
    this.freeClst = this.lastClst = 0xffffffff;
    this.fsiFlag = 0x80;
    if (fmt === FS_FAT32 && ldWord(w, BPB_FSInfo32) === 1) {
      this.moveWindow(bsect + 1);
      this.fsiFlag = 0;
      if (ldWord(w, BS_55AA) === 0xaa55 && ldDword(w, FSI_LeadSig) === 0x41615252 &&
        ldDword(w, FSI_StrucSig) === 0x61417272) {
        this.freeClst = ldDword(w, FSI_Free_Count);
        this.lastClst = ldDword(w, FSI_Nxt_Free);
      }
    }
    this.fsType = fmt;
    this.id++;
    this.cdir = 0;
  }

  // ------------------------------------------------------------ directory walking

  /** Moves `dp` to byte offset `ofs` of its directory. */
  dirSdi(dp: Dir, ofs: number): void {
    if (ofs >= MAX_DIR || ofs % SZDIRE) fail(FR.INT_ERR);
    dp.dptr = ofs;
    let clst = dp.sclust;
    if (clst === 0 && this.fsType >= FS_FAT32) clst = this.dirbase;
    let sect: number;
    if (clst === 0) {
      if (ofs / SZDIRE >= this.nRootdir) fail(FR.INT_ERR);
      sect = this.dirbase;
    } else {
      const csz = this.csize * this.ss;
      while (ofs >= csz) {
        clst = this.getFat(clst);
        if (clst < 2 || clst >= this.nFatent) fail(FR.INT_ERR);
        ofs -= csz;
      }
      sect = this.clst2sect(clst);
    }
    dp.clust = clst;
    if (sect === 0) fail(FR.INT_ERR);
    dp.sect = sect + Math.floor(ofs / this.ss);
  }

  /** Advances `dp` by one entry; false at the end (the directory grows when `stretch`). */
  dirNext(dp: Dir, stretch: boolean): boolean {
    const ofs = dp.dptr + SZDIRE;
    if (dp.sect === 0 || ofs >= MAX_DIR) {
      dp.sect = 0;
      return false;
    }
    if (ofs % this.ss === 0) {
      dp.sect++;
      if (dp.clust === 0) {
        if (ofs / SZDIRE >= this.nRootdir) {
          dp.sect = 0;
          return false;
        }
      } else if (((ofs / this.ss) & (this.csize - 1)) === 0) {
        let clst = this.getFat(dp.clust);
        if (clst <= 1) fail(FR.INT_ERR);
        if (clst >= this.nFatent) {
          if (!stretch) {
            dp.sect = 0;
            return false;
          }
          clst = this.createChain(dp.clust);
          if (clst === 0) fail(FR.DENIED);
          this.dirClear(clst);
        }
        dp.clust = clst;
        dp.sect = this.clst2sect(clst);
      }
    }
    dp.dptr = ofs;
    return true;
  }

  /** Offset in the window of the current entry of `dp` (after moveWindow(dp.sect)). */
  entry(dp: Dir): number {
    this.moveWindow(dp.sect);
    return dp.dptr % this.ss;
  }

  /** Finds `nent` consecutive free entries; `dp` ends on the last of them. */
  dirAlloc(dp: Dir, nent: number): void {
    this.dirSdi(dp, 0);
    let n = 0;
    for (;;) {
      const c = this.win[this.entry(dp)];
      if (c === DDEM || c === 0) {
        if (++n === nent) return;
      } else {
        n = 0;
      }
      if (!this.dirNext(dp, true)) fail(FR.DENIED);
    }
  }

  /** Takes an LFN entry's characters into dp.rdLfn; false when the entry is malformed. */
  private pickLfn(dp: Dir, o: number): boolean {
    const w = this.win;
    if (ldWord(w, o + DIR_FstClusLO) !== 0) return false;
    let i = ((w[o] & ~LLEF) - 1) * 13;
    let wc = 1;
    for (let s = 0; s < 13; s++) {
      const uc = ldWord(w, o + LFN_OFS[s]);
      if (wc !== 0) {
        if (i >= MAX_LFN) return false;
        dp.rdLfn[i++] = wc = uc;
      } else if (uc !== 0xffff) {
        return false;
      }
    }
    if (w[o] & LLEF && wc !== 0) {
      if (i >= MAX_LFN) return false;
      dp.rdLfn[i] = 0;
    }
    return true;
  }

  /** Reads from `dp` to the next file or directory (skipping dot entries); false at the end. */
  dirRead(dp: Dir): boolean {
    let ord = 0xff, sum = 0xff;
    const w = this.win;
    while (dp.sect !== 0) {
      const o = this.entry(dp);
      let c = w[o];
      if (c === 0) break;
      const a = w[o + DIR_Attr] & AM_MASK;
      dp.attr = a;
      if (c === DDEM || c === 46 || ((a & ~AM_ARC) === AM_VOL)) {
        ord = 0xff;
      } else if (a === AM_LFN) {
        if (c & LLEF) {
          sum = w[o + LDIR_Chksum];
          c &= ~LLEF;
          ord = c;
          dp.blkOfs = dp.dptr;
          dp.rdLfn = [];
        }
        ord = c === ord && sum === w[o + LDIR_Chksum] && this.pickLfn(dp, o) ? ord - 1 : 0xff;
      } else {
        if (ord !== 0 || sum !== sumSfn(w, o)) dp.blkOfs = -1;
        dp.rdLfnOk = dp.blkOfs !== -1;
        return true;
      }
      if (!this.dirNext(dp, false)) break;
    }
    dp.sect = 0;
    return false;
  }

  /** Finds the object named by dp.fn/dp.lfn in the directory of `dp`. */
  dirFind(dp: Dir): boolean {
    this.dirSdi(dp, 0);
    const w = this.win;
    const ns = dp.fn[11];
    let ord = 0xff, sum = 0xff;
    dp.blkOfs = -1;
    for (;;) {
      const o = this.entry(dp);
      let c = w[o];
      if (c === 0) return false;
      const a = w[o + DIR_Attr] & AM_MASK;
      dp.attr = a;
      if (c === DDEM || ((a & AM_VOL) && a !== AM_LFN)) {
        ord = 0xff;
        dp.blkOfs = -1;
      } else if (a === AM_LFN) {
        if (!(ns & NS_NOLFN)) {
          if (c & LLEF) {
            sum = w[o + LDIR_Chksum];
            c &= ~LLEF;
            ord = c;
            dp.blkOfs = dp.dptr;
          }
          ord = c === ord && sum === w[o + LDIR_Chksum] && this.cmpLfn(dp.lfn, o) ? ord - 1 : 0xff;
        }
      } else {
        if (ord === 0 && sum === sumSfn(w, o)) return true;
        if (!(ns & NS_LOSS) && this.sameSfn(dp.fn, o)) return true;
        ord = 0xff;
        dp.blkOfs = -1;
      }
      if (!this.dirNext(dp, false)) return false;
    }
  }

  private sameSfn(fn: Uint8Array, o: number): boolean {
    for (let i = 0; i < 11; i++) if (fn[i] !== this.win[o + i]) return false;
    return true;
  }

  /** Does this LFN entry hold its part of `lfn` (case-insensitively)? */
  private cmpLfn(lfn: number[], o: number): boolean {
    const w = this.win;
    if (ldWord(w, o + DIR_FstClusLO) !== 0) return false;
    let i = ((w[o] & 0x3f) - 1) * 13;
    let wc = 1;
    for (let s = 0; s < 13; s++) {
      const uc = ldWord(w, o + LFN_OFS[s]);
      if (wc !== 0) {
        const want = i < lfn.length ? lfn[i] : 0;
        i++;
        if (i > MAX_LFN + 1 || wtoupper(uc) !== wtoupper(want)) return false;
        wc = uc;
      } else if (uc !== 0xffff) {
        return false;
      }
    }
    if (w[o] & LLEF && wc !== 0 && i < lfn.length) return false;
    return true;
  }

  /** Writes the LFN part `ord` (1-based) of `lfn` at window offset `o`. */
  private putLfn(lfn: number[], o: number, ord: number, sum: number): void {
    const w = this.win;
    w[o + LDIR_Chksum] = sum;
    w[o + DIR_Attr] = AM_LFN;
    w[o + DIR_NTres] = 0;
    stWord(w, o + DIR_FstClusLO, 0);
    let i = (ord - 1) * 13;
    let wc = 0;
    for (let s = 0; s < 13; s++) {
      if (wc !== 0xffff) wc = i < lfn.length ? lfn[i++] : (i++, 0);
      stWord(w, o + LFN_OFS[s], wc);
      if (wc === 0) wc = 0xffff;
    }
    if (wc === 0xffff || i >= lfn.length) ord |= LLEF;
    w[o] = ord;
  }

  /** Creates the entries (LFN + short name) for dp.fn/dp.lfn; `dp` ends on the short entry. */
  dirRegister(dp: Dir): void {
    const ns = dp.fn[11];
    if (ns & (NS_DOT | NS_NONAME)) fail(FR.INVALID_NAME);
    const sn = dp.fn.slice();
    if (ns & NS_LOSS) {
      dp.fn[11] = NS_NOLFN;
      let n = 1;
      for (; n < 100; n++) {
        genNumname(dp.fn, sn, dp.lfn, n);
        if (!this.dirFind(dp)) break;
      }
      if (n === 100) fail(FR.DENIED);
      dp.fn[11] = sn[11];
    }
    let nent = ns & NS_LFN ? Math.floor((dp.lfn.length + 12) / 13) + 1 : 1;
    this.dirAlloc(dp, nent);
    if (--nent) {
      this.dirSdi(dp, dp.dptr - nent * SZDIRE);
      const sum = sumSfn(dp.fn, 0);
      do {
        this.putLfn(dp.lfn, this.entry(dp), nent, sum);
        this.wflag = true;
        this.dirNext(dp, false);
      } while (--nent);
    }
    const o = this.entry(dp);
    this.win.fill(0, o, o + SZDIRE);
    this.win.set(dp.fn.subarray(0, 11), o);
    this.win[o + DIR_NTres] = dp.fn[11] & (NS_BODY | NS_EXT);
    this.wflag = true;
  }

  /** Marks the object at `dp` (with its LFN entries) deleted. */
  dirRemove(dp: Dir): void {
    const last = dp.dptr;
    if (dp.blkOfs !== -1) this.dirSdi(dp, dp.blkOfs);
    for (;;) {
      this.win[this.entry(dp)] = DDEM;
      this.wflag = true;
      if (dp.dptr >= last) return;
      if (!this.dirNext(dp, false)) fail(FR.INT_ERR);
    }
  }

  /** Name, attributes, size and time of the object at `dp`. */
  fileInfo(dp: Dir): FileInfo {
    const o = this.entry(dp);
    const w = this.win;
    let name = "";
    if (dp.rdLfnOk && dp.blkOfs !== -1) {
      const units: number[] = [];
      for (const u of dp.rdLfn) {
        if (u === 0) break;
        units.push(u);
      }
      name = String.fromCharCode(...units);
    }
    if (name === "") {
      const nt = w[o + DIR_NTres];
      for (let i = 0; i < 11; i++) {
        let c = w[o + i];
        if (c === 32) continue;
        if (c === RDDEM) c = DDEM;
        if (i === 8) name += ".";
        if (isUpper(c) && nt & (i >= 8 ? NS_EXT : NS_BODY)) c += 0x20;
        name += String.fromCharCode(c);
      }
    }
    return {
      name,
      attr: w[o + DIR_Attr] & AM_MASK,
      size: ldDword(w, o + DIR_FileSize),
      date: ldWord(w, o + DIR_ModTime + 2),
      time: ldWord(w, o + DIR_ModTime),
    };
  }

  // ------------------------------------------------------------ paths

  /** Parses one path segment into dp.fn/dp.lfn; returns the rest of the path. */
  createName(dp: Dir, path: string, pos: number): number {
    const lfn: number[] = [];
    let c = 0;
    let i = pos;
    for (;;) {
      c = i < path.length ? path.charCodeAt(i++) : 0;
      if (c < 32 || c === 47 || c === 92) break;
      if (c < 0x80 && '"*:<>?|\x7f'.includes(String.fromCharCode(c))) fail(FR.INVALID_NAME);
      if (lfn.length >= MAX_LFN) fail(FR.INVALID_NAME);
      lfn.push(c);
    }
    if (c === 47 || c === 92) while (path.charCodeAt(i) === 47 || path.charCodeAt(i) === 92) i++;
    let cf = c < 32 ? NS_LAST : 0;
    const fn = dp.fn;
    let di = lfn.length;
    if ((di === 1 && lfn[0] === 46) || (di === 2 && lfn[0] === 46 && lfn[1] === 46)) {
      for (let k = 0; k < 11; k++) fn[k] = k < di ? 46 : 32;
      fn[11] = cf | NS_DOT;
      dp.lfn = lfn;
      return i;
    }
    while (di > 0 && (lfn[di - 1] === 32 || lfn[di - 1] === 46)) di--;
    lfn.length = di;
    if (di === 0) fail(FR.INVALID_NAME);
    dp.lfn = lfn;
    let si = 0;
    while (lfn[si] === 32) si++;
    if (si > 0 || lfn[si] === 46) cf |= NS_LOSS | NS_LFN;
    while (di > 0 && lfn[di - 1] !== 46) di--;
    fn.fill(32, 0, 11);
    let k = 0, b = 0, ni = 8;
    for (;;) {
      let wc = si < lfn.length ? lfn[si] : 0;
      si++;
      if (wc === 0) break;
      if (wc === 32 || (wc === 46 && si !== di)) {
        cf |= NS_LOSS | NS_LFN;
        continue;
      }
      if (k >= ni || si === di) {
        if (ni === 11) {
          cf |= NS_LOSS | NS_LFN;
          break;
        }
        if (si !== di) cf |= NS_LOSS | NS_LFN;
        if (si > di) break;
        si = di;
        k = 8;
        ni = 11;
        b <<= 2;
        continue;
      }
      if (wc >= 0x80) {
        // Characters outside ASCII have no OEM code here: the short name gets '_'.
        cf |= NS_LFN | NS_LOSS;
        wc = 95;
      } else if ("+,;=[]".includes(String.fromCharCode(wc))) {
        wc = 95;
        cf |= NS_LOSS | NS_LFN;
      } else if (isUpper(wc)) {
        b |= 2;
      } else if (isLower(wc)) {
        b |= 1;
        wc -= 0x20;
      }
      fn[k++] = wc;
    }
    if (fn[0] === DDEM) fn[0] = RDDEM;
    if (ni === 8) b <<= 2;
    if ((b & 0x0c) === 0x0c || (b & 0x03) === 0x03) cf |= NS_LFN;
    if (!(cf & NS_LFN)) {
      if (b & 0x01) cf |= NS_EXT;
      if (b & 0x04) cf |= NS_BODY;
    }
    fn[11] = cf;
    return i;
  }

  /**
   * Follows a path: FR.OK with `dp` on the object (NS_NONAME in dp.fn[11]: the directory
   * itself), FR.NO_FILE with `dp` in the parent directory when the last segment is missing,
   * FR.NO_PATH when a directory on the way is missing.
   */
  followPath(dp: Dir, path: string): number {
    let i = 0;
    if (path.charCodeAt(0) !== 47 && path.charCodeAt(0) !== 92) {
      dp.sclust = this.cdir;
    } else {
      while (path.charCodeAt(i) === 47 || path.charCodeAt(i) === 92) i++;
      dp.sclust = 0;
    }
    if (i >= path.length || path.charCodeAt(i) < 32) {
      dp.fn[11] = NS_NONAME;
      this.dirSdi(dp, 0);
      return FR.OK;
    }
    for (;;) {
      i = this.createName(dp, path, i);
      const found = this.dirFind(dp);
      const ns = dp.fn[11];
      if (!found) {
        if (ns & NS_DOT) {
          if (!(ns & NS_LAST)) continue;
          dp.fn[11] = NS_NONAME;
          return FR.OK;
        }
        return ns & NS_LAST ? FR.NO_FILE : FR.NO_PATH;
      }
      if (ns & NS_LAST) return FR.OK;
      if (!(dp.attr & AM_DIR)) return FR.NO_PATH;
      dp.sclust = this.ldClust(this.entry(dp));
    }
  }

  // ------------------------------------------------------------ file system calls

  stat(path: string): FileInfo {
    this.ensure(false);
    const dp = new Dir();
    const res = this.followPath(dp, path);
    if (res !== FR.OK) fail(res);
    if (dp.fn[11] & NS_NONAME) fail(FR.INVALID_NAME);
    return this.fileInfo(dp);
  }

  /** A directory to list (f_opendir). */
  openDir(path: string): Dir {
    this.ensure(false);
    const dp = new Dir();
    let res = this.followPath(dp, path);
    if (res === FR.OK) {
      if (!(dp.fn[11] & NS_NONAME)) {
        if (dp.attr & AM_DIR) dp.sclust = this.ldClust(this.entry(dp));
        else res = FR.NO_PATH;
      }
      if (res === FR.OK) this.dirSdi(dp, 0);
    }
    if (res === FR.NO_FILE) res = FR.NO_PATH;
    if (res !== FR.OK) fail(res);
    return dp;
  }

  /** The next entry of a listing, or null at its end (f_readdir). */
  readDir(dp: Dir, mountId: number): FileInfo | null {
    if (mountId !== this.id || dp.sect === 0) return null;
    if (!this.dirRead(dp)) return null;
    const info = this.fileInfo(dp);
    this.dirNext(dp, false);
    return info;
  }

  mkdir(path: string): void {
    this.ensure(true);
    const dj = new Dir();
    let res = this.followPath(dj, path);
    if (res === FR.OK) res = FR.EXIST;
    if (res === FR.NO_FILE && dj.fn[11] & NS_DOT) res = FR.INVALID_NAME;
    if (res !== FR.NO_FILE) fail(res);
    const dcl = this.createChain(0);
    if (dcl === 0) fail(FR.DENIED);
    const tm = fatTime();
    try {
      this.dirClear(dcl);
      const w = this.win;
      w.fill(32, 0, 11);
      w[0] = 46;
      w[DIR_Attr] = AM_DIR;
      stDword(w, DIR_ModTime, tm);
      this.stClust(0, dcl);
      w.copyWithin(SZDIRE, 0, SZDIRE);
      w[SZDIRE + 1] = 46;
      this.stClust(SZDIRE, dj.sclust);
      this.wflag = true;
      this.dirRegister(dj);
    } catch (e) {
      if (e instanceof FatFail) this.removeChain(dcl, 0);
      throw e;
    }
    const o = this.entry(dj);
    stDword(this.win, o + DIR_ModTime, tm);
    this.stClust(o, dcl);
    this.win[o + DIR_Attr] = AM_DIR;
    this.wflag = true;
    this.syncFs();
  }

  /** f_unlink: removes a file or an empty directory. */
  unlink(path: string): void {
    this.ensure(true);
    const dj = new Dir();
    let res = this.followPath(dj, path);
    if (res === FR.OK && dj.fn[11] & (NS_DOT | NS_NONAME)) res = FR.INVALID_NAME;
    if (res === FR.OK && dj.attr & AM_RDO) res = FR.DENIED;
    if (res !== FR.OK) fail(res);
    const dclst = this.ldClust(this.entry(dj));
    if (dj.attr & AM_DIR) {
      if (dclst === this.cdir) fail(FR.DENIED);
      const sdj = new Dir();
      sdj.sclust = dclst;
      this.dirSdi(sdj, 0);
      if (this.dirRead(sdj)) fail(FR.DENIED);
    }
    this.dirRemove(dj);
    if (dclst !== 0) this.removeChain(dclst, 0);
    this.syncFs();
  }

  rename(oldPath: string, newPath: string): void {
    this.ensure(true);
    const djo = new Dir();
    let res = this.followPath(djo, oldPath);
    if (res === FR.OK && djo.fn[11] & (NS_DOT | NS_NONAME)) res = FR.INVALID_NAME;
    if (res !== FR.OK) fail(res);
    let o = this.entry(djo);
    const buf = this.win.slice(o, o + SZDIRE);
    const djn = new Dir();
    djn.sclust = djo.sclust;
    res = this.followPath(djn, newPath);
    if (res === FR.OK) res = djn.sclust === djo.sclust && djn.dptr === djo.dptr ? FR.NO_FILE : FR.EXIST;
    if (res !== FR.NO_FILE) fail(res);
    this.dirRegister(djn);
    o = this.entry(djn);
    const w = this.win;
    w.set(buf.subarray(13), o + 13);
    w[o + DIR_Attr] = buf[DIR_Attr];
    if (!(w[o + DIR_Attr] & AM_DIR)) w[o + DIR_Attr] |= AM_ARC;
    this.wflag = true;
    if (w[o + DIR_Attr] & AM_DIR && djo.sclust !== djn.sclust) {
      const dw = this.clst2sect(this.ldClust(o));
      if (dw === 0) fail(FR.INT_ERR);
      this.moveWindow(dw);
      if (this.win[SZDIRE + 1] === 46) {
        this.stClust(SZDIRE, djn.sclust);
        this.wflag = true;
      }
    }
    this.dirRemove(djo);
    this.syncFs();
  }

  chdir(path: string): void {
    this.ensure(false);
    const dj = new Dir();
    let res = this.followPath(dj, path);
    if (res === FR.OK) {
      if (dj.fn[11] & NS_NONAME) this.cdir = dj.sclust;
      else if (dj.attr & AM_DIR) this.cdir = this.ldClust(this.entry(dj));
      else res = FR.NO_PATH;
    }
    if (res === FR.NO_FILE) res = FR.NO_PATH;
    if (res !== FR.OK) fail(res);
  }

  getcwd(): string {
    this.ensure(false);
    const dj = new Dir();
    dj.sclust = this.cdir;
    let path = "";
    let ccl: number;
    while ((ccl = dj.sclust) !== 0) {
      this.dirSdi(dj, SZDIRE);
      dj.sclust = this.ldClust(this.entry(dj));
      this.dirSdi(dj, 0);
      let found = false;
      while (this.dirRead(dj)) {
        if (this.ldClust(this.entry(dj)) === ccl) {
          found = true;
          break;
        }
        if (!this.dirNext(dj, false)) break;
      }
      if (!found) fail(FR.INT_ERR);
      path = "/" + this.fileInfo(dj).name + path;
    }
    return path === "" ? "/" : path;
  }

  // ------------------------------------------------------------ files

  open(path: string, mode: number): FatFileObj {
    const write = (mode & (FA_WRITE | FA_CREATE_ALWAYS | FA_CREATE_NEW | FA_OPEN_ALWAYS)) !== 0;
    this.ensure(write);
    const dj = new Dir();
    let res = this.followPath(dj, path);
    if (res === FR.OK && dj.fn[11] & NS_NONAME) res = FR.INVALID_NAME;
    if (mode & (FA_CREATE_ALWAYS | FA_OPEN_ALWAYS | FA_CREATE_NEW)) {
      if (res !== FR.OK) {
        if (res !== FR.NO_FILE) fail(res);
        this.dirRegister(dj);
        mode |= FA_CREATE_ALWAYS;
      } else if (dj.attr & (AM_RDO | AM_DIR)) {
        fail(FR.DENIED);
      } else if (mode & FA_CREATE_NEW) {
        fail(FR.EXIST);
      }
      if (mode & FA_CREATE_ALWAYS) {
        const o = this.entry(dj);
        const w = this.win;
        const dw = fatTime();
        stDword(w, o + DIR_CrtTime, dw);
        stDword(w, o + DIR_ModTime, dw);
        w[o + DIR_Attr] = AM_ARC;
        const cl = this.ldClust(o);
        this.stClust(o, 0);
        stDword(w, o + DIR_FileSize, 0);
        this.wflag = true;
        if (cl !== 0) {
          const sect = this.winsect;
          this.removeChain(cl, 0);
          this.moveWindow(sect);
          this.lastClst = cl - 1;
        }
      }
    } else {
      if (res !== FR.OK) fail(res);
      if (dj.attr & AM_DIR) fail(FR.NO_FILE);
      if (mode & FA_WRITE && dj.attr & AM_RDO) fail(FR.DENIED);
    }
    if (mode & FA_CREATE_ALWAYS) mode |= FA_MODIFIED;
    const fp = new FatFileObj(this, this.id);
    const o = this.entry(dj);
    fp.dirSect = this.winsect;
    fp.dirOfs = o;
    fp.sclust = this.ldClust(o);
    fp.objsize = ldDword(this.win, o + DIR_FileSize);
    fp.flag = mode & (FA_READ | FA_WRITE | FA_MODIFIED | FA_CREATE_ALWAYS | FA_OPEN_ALWAYS | FA_CREATE_NEW);
    return fp;
  }

  /** Checks that a file is open on the mounted volume (FatFs's validate + the file's error). */
  private validate(fp: FatFileObj, withErr: boolean): void {
    if (!fp.open || this.fsType === 0 || fp.id !== this.id) fail(FR.INVALID_OBJECT);
    if (withErr && fp.err !== 0) fail(fp.err);
  }

  private abort(fp: FatFileObj, code: number): never {
    fp.err = code;
    fail(code);
  }

  /** The cluster chain step shared by read and write: aborts the file on a broken chain. */
  private guard<T>(fp: FatFileObj, f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof FatFail) this.abort(fp, e.code);
      throw e;
    }
  }

  /** Reads up to `n` bytes at the file position into `out` (from `at`); returns the count. */
  read(fp: FatFileObj, out: Uint8Array, at: number, n: number): number {
    this.validate(fp, true);
    if (!(fp.flag & FA_READ)) fail(FR.DENIED);
    const ss = this.ss;
    const remain = fp.objsize - fp.fptr;
    let btr = n > remain ? Math.max(remain, 0) : n;
    let done = 0;
    while (btr > 0) {
      let rcnt: number;
      if (fp.fptr % ss === 0) {
        const csect = Math.floor(fp.fptr / ss) & (this.csize - 1);
        if (csect === 0) {
          const clst = fp.fptr === 0 ? fp.sclust : this.guard(fp, () => this.getFat(fp.clust));
          if (clst < 2) this.abort(fp, FR.INT_ERR);
          fp.clust = clst;
        }
        let sect = this.clst2sect(fp.clust);
        if (sect === 0) this.abort(fp, FR.INT_ERR);
        sect += csect;
        let cc = Math.floor(btr / ss);
        if (cc > 0) {
          if (csect + cc > this.csize) cc = this.csize - csect;
          const dst = out.subarray(at + done, at + done + cc * ss);
          if (!this.disk.read(sect, cc, dst)) this.abort(fp, FR.DISK_ERR);
          if (this.wflag && this.winsect - sect >= 0 && this.winsect - sect < cc) {
            dst.set(this.win.subarray(0, ss), (this.winsect - sect) * ss);
          }
          rcnt = ss * cc;
          done += rcnt;
          fp.fptr += rcnt;
          btr -= rcnt;
          continue;
        }
        fp.sect = sect;
      }
      rcnt = ss - (fp.fptr % ss);
      if (rcnt > btr) rcnt = btr;
      this.guard(fp, () => this.moveWindow(fp.sect));
      const p = fp.fptr % ss;
      out.set(this.win.subarray(p, p + rcnt), at + done);
      done += rcnt;
      fp.fptr += rcnt;
      btr -= rcnt;
    }
    return done;
  }

  /** Writes bytes at the file position; returns the count (short when the volume is full). */
  write(fp: FatFileObj, data: Uint8Array): number {
    this.validate(fp, true);
    if (!(fp.flag & FA_WRITE)) fail(FR.DENIED);
    const ss = this.ss;
    let btw = data.length;
    if (fp.fptr + btw > 0xffffffff) btw = 0xffffffff - fp.fptr;
    let done = 0;
    while (btw > 0) {
      let wcnt: number;
      if (fp.fptr % ss === 0) {
        const csect = Math.floor(fp.fptr / ss) & (this.csize - 1);
        if (csect === 0) {
          let clst: number;
          if (fp.fptr === 0) {
            clst = fp.sclust;
            if (clst === 0) clst = this.guard(fp, () => this.createChain(0));
          } else {
            clst = this.guard(fp, () => this.createChain(fp.clust));
          }
          if (clst === 0) break;
          if (clst === 1) this.abort(fp, FR.INT_ERR);
          fp.clust = clst;
          if (fp.sclust === 0) fp.sclust = clst;
        }
        if (this.winsect === fp.sect) this.guard(fp, () => this.syncWindow());
        let sect = this.clst2sect(fp.clust);
        if (sect === 0) this.abort(fp, FR.INT_ERR);
        sect += csect;
        let cc = Math.floor(btw / ss);
        if (cc > 0) {
          if (csect + cc > this.csize) cc = this.csize - csect;
          const src = data.subarray(done, done + cc * ss);
          if (this.disk.write(sect, cc, src) !== 0) this.abort(fp, FR.DISK_ERR);
          if (this.winsect - sect >= 0 && this.winsect - sect < cc) {
            const off = (this.winsect - sect) * ss;
            this.win.set(src.subarray(off, off + ss));
            this.wflag = false;
          }
          wcnt = ss * cc;
          this.advance(fp, wcnt);
          done += wcnt;
          btw -= wcnt;
          continue;
        }
        if (fp.fptr >= fp.objsize) {
          this.guard(fp, () => this.syncWindow());
          this.winsect = sect;
        }
        fp.sect = sect;
      }
      wcnt = ss - (fp.fptr % ss);
      if (wcnt > btw) wcnt = btw;
      this.guard(fp, () => this.moveWindow(fp.sect));
      this.win.set(data.subarray(done, done + wcnt), fp.fptr % ss);
      this.wflag = true;
      this.advance(fp, wcnt);
      done += wcnt;
      btw -= wcnt;
    }
    fp.flag |= FA_MODIFIED;
    return done;
  }

  private advance(fp: FatFileObj, n: number): void {
    fp.fptr += n;
    if (fp.fptr > fp.objsize) fp.objsize = fp.fptr;
  }

  /** Writes the file's directory entry (size, first cluster, time) and flushes the volume. */
  sync(fp: FatFileObj): void {
    this.validate(fp, false);
    if (!(fp.flag & FA_MODIFIED)) return;
    const tm = fatTime();
    this.moveWindow(fp.dirSect);
    const o = fp.dirOfs;
    const w = this.win;
    w[o + DIR_Attr] |= AM_ARC;
    this.stClust(o, fp.sclust);
    stDword(w, o + DIR_FileSize, fp.objsize);
    stDword(w, o + DIR_ModTime, tm);
    stWord(w, o + DIR_LstAccDate, 0);
    this.wflag = true;
    this.syncFs();
    fp.flag &= ~FA_MODIFIED;
  }

  close(fp: FatFileObj): void {
    this.sync(fp);
    fp.open = false;
  }

  /** Moves the file position; in write mode a position past the end extends the file. */
  lseek(fp: FatFileObj, ofs: number): void {
    this.validate(fp, true);
    if (ofs > fp.objsize && !(fp.flag & FA_WRITE)) ofs = fp.objsize;
    const ss = this.ss;
    const ifptr = fp.fptr;
    fp.fptr = 0;
    let nsect = 0;
    if (ofs > 0) {
      const bcs = this.csize * ss;
      let clst: number;
      if (ifptr > 0 && Math.floor((ofs - 1) / bcs) >= Math.floor((ifptr - 1) / bcs)) {
        fp.fptr = (ifptr - 1) - ((ifptr - 1) % bcs);
        ofs -= fp.fptr;
        clst = fp.clust;
      } else {
        clst = fp.sclust;
        if (clst === 0) {
          clst = this.guard(fp, () => this.createChain(0));
          if (clst === 1) this.abort(fp, FR.INT_ERR);
          fp.sclust = clst;
        }
        fp.clust = clst;
      }
      if (clst !== 0) {
        while (ofs > bcs) {
          ofs -= bcs;
          fp.fptr += bcs;
          const c = clst;
          if (fp.flag & FA_WRITE) {
            clst = this.guard(fp, () => this.createChain(c));
            if (clst === 0) {
              ofs = 0;
              break;
            }
          } else {
            clst = this.guard(fp, () => this.getFat(c));
          }
          if (clst <= 1 || clst >= this.nFatent) this.abort(fp, FR.INT_ERR);
          fp.clust = clst;
        }
        fp.fptr += ofs;
        if (ofs % ss) {
          nsect = this.clst2sect(clst);
          if (nsect === 0) this.abort(fp, FR.INT_ERR);
          nsect += Math.floor(ofs / ss);
        }
      }
    }
    if (fp.fptr > fp.objsize) {
      fp.objsize = fp.fptr;
      fp.flag |= FA_MODIFIED;
    }
    if (fp.fptr % ss && nsect !== fp.sect) fp.sect = nsect;
  }
}

/** NAME~n: a numbered short name for a long name (FatFs's gen_numname). */
function genNumname(dst: Uint8Array, src: Uint8Array, lfn: number[], seq: number): void {
  dst.set(src.subarray(0, 11));
  if (seq > 5) {
    let sr = seq;
    for (let wc of lfn) {
      for (let i = 0; i < 16; i++) {
        sr = (sr << 1) + (wc & 1);
        wc >>>= 1;
        if (sr & 0x10000) sr ^= 0x11021;
      }
    }
    seq = sr >>> 0;
  }
  const ns = "~" + seq.toString(16).toUpperCase();
  let j = 0;
  const room = 8 - ns.length;
  while (j < room && dst[j] !== 32) j++;
  for (let k = 0; j < 8; j++, k++) dst[j] = k < ns.length ? ns.charCodeAt(k) : 32;
}
