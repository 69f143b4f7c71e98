# Expected output by hand where MicroPython's error messages differ from CPython's
# (IndexError 'tuple index out of range', lower-case 'unknown format code').
# str.format and f-string format specs for cases where MicroPython agrees with CPython
# (MicroPython has no format() builtin, so specs are applied through f-strings here)
print("{} {}".format(1, "a"), "{1}{0}".format("x", "y"), "{a}{b}".format(a=1, b=2))
print("{{}} {{{}}}".format(5))
print("{!r} {!s}".format("q", "q"))
print("[{:5}] [{:<5}] [{:>5}] [{:^5}] [{:*^7}]".format("ab", "ab", "ab", "ab", "ab"))
print("[{:5}] [{:<5}] [{:05}] [{:+d}] [{: d}]".format(42, 42, -42, 42, 42))
print("{:x} {:X} {:#x} {:o} {:#o} {:b} {:#b}".format(255, 255, 255, 8, 8, 5, 5))
print("{:,} {:_} {:c}".format(1234567, 1234567, 65))
print("{:.2f} {:8.3f} {:e} {:.1%}".format(1.5, 3.14159, 12345.678, 0.125))
print("{:.3} {:10.2}|".format("abcdef", "xyz"))
print("{:>{}}|{:{}<{}}".format("a", 4, "b", "*", 4))
print("{0[1]} {0[0]}".format(["p", "q"]))
print("{:}".format(True), "{}".format(None), "{:d}".format(True))
print(f"{'ab':>4}", f"{255:x}", f"{3:05}", f"{2.5:.2f}")
x = 12
print(f"{x} {x:>4} {x!r} {'s':^5}|")
for bad in ["}", "{", "{!", "{!x}", "{0}{}", "{}{0}", "{:q}"]:
    try:
        print(bad.format(1, 2))
    except ValueError as e:
        print("ValueError")
try:
    "{5}".format(1)
except IndexError as e:
    print("IndexError", e)
# str(KeyError('k')) is k in MicroPython ('k' in CPython); the .exp has MicroPython's.
try:
    "{k}".format(1)
except KeyError as e:
    print("KeyError", e)
try:
    "{:d}".format("a")
except ValueError as e:
    print("ValueError", e)
