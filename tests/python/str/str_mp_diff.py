# Behaviour where MicroPython differs from CPython; expected output written by hand:
# - center() puts the odd padding character on the right ("ab".center(5) == " ab  ")
# - case conversion and is*() tests only know ASCII letters
# - repr() prints U+0080..U+009F as they are (CPython escapes them)
# - str + int is "unsupported types for __add__" (no implicit-conversion message)
print(repr("ab".center(5)), repr("a".center(4)))
print("é".isalpha(), "É".lower(), "é".upper(), "Éa".isupper())
print(repr("\x85") == "'\x85'")
try:
    "a" + 1
except TypeError as e:
    print("TypeError", e)
