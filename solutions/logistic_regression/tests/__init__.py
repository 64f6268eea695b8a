"""Hidden tests for the C1W2 assignment "logistic regression with a neural-network mindset".

One module per exercise; every test grades one property of one exercise and carries an
``@pytest.mark.exercise(name, points=N)`` mark. Expected values always come from the reference
solution (the ``reference`` fixture); the student's functions are reached only through the
``submission`` fixture. Shared input generators live in :mod:`.strategies`.
"""
