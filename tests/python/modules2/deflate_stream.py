# deflate.DeflateIO: round trips through every format and window size, reading in pieces
# (read(n), readinto, readline, iteration over lines), close=True, and error cases.
# CPython has no deflate module: the expected output is by hand (the compressed streams were
# checked to decompress with CPython's zlib).
import deflate, io

text = b"".join(b"line %d: the quick brown fox\n" % i for i in range(40)) + b"no newline at end"


def compress(data, *args):
    b = io.BytesIO()
    with deflate.DeflateIO(b, *args) as g:
        for i in range(0, len(data), 100):
            g.write(data[i : i + 100])
    return b.getvalue()


for fmt in (deflate.RAW, deflate.ZLIB, deflate.GZIP):
    for wbits in (0, 5, 9, 15):
        c = compress(text, fmt, wbits)
        g = deflate.DeflateIO(io.BytesIO(c), fmt, wbits)
        parts = [g.read(7), g.read(300)]
        parts.append(g.read())
        ok = b"".join(parts) == text
        auto = fmt == deflate.RAW or deflate.DeflateIO(io.BytesIO(c)).read() == text
        print(fmt, wbits, len(c) < len(text), ok, auto, len(parts[0]), len(parts[1]))

c = compress(text, deflate.ZLIB)
g = deflate.DeflateIO(io.BytesIO(c))
print(g.readline())
print(g.readline(5))
buf = bytearray(10)
print(g.readinto(buf), buf)
print(g.readinto(buf, 3), buf)
lines = 0
while True:
    line = g.readline()
    if not line:
        break
    lines += 1
print(lines, line, g.read(), g.read(3))

# close=True closes the underlying stream; close() is idempotent.
b = io.BytesIO(c)
g = deflate.DeflateIO(b, deflate.ZLIB, 0, True)
print(len(g.read()))
g.close()
g.close()
try:
    b.read()
except ValueError:
    print("underlying closed")

# Constructor errors.
for args in ((deflate.RAW, 4), (deflate.RAW, 16), (4,), (-1,)):
    try:
        deflate.DeflateIO(io.BytesIO(), *args)
    except ValueError as e:
        print("ValueError", e)

# Empty input compresses to a valid stream once written to; with no write at all, nothing is
# written (not even a header).
print(compress(b"", deflate.ZLIB))
for fmt in (deflate.RAW, deflate.ZLIB, deflate.GZIP):
    b = io.BytesIO()
    with deflate.DeflateIO(b, fmt) as g:
        g.write(b"")
    c = b.getvalue()
    print(fmt, c, deflate.DeflateIO(io.BytesIO(c), fmt).read())

# A corrupt stream fails on read (OSError), a truncated one with EOFError.
c = compress(text, deflate.GZIP)
for bad in (c[:-3], c[:20] + b"\xff" * 10 + c[30:]):
    try:
        deflate.DeflateIO(io.BytesIO(bad)).read()
    except OSError as e:
        print("OSError", e.errno)
    except EOFError:
        print("EOFError")
