# The VFS mount table: a user-defined file system mounted beside the host's VfsPosix, path
# resolution, the virtual root, and MicroPython's errno values. Expected output written by hand
# (the vfs module is MicroPython-only).
import os, vfs, io


class MemFS:
    def __init__(self, name):
        self.name = name
        self.files = {"/a.txt": b"alpha\n", "/b.bin": b"\x01\x02"}
        self.cwd = "/"

    def mount(self, readonly, mkfs):
        print(self.name, "mount", readonly, mkfs)

    def umount(self):
        print(self.name, "umount")

    def ilistdir(self, path):
        return iter([(n[1:], 0x8000, 0) for n in sorted(self.files)])

    def stat(self, path):
        if path in self.files:
            return (0x8000, 0, 0, 0, 0, 0, len(self.files[path]), 0, 0, 0)
        raise OSError(2)

    def chdir(self, path):
        self.cwd = path

    def getcwd(self):
        return self.cwd

    def open(self, path, mode):
        data = self.files[path]
        return io.StringIO(data.decode()) if "b" not in mode else io.BytesIO(data)

    def __repr__(self):
        return "MemFS(%s)" % self.name


print(vfs.mount()[0][1], type(vfs.mount()[0][0]).__name__)
fs = MemFS("m")
vfs.mount(fs, "/mem", readonly=True)
print(vfs.mount()[0])
print(os.listdir("/mem"))
print(os.stat("/mem/a.txt")[6])
with open("/mem/a.txt") as f:
    print(repr(f.read()))
print(open("/mem/b.bin", "rb").read())

# mounting on a used mount point, and renaming across file systems
try:
    vfs.mount(MemFS("x"), "/mem")
except OSError as e:
    print("mount:", e.errno)
try:
    os.rename("/mem/a.txt", "/elsewhere")
except OSError as e:
    print("rename:", e.errno)
try:
    os.mkdir("/mem")
except OSError as e:
    print("mkdir:", e.errno)

# relative paths follow the current file system
here = os.getcwd()
os.chdir("/mem")
print(os.getcwd(), os.listdir())
os.chdir(here)
print(os.getcwd() == here)

vfs.umount("/mem")
try:
    vfs.umount("/mem")
except OSError as e:
    print("umount:", e.errno)

# VfsPosix with a root directory, mounted read-only (leftovers of an interrupted run removed first)
for leftover in ("vfs_mt_dir/f.txt", "vfs_mt_dir"):
    try:
        (os.remove if "." in leftover else os.rmdir)(leftover)
    except OSError:
        pass
os.mkdir("vfs_mt_dir")
with open("vfs_mt_dir/f.txt", "w") as f:
    f.write("posix")
vfs.mount(vfs.VfsPosix("vfs_mt_dir"), "/p", readonly=True)
print(os.listdir("/p"), open("/p/f.txt").read())
try:
    open("/p/g.txt", "w")
except OSError as e:
    print("write:", e.errno)
vfs.umount("/p")
os.remove("vfs_mt_dir/f.txt")
os.rmdir("vfs_mt_dir")
print("vfs_mt_dir" in os.listdir())
