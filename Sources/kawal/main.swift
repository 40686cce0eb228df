print("kawal")
