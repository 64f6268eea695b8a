"""Hidden tests of neuron_sgd: one neuron learning logical AND by single-example SGD.

One module per exercise or group; every test grades one property of one exercise and carries
an ``@pytest.mark.exercise(name, points=N)`` mark. Expected values come from the reference
solution (the ``reference`` fixture); the lesson's published numbers appear literally only in
public tests. Shared input generators live in :mod:`.strategies`.
"""
