# re behaviour specific to MicroPython's re1.5 engine (expected output written by hand):
# - no special escapes: r"\n" matches the letter n; use Python's own "\n" instead
# - split stops at the first empty match; splitting with groups is not implemented
# - sub() drops a backslash before an unknown char (CPython raises re.error)
# - compile errors are ValueError("regex too complex") / ValueError("error in regex")
# - counted repetition {m,n} is not an operator: braces are literal chars
# - the module has no split(); match objects print as <match num=N>
import re

print(re.match(r"\n", "n").group(0))
print(re.match("a\nb", "a\nb") is not None)
print(re.compile("x*").split("axbc"))
try:
    re.compile("( )").split("a b")
except NotImplementedError as e:
    print("NotImplementedError", e)
print(re.sub("x", r"\q", "axb"))
for p in ["*", "a**", "[abc", ")", "(a))"]:
    try:
        re.compile(p)
    except ValueError as e:
        print(p, e)
print(re.match("a{2}", "a{2}").group(0))
print(hasattr(re, "split"), hasattr(re, "DEBUG"))
print(re.match("(a)(b)?", "a"))
try:
    re.match("(a*)*", "aaa")
except RuntimeError:
    print("RuntimeError")
m = re.search("b+", "ééabbbc")
print(m.group(0), m.span(), m.start(), m.end())
