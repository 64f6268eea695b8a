"""The hidden suite of two_layer_net."""
