"""Hidden tests for "Python basics with numpy".

One module per exercise; every test grades one property of one exercise and carries an
``@pytest.mark.exercise(name, points=N)`` mark. Expected values come from the reference
solution (the ``reference`` fixture), except the course's published examples in the public
tests. Shared input generators live in :mod:`.strategies`.
"""
