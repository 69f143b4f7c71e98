# String building, formatting, splitting and joining.
def bench(n):
    parts = []
    for i in range(n // 10 + 1):
        s = "item%d" % i + "-" + str(i * 3)
        parts.append("{}:{}".format(s, len(s)))
    text = ",".join(parts)
    return len(text.split(",")) + text.count("item")
