print("conform-bench: not yet built")
