# Compile-time type errors of viper functions (ViperTypeError, a TypeError subclass), with
# MicroPython's messages (py/emitnative.c). Expected output written by hand (CPython has no viper).


def test(code):
    try:
        exec(code)
        print("ok")
    except (SyntaxError, ViperTypeError, NotImplementedError) as e:
        print(type(e).__name__, e)


test("@micropython.viper\ndef f(x: bool): -x")
test("@micropython.viper\ndef f():\n x = None\n x = 1")
test("@micropython.viper\ndef f(n):\n for i in range(n): pass")
test("@micropython.viper\ndef f(n: uint):\n for i in range(n): pass")
test("@micropython.viper\ndef f(x: int) -> int:\n return x / 2")
test("@micropython.viper\ndef f(x: int):\n while x:\n  y = x\n  x = y - 1")
test("@micropython.viper\ndef f():\n while y: y = 1")
test("@micropython.viper\ndef f(x: int): return x")
test("@micropython.viper\ndef f(p: ptr8): return int(p) + p[0]")
test("@micropython.viper\ndef f(x) -> bool: return bool(x)")
print(issubclass(ViperTypeError, TypeError))
