# os over the host file system: directories, stat, rename, remove, errors.
# Expected output written by hand (MicroPython's stat is a plain 10-tuple; errors print errnos).
import os

base = "os_files_tmp"
try:
    os.stat(base)
    for n in os.listdir(base):
        os.remove(base + "/" + n)
    os.rmdir(base)
except OSError:
    pass

os.mkdir(base)
print(os.stat(base)[0] & 0xF000 == 0x4000)
with open(base + "/a.txt", "w") as f:
    f.write("hello")
st = os.stat(base + "/a.txt")
print(len(st), st[0] & 0xF000 == 0x8000, st[6])
print(os.listdir(base))
print(os.listdir(base.encode()))
print([(e[0], e[1]) for e in os.ilistdir(base)])
os.rename(base + "/a.txt", base + "/b.txt")
print(sorted(os.listdir(base)))
cwd = os.getcwd()
os.chdir(base)
print(os.listdir(), os.getcwd() == cwd + "/" + base)
os.chdir("..")
print(os.getcwd() == cwd)
for f, arg in ((os.stat, "nope"), (os.remove, "nope"), (os.mkdir, base), (os.rmdir, "nope")):
    try:
        f(arg)
    except OSError as e:
        print(e.errno, e)
os.unlink(base + "/b.txt")
os.rmdir(base)
print(base in os.listdir())
print(len(os.statvfs(".")), os.sep)
print([len(os.urandom(n)) for n in range(4)])
try:
    os.urandom(-1)
except ValueError:
    print("ValueError")
print(os.getenv("UPY_SURELY_UNSET"), os.getenv("UPY_SURELY_UNSET", 1))
os.putenv("UPY_SURELY_UNSET", "x")
print(os.getenv("UPY_SURELY_UNSET"))
os.unsetenv("UPY_SURELY_UNSET")
print(os.getenv("UPY_SURELY_UNSET"))
