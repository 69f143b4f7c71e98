# Float arithmetic: a Mandelbrot-style inner loop.
def bench(n):
    count = 0
    for i in range(n // 50 + 1):
        cr = -2.0 + (i % 40) * 0.07
        ci = -1.0 + (i % 30) * 0.07
        zr = zi = 0.0
        k = 0
        while k < 50 and zr * zr + zi * zi < 4.0:
            zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
            k += 1
        count += k
    return count
