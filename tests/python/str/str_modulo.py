# Expected output by hand for the error messages, which follow MicroPython's wording.
# %-formatting for cases where MicroPython agrees with CPython
print("%%" % (), "=%s=" % 1, "%s %s" % (1, 2), "%s" % [1, 2], "%r" % "str")
print("%d %i %5d|%-5d|%05d" % (1, 2, 3, 4, -5))
print("%x %X %#x %#X %o %#o" % (255, 255, 255, 255, 8, 8))
print("%.3d|%+d|% d|%+05d" % (5, 5, 5, 5))
print("%.2f %5.1f %-6.2f| %e %E %g %G" % (1.25, 2.5, 3.5, 1234.5, 1234.5, 0.0001, 1e20))
print("%d %d" % (3.9, -3.9))
print("%c%c%c" % (65, "b", 0x3bc))
print("%*d|%-*d|%.*f" % (4, 1, 4, 2, 2, 3.14159))
print("%10s|%-10s|%.2s" % ("abc", "abc", "abc"))
print("%(a)s-%(b)03d" % {"a": "x", "b": 7})
print("%s" % {}, "foo" % {}, "%s" % ({},))
for bad in [("%s %s", 1), ("%s", (1, 2)), ("%", ()), ("%(a)s", 1)]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    "%y" % 1
except ValueError as e:
    print("ValueError", e)
