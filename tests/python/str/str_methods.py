# str methods that behave the same in MicroPython and CPython
s = "  Hello, World  "
print(s.strip(), s.lstrip(), s.rstrip(), sep="|")
print("xxhixx".strip("x"), "xyhiyx".lstrip("xy"), "hi!!".rstrip("!"))
print("a b  c".split(), "a,b,,c".split(","), "a,b,c".split(",", 1))
print("  a b c  ".split(None, 1), "a,b,c".rsplit(",", 1), "  a b c  ".rsplit(None, 1))
print("".split(), "".split(","), "abc".split("abc"))
print("a\nb\r\nc\rd\n".splitlines(), "a\nb\r\n".splitlines(True))
print(",".join(["a", "b", "c"]), "".join("xyz"), "-".join(()))
print("abcabc".find("c"), "abcabc".find("c", 3), "abcabc".find("c", 3, 5), "abcabc".rfind("b"))
print("abcabc".index("b"), "abcabc".rindex("b"), "abc".find(""), "abc".find("", 4))
print("aaaa".count("aa"), "abc".count(""), "banana".count("an", 2))
print("abc".startswith("ab"), "abc".startswith(("x", "a")), "abc".startswith("b", 1))
print("abc".endswith("bc"), "abc".endswith("b", 0, 2), "abc".endswith(("z",)))
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "ab".replace("", "-"))
print("MiXeD".upper(), "MiXeD".lower())
print("123".isdigit(), "12a".isdigit(), "abc".isalpha(), " \t\n".isspace(), "".isspace())
print("ABC1".isupper(), "abc1".islower(), "1".isupper(), "Ab".islower())
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("="), "abc".rpartition("="))
print(repr("abc".center(7)), repr("abc".center(2)))
print("abc" * 3, 2 * "xy", "abc" * 0, "abc" * -1)
print("a" + "b", "abc"[1], "abc"[-1], "abcdef"[1:4], "abcdef"[::2], "abcdef"[::-1], "abcdef"[-2:])
print(len("hello"), "ell" in "hello", "z" not in "hello")
print("abc" < "abd", "abc" == "abc", "b" > "abc", "a" <= "a", "B" >= "a")
print(list("abc"), [c for c in "xyz"])
print(str(), str(123), str("x"), str([1, "a"]), repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\there\nnl\\ \x01 \x7f"))
for exc_test in ["abc".index, "abc".rindex]:
    try:
        exc_test("z")
    except ValueError as e:
        print("ValueError", e)
try:
    "abc".split("")
except ValueError as e:
    print("ValueError", e)
try:
    "abc"[5]
except IndexError as e:
    print("IndexError", e)
