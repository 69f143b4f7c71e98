# VfsFat on a RAM block device: layout numbers, names, files, directories, errors, both block
# device protocols, mounting, importing from the FAT volume.
# Expected output written by hand (CPython has no vfs module); the numbers are those of
# MicroPython's FatFs (lib/oofatfs): 1 FAT, 512 root entries, cluster size from the volume size.
import vfs, os, sys


class RAMBlockDev:
    def __init__(self, blocks, sec_size=512):
        self.sec_size = sec_size
        self.data = bytearray(blocks * sec_size)
        self.syncs = 0

    def readblocks(self, n, buf, off=0):
        a = n * self.sec_size + off
        buf[:] = self.data[a : a + len(buf)]

    def writeblocks(self, n, buf, off=0):
        a = n * self.sec_size + off
        self.data[a : a + len(buf)] = buf

    def ioctl(self, op, arg):
        if op == 3:
            self.syncs += 1
        if op == 4:
            return len(self.data) // self.sec_size
        if op == 5:
            return self.sec_size


class OldBlockDev:
    def __init__(self, blocks):
        self.data = bytearray(blocks * 512)

    def readblocks(self, n, buf):
        buf[:] = self.data[n * 512 : n * 512 + len(buf)]

    def writeblocks(self, n, buf):
        self.data[n * 512 : n * 512 + len(buf)] = buf

    def count(self):
        return len(self.data) // 512


def err(f, *args):
    try:
        f(*args)
    except OSError as e:
        return e.errno
    return "no error"


# Layouts: FAT12 with 1 cluster per sector, FAT12/16 with bigger clusters, 4096-byte sectors.
for blocks, ss in ((50, 512), (2048, 512), (20000, 512), (800, 4096)):
    bd = RAMBlockDev(blocks, ss)
    vfs.VfsFat.mkfs(bd)
    print(blocks, ss, vfs.VfsFat(bd).statvfs("/"))

bd = RAMBlockDev(200)
print(bd.data[:3], bd.data[3:11], bd.data[510:512])
vfs.VfsFat.mkfs(bd)
print(bd.data[:3], bd.data[3:11], bd.data[54:62], bd.data[510:512], bd.syncs > 0)
fs = vfs.VfsFat(bd)
print(fs.getcwd(), list(fs.ilistdir()))

# Names: 8.3 in upper case with case flags, long names with a numbered short name.
for name in ("lower.txt", "UPPER.TXT", "Mixed.Txt", "a long name.text", "a long name 2.text", "noext"):
    with fs.open(name, "w") as f:
        print(f.write(name))
print([e[0] for e in fs.ilistdir()])
print(b"LOWER   TXT" in bd.data, b"MIXED   TXT" in bd.data, b"ALONGN~1TEX" in bd.data, b"ALONGN~2TEX" in bd.data)
with fs.open("A LONG NAME.TEXT") as f:
    print(f.read())
print(err(fs.open, "bad*name", "w"), err(fs.open, "missing"), err(fs.stat, "missing/x"))

# Files: text and binary, seek/tell, readinto, readline, iteration, append, x mode.
with fs.open("data.bin", "wb") as f:
    print(str(f)[:10], f.write(bytes(range(256)) * 10))
with fs.open("data.bin", "rb") as f:
    print(type(f).__name__, f.seek(1000), f.read(4), f.tell(), f.seek(-2, 2), f.read(), f.seek(-5, 1))
    buf = bytearray(6)
    print(f.readinto(buf), buf)
with fs.open("lines.txt", "w") as f:
    f.write("one\ntwo\nthree")
with fs.open("lines.txt", "a") as f:
    f.write("\nfour\n")
with fs.open("lines.txt") as f:
    print(type(f).__name__, f.readline(), f.readlines())
with fs.open("lines.txt") as f:
    print([l for l in f])
with fs.open("lines.txt", "r+") as f:
    f.seek(4)
    f.write("TWO")
    f.seek(0)
    print(repr(f.read()))
print(err(fs.open, "lines.txt", "x"))
f = fs.open("lines.txt", "r")
print(err(f.write, "x"))
f.close()
print(err(f.read), err(f.write, "x"), err(f.flush))
with fs.open("unicode.txt", "w") as f:
    f.write("aé€😀b")
with fs.open("unicode.txt") as f:
    print(f.read(2), f.read(2), f.read())
print(fs.stat("unicode.txt")[:7], fs.stat("/")[:7])

# Directories.
fs.mkdir("dir")
fs.mkdir("dir/sub dir")
with fs.open("dir/sub dir/deep.txt", "w") as f:
    f.write("deep")
print(err(fs.mkdir, "dir"), err(fs.rmdir, "dir"), err(fs.remove, "dir"), err(fs.rmdir, "lower.txt"))
fs.chdir("dir/sub dir")
print(fs.getcwd(), list(fs.ilistdir()), list(fs.ilistdir(b"..")))
print(err(fs.rmdir, "/dir/sub dir"))
fs.chdir("/")
fs.rename("dir/sub dir", "moved")
fs.chdir("moved")
print(fs.getcwd())
fs.chdir("..")
print(fs.getcwd())
fs.rename("lower.txt", "UPPER.TXT")
print(sorted(e[0] for e in fs.ilistdir()))
print(err(fs.rename, "nothing", "x"), err(fs.rename, "moved", "/no/where"), err(fs.chdir, "noext"))
fs.remove("moved/deep.txt")
fs.rmdir("moved")
fs.rmdir("dir")

# Disk full.
bsize, _, blocks, free = fs.statvfs("/")[:4]
f = fs.open("huge", "wb")
print(err(f.write, bytearray(bsize * (free + 1))))
f.close()
print(fs.statvfs("/")[3], fs.stat("huge")[6] == bsize * free)
fs.remove("huge")
print(fs.statvfs("/")[3] == free)

# The old block protocol, read-only mounts, mounting a device directly, imports.
old = OldBlockDev(60)
vfs.VfsFat.mkfs(old)
vfs.mount(old, "/old")
with open("/old/mod_in_fat.py", "w") as f:
    f.write("print('imported from FAT', __name__)\nX = 42\n")
print(os.listdir("/old"), os.stat("/old/mod_in_fat.py")[6])
sys.path.insert(0, "/old")
import mod_in_fat

print(mod_in_fat.X)
sys.path.pop(0)
vfs.umount("/old")
ro = vfs.VfsFat(old)
vfs.mount(ro, "/ro", readonly=True)
print(os.listdir("/ro"), err(open, "/ro/new.txt", "w"), err(os.mkdir, "/ro/d"))
vfs.umount("/ro")
print(err(vfs.mount, RAMBlockDev(50), "/blank"))
vfs.mount(RAMBlockDev(50), "/blank", mkfs=True)
print(os.statvfs("/blank")[:4])
vfs.umount("/blank")
