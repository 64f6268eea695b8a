# no effort: every function raises NotImplementedError, as nbgrader's stubs do
def preprocess(images):
    raise NotImplementedError()


def sigmoid(z):
    raise NotImplementedError()


def initialize_with_zeros(dim):
    raise NotImplementedError()


def propagate(w, b, X, Y):
    raise NotImplementedError()


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    raise NotImplementedError()


def predict(w, b, X):
    raise NotImplementedError()


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    raise NotImplementedError()
