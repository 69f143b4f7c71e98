# MicroPython differs from CPython: math.factorial(-1) says "negative factorial"
import math
print(math.pi, math.e, math.inf, math.tau)
print(math.sqrt(2), math.exp(1), math.log(100, 10), math.log(math.e), math.log2(8), math.log10(1000))
print(math.sin(0), math.cos(0), math.atan2(1, 1), math.degrees(math.pi), math.radians(180))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(3), type(math.floor(2.5)))
print(math.fabs(-3), math.fmod(7, 3), math.fmod(-7, 3), math.copysign(1, -0.0), math.modf(2.5), math.modf(-2.5))
print(math.frexp(8.0), math.frexp(0.1), math.ldexp(0.5, 4), math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan))
print(math.factorial(0), math.factorial(5), math.factorial(25))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9))
print("%.6f %.6f %.6f %.6f" % (math.gamma(5.5), math.lgamma(5.5), math.erf(0.5), math.erfc(0.5)))
for f, v in ((math.sqrt, -1), (math.log, 0), (math.log, -1), (math.acos, 2)):
    try:
        f(v)
    except ValueError as e:
        print("ValueError", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError", e)
