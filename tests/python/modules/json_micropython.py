# json behaviour specific to MicroPython (expected output written by hand; CPython differs):
# - dumps prints non-ASCII text as is (CPython escapes it: ensure_ascii)
# - dumps prints bytes as a string and other objects by their repr (CPython raises TypeError)
# - loads treats ',' and ':' as whitespace and does not pair brackets (CPython rejects these)
import json

print(json.dumps("héllo €"))
print(json.dumps(b"raw"))
print(json.dumps({b"k": 1}))
print(json.loads("[1 2 3]"))
print(json.loads("[1, 2}"))
print(json.loads("{1: 2}"))
print(json.loads('{"a" "b"}'))
print(json.loads('"\\x"'))
