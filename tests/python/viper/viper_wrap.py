# Viper int/uint are 64-bit machine words (MicroPython's 64-bit unix port): arithmetic wraps
# around instead of growing into a big int, uint compares and shifts unsigned.
# Expected output written by hand (CPython has no viper): values follow two's complement on 64 bits.


@micropython.viper
def add(x: int, y: int) -> int:
    return x + y


@micropython.viper
def mul(x: int, y: int) -> int:
    return x * y


@micropython.viper
def addu(x: uint, y: uint) -> uint:
    return x + y


@micropython.viper
def shl(x: int, n: int) -> int:
    return x << n


@micropython.viper
def shr(x: int, n: int) -> int:
    return x >> n


@micropython.viper
def shru(x: uint, n: uint) -> uint:
    return x >> n


@micropython.viper
def less_u(x: uint, y: uint) -> bool:
    return x < y


@micropython.viper
def divmod_(x: int, y: int):
    return x // y, x % y


@micropython.viper
def neg_inv(x: int):
    return -x, ~x


print(add(0x7FFFFFFFFFFFFFFF, 1))
print(add(-0x8000000000000000, -1))
print(add(3, 4))
print(mul(0x100000000, 0x100000000))
print(mul(0x10000001, 0x100000001))
print(addu(-1, 0))
print(addu(-1, 1))
print(shl(1, 63))
print(shl(1, 64))
print(shr(-16, 2))
print(shru(-16, 60))
print(less_u(1, -1), less_u(-1, 1))
print(divmod_(7, -2), divmod_(-7, 2))
print(neg_inv(5), neg_inv(-0x8000000000000000))
