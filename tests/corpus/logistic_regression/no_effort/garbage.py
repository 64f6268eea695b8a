# no effort: every function returns something that is not an answer
def preprocess(images):
    return "TODO"


def sigmoid(z):
    return None


def initialize_with_zeros(dim):
    return "w", "b"


def propagate(w, b, X, Y):
    return {}, "cost"


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    return None, None, None


def predict(w, b, X):
    return [[]]


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    return {}
