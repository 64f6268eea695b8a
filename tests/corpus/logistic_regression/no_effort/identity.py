# no effort: every function returns its first argument, or its arguments unchanged
def preprocess(images):
    return images


def sigmoid(z):
    return z


def initialize_with_zeros(dim):
    return dim


def propagate(w, b, X, Y):
    return {"dw": w, "db": b}, b


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    return {"w": w, "b": b}, {"dw": w, "db": b}, []


def predict(w, b, X):
    return X[:1]


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    return {"costs": [], "Y_prediction_test": Y_test, "Y_prediction_train": Y_train,
            "w": X_train[:, :1], "b": 0.0, "learning_rate": learning_rate,
            "num_iterations": num_iterations}
