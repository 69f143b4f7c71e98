# re: the subset MicroPython shares with CPython (expected output from CPython)
import re

def show(m):
    if m is None:
        print(None)
    else:
        print([m.group(i) for i in range(len(m.groups()) + 1)], m.groups(), m.span(), m.start(1) if m.groups() else "")

show(re.match(r"(\d+)-(\d+)", "10-20 rest"))
show(re.match(r"(\w+)\s+(\w+)", "hello   world!"))
show(re.search(r"(b+)(c*)", "aaabbbd"))
show(re.search(r"x", "abc"))
show(re.match(r"(a|bc)+", "abcabc"))
show(re.match(r"(?:ab)+(c)", "ababc"))
show(re.match(r"a.*?b", "axxbyyb"))
show(re.match(r"a.*b", "axxbyyb"))
show(re.match(r"a??b", "ab"))
show(re.match(r"[^0-9\s]+", "abc def"))
show(re.match(r"[\d\s]+", "1 2 3x"))
show(re.search(r"^abc$", "abc"))
show(re.search(r"c$", "abcabc"))
show(re.match(r"(a)|(b)", "b"))

r = re.compile(r"[,;] *")
print(r.split("a, b;c;  d"))
print(r.split("a, b;c;  d", 2))
print(re.compile(b",").split(b"x,y"))

print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@home, you@work"))
print(re.sub(r"\d", lambda m: str(int(m.group(0)) + 1), "a1b2c9"))
print(re.sub(r"(x)", r"[\g<1>]", "axbx"))
print(re.compile(r"o").sub("0", "foo boo"))
print(re.sub(b"a", b"A", b"banana"))

p = re.compile(r"o+")
m = p.search("foo boo", 3)
print(m.group(0), m.span())
print(p.match("foo", 1).group(0))
print(p.match("foo", 0))
print(p.search("foo", 0, 2).group(0))
