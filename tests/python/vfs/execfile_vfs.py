# execfile() opens its file through the VFS: a mounted user file system's open(path, "rb") is
# asked, and an io.IOBase file it returns is read through readinto(). Expected output from
# MicroPython.
import io
import vfs


class File(io.IOBase):
    def __init__(self, data):
        self.data = data
        self.off = 0

    def readinto(self, buf):
        n = min(len(buf), len(self.data) - self.off)
        buf[:n] = self.data[self.off : self.off + n]
        self.off += n
        return n

    def ioctl(self, req, arg):
        return 0


class FS:
    files = {"/prog.py": b"x = 6 * 7\nprint('running prog', x)\n"}

    def mount(self, readonly, mkfs):
        pass

    def umount(self):
        pass

    def open(self, path, mode):
        print("open", path, mode)
        if path not in self.files:
            raise OSError(2)
        return File(self.files[path])


vfs.mount(FS(), "/mnt_exec")
execfile("/mnt_exec/prog.py")
print(x)
try:
    execfile("/mnt_exec/missing.py")
except OSError as e:
    print("OSError", e.errno)
vfs.umount("/mnt_exec")
