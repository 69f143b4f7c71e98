# hashlib: test vectors, incremental updates across block boundaries, buffer arguments.
# The last part (finalisation) is MicroPython-specific: digest() finalises the hash, after which
# update() and digest() raise ValueError (CPython allows both), so that output is by hand.
import hashlib

for name in ("md5", "sha1", "sha256"):
    algo = getattr(hashlib, name)
    print(name, algo().digest())
    print(name, algo(b"abc").digest())
    h = algo()
    for i in range(200):
        h.update(bytes([i & 0xFF]) * i)
    print(name, h.digest())
    h = algo(bytearray(b"x" * 55))
    h.update(memoryview(b"y" * 9))
    h.update("UTF-8 \u00e9".encode())
    print(name, h.digest())
    for n in (55, 56, 63, 64, 65, 119, 120, 128):
        print(name, n, algo(b"\xa5" * n).digest()[:6])

try:
    hashlib.sha256(1)
except TypeError:
    print("TypeError")

h = hashlib.sha256(b"123")
h.digest()
for f in (lambda: h.digest(), lambda: h.update(b"x")):
    try:
        f()
    except ValueError as e:
        print("ValueError", e)
