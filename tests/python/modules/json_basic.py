# json: dumps/loads round trips and MicroPython's formatting (agrees with CPython here).
# Objects come out in MicroPython's dict order (its hash-table slot order), from its unix port.
import json

for v in [None, True, False, 0, -17, 2**70, "", "abc", [1, [2, [3]]], (1, 2), {"a": 1, "b": [None, True]}]:
    s = json.dumps(v)
    print(s, json.loads(s))

print(json.dumps({"x": (1, 2), "y": {"z": "w"}}, separators=(",", ":")))
print(json.dumps([1, 2], separators=("; ", "=")))
print(json.dumps('tab\there "q" back\\slash\x01'))
print(json.dumps({1: "one", None: "none", True: "t"}))
print(json.dumps(1.5), json.dumps([0.25, -2.0]))

print(json.loads('  {"k": [1, 2.5, -3e2, "s\\u00e9", true, false, null]}  '))
print(json.loads(b'{"bytes": 1}'))
print(json.loads(bytearray(b"[2]")))
print(type(json.loads("1.0")), type(json.loads("10")))

for bad in ["", "[", '"open', "]", "tru", "[1] x", '{"a": {}', "{[]: 1}"]:
    try:
        json.loads(bad)
        print("no error", repr(bad))
    except ValueError:
        print("ValueError", repr(bad))

for sep in [1, (",",), [",", ":", "x"]]:
    try:
        json.dumps([1], separators=sep)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
