# marshal: MicroPython's marshal converts only code objects; functions compiled by
# micropython-ts have no code objects, so dumps() rejects everything and loads() accepts no data.
# MicroPython raises the same errors for these inputs (hand-written expected output).
import marshal

for v in (1, "str", b"bytes", (1, 2), [1], None, type):
    try:
        marshal.dumps(v)
    except ValueError as e:
        print("ValueError", e)
try:
    marshal.loads(b"\x00\x00")
except ValueError as e:
    print("ValueError", e)
try:
    marshal.loads(123)
except TypeError:
    print("TypeError")
