# select.poll on Python objects with an ioctl method (MicroPython's stream protocol), and
# asyncio streams over such objects. Expected output written by hand: CPython's select needs
# real file descriptors and has no ioctl protocol or ipoll.
import select, io, asyncio


class Pollable(io.IOBase):
    def __init__(self):
        self.ready = 0
        self.data = b"line one\nline two\n"

    def ioctl(self, req, arg):
        if req == 3:  # MP_STREAM_POLL
            if self.ready < 0:
                return self.ready
            return self.ready & arg
        return -1

    def readline(self):
        i = self.data.find(b"\n") + 1
        line, self.data = self.data[:i], self.data[i:]
        return line

    def read(self, n=-1):
        r, self.data = self.data, b""
        return r

    def write(self, buf):
        print("write", bytes(buf))
        return len(buf)


x = Pollable()
p = select.poll()
p.register(x, select.POLLIN)
print(p.poll(0))
x.ready = select.POLLIN | select.POLLOUT
print([(type(o).__name__, ev) for o, ev in p.poll(0)])
p.modify(x, select.POLLOUT)
for o, ev in p.ipoll(0):
    print(o is x, ev)
x.ready = -5
try:
    p.poll(0)
except OSError as e:
    print("OSError", e.errno)
p.unregister(x)
print(p.poll(0))
try:
    p.modify(x, 1)
except OSError as e:
    print("OSError", e.errno)
x.ready = 0
print(select.select([x], [x], [], 0) == ([], [], []))


async def main():
    x.ready = select.POLLIN | select.POLLOUT
    r = asyncio.StreamReader(x)
    print(await r.readline())
    print(await r.read())
    w = asyncio.StreamWriter(x, {"peername": "here"})
    print(w.get_extra_info("peername"))
    w.write(b"abc")
    await w.drain()


asyncio.run(main())
