# dict and list operations.
def bench(n):
    d = {}
    lst = []
    for i in range(n):
        k = i % 97
        d[k] = d.get(k, 0) + i
        lst.append(i)
        if len(lst) > 50:
            lst.pop(0)
    return sum(d.values()) + sum(lst) + len(sorted(d.keys()))
