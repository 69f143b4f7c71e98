# bytes: construction, repr, operators and the str-like methods
# Note: MicroPython raises NotImplementedError for bytes slices with a step; we support them
# (as CPython does), so this file checks them against CPython.
print(b"", b"abc", b"\x00\x7f\x80\xff", b"'", b'"', b"'\"", b"\\\n\r\t")
print(bytes(), bytes(3), bytes([1, 2, 255]), bytes(range(4)), bytes(b"xy"), bytes(bytearray(b"z")))
print(bytes("h\u00e9", "utf-8"), bytes(x for x in (65, 66)))
for bad in ([256], [-1]):
    try:
        bytes(bad)
    except ValueError:
        print("ValueError")
try:
    bytes("abc")
except TypeError:
    print("TypeError")

b = b"hello world"
print(len(b), b[0], b[-1], b[1:4], b[::-1], b[::2], b[100:])
try:
    b[20]
except IndexError:
    print("IndexError")
print(list(b"abc"), [x for x in b"\x01\x02"])
print(b"ab" + b"cd", b"ab" * 3, 2 * b"xy", b"ab" * 0)
print(b"a" < b"b", b"ab" < b"a", b"abc" == b"abc", b"abc" != b"abd", b"b" >= b"a")
print(b"ell" in b, 104 in b, b"xyz" in b, b"" in b)
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"])

print(b.find(b"o"), b.rfind(b"o"), b.find(b"o", 5), b.find(b"z"), b.find(ord("w")))
print(b.index(b"wor"), b.rindex(b"l"), b.count(b"l"), b.count(b"l", 5), b.count(b""))
try:
    b.index(b"zz")
except ValueError:
    print("ValueError")
print(b.split(), b.split(b"o"), b.split(b"l", 1), b.rsplit(b"l", 1), b"a  b".split(b" "))
print(b"  pad  ".strip(), b"  pad  ".lstrip(), b"  pad  ".rstrip(), b"xxhixx".strip(b"x"))
print(b.replace(b"l", b"L"), b.replace(b"l", b"L", 2), b.replace(b"zz", b"y"))
print(b.partition(b" "), b.rpartition(b"o"), b.partition(b"#"))
print(b.startswith(b"hell"), b.endswith(b"ld"), b.startswith((b"x", b"h")), b.startswith(b"w", 6))
print(b.upper(), b"MiXeD".lower(), b"123".isdigit(), b"abc".isalpha(), b" \t".isspace())
print(b"ABC".isupper(), b"abc".islower(), b"".isdigit())
print(b"-".join([b"a", b"b", b"c"]), b"".join([]), b"a\nb\r\nc".splitlines())
print(b"foo".center(9), b"foo".center(2))
print(b"\x00\xab\xff".hex(), bytes.fromhex("00abff"), bytes.fromhex("01 02"))
print(b"caf\xc3\xa9".decode(), b"abc".decode("ascii"), str(b"xyz", "utf-8"))
print(b"\xff".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"))
