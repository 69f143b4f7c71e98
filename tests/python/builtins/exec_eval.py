# exec, eval, compile, globals() with dicts
print(eval("1 + 2"))
x = 10
print(eval("x * 2"))
exec("y = x + 1")
print(y)
d = {"a": 5}
exec("b = a * 2", d)
print(d["b"], "a" in d)
print(eval("a + b", d))
print(eval("a + c", {"a": 1}, {"c": 2}))
loc = {}
exec("z = 3", {}, loc)
print(loc)
code = compile("q = 7", "<test>", "exec")
g = {}
exec(code, g)
print(g["q"])
print(eval(compile("6 * 7", "<test>", "eval")))
try:
    compile("1", "f", "bad")
except ValueError:
    print("ValueError")
try:
    eval("1 +")
except SyntaxError:
    print("SyntaxError")
try:
    exec("print(1)", "notadict")
except TypeError:
    print("TypeError")
globals()["gv"] = 99
print(gv)
print("x" in globals(), globals()["x"], globals() is globals())
exec("def f(): return 42")
print(f())
