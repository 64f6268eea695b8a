"""Numerical gradient checking with centred finite differences.

The same file serves the grader (``autograder.gradcheck``) and the students (an assignment
that lists it under ``engine_modules`` releases it as ``gradcheck.py``), so both always agree.
It needs numpy only.

For each parameter θ the numerical gradient is the centred difference

    ĝᵢ = (J(θ + ε·eᵢ) − J(θ − ε·eᵢ)) / 2ε,

whose error shrinks like ε², and the analytic gradient ``g`` is compared with it through the
relative error

    ‖g − ĝ‖ / (‖g‖ + ‖ĝ‖)        (defined as 0 when both are zero).

Thresholds, for float64 and the default ε = 1e-5:

=================  ==========  =====================================================
relative error     verdict     meaning
=================  ==========  =====================================================
≤ 1e-7             ``ok``      the gradient matches its cost
≤ 1e-4             ``check``   probably right; look again (a kink, or tiny gradients)
> 1e-4             ``wrong``   the backward pass does not match the forward pass
=================  ==========  =====================================================

A correct logistic-regression gradient typically scores around 1e-10 here, and a gradient
that is off by a factor (a missing 1/m), a sign or a transpose scores above 1e-2.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

EPSILON = 1e-5
OK_BELOW = 1e-7
WRONG_ABOVE = 1e-4


@dataclass(frozen=True)
class ParameterCheck:
    """The result of checking one parameter's gradient."""

    name: str
    relative_error: float
    verdict: str  # "ok", "check" or "wrong"

    def __str__(self) -> str:
        return f"{self.name}: relative error {self.relative_error:.2e} ({self.verdict})"


def relative_error(g, g_hat) -> float:
    """‖g − ĝ‖ / (‖g‖ + ‖ĝ‖) over all entries; 0.0 when both gradients are exactly zero.

    Arguments:
    g, g_hat -- arrays (or numbers) of the same shape

    Example: relative_error([1.0, 2.0], [1.0, 2.0]) == 0.0; relative_error([1.0], [3.0]) == 0.5
    """
    g = np.asarray(g, dtype=float)
    g_hat = np.asarray(g_hat, dtype=float)
    if g.shape != g_hat.shape:
        raise ValueError(f"gradient shapes differ: {g.shape} versus {g_hat.shape}")
    denominator = np.linalg.norm(g) + np.linalg.norm(g_hat)
    if denominator == 0.0:
        return 0.0
    return float(np.linalg.norm(g - g_hat) / denominator)


def verdict(error: float) -> str:
    """Name the band of the threshold table that ``error`` falls in."""
    if not np.isfinite(error) or error > WRONG_ABOVE:
        return "wrong"
    return "ok" if error <= OK_BELOW else "check"


def numerical_gradient(cost: Callable[[np.ndarray], float], theta, epsilon: float = EPSILON):
    """Centred-difference gradient of a scalar function at ``theta``.

    Arguments:
    cost -- function of one array (shape of theta) returning a number
    theta -- point to differentiate at, any shape; it is not modified
    epsilon -- step size

    Returns:
    gradient -- float array of the same shape as theta

    Example: numerical_gradient(lambda t: float(np.sum(t ** 2)), np.array([1.0, -2.0]))
             is close to array([2.0, -4.0])
    """
    theta = np.array(theta, dtype=float)  # a private copy: the caller's array is never touched
    gradient = np.zeros_like(theta)
    flat_theta, flat_gradient = theta.reshape(-1), gradient.reshape(-1)
    for index in range(flat_theta.size):
        original = flat_theta[index]
        flat_theta[index] = original + epsilon
        cost_plus = float(cost(theta))
        flat_theta[index] = original - epsilon
        cost_minus = float(cost(theta))
        flat_theta[index] = original
        flat_gradient[index] = (cost_plus - cost_minus) / (2 * epsilon)
    return gradient


def check_gradients(
    cost: Callable[[Mapping[str, np.ndarray]], float],
    params: Mapping[str, np.ndarray],
    grads: Mapping[str, np.ndarray],
    epsilon: float = EPSILON,
) -> list[ParameterCheck]:
    """Compare analytic gradients with centred differences, one parameter at a time.

    Arguments:
    cost -- function of a dict of parameters returning the cost, a number
    params -- {name: value} at which to check, e.g. {"w": (n_x, 1) array, "b": number}
    grads -- {name: analytic gradient} with the same names and shapes as params
    epsilon -- step size

    Returns:
    one ParameterCheck per parameter, in the order of params
    """
    results = []
    for name, value in params.items():
        scalar = np.ndim(value) == 0  # b is a number: hand it back as one

        def partial_cost(theta, name=name, scalar=scalar):
            return cost({**params, name: theta.item() if scalar else theta})

        estimate = numerical_gradient(partial_cost, value, epsilon)
        analytic = np.asarray(grads[name], dtype=float)
        if analytic.shape != estimate.shape:
            if analytic.size != estimate.size:
                raise ValueError(
                    f"gradient of {name} has shape {analytic.shape}, expected {estimate.shape}"
                )
            analytic = analytic.reshape(estimate.shape)
        error = relative_error(analytic, estimate)
        results.append(ParameterCheck(name, error, verdict(error)))
    return results
