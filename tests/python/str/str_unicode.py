# Code-point semantics on strings with characters outside the BMP
s = "a😀bé"
print(len(s), s[1], s[-1], s[1:3], s[::-1], list(s))
print(s.find("b"), s.index("é"), s.rfind("😀"), s.count("😀"))
print(repr(s), ord("😀"), chr(0x1F600), chr(233))
print("{:>6}|{:^6}|{:<6}|".format(s, s, s))
print("%5s|%-5s|" % ("😀", "😀"))
print("x😀y".split("😀"), "😀".join(["a", "b"]), "😀a😀".strip("😀"))
print("😀😀".replace("😀", "x"), "a😀".encode())
print(str(b"caf\xc3\xa9", "utf-8"), b"\xf0\x9f\x98\x80".decode())
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError", e)
