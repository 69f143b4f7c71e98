# floor division / modulo of big ints: random operands of many sizes and signs, exact quotients,
# near-integer ratios, and huge quotients
seed = 12345
def rnd(bits):
    global seed
    r = 0
    while bits > 0:
        seed = (seed * 1103515245 + 12345) % 2147483648
        r = (r << 16) | (seed >> 8) & 0xffff
        bits -= 16
    return r
acc = 0
for bits in (60, 100, 1000, 1500, 1600, 2000, 3000, 4000, 7000, 12000, 30000):
    for i in range(40):
        b = rnd(bits) + 1
        q = rnd(i % 30 + 1)
        extra = (rnd(bits), 0, 1, b - 1, rnd(bits // 2), -1)[i % 6]
        a = b * q + extra
        for sa in (1, -1):
            for sb in (1, -1):
                x = a * sa
                y = b * sb
                d = x // y
                m = x % y
                assert d * y + m == x
                acc = (acc * 31 + d + m) % 1000000007
        # the divisor varies in size between calls
        x = rnd(bits * 2)
        y = rnd(bits // 3 + 1) + 1
        acc = (acc * 31 + x // y + x % y) % 1000000007
        acc = (acc * 31 + (x // (y * y + 1))) % 1000000007
print(acc)
print(10 ** 2000 // (10 ** 1990), -10 ** 2000 // (10 ** 1990), (10 ** 2000 + 1) // -(10 ** 1990))
print((3 * 2 ** 3000 - 1) // 2 ** 3000, (3 * 2 ** 3000) // 2 ** 3000, (3 * 2 ** 3000 + 1) // 2 ** 3000)
print(-(3 * 2 ** 3000 - 1) // 2 ** 3000, -(3 * 2 ** 3000) // 2 ** 3000, -(3 * 2 ** 3000 + 1) // 2 ** 3000)
print((2 ** 5000 + 7) // 2 ** 4000 == 2 ** 1000, 5 // 2 ** 3000, -5 // 2 ** 3000, divmod(-5, 2 ** 3000)[0])
# identities with a bigint operand (no copy made, same value)
big = 3 ** 100
print(0 + big == big, big + 0 == big, big - 0 == big, 0 - big == -big, 1 * big == big, big * 1 == big)
print(0 * big, big * 0, type(big * 0), -1 * big == -big, big * -1 < 0, (big * 0) + 1)
print(2 ** 53 * 1, 1 * -(2 ** 53), 2 ** 53 + 0, 0 + -(2 ** 53) - 0)
print(True * big == big, big * False, big + False == big)
