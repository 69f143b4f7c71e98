# io.IOBase subclasses speak MicroPython's stream protocol: print() and json hand their write()
# bytearrays (again for what a short write left), read them through readinto(), and a result
# larger than asked is OSError(EIO); a text file holding invalid UTF-8 raises UnicodeError.
# Expected output from MicroPython.
import io
import json
import os


class Out(io.IOBase):
    def __init__(self, step, verbose=True):
        self.step = step
        self.verbose = verbose
        self.got = b""

    def write(self, buf):
        n = min(self.step, len(buf))
        if self.verbose:
            print("write", type(buf).__name__, bytes(buf), "->", n)
        self.got += bytes(buf[:n])
        return n

    def ioctl(self, cmd, arg):
        return 0


o = Out(2)
print("abc", 1, file=o)
print(o.got)
o = Out(100, False)  # MicroPython writes each JSON token separately, we write them together
json.dump({"k": [1, 2]}, o)
print(o.got)


class In(io.IOBase):
    def __init__(self, data, extra=0):
        self.d = data
        self.i = 0
        self.extra = extra

    def readinto(self, buf):
        n = min(len(buf), len(self.d) - self.i)
        buf[:n] = self.d[self.i : self.i + n]
        self.i += n
        return n + self.extra if n else 0

    def ioctl(self, cmd, arg):
        return 0


print(json.load(In(b'[1, {"x": null}, "s"]')))
try:
    json.load(In(b"[1]", 1))
except OSError as e:
    print("OSError", e.errno)


class Long(Out):
    def write(self, buf):
        return len(buf) + 1


try:
    print("x", file=Long(0))
except OSError as e:
    print("OSError", e.errno)

name = "iobase_stream_tmp.txt"
with open(name, "wb") as f:
    f.write(b"ok \xff\xfe bad")
try:
    with open(name) as f:
        f.read()
except UnicodeError:
    print("UnicodeError")
with open(name, "rb") as f:
    print(f.read())
os.remove(name)
