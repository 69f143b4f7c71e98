# Importing a module from a user-defined file system mounted in the VFS (its stat() and open()
# are called as MicroPython's importer calls them). Expected output written by hand.
import sys, vfs, io


class SrcFS:
    files = {"/hello_mod.py": b"print('running hello_mod')\nX = 42\n"}

    def mount(self, readonly, mkfs):
        pass

    def umount(self):
        pass

    def stat(self, path):
        print("stat", path)
        if path in self.files:
            return (0x8000, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        raise OSError(2)

    def open(self, path, mode):
        print("open", path, mode)
        return io.BytesIO(self.files[path])


vfs.mount(SrcFS(), "/src")
sys.path.append("/src")
import hello_mod

print(hello_mod.X)
try:
    import missing_mod
except ImportError:
    print("ImportError")
sys.path.pop()
vfs.umount("/src")
