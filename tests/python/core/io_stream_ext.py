# MicroPython stream extensions and int() of buffers (expected output by hand where CPython differs)
import io
b = io.BytesIO()
b.write(b"foo", 2)
b.write(b"foobar", 1, 3)
b.write(b"foobar", 100, 100)
print(b.getvalue())
try:
    b.seek(-1)
except OSError as e:
    print("OSError", e.args[0] > 0)
print("io.StringIO" in repr(io.StringIO()), "io.BytesIO" in repr(io.BytesIO()))
print(int(memoryview(b"123")), int(bytearray(b"-7")))
