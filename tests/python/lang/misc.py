# comprehensions, f-strings, with statements, literals
print([x * y for x in [1, 2] for y in [10, 20] if y > x])
print({k: v for k, v in [("a", 1), ("b", 2)]})
print(sorted({c for c in "hello"}))
print([[j for j in [i, i + 1]] for i in [0, 10]])

name = "world"
n = 3.14159
print(f"hello {name}!", f"{n:.2f}", f"{name!r}", f"{42:>6}", f"{'x' * 3}")
w = 8
print(f"{n:{w}.3f}|", f"{{literal}}", f"{1+1=}" if False else "")

class CM:
    def __init__(self, tag, suppress=False):
        self.tag = tag
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.tag)
        return self.tag
    def __exit__(self, t, v, tb):
        print("exit", self.tag, t.__name__ if t else None)
        return self.suppress

with CM("a") as x, CM("b") as y:
    print("body", x, y)
with CM("s", True):
    raise ValueError("suppressed")
print("after suppressed")
try:
    with CM("n"):
        raise KeyError("escapes")
except KeyError:
    print("KeyError escaped")
def wr():
    with CM("r"):
        return "returned"
print(wr())

print(0x10, 0o17, 0b101, 1_000, 1e3, 2.5j, b"ab\x00", "\u00e9", ...)
print(123456789012345678901234567890 * 2)
print((1,), (), (1, 2) + (3,), [*[1, 2], *"ab"], {**{"a": 1}, "b": 2})
t = 1, 2
print(t, type(t).__name__)
print("a" "b" 'c')
print(r"\n", len("\n"))
